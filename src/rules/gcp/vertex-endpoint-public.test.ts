import { ruleTester } from '../../testing/rule-tester.js';
import { vertexEndpointPublic } from './vertex-endpoint-public.js';

ruleTester(vertexEndpointPublic, {
  fixtures: 'src/rules/gcp/__fixtures__/vertex-endpoint-public',
  valid: [{ name: 'peered, PSC, decided by unresolved variables, an index endpoint', file: 'pass-endpoints.tf' }],
  invalid: [
    {
      name: 'shared by default, dedicated public, PSC off through a variable default',
      file: 'fail-endpoints.tf',
      errors: [
        { line: 8, messageId: 'shared' },
        { line: 19, messageId: 'dedicated' },
        { line: 27, messageId: 'pscDisabled' },
      ],
    },
    {
      name: 'Model Garden deployments without Private Service Connect (none written; turned off), not one with it',
      file: 'fail-model-garden.tf',
      errors: [
        { line: 2, messageId: 'modelGarden' },
        { line: 17, messageId: 'modelGarden' },
      ],
    },
    {
      name: 'a local module whose PSC block a tfvars value turns off',
      file: 'fail-module',
      errors: [{ file: 'modules/endpoint/main.tf', line: 9, messageId: 'shared' }],
    },
  ],
});
