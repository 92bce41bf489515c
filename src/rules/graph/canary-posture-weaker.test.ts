import { ruleTester } from '../../testing/rule-tester.js';
import { canaryPostureWeaker } from './canary-posture-weaker.js';

ruleTester(canaryPostureWeaker, {
  fixtures: 'src/rules/graph/__fixtures__/canary-posture-weaker',
  valid: [{ name: 'variants from one base (only image and labels differ); a weaker model that shares no traffic', file: 'pass-variants.yaml' }],
  invalid: [
    {
      name: 'one Service selects two versions (the second allows escalation, unpinned); an ingress-nginx canary without securityContext',
      file: 'fail-variants.yaml',
      errors: [
        { line: 28, messageId: 'weaker' },
        { line: 60, messageId: 'weaker' },
      ],
    },
  ],
});
