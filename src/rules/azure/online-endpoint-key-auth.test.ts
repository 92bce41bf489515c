import { ruleTester } from '../../testing/rule-tester.js';
import { onlineEndpointKeyAuth } from './online-endpoint-key-auth.js';

ruleTester(onlineEndpointKeyAuth, {
  fixtures: 'src/rules/azure/__fixtures__/online-endpoint-key-auth',
  valid: [{ name: 'AADToken, AMLToken, decided by an unresolved variable in both body forms, a batch endpoint', file: 'pass-endpoints.tf' }],
  invalid: [
    {
      name: 'Key in an HCL body (azapi v2), key from a variable default inside jsonencode (azapi v1, reported at body)',
      file: 'fail-endpoints.tf',
      errors: [
        { line: 17, messageId: 'keyAuth' },
        { line: 31, messageId: 'keyAuth' },
      ],
    },
  ],
});
