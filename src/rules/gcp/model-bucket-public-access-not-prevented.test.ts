import { ruleTester } from '../../testing/rule-tester.js';
import { modelBucketPublicAccessNotPrevented } from './model-bucket-public-access-not-prevented.js';

ruleTester(modelBucketPublicAccessNotPrevented, {
  fixtures: 'src/rules/gcp/__fixtures__/model-bucket-public-access-not-prevented',
  valid: [{ name: 'hardened, decided by the caller, unnamed, unlinked, a bucket outside the scan', file: 'pass-hardened' }],
  invalid: [
    {
      name: 'buckets of an InferenceService and a vLLM --model flag: defaults, explicit false, inherited from a variable default',
      file: 'fail-linked',
      errors: [
        { file: 'main.tf', line: 6, messageId: 'uniformNotSet' },
        { file: 'main.tf', line: 6, messageId: 'preventionNotSet' },
        { file: 'main.tf', line: 14, messageId: 'uniformDisabled' },
        { file: 'main.tf', line: 15, messageId: 'preventionInherited' },
      ],
    },
  ],
});
