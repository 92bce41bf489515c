import { ruleTester } from '../../testing/rule-tester.js';
import { llmServerExposedWithoutRateLimit } from './llm-server-exposed-without-rate-limit.js';

ruleTester(llmServerExposedWithoutRateLimit, {
  fixtures: 'src/rules/graph/__fixtures__/llm-server-exposed-without-rate-limit',
  valid: [
    {
      name: "Envoy rate-limit filters on the pods and on the Istio gateway, the OpenShift router's rate-http, a BackendTrafficPolicy on the Gateway, limits in a RawDeployment InferenceService's and a NIMService's annotations",
      file: 'pass-limited.yaml',
    },
    {
      name: 'unknown: a gateway outside the scan with a rate-limit filter elsewhere, a templated Route limit, an unreadable bind address, a policy on a route the NIM operator names, a Traefik middleware outside the scan, an unreadable KServe mode',
      file: 'pass-unknown.yaml',
    },
    {
      name: "IG-K8S-120's Ingress and HTTPRoute; Triton's standard build; loopback binds; a cluster-local InferenceService; a ClusterIP NIMService",
      file: 'pass-not-ours.yaml',
    },
  ],
  invalid: [
    {
      name: "layer 4: vLLM and SGLang on public load balancers (high); TGI on a node port, Ollama on a host port, Triton's TensorRT-LLM build on an internal load balancer (medium)",
      file: 'fail-layer4.yaml',
      errors: [
        { line: 23, messageId: 'noRateLimit', severity: 'high' },
        { line: 60, messageId: 'noRateLimit', severity: 'medium' },
        { line: 75, messageId: 'noRateLimit', severity: 'medium' },
        { line: 101, messageId: 'noRateLimit', severity: 'medium' },
        { line: 125, messageId: 'noRateLimit', severity: 'high' },
      ],
    },
    {
      name: "routes: an Istio VirtualService, an OpenShift Route with the limits on but none set, a TLSRoute (high); Knative and RawDeployment KServe routes (medium); the NIM operator's LoadBalancer and Ingress (high)",
      file: 'fail-routes.yaml',
      errors: [
        { line: 38, messageId: 'noRateLimit', severity: 'high' },
        { line: 49, messageId: 'noRateLimit', severity: 'high' },
        { line: 66, messageId: 'noRateLimit', severity: 'high' },
        { line: 71, messageId: 'noRateLimit', severity: 'medium' },
        { line: 86, messageId: 'noRateLimit', severity: 'medium' },
        { line: 103, messageId: 'nimNoRateLimit', severity: 'high' },
        { line: 106, messageId: 'nimNoRateLimit', severity: 'high' },
      ],
    },
  ],
});
