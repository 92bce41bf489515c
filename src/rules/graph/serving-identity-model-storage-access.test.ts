import { ruleTester } from '../../testing/rule-tester.js';
import { servingIdentityModelStorageAccess } from './serving-identity-model-storage-access.js';

ruleTester(servingIdentityModelStorageAccess, {
  fixtures: 'src/rules/graph/__fixtures__/serving-identity-model-storage-access',
  valid: [
    { name: 'each role reads its own prefix; a Deny cancels a write; the publisher that may write everything serves no model', file: 'pass-eks' },
    { name: "two roots (two deployments): one root's role that may write anything is not another root's neighbour", file: 'pass-two-roots' },
  ],
  invalid: [
    {
      name: 'IRSA roles: one writes its own model (a bucket ARN reference) and reads the whole bucket, the other writes the first one’s model (policy document)',
      file: 'fail-eks',
      errors: [
        { file: 'main.tf', line: 16, messageId: 'writesOwn', severity: 'high' },
        { file: 'main.tf', line: 17, messageId: 'readsOther', severity: 'medium' },
        { file: 'main.tf', line: 35, messageId: 'writesOther', severity: 'high' },
      ],
    },
  ],
});
