import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import { pointerOf } from '../parse/kubernetes/types.js';
import { SourceFile } from '../source/source-file.js';
import { adaptKubernetes } from './adapt/kubernetes.js';
import { authOnGeneratedFront, authOnPath, unauthenticatedPaths } from './auth-front.js';
import type { KubernetesModel, Workload } from './kubernetes.js';
import { exposureOfPort } from './port-exposure.js';
import type { ExposureKind } from './port-exposure.js';
import { setUnknownReadHook } from './value.js';

function modelOf(text: string): KubernetesModel {
  return adaptKubernetes(loadYamlStream(new SourceFile('inline.yaml', text))).model;
}

function workloadOf(model: KubernetesModel, kind: string, role?: string): Workload {
  const workload = model.workloads.find((candidate) => candidate.object.kind === kind && (role === undefined || candidate.role === role));
  assert.ok(workload, `no ${kind} workload`);
  return workload;
}

const OLLAMA = `apiVersion: apps/v1
kind: Deployment
metadata: {name: ollama, namespace: llm}
spec:
  selector: {matchLabels: {app: ollama}}
  template:
    metadata: {labels: {app: ollama}}
    spec:
      containers:
        - name: ollama
          image: ollama/ollama:0.6.2
          ports:
            - {name: http, containerPort: 11434}
---
apiVersion: v1
kind: Service
metadata: {name: ollama, namespace: llm}
spec:
  type: LoadBalancer
  selector: {app: ollama}
  ports:
    - {name: http, port: 11434, targetPort: http}
---
`;

/** An Ingress in front of the Ollama Service, with the given annotations (YAML lines under `annotations:`). */
function ingress(annotations: string[]): string {
  return `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ollama
  namespace: llm
  annotations:
${annotations.map((line) => `    ${line}`).join('\n') || '    {}'}
spec:
  ingressClassName: nginx
  rules:
    - host: ollama.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: ollama, port: {number: 11434}}}
---
`;
}

/** `kind → auth description | -` for every exposed path of the Ollama port. */
function authByPath(text: string): Record<string, string> {
  const model = modelOf(text);
  const workload = workloadOf(model, 'Deployment');
  const exposure = exposureOfPort(model, workload, { number: 11434, name: 'http' });
  const out: Record<string, string> = {};
  for (const path of exposure.paths) {
    if (!path.exposed) continue;
    const control = authOnPath(model, workload, path);
    out[path.kind] = control ? `${control.kind}${control.resolved ? '' : ' (unresolved)'}: ${control.description}` : '-';
  }
  return out;
}

function assertKinds(actual: Record<string, string>, expected: Partial<Record<ExposureKind, string | RegExp>>): void {
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort());
  for (const [kind, want] of Object.entries(expected)) {
    const got = actual[kind] ?? '';
    if (want instanceof RegExp) assert.match(got, want, kind);
    else assert.equal(got, want, kind);
  }
}

test('nothing recognised: every exposed path is unauthenticated', () => {
  const model = modelOf(OLLAMA + ingress([]));
  const workload = workloadOf(model, 'Deployment');
  const exposure = exposureOfPort(model, workload, { number: 11434, name: 'http' });
  assert.deepEqual(
    unauthenticatedPaths(model, workload, exposure).map((path) => path.kind),
    ['load-balancer', 'ingress'],
  );
});

