import { ruleTester } from '../../testing/rule-tester.js';
import { canaryPostureWeaker } from './canary-posture-weaker.js';

ruleTester(canaryPostureWeaker, {
  fixtures: 'src/rules/graph/__fixtures__/canary-posture-weaker',
  valid: [
    { name: 'variants from one base (only image and labels differ); a weaker model that shares no traffic', file: 'pass-variants.yaml' },
    { name: 'SageMaker: production and shadow variants equally hardened; an isolation setting decided at apply is no difference', file: 'pass-sagemaker-variants.tf' },
  ],
  invalid: [
    {
      name: 'one Service selects two versions (the second allows escalation, unpinned); an ingress-nginx canary without securityContext',
      file: 'fail-variants.yaml',
      errors: [
        { line: 28, messageId: 'weaker' },
        { line: 60, messageId: 'weaker' },
      ],
    },
    {
      name: 'SageMaker: a canary production variant without isolation, VPC or digest; a shadow variant whose execution role may overwrite its model',
      file: 'fail-sagemaker-variants.tf',
      errors: [
        { line: 31, messageId: 'weaker', severity: 'high' },
        { line: 50, messageId: 'weaker', severity: 'high' },
      ],
    },
  ],
});
