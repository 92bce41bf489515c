import { ruleTester } from '../../testing/rule-tester.js';
import { modelDownloadInsecureChannel } from './model-download-insecure-channel.js';

ruleTester(modelDownloadInsecureChannel, {
  fixtures: 'src/rules/ml/__fixtures__/model-download-insecure-channel',
  valid: [{ name: 'HTTPS and s3 URIs, S3 annotations on, storage-config verifying, a Hub id and a pod-local HTTP source', file: 'pass-tls.yaml' }],
  invalid: [
    {
      name: 'http storageUri, S3 over HTTP without verification, storage-config verify_ssl "0", TorchServe model from an http URL',
      file: 'fail-plain-http.yaml',
      errors: [
        { line: 12, messageId: 'plainHttpUri' },
        { line: 21, messageId: 'plainS3' },
        { line: 22, messageId: 'unverifiedS3' },
        { line: 35, messageId: 'storageConfigUnverified', severity: 'high' },
        { line: 60, messageId: 'plainHttpSource' },
      ],
    },
  ],
});
