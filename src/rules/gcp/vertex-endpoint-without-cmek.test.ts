import { ruleTester } from '../../testing/rule-tester.js';
import { vertexEndpointWithoutCmek } from './vertex-endpoint-without-cmek.js';

ruleTester(vertexEndpointWithoutCmek, {
  fixtures: 'src/rules/gcp/__fixtures__/vertex-endpoint-without-cmek',
  valid: [{ name: 'CMEK through a key reference, a key the caller decides', file: 'pass-endpoints.tf' }],
  invalid: [
    {
      name: 'no block, a dynamic block that the variable default leaves out',
      file: 'fail-endpoints.tf',
      errors: [
        { line: 6, messageId: 'notSet' },
        { line: 13, messageId: 'notSet' },
      ],
    },
  ],
});
