import { ruleTester } from '../../testing/rule-tester.js';
import { tritonGrpcWithoutTls } from './triton-grpc-without-tls.js';

ruleTester(tritonGrpcWithoutTls, {
  fixtures: 'src/rules/ml/__fixtures__/triton-grpc-without-tls',
  valid: [{ name: 'TLS, mutual TLS, ClusterIP only, Istio sidecar, ambient with STRICT mesh-wide, gRPC off or on loopback', file: 'pass-grpc-tls.yaml' }],
  invalid: [
    {
      name: 'plaintext on an internet-facing LoadBalancer, TLS off on a NodePort, a sidecar with mTLS disabled on the port behind a hostPort',
      file: 'fail-grpc-plaintext.yaml',
      errors: [
        { line: 26, messageId: 'plaintext', severity: 'high' },
        { line: 60, messageId: 'plaintext', severity: 'medium' },
        { line: 112, messageId: 'plaintext', severity: 'medium' },
      ],
    },
  ],
});
