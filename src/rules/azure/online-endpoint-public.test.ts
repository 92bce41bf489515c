import { ruleTester } from '../../testing/rule-tester.js';
import { onlineEndpointPublic } from './online-endpoint-public.js';

ruleTester(onlineEndpointPublic, {
  fixtures: 'src/rules/azure/__fixtures__/online-endpoint-public',
  valid: [{ name: 'Disabled in both body forms, the value or the whole properties object from unresolved variables', file: 'pass-endpoints.tf' }],
  invalid: [
    {
      name: 'omitted (reported at properties), Enabled from a variable default, Enabled inside jsonencode',
      file: 'fail-endpoints.tf',
      errors: [
        { line: 12, messageId: 'notSet' },
        { line: 26, messageId: 'enabled' },
        { line: 37, messageId: 'enabled' },
      ],
    },
  ],
});
