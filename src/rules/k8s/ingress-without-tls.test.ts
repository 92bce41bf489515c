import { ruleTester } from '../../testing/rule-tester.js';
import { ingressWithoutTls } from './ingress-without-tls.js';

ruleTester(ingressWithoutTls, {
  fixtures: 'src/rules/k8s/__fixtures__/ingress-without-tls',
  valid: [
    { name: 'default certificate, wildcard and apex coverage, template hosts, HTTPS and TLS listeners, Istio redirect', file: 'pass-tls.yaml' },
    { name: 'ALB, GKE and Application Gateway certificates by annotation; NGINX TLS passthrough', file: 'pass-tls-annotations.yaml' },
    { name: 'a cluster-local Istio server whose only Service is ClusterIP, gateway pods installed elsewhere', file: 'pass-local-gateway-operator.yaml' },
    {
      name: 'a tls field that is not a list is unknown',
      code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  tls: "{{ .Values.tls }}"\n  rules:\n    - host: a.example.com\n',
    },
    {
      name: 'an Ingress of another API group is not checked',
      code: 'apiVersion: example.com/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules:\n    - host: a.example.com\n',
    },
  ],
  invalid: [
    {
      name: 'ssl-passthrough set to anything but "true", or an ssl-redirect, adds no TLS',
      code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\n  annotations: {nginx.ingress.kubernetes.io/ssl-passthrough: "false", nginx.ingress.kubernetes.io/ssl-redirect: "true"}\nspec:\n  rules:\n    - host: a.example.com\n',
      errors: [{ line: 6, messageId: 'noTls' }],
    },
    {
      name: 'no tls (raised: it fronts vLLM), hosts outside the wildcard, an empty tls list on extensions/v1beta1',
      file: 'fail-ingress.yaml',
      errors: [
        { line: 8, messageId: 'noTls', severity: 'high' },
        { line: 67, messageId: 'hostNotCovered', severity: 'medium' },
        { line: 69, messageId: 'hostNotCovered', severity: 'medium' },
        { line: 79, messageId: 'noTls', severity: 'medium' },
      ],
    },
    {
      name: 'HTTP-only Gateway API Gateway routing to an InferencePool of vLLM, and an HTTP-only Istio Gateway',
      file: 'fail-gateway.yaml',
      errors: [
        { line: 12, messageId: 'gatewayHttpOnly', severity: 'high' },
        { line: 68, messageId: 'gatewayHttpOnly', severity: 'medium' },
      ],
    },
    {
      name: 'Istio Gateways: the edge server behind a LoadBalancer is reported, cluster-local servers behind ClusterIP Services are not',
      file: 'fail-istio-local-and-edge.yaml',
      errors: [{ line: 75, messageId: 'gatewayHttpOnly', severity: 'medium' }],
    },
  ],
});
