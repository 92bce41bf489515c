import { ruleTester } from '../../testing/rule-tester.js';
import { rayClusterCarriesCredentials } from './ray-cluster-carries-credentials.js';

ruleTester(rayClusterCarriesCredentials, {
  fixtures: 'src/rules/graph/__fixtures__/ray-cluster-carries-credentials',
  valid: [{ name: 'token authentication on; exposed with nothing to steal; a token behind a head only the submitter reaches', file: 'pass-ray.yaml' }],
  invalid: [
    {
      name: 'a public head with an IRSA role; an internal head no NetworkPolicy selects, with a token in a worker',
      file: 'fail-ray.yaml',
      errors: [
        { line: 8, messageId: 'credentials', severity: 'critical' },
        { line: 48, messageId: 'credentials', severity: 'critical' },
      ],
    },
    {
      name: 'the head a NetworkPolicy closes to all but the submitter, on an AKS cluster that enforces no NetworkPolicy',
      file: 'fail-not-enforced',
      errors: [{ file: 'ray.yaml', line: 16, messageId: 'credentials', severity: 'critical' }],
    },
  ],
});
