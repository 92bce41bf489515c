import { ruleTester } from '../../testing/rule-tester.js';
import { mlflowServerUnauthenticated } from './mlflow-server-unauthenticated.js';

ruleTester(mlflowServerUnauthenticated, {
  fixtures: 'src/rules/ml/__fixtures__/mlflow-server-unauthenticated',
  valid: [
    {
      name: 'basic-auth and oidc-auth apps, the default loopback bind behind a proxy sidecar, an Ingress with basic auth, a NetworkPolicy selecting the pods, a namespace whose policies are not scanned, mlflow models serve',
      file: 'pass-authenticated-or-private.yaml',
    },
  ],
  invalid: [
    {
      name: 'a Helm-chart server on 0.0.0.0 behind a LoadBalancer, mlflow ui on MLFLOW_HOST=0.0.0.0 in a namespace whose policy leaves it out, a gunicorn bind behind a public Ingress',
      file: 'fail-open.yaml',
      errors: [
        { line: 25, messageId: 'exposed', severity: 'high' },
        { line: 81, messageId: 'inCluster', severity: 'high' },
        { line: 113, messageId: 'exposed', severity: 'high' },
      ],
    },
  ],
});
