import { ruleTester } from '../../testing/rule-tester.js';
import { rayClientGcsPublished } from './ray-client-gcs-published.js';

ruleTester(rayClientGcsPublished, {
  fixtures: 'src/rules/ml/__fixtures__/ray-client-gcs-published',
  valid: [
    {
      name: 'the default ClusterIP head Service, a ClusterIP Service for 10001, a NodePort for Serve only, a worker on the host network, a moved Client port, a LoadBalancer on the workers',
      file: 'pass-in-cluster.yaml',
    },
  ],
  invalid: [
    {
      name: 'NodePort head (both ports, one finding), LoadBalancer head with token auth (high), an Ingress to the Client port, a LoadBalancer on a hand-written head, a head on the host network, a NodePort head with Ray mutual TLS (high)',
      file: 'fail-exposed.yaml',
      errors: [
        { line: 10, messageId: 'portsExposed', severity: 'critical' },
        { line: 29, messageId: 'portsExposedWithAuth', severity: 'high' },
        { line: 57, messageId: 'portsExposed', severity: 'critical' },
        { line: 102, messageId: 'portsExposed', severity: 'critical' },
        { line: 132, messageId: 'portsExposed', severity: 'critical' },
        { line: 147, messageId: 'portsExposedWithAuth', severity: 'high' },
      ],
    },
  ],
});
