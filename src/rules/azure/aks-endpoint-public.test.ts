import { ruleTester } from '../../testing/rule-tester.js';
import { aksEndpointPublic } from './aks-endpoint-public.js';

ruleTester(aksEndpointPublic, {
  fixtures: 'src/rules/azure/__fixtures__/aks-endpoint-public',
  valid: [{ name: 'private cluster, narrow authorized ranges, ranges from an unresolved variable', file: 'pass-clusters.tf' }],
  invalid: [
    {
      name: 'public without ranges, 0.0.0.0/0 from a variable default, 0.0.0.0/0 in the azurerm 3.x attribute',
      file: 'fail-clusters.tf',
      errors: [
        { line: 6, messageId: 'noRanges' },
        { line: 36, messageId: 'openRange' },
        { line: 46, messageId: 'openRange' },
      ],
    },
  ],
});