test('Istio AuthorizationPolicy: selecting the pods, namespace-wide, mesh-wide on pods in the mesh; never AUDIT, allow-all or a RequestAuthentication alone', () => {
  const policy = (namespace: string, spec: string, kind = 'AuthorizationPolicy'): string =>
    `apiVersion: security.istio.io/v1\nkind: ${kind}\nmetadata: {name: p, namespace: ${namespace}}\nspec: ${spec}\n---\n`;
  const any = /^istio-policy: Istio AuthorizationPolicy/;
  assertKinds(authByPath(OLLAMA + policy('llm', '{selector: {matchLabels: {app: ollama}}, rules: [{from: [{source: {requestPrincipals: ["*"]}}]}]}')), { 'load-balancer': any });
  assertKinds(authByPath(OLLAMA + policy('llm', '{action: DENY, rules: [{from: [{source: {notRequestPrincipals: ["*"]}}]}]}')), { 'load-balancer': /\(DENY\) on every pod of the namespace/ });
  // A mesh-wide policy guards pods the scan shows in the mesh, not a pod with no known sidecar.
  const meshNamespace = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: llm, labels: {istio-injection: enabled}}\n---\n';
  assertKinds(authByPath(OLLAMA + meshNamespace + policy('istio-system', '{}')), { 'load-balancer': /\(ALLOW\) mesh-wide/ });
  assertKinds(authByPath(OLLAMA + policy('istio-system', '{}')), { 'load-balancer': '-' });
  assertKinds(authByPath(OLLAMA.replace('labels: {app: ollama}}', 'labels: {app: ollama, sidecar.istio.io/inject: "true"}}') + policy('istio-system', '{}')), { 'load-balancer': /mesh-wide/ });
  assertKinds(authByPath(OLLAMA + policy('istio-system', '{selector: {matchLabels: {app: ollama}}, action: CUSTOM, provider: {name: oauth2-proxy}, rules: [{to: [{operation: {paths: ["/*"]}}]}]}')), { 'load-balancer': any });
  // Not authentication: another namespace, another selector, AUDIT, ALLOW with an empty rule, a RequestAuthentication alone.
  assertKinds(authByPath(OLLAMA + policy('other', '{}')), { 'load-balancer': '-' });
  assertKinds(authByPath(OLLAMA + policy('llm', '{selector: {matchLabels: {app: vllm}}}')), { 'load-balancer': '-' });
  assertKinds(authByPath(OLLAMA + policy('llm', '{action: AUDIT, rules: [{}]}')), { 'load-balancer': '-' });
  assertKinds(authByPath(OLLAMA + policy('llm', '{action: ALLOW, rules: [{}]}')), { 'load-balancer': '-' });
  assertKinds(authByPath(OLLAMA + policy('llm', '{jwtRules: [{issuer: "https://issuer.example.com"}]}', 'RequestAuthentication')), { 'load-balancer': '-' });
});

test('Istio: no sidecar on a hostNetwork pod', () => {
  const text = OLLAMA.replace('    spec:\n      containers:', '    spec:\n      hostNetwork: true\n      containers:') + 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: deny, namespace: llm}\nspec: {}\n';
  assertKinds(authByPath(text), { 'load-balancer': /istio-policy/, 'host-network': '-' });
});

test('ingress-nginx annotations guard the Ingress path only', () => {
  assertKinds(authByPath(OLLAMA + ingress(['nginx.ingress.kubernetes.io/auth-url: "https://oauth2-proxy.auth.svc/oauth2/auth"'])), {
    'load-balancer': '-',
    ingress: /^ingress-auth: Ingress llm\/ollama sends each request to https:\/\/oauth2-proxy/,
  });
  assertKinds(authByPath(OLLAMA + ingress(['nginx.ingress.kubernetes.io/auth-type: basic', 'nginx.ingress.kubernetes.io/auth-secret: ollama-users'])), { 'load-balancer': '-', ingress: /HTTP basic/ });
  assertKinds(authByPath(OLLAMA + ingress(['nginx.ingress.kubernetes.io/auth-tls-verify-client: "on"', 'nginx.ingress.kubernetes.io/auth-tls-secret: llm/ca'])), { 'load-balancer': '-', ingress: /client certificate/ });
  // Near misses: basic without its Secret, client certificates optional, an empty auth-url.
  assertKinds(authByPath(OLLAMA + ingress(['nginx.ingress.kubernetes.io/auth-type: basic'])), { 'load-balancer': '-', ingress: '-' });
  assertKinds(authByPath(OLLAMA + ingress(['nginx.ingress.kubernetes.io/auth-tls-verify-client: optional', 'nginx.ingress.kubernetes.io/auth-tls-secret: llm/ca'])), { 'load-balancer': '-', ingress: '-' });
  assertKinds(authByPath(OLLAMA + ingress(['nginx.ingress.kubernetes.io/auth-url: ""'])), { 'load-balancer': '-', ingress: '-' });
});

