import { ruleTester } from '../../testing/rule-tester.js';
import { gkeEndpointPublic } from './gke-endpoint-public.js';

ruleTester(gkeEndpointPublic, {
  fixtures: 'src/rules/gcp/__fixtures__/gke-endpoint-public',
  valid: [{ name: 'authorized networks, nodes only, private endpoint, DNS only, decided by the caller', file: 'pass-clusters.tf' }],
  invalid: [
    {
      name: 'no authorized networks, private nodes with a public endpoint, 0.0.0.0/0 from a variable default',
      file: 'fail-clusters.tf',
      errors: [
        { line: 8, messageId: 'unrestricted' },
        { line: 14, messageId: 'unrestricted' },
        { line: 33, messageId: 'allowsAnywhere' },
      ],
    },
  ],
});
