import { ruleTester } from '../../testing/rule-tester.js';
import { vertexDataStoreWithoutCmek } from './vertex-data-store-without-cmek.js';

ruleTester(vertexDataStoreWithoutCmek, {
  fixtures: 'src/rules/gcp/__fixtures__/vertex-data-store-without-cmek',
  valid: [{ name: 'CMEK by reference, by variable, a dynamic block the caller decides, an endpoint', file: 'pass-stores.tf' }],
  invalid: [
    {
      name: 'dataset, featurestore and metadata store without encryption_spec',
      file: 'fail-stores.tf',
      errors: [
        { line: 1, messageId: 'notSet' },
        { line: 7, messageId: 'notSet' },
        { line: 15, messageId: 'notSet' },
      ],
    },
  ],
});