test('AWS ALB authentication, unless unauthenticated requests are allowed', () => {
  assertKinds(authByPath(OLLAMA + ingress(['alb.ingress.kubernetes.io/auth-type: cognito'])), { 'load-balancer': '-', ingress: /Amazon Cognito/ });
  assertKinds(authByPath(OLLAMA + ingress(['alb.ingress.kubernetes.io/auth-type: oidc', 'alb.ingress.kubernetes.io/auth-on-unauthenticated-request: allow'])), { 'load-balancer': '-', ingress: '-' });
});

const MIDDLEWARE = (spec: string): string => `apiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata: {name: sso, namespace: llm}\nspec: ${spec}\n---\n`;

test('Traefik middlewares: an auth Middleware in the scan, a non-auth one, one not in the scan (unknown, taken as auth and recorded)', () => {
  const annotated = ingress(['traefik.ingress.kubernetes.io/router.middlewares: llm-sso@kubernetescrd']);
  assertKinds(authByPath(OLLAMA + annotated + MIDDLEWARE('{forwardAuth: {address: "http://authelia.auth.svc/api/verify"}}')), {
    'load-balancer': '-',
    ingress: 'ingress-auth: Traefik Middleware llm/sso (forwardAuth) on Ingress llm/ollama',
  });
  assertKinds(authByPath(OLLAMA + annotated + MIDDLEWARE('{stripPrefix: {prefixes: [/ollama]}}')), { 'load-balancer': '-', ingress: '-' });

  const model = modelOf(OLLAMA + annotated);
  const reads: string[] = [];
  const previous = setUnknownReadHook((_doc, path) => reads.push(pointerOf(path)));
  try {
    const workload = workloadOf(model, 'Deployment');
    const path = exposureOfPort(model, workload, { number: 11434, name: 'http' }).paths.find((candidate) => candidate.kind === 'ingress');
    assert.ok(path);
    const control = authOnPath(model, workload, path);
    assert.equal(control?.resolved, false);
    assert.match(control?.description ?? '', /llm-sso@kubernetescrd, which is not in the scanned files/);
    // A cache hit replays the read.
    authOnPath(model, workload, path);
  } finally {
    setUnknownReadHook(previous);
  }
  const pointer = '/metadata/annotations/traefik.ingress.kubernetes.io~1router.middlewares';
  assert.ok(reads.length >= 2 && reads.every((read) => read.endsWith(pointer)), reads.join(', '));
});

test('Kong plugins on the Ingress or on the Service', () => {
  const plugin = (name: string, kind: string): string => `apiVersion: configuration.konghq.com/v1\nkind: KongPlugin\nmetadata: {name: ${name}, namespace: llm}\nplugin: ${kind}\n---\n`;
  assertKinds(authByPath(OLLAMA + ingress(['konghq.com/plugins: rate, keys']) + plugin('rate', 'rate-limiting') + plugin('keys', 'key-auth')), { 'load-balancer': '-', ingress: /^gateway-policy: Kong plugin llm\/keys \(key-auth\) on Ingress/ });
  const annotatedService = OLLAMA.replace('metadata: {name: ollama, namespace: llm}\nspec:\n  type: LoadBalancer', 'metadata: {name: ollama, namespace: llm, annotations: {konghq.com/plugins: jwt}}\nspec:\n  type: LoadBalancer');
  assertKinds(authByPath(annotatedService + ingress([]) + plugin('jwt', 'jwt')), { 'load-balancer': '-', ingress: /on Service llm\/ollama/ });
  assertKinds(authByPath(OLLAMA + ingress(['konghq.com/plugins: rate']) + plugin('rate', 'rate-limiting')), { 'load-balancer': '-', ingress: '-' });
});

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: ollama, namespace: llm, labels: {auth: sso}}
spec:
  parentRefs: [{name: public, namespace: gateways}]
  rules:
    - backendRefs: [{name: ollama, port: 11434}]
