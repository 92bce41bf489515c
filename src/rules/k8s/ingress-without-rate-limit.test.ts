import { ruleTester } from '../../testing/rule-tester.js';
import { ingressWithoutRateLimit } from './ingress-without-rate-limit.js';

ruleTester(ingressWithoutRateLimit, {
  fixtures: 'src/rules/k8s/__fixtures__/ingress-without-rate-limit',
  valid: [
    { name: 'NGINX, F5 NGINX, HAProxy, Traefik, Kong, Envoy Gateway and Kuadrant limits', file: 'pass-limited.yaml' },
    { name: 'internal classes, ALB default scheme, private Gateways, mesh routes, non-model backends', file: 'pass-not-public.yaml' },
    { name: 'middlewares, plugins, Services and policies that are not in the files are unknown', file: 'pass-unknown.yaml' },
    { name: "an ingress-nginx canary Ingress under its main Ingress's limit", file: 'pass-nginx-canary.yaml' },
    {
      name: 'a limit annotation with a template value still configures a limit',
      code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\n  annotations: {nginx.ingress.kubernetes.io/limit-rps: "{{ .Values.rps }}"}\nspec:\n  defaultBackend: {service: {name: s, port: {number: 80}}}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: m}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: m, labels: {app: m}}\nspec:\n  containers: [{name: m, image: ollama/ollama:0.3.12}]\n',
    },
  ],
  invalid: [
    {
      name: 'Ollama behind NGINX (high), Triton with the limit switched off and behind a public ALB (medium)',
      file: 'fail-ingress.yaml',
      errors: [
        { line: 41, messageId: 'ingressNoRateLimit', severity: 'high' },
        { line: 79, messageId: 'ingressNoRateLimit', severity: 'medium' },
        { line: 102, messageId: 'ingressNoRateLimit', severity: 'medium' },
      ],
    },
    {
      name: 'a Traefik chain and Kong plugins that do not limit requests',
      file: 'fail-controllers.yaml',
      errors: [
        { line: 55, messageId: 'ingressNoRateLimit', severity: 'high' },
        { line: 110, messageId: 'ingressNoRateLimit', severity: 'high' },
      ],
    },
    {
      name: 'HTTPRoute to an InferencePool of vLLM; GRPCRoute to Triton through a Gateway outside the files; a policy for another route',
      file: 'fail-routes.yaml',
      errors: [
        { line: 22, messageId: 'routeNoRateLimit', severity: 'high' },
        { line: 73, messageId: 'routeNoRateLimit', severity: 'medium' },
      ],
    },
  ],
});
