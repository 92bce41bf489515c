import { ruleTester } from '../../testing/rule-tester.js';
import { servedModelFromUnauthenticatedRegistry } from './served-model-from-unauthenticated-registry.js';

ruleTester(servedModelFromUnauthenticatedRegistry, {
  fixtures: 'src/rules/graph/__fixtures__/served-model-from-unauthenticated-registry',
  valid: [
    {
      name: 'an authenticated server; a loopback server behind a proxy; a Service to the proxy only; the URI in a Secret, outside the cluster, not scanned, on another port; a Databricks profile; an s3:// model; no tracking URI; a templated name',
      file: 'pass-registries.yaml',
    },
  ],
  invalid: [
    {
      name: 'open per IG-ML-046 (a public load balancer) and IG-ML-047 (any Host): a stage, a pinned version from a ConfigMap, an alias on the command line',
      file: 'fail-open.yaml',
      errors: [
        { line: 36, messageId: 'openRegistry', severity: 'high' },
        { line: 61, messageId: 'openRegistry', severity: 'medium' },
        { line: 105, messageId: 'openRegistry', severity: 'high' },
      ],
    },
    {
      name: 'no authentication, exposure not shown: a stage, a run, a logged model, the registry URI over the tracking URI',
      file: 'fail-unauthenticated.yaml',
      errors: [
        { line: 57, messageId: 'unauthenticatedRegistry', severity: 'medium' },
        { line: 65, messageId: 'unauthenticatedRegistry', severity: 'low' },
        { line: 71, messageId: 'unauthenticatedRegistry', severity: 'low' },
        { line: 78, messageId: 'unauthenticatedRegistry', severity: 'medium' },
      ],
    },
  ],
});
