import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../source/source-file.js';
import { adaptKubernetes } from './adapt/kubernetes.js';
import { exposesRequestPath, pathsInclude, pathsSeenByBackend, pathsWithin, routedPaths } from './http-paths.js';
import type { KubernetesModel } from './kubernetes.js';
import type { ExposurePath, HttpPathMatch } from './port-exposure.js';
import { exposureOfPort } from './port-exposure.js';

function modelOf(text: string): KubernetesModel {
  return adaptKubernetes(loadYamlStream(new SourceFile('inline.yaml', text))).model;
}

const VLLM = `apiVersion: apps/v1
kind: Deployment
metadata: {name: llama, namespace: llm}
spec:
  selector: {matchLabels: {app: llama}}
  template:
    metadata: {labels: {app: llama}}
    spec:
      containers:
        - {name: vllm, image: "vllm/vllm-openai:v0.11.0", ports: [{name: http, containerPort: 8000}]}
---
apiVersion: v1
kind: Service
metadata: {name: llama, namespace: llm}
spec:
  selector: {app: llama}
  ports: [{name: http, port: 80, targetPort: http}]
---
`;

/** The exposed paths of the vLLM port, each as its route conditions (`type value [→ rewrite]`), or `all` when nothing narrows the path. */
function routed(yaml: string): string[][] {
  const model = modelOf(VLLM + yaml);
  const workload = model.workloads.find((candidate) => candidate.object.kind === 'Deployment');
  assert.ok(workload);
  const exposure = exposureOfPort(model, workload, { number: 8000, name: 'http' });
  return exposure.paths
    .filter((path) => path.exposed)
    .map((path) => routedPaths(path)?.map((match) => `${match.type} ${match.value ?? '?'}${match.rewrite ? ` → ${match.rewrite.type} ${match.rewrite.value ?? '?'}` : ''}`) ?? ['all']);
}

describe('route hops carry the request paths they send on', () => {
  test('Ingress: Exact, Prefix, ImplementationSpecific, no path, default backend', () => {
    assert.deepEqual(
      routed(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: llm, namespace: llm}
spec:
  defaultBackend: {service: {name: llama, port: {number: 80}}}
  rules:
    - host: llm.example.com
      http:
        paths:
          - {path: /v1/chat/completions, pathType: Exact, backend: {service: {name: llama, port: {number: 80}}}}
          - {path: /v1, pathType: Prefix, backend: {service: {name: llama, port: {name: http}}}}
          - {path: /health, pathType: ImplementationSpecific, backend: {service: {name: llama, port: {number: 80}}}}
          - {pathType: ImplementationSpecific, backend: {service: {name: llama, port: {number: 80}}}}
`),
      [['prefix /'], ['exact /v1/chat/completions'], ['prefix /v1'], ['prefix /health'], ['prefix /']],
    );
  });

  test('Ingress in ingress-nginx regex mode: a rewrite-target replaces the whole path, captures make it a pattern', () => {
    assert.deepEqual(
      routed(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: llm
  namespace: llm
  annotations: {nginx.ingress.kubernetes.io/rewrite-target: /$2}
spec:
  rules:
    - http:
        paths:
          - {path: /llama(/|$)(.*), pathType: ImplementationSpecific, backend: {service: {name: llama, port: {number: 80}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: llm-root
  namespace: llm
  annotations: {nginx.ingress.kubernetes.io/rewrite-target: /}
spec:
  rules:
    - http:
        paths:
          - {path: /llama, pathType: Prefix, backend: {service: {name: llama, port: {number: 80}}}}
`),
      [['pattern /llama(/|$)(.*) → pattern /$2'], ['prefix /llama → full /']],
    );
  });

  test('HTTPRoute: matches with defaults, URLRewrite filters on the rule and on the backend', () => {
    assert.deepEqual(
      routed(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: llm, namespace: llm}
spec:
  parentRefs: [{name: public, namespace: gateways}]
  rules:
    - matches:
        - path: {type: PathPrefix, value: /v1}
        - path: {type: Exact, value: /health}
        - headers: [{name: x-model, value: llama}]
      backendRefs: [{name: llama, port: 80}]
    - backendRefs: [{name: llama, port: 80}]
    - matches: [{path: {type: PathPrefix, value: /llama/v1}}]
      filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /v1}}}]
      backendRefs: [{name: llama, port: 80}]
    - matches: [{path: {type: RegularExpression, value: "/v1/.*"}}]
      backendRefs:
        - name: llama
          port: 80
          filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplaceFullPath, replaceFullPath: /v1/completions}}}]
