import { ruleTester } from '../../testing/rule-tester.js';
import { onlineDeploymentPublicEgress } from './online-deployment-public-egress.js';

ruleTester(onlineDeploymentPublicEgress, {
  fixtures: 'src/rules/azure/__fixtures__/online-deployment-public-egress',
  valid: [
    {
      name: 'egress disabled, egress from an unresolved variable, workspace in approved-outbound mode, workspace isolation unknown, workspace outside the scan',
      file: 'pass-deployments.tf',
    },
  ],
  invalid: [
    {
      name: 'omitted in an HCL body and Enabled from a variable default inside jsonencode, under a workspace that allows internet outbound',
      file: 'fail-deployments.tf',
      errors: [
        { line: 38, messageId: 'notSet' },
        { line: 57, messageId: 'enabled' },
      ],
    },
  ],
});
