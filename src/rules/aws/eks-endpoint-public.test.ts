import { ruleTester } from '../../testing/rule-tester.js';
import { eksEndpointPublic } from './eks-endpoint-public.js';

ruleTester(eksEndpointPublic, {
  fixtures: 'src/rules/aws/__fixtures__/eks-endpoint-public',
  valid: [{ name: 'public endpoint off, narrow CIDRs, access and CIDRs from unresolved variables', file: 'pass-clusters.tf' }],
  invalid: [
    {
      name: 'default public endpoint and CIDRs, explicit public, 0.0.0.0/0 written and from a variable default',
      file: 'fail-clusters.tf',
      errors: [
        { line: 9, messageId: 'defaultCidrs' },
        { line: 20, messageId: 'defaultCidrs' },
        { line: 29, messageId: 'openCidr' },
        { line: 39, messageId: 'openCidr' },
      ],
    },
    {
      name: '0.0.0.0/0 passed through a local module input from tfvars',
      file: 'fail-module',
      errors: [{ file: 'modules/cluster/main.tf', line: 10, messageId: 'openCidr' }],
    },
  ],
});
