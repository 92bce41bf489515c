import { ruleTester } from '../../testing/rule-tester.js';
import { modelBucketWithoutCmkOrVersioning } from './model-bucket-without-cmk-or-versioning.js';

ruleTester(modelBucketWithoutCmkOrVersioning, {
  fixtures: 'src/rules/aws/__fixtures__/model-bucket-without-cmk-or-versioning',
  valid: [
    { name: 'SSE-KMS with a key and versioning (separate resources and v3 inline blocks), values from unresolved variables, a bucket no model uses', file: 'pass-buckets.tf' },
    { name: 'buckets created with Object Lock (v4 flag and v3 block) have versioning on', file: 'pass-object-lock.tf' },
  ],
  invalid: [
    {
      name: 'no configuration at all, AES256 and versioning suspended from a variable default, inline aws:kms without a key and versioning off',
      file: 'fail-buckets.tf',
      errors: [
        { line: 7, messageId: 'noEncryptionConfig' },
        { line: 7, messageId: 'noVersioning' },
        { line: 19, messageId: 'notKms' },
        { line: 27, messageId: 'versioningOff' },
        { line: 35, messageId: 'versioningOff' },
        { line: 40, messageId: 'awsManagedKey' },
      ],
    },
  ],
});
