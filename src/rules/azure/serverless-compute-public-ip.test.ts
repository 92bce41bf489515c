import { ruleTester } from '../../testing/rule-tester.js';
import { serverlessComputePublicIp } from './serverless-compute-public-ip.js';

ruleTester(serverlessComputePublicIp, {
  fixtures: 'src/rules/azure/__fixtures__/serverless-compute-public-ip',
  valid: [{ name: 'subnet without public IPs (the default), decided by an unresolved variable, no serverless block', file: 'pass-workspaces.tf' }],
  invalid: [
    {
      name: 'public IPs without a subnet, public IPs from a variable default beside a subnet',
      file: 'fail-workspaces.tf',
      errors: [
        { line: 18, messageId: 'publicIpNoSubnet' },
        { line: 34, messageId: 'publicIp' },
      ],
    },
  ],
});
