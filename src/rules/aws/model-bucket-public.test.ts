import { ruleTester } from '../../testing/rule-tester.js';
import { modelBucketPublic } from './model-bucket-public.js';

ruleTester(modelBucketPublic, {
  fixtures: 'src/rules/aws/__fixtures__/model-bucket-public',
  valid: [
    {
      name: 'all four flags on, organisation / VPC-endpoint conditions, a Deny, no block resource (the default), a flag from an unresolved variable, public buckets no model uses, unknown bucket names',
      file: 'pass-buckets.tf',
    },
    { name: 'the account-level public access block turns every flag on', file: 'pass-account-block' },
  ],
  invalid: [
    {
      name: 'partial block, Principal "*" with only a transport condition, {"AWS": "*"} from a policy document, a public ACL, a flag off from a variable default',
      file: 'fail-buckets.tf',
      errors: [
        { line: 10, messageId: 'blockOff', severity: 'critical' },
        { line: 21, messageId: 'publicPolicy', severity: 'critical' },
        { line: 31, messageId: 'publicAcl', severity: 'high' },
        { line: 40, messageId: 'publicPolicy', severity: 'high' },
        { line: 59, messageId: 'blockOff', severity: 'critical' },
      ],
    },
    { name: 'a bucket a KServe InferenceService loads its model from (the public website bucket next to it is not a model bucket)', file: 'fail-kserve', errors: [{ file: 'main.tf', line: 9, messageId: 'blockOff', severity: 'critical' }] },
  ],
});
