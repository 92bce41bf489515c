import { ruleTester } from '../../testing/rule-tester.js';
import { vectorSearchEndpointPublic } from './vector-search-endpoint-public.js';

ruleTester(vectorSearchEndpointPublic, {
  fixtures: 'src/rules/gcp/__fixtures__/vector-search-endpoint-public',
  valid: [{ name: 'PSC, peered and explicitly private, decided by the caller', file: 'pass-index-endpoints.tf' }],
  invalid: [
    {
      name: 'public literally and through a variable default',
      file: 'fail-index-endpoints.tf',
      errors: [
        { line: 9, messageId: 'publicEndpoint' },
        { line: 15, messageId: 'publicEndpoint' },
      ],
    },
  ],
});
