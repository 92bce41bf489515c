import { ruleTester } from '../../testing/rule-tester.js';
import { modelBucketAccessLoggingOff } from './model-bucket-access-logging-off.js';

ruleTester(modelBucketAccessLoggingOff, {
  fixtures: 'src/rules/aws/__fixtures__/model-bucket-access-logging-off',
  valid: [
    { name: 'aws_s3_bucket_logging by reference (target from an unresolved variable), the v3 inline block, a bucket no model uses', file: 'pass-buckets.tf' },
    { name: 'a CloudTrail trail logs S3 object data events', file: 'pass-cloudtrail' },
  ],
  invalid: [
    {
      name: 'model and data-capture buckets without logging; a logging resource for another bucket',
      file: 'fail-buckets.tf',
      errors: [
        { line: 1, messageId: 'noLogging' },
        { line: 5, messageId: 'noLogging' },
      ],
    },
  ],
});
