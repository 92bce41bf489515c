import { runCases, refd, unk, v } from './test-support.js';

runCases([
  { fn: 'md5', args: [v('hello world')], want: '5eb63bbbe01eeed093cb22bb8f5acdc3' },
  { fn: 'sha1', args: [v('hello world')], want: '2aae6c35c94fcfb415dbe95f408b9ce91ee846ed' },
  { fn: 'sha256', args: [v('hello world')], want: 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9' },
  { fn: 'sha512', args: [v('hello world')], want: '309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f' },
  { fn: 'base64sha256', args: [v('hello world')], want: 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=' },
  { fn: 'md5', args: [refd(v('x'), 'aws_s3_object.o')], want: '9dd4e461268c8034f5c8564e155c67a6', refs: ['aws_s3_object.o'] },
  { fn: 'sha256', args: [unk('aws_s3_object.o', 'string')], want: { unknown: 'sha256() of an unknown value' }, refs: ['aws_s3_object.o'] },
  { fn: 'filesha256', args: [v('policy.json')], want: '75580242e3d61049b68569679c2a1ebf99cfb5d89de508ea9ec4de1665826117' },
  { fn: 'filemd5', args: [v('binary.bin')], want: { unknown: 'filemd5() of "binary.bin", which is not UTF-8 text' } },
  { fn: 'uuid', args: [], want: { unknown: 'uuid() is random' } },
  { fn: 'bcrypt', args: [v('secret')], want: { unknown: 'bcrypt() uses a random salt' } },
  { fn: 'uuidv5', args: [v('dns'), v('www.terraform.io')], want: 'a5008fae-b28c-5ba5-96cd-82b4c53552d6' },
  { fn: 'uuidv5', args: [v('url'), v('https://www.terraform.io/')], want: '9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5' },
  { fn: 'uuidv5', args: [v('6ba7b810-9dad-11d1-80b4-00c04fd430c8'), v('www.terraform.io')], want: 'a5008fae-b28c-5ba5-96cd-82b4c53552d6' },
  { fn: 'uuidv5', args: [v('nope'), v('x')], error: /unsupported namespace/ },
]);