`),
      [['prefix /v1', 'exact /health', 'prefix /'], ['prefix /'], ['prefix /llama/v1 → prefix /v1'], ['pattern /v1/.* → full /v1/completions']],
    );
  });

  test('VirtualService: http rules by uri, rewrite.uri; tcp routes do not route by path', () => {
    assert.deepEqual(
      routed(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: llm, namespace: llm}
spec:
  hosts: ["*"]
  gateways: [istio-system/public]
  http:
    - match: [{uri: {prefix: /llama/}}]
      rewrite: {uri: /}
      route: [{destination: {host: llama, port: {number: 80}}}]
    - match: [{uri: {exact: /v1/models}}, {uri: {regex: "/v1/.*"}}, {headers: {x-a: {exact: b}}}]
      route: [{destination: {host: llama.llm.svc.cluster.local, port: {number: 80}}}]
  tcp:
    - route: [{destination: {host: llama, port: {number: 80}}}]
`),
      [['prefix /llama/ → prefix /'], ['exact /v1/models', 'pattern /v1/.*', 'prefix /'], ['all']],
    );
  });

  test('OpenShift Route: spec.path as a prefix, rewrite-target replacing it', () => {
    assert.deepEqual(
      routed(`apiVersion: route.openshift.io/v1
kind: Route
metadata:
  name: llm
  namespace: llm
  annotations: {haproxy.router.openshift.io/rewrite-target: /v1}
spec:
  path: /llama
  to: {kind: Service, name: llama}
`),
      [['prefix /llama → prefix /v1']],
    );
  });

  test('LoadBalancer: no path condition at all', () => {
    assert.deepEqual(routed(`apiVersion: v1\nkind: Service\nmetadata: {name: llama-lb, namespace: llm}\nspec:\n  type: LoadBalancer\n  selector: {app: llama}\n  ports: [{port: 443, targetPort: 8000}]\n`), [['all']]);
  });
});

describe('what the backend receives', () => {
  const match = (fields: Partial<HttpPathMatch>): HttpPathMatch => ({ type: 'prefix', value: '/', at: undefined as never, ...fields });

  test('rewrites decide the paths the backend sees; patterns and unreadable values say nothing', () => {
    assert.deepEqual(pathsSeenByBackend(match({ value: '/v1' })), { type: 'prefix', value: '/v1' });
    assert.deepEqual(pathsSeenByBackend(match({ value: '/llama', rewrite: { type: 'prefix', value: '/' } })), { type: 'prefix', value: '/' });
    assert.deepEqual(pathsSeenByBackend(match({ type: 'exact', value: '/a', rewrite: { type: 'prefix', value: '/b' } })), { type: 'exact', value: '/b' });
    assert.deepEqual(pathsSeenByBackend(match({ value: '/llama', rewrite: { type: 'full', value: '/' } })), { type: 'exact', value: '/' });
    assert.equal(pathsSeenByBackend(match({ type: 'pattern', value: '/v1/.*' })), undefined);
    assert.equal(pathsSeenByBackend(match({ value: undefined })), undefined);
    assert.equal(pathsSeenByBackend(match({ value: '/x', rewrite: { type: 'pattern', value: '/$2' } })), undefined);
  });

  test('prefixes match element by element', () => {
    assert.equal(pathsInclude({ type: 'prefix', value: '/v1' }, '/v1/models'), true);
    assert.equal(pathsInclude({ type: 'prefix', value: '/v1/' }, '/v1'), true);
    assert.equal(pathsInclude({ type: 'prefix', value: '/v1' }, '/v1x'), false);
    assert.equal(pathsInclude({ type: 'prefix', value: '/' }, '/docs'), true);
    assert.equal(pathsInclude({ type: 'exact', value: '/docs/' }, '/docs'), true);
    assert.equal(pathsWithin({ type: 'prefix', value: '/v1/chat' }, '/v1'), true);
    assert.equal(pathsWithin({ type: 'prefix', value: '/v10' }, '/v1'), false);
    assert.equal(pathsWithin({ type: 'prefix', value: '/' }, '/v1'), false);
  });

  test('exposesRequestPath: unnarrowed paths expose everything; a readable condition must let the path through', () => {
    const path = (httpPaths?: HttpPathMatch[]): ExposurePath => ({ kind: 'ingress', exposed: true, internetFacing: true, hops: [{ object: undefined as never, at: undefined as never, description: '', ...(httpPaths ? { httpPaths } : {}) }] });
    assert.equal(exposesRequestPath(path(), '/docs'), true);
    assert.equal(exposesRequestPath(path([match({ value: '/v1' })]), '/docs'), false);
    assert.equal(exposesRequestPath(path([match({ value: '/v1' }), match({ value: '/llama', rewrite: { type: 'prefix', value: '/' } })]), '/docs'), true);
    assert.equal(exposesRequestPath(path([match({ type: 'pattern', value: '.*' })]), '/docs'), false);
  });
});
