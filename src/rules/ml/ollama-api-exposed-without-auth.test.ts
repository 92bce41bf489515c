import { ruleTester } from '../../testing/rule-tester.js';
import { ollamaApiExposedWithoutAuth } from './ollama-api-exposed-without-auth.js';

ruleTester(ollamaApiExposedWithoutAuth, {
  fixtures: 'src/rules/ml/__fixtures__/ollama-api-exposed-without-auth',
  valid: [
    {
      name: 'ClusterIP only, a loopback bind behind a proxy sidecar, an auth-url Ingress, an Istio JWT policy, an unreadable bind, an unscanned Traefik middleware, another server on 11434',
      file: 'pass-private-or-authenticated.yaml',
    },
  ],
  invalid: [
    {
      name: 'a public LoadBalancer and a public Ingress (critical); an internal load balancer, a NodePort on a moved port and a hostPort (high)',
      file: 'fail-exposed.yaml',
      errors: [
        { line: 43, messageId: 'exposedToInternet', severity: 'critical' },
        { line: 80, messageId: 'exposed', severity: 'high' },
        { line: 125, messageId: 'exposedToInternet', severity: 'critical' },
        { line: 143, messageId: 'exposed', severity: 'high' },
        { line: 167, messageId: 'exposed', severity: 'high' },
      ],
    },
    {
      name: 'a Knative Service (the chart with knative.enabled) gets an external route',
      code: `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: ollama
  namespace: ollama
spec:
  template:
    spec:
      containers:
        - name: ollama
          image: ollama/ollama:0.17.1
          ports:
            - containerPort: 11434
`,
      errors: [{ line: 13, messageId: 'exposed', severity: 'high' }],
    },
  ],
});
