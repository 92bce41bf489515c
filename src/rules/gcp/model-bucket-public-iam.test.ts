import { ruleTester } from '../../testing/rule-tester.js';
import { modelBucketPublicIam } from './model-bucket-public-iam.js';

ruleTester(modelBucketPublicIam, {
  fixtures: 'src/rules/gcp/__fixtures__/model-bucket-public-iam',
  valid: [{ name: 'named members, members from the caller, a public bucket without models, a project grant', file: 'pass-named' }],
  invalid: [
    {
      name: '_iam_member, _iam_binding and _iam_policy with data.google_iam_policy on model buckets',
      file: 'fail-every-form',
      errors: [
        { file: 'main.tf', line: 16, messageId: 'publicGrant' },
        { file: 'main.tf', line: 24, messageId: 'publicGrant' },
        { file: 'main.tf', line: 31, messageId: 'publicGrant' },
      ],
    },
    {
      name: '_iam_policy written with jsonencode, the bucket linked by a kubernetes_manifest',
      file: 'fail-json-policy',
      errors: [{ file: 'main.tf', line: 12, messageId: 'publicGrant' }],
    },
  ],
});
