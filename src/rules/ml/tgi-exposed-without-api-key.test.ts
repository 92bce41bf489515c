import { ruleTester } from '../../testing/rule-tester.js';
import { tgiExposedWithoutApiKey } from './tgi-exposed-without-api-key.js';

ruleTester(tgiExposedWithoutApiKey, {
  fixtures: 'src/rules/ml/__fixtures__/tgi-exposed-without-api-key',
  valid: [
    {
      name: 'a key from a Secret or on the command line, a ClusterIP-only Service, an Istio policy requiring a principal, an Ingress with external auth, TGI on loopback behind an auth sidecar',
      file: 'pass-key-or-auth.yaml',
    },
  ],
  invalid: [
    {
      name: 'no key behind a public Ingress (Helm chart), an empty API_KEY behind a LoadBalancer, no key on a moved port behind a Gateway route',
      file: 'fail-no-key.yaml',
      errors: [
        { line: 33, messageId: 'noApiKey', severity: 'high' },
        { line: 98, messageId: 'emptyApiKey', severity: 'high' },
        { line: 129, messageId: 'noApiKey', severity: 'high' },
      ],
    },
  ],
});
