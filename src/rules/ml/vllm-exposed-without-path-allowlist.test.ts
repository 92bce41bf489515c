import { ruleTester } from '../../testing/rule-tester.js';
import { vllmExposedWithoutPathAllowlist } from './vllm-exposed-without-path-allowlist.js';

ruleTester(vllmExposedWithoutPathAllowlist, {
  fixtures: 'src/rules/ml/__fixtures__/vllm-exposed-without-path-allowlist',
  valid: [
    {
      name: 'ClusterIP only, routes that allowlist /v1 (prefixes, a rewrite onto /v1, an exact health check), vLLM on loopback or a unix socket behind a sidecar proxy, an Istio policy allowing /v1/* only, a published router in front of ClusterIP engines',
      file: 'pass-allowlisted.yaml',
    },
  ],
  invalid: [
    {
      name: 'an internet-facing LoadBalancer (API key from a Secret changes nothing), an internal Ingress routing /, an HTTPRoute adding exact /invocations, a regex rewrite that passes every path',
      file: 'fail-exposed.yaml',
      errors: [
        { line: 33, messageId: 'noAllowlist', severity: 'critical' },
        { line: 69, messageId: 'routeNotAllowlisted', severity: 'high' },
        { line: 118, messageId: 'routeNotAllowlisted', severity: 'critical' },
        { line: 165, messageId: 'routeNotAllowlisted', severity: 'critical' },
      ],
    },
  ],
});