---
`;

test('Envoy Gateway SecurityPolicy on the route or on its Gateway', () => {
  const policy = (namespace: string, spec: string): string => `apiVersion: gateway.envoyproxy.io/v1alpha1\nkind: SecurityPolicy\nmetadata: {name: sso, namespace: ${namespace}}\nspec: ${spec}\n---\n`;
  const jwt = 'jwt: {providers: [{name: idp, remoteJWKS: {uri: "https://idp.example.com/jwks"}}]}';
  assertKinds(authByPath(OLLAMA + ROUTE + policy('llm', `{targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: ollama}], ${jwt}}`)), {
    'load-balancer': '-',
    'gateway-route': 'gateway-policy: Envoy Gateway SecurityPolicy llm/sso (jwt) on HTTPRoute llm/ollama',
  });
  assertKinds(authByPath(OLLAMA + ROUTE + policy('gateways', '{targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: public}, extAuth: {http: {backendRefs: [{name: authz, port: 9000}]}}}')), {
    'load-balancer': '-',
    'gateway-route': /\(extAuth\) on Gateway gateways\/public/,
  });
  assertKinds(authByPath(OLLAMA + ROUTE + policy('llm', `{targetSelectors: [{kind: HTTPRoute, matchLabels: {auth: sso}}], ${jwt}}`)), { 'load-balancer': '-', 'gateway-route': /on HTTPRoute llm\/ollama/ });
  // Near misses: CORS only, a policy in another namespace than its target, an optional JWT.
  assertKinds(authByPath(OLLAMA + ROUTE + policy('llm', '{targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: ollama}], cors: {allowOrigins: ["*"]}}')), { 'load-balancer': '-', 'gateway-route': '-' });
  assertKinds(authByPath(OLLAMA + ROUTE + policy('other', `{targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: ollama}], ${jwt}}`)), { 'load-balancer': '-', 'gateway-route': '-' });
  assertKinds(authByPath(OLLAMA + ROUTE + policy('llm', '{targetRefs: [{group: gateway.networking.k8s.io, kind: HTTPRoute, name: ollama}], jwt: {optional: true, providers: [{name: idp}]}}')), { 'load-balancer': '-', 'gateway-route': '-' });
});

test('Istio targetRefs: a Gateway API Gateway the route attaches to', () => {
  const policy = 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: gw, namespace: gateways}\nspec:\n  targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: public}]\n  action: CUSTOM\n  provider: {name: ext-authz}\n  rules: [{to: [{operation: {paths: ["/*"]}}]}]\n';
  assertKinds(authByPath(OLLAMA + ROUTE + policy), { 'load-balancer': '-', 'gateway-route': /\(CUSTOM\) on Gateway public/ });
});

test('OpenShift AI: enable-auth on an InferenceService guards its KServe route', () => {
  const isvc = (annotation: string): string => `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: granite
  namespace: models
  annotations:
    serving.kserve.io/deploymentMode: Serverless
    ${annotation}
spec:
  predictor:
    model: {modelFormat: {name: vLLM}, storageUri: "pvc://granite/model"}
`;
  for (const [annotation, expected] of [
    ['security.opendatahub.io/enable-auth: "true"', /^route-auth: InferenceService models\/granite asks OpenShift AI/],
    ['security.opendatahub.io/enable-auth: "false"', /^-$/],
  ] as const) {
    const model = modelOf(isvc(annotation));
    const workload = workloadOf(model, 'InferenceService', 'predictor');
    const path = exposureOfPort(model, workload, { number: 8080 }).paths.find((candidate) => candidate.kind === 'kserve');
    assert.ok(path, 'no KServe route');
    const control = authOnPath(model, workload, path);
    assert.match(control ? `${control.kind}: ${control.description}` : '-', expected);
  }
});

test('an InferenceService predictor is selected by the labels KServe gives its pods', () => {
  const model = modelOf(`apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: fraud, namespace: models, annotations: {serving.kserve.io/deploymentMode: Serverless}}
spec:
  predictor:
    xgboost: {storageUri: gs://models/fraud}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: jwt, namespace: models}
spec:
  selector: {matchLabels: {serving.kserve.io/inferenceservice: fraud}}
  rules: [{from: [{source: {requestPrincipals: ["*"]}}]}]
`);
  const workload = workloadOf(model, 'InferenceService', 'predictor');
  const path = exposureOfPort(model, workload, { number: 8080 }).paths.find((candidate) => candidate.kind === 'kserve');
  assert.ok(path);
  assert.equal(authOnPath(model, workload, path)?.description, 'Istio AuthorizationPolicy models/jwt (ALLOW) selecting the pods');
});

test('authOnGeneratedFront: the Ingress annotations, the Gateway and the namespace of a resource whose operator creates the front', () => {
  const model = modelOf(`apiVersion: apps.nvidia.com/v1alpha1
kind: NIMService
metadata: {name: llama, namespace: nim}
spec:
  expose:
    router:
      annotations: {nginx.ingress.kubernetes.io/auth-url: "https://oauth2-proxy.auth.svc/oauth2/auth"}
      ingress: {ingressClass: nginx}
---
apiVersion: apps.nvidia.com/v1alpha1
kind: NIMService
metadata: {name: mistral, namespace: nim-open}
spec:
  expose:
    router:
      annotations: {nginx.ingress.kubernetes.io/ssl-redirect: "true"}
      ingress: {ingressClass: nginx}
---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: SecurityPolicy
metadata: {name: sso, namespace: gateways}
spec:
  targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: public}]
  oidc: {provider: {issuer: "https://idp.example.com"}, clientID: nim}
`);
  const [llama, mistral] = model.objects.filter((object) => object.kind === 'NIMService');
  assert.ok(llama && mistral);
  const annotations = (object: typeof llama): ReturnType<typeof llama.root.get> => object.root.get('spec', 'expose', 'router', 'annotations');
  assert.equal(authOnGeneratedFront(model, { kind: 'ingress', owner: llama, annotations: annotations(llama) })?.description, 'the Ingress of NIMService nim/llama sends each request to https://oauth2-proxy.auth.svc/oauth2/auth for authentication (ingress-nginx auth-url)');
  assert.equal(authOnGeneratedFront(model, { kind: 'ingress', owner: mistral, annotations: annotations(mistral) }), undefined);
  assert.equal(authOnGeneratedFront(model, { kind: 'load-balancer', owner: mistral }), undefined);
  const gateways = [{ name: 'public', namespace: 'gateways', object: undefined }];
  assert.equal(authOnGeneratedFront(model, { kind: 'gateway-route', owner: mistral, gateways })?.description, 'Envoy Gateway SecurityPolicy gateways/sso (oidc) on Gateway gateways/public');
  const denyAll = modelOf('apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: deny, namespace: nim-open}\nspec: {}\n');
  assert.match(authOnGeneratedFront(denyAll, { kind: 'load-balancer', owner: mistral })?.description ?? '', /on every pod of the namespace/);
});

test("an ingress-nginx canary Ingress is authenticated by its main Ingress's annotations, not its own", () => {
  const canary = ingress(['nginx.ingress.kubernetes.io/canary: "true"', 'nginx.ingress.kubernetes.io/canary-weight: "10"']).replace('name: ollama\n', 'name: ollama-canary\n');
  const main = ingress(['nginx.ingress.kubernetes.io/auth-url: "https://oauth2-proxy.auth.svc/oauth2/auth"']).replace('backend: {service: {name: ollama,', 'backend: {service: {name: ollama-main,');
  const model = modelOf(OLLAMA + main + canary);
  const workload = workloadOf(model, 'Deployment');
  const exposure = exposureOfPort(model, workload, { number: 11434, name: 'http' });
  const canaryPath = exposure.paths.find((path) => path.kind === 'ingress' && path.hops[0]?.object.name === 'ollama-canary');
  assert.ok(canaryPath);
  assert.match(authOnPath(model, workload, canaryPath)?.description ?? '-', /oauth2-proxy/);
  // Without a main Ingress on the host, the canary's own (absent) annotations decide.
  const alone = modelOf(OLLAMA + canary);
  const lone = exposureOfPort(alone, workloadOf(alone, 'Deployment'), { number: 11434, name: 'http' }).paths.find((path) => path.kind === 'ingress');
  assert.ok(lone);
  assert.equal(authOnPath(alone, workloadOf(alone, 'Deployment'), lone), undefined);
});
