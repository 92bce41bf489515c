import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubernetesModel } from './kubernetes.js';
import { meshMarkerOf, meshMtlsOf } from './mesh.js';
import { modelOf } from './ml/ml-testing.js';

function workloadOf(model: KubernetesModel, name: string) {
  const found = model.workloads.find((workload) => workload.object.name === name);
  assert.ok(found, name);
  return found;
}

function deployment(name: string, namespace: string, meta: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: ${meta}
    spec:
      containers: [{name: c, image: x}]
---
`;
}

const NAMESPACES = `apiVersion: v1
kind: Namespace
metadata: {name: injected, labels: {istio-injection: enabled}}
---
apiVersion: v1
kind: Namespace
metadata: {name: revision, labels: {istio.io/rev: canary}}
---
apiVersion: v1
kind: Namespace
metadata: {name: off, labels: {istio-injection: disabled}}
---
apiVersion: v1
kind: Namespace
metadata: {name: ambient, labels: {istio.io/dataplane-mode: ambient}}
---
apiVersion: v1
kind: Namespace
metadata: {name: linkerd, annotations: {linkerd.io/inject: enabled}}
---
`;

test('markers: Istio labels on pod and namespace, opt-outs, ambient, Linkerd; the annotation "true" alone is none', () => {
  const model = modelOf(
    NAMESPACES +
      deployment('pod-label', 'plain', '{labels: {app: pod-label, sidecar.istio.io/inject: "true"}}') +
      deployment('pod-annotation', 'plain', '{labels: {app: pod-annotation}, annotations: {sidecar.istio.io/inject: "true"}}') +
      deployment('ns-label', 'injected', '{labels: {app: ns-label}}') +
      deployment('opt-out', 'injected', '{labels: {app: opt-out, sidecar.istio.io/inject: "false"}}') +
      deployment('ns-revision', 'revision', '{labels: {app: ns-revision}}') +
      deployment('ns-disabled', 'off', '{labels: {app: ns-disabled, sidecar.istio.io/inject: "true"}}') +
      deployment('ambient-ns', 'ambient', '{labels: {app: ambient-ns}}') +
      deployment('ambient-none', 'ambient', '{labels: {app: ambient-none, istio.io/dataplane-mode: none}}') +
      deployment('linkerd-ns', 'linkerd', '{labels: {app: linkerd-ns}}') +
      deployment('linkerd-off', 'linkerd', '{labels: {app: linkerd-off}, annotations: {linkerd.io/inject: disabled}}') +
      deployment('unscanned-ns', 'elsewhere', '{labels: {app: unscanned-ns}}'),
  );
  const marker = (name: string) => {
    const found = meshMarkerOf(model, workloadOf(model, name));
    return found && `${found.mesh}: ${found.description}`;
  };
  assert.equal(marker('pod-label'), 'Istio: pod label sidecar.istio.io/inject=true');
  assert.equal(marker('pod-annotation'), undefined);
  assert.equal(marker('ns-label'), 'Istio: Namespace injected label istio-injection=enabled');
  assert.equal(marker('opt-out'), undefined);
  assert.equal(marker('ns-revision'), 'Istio: Namespace revision label istio.io/rev=canary');
  assert.equal(marker('ns-disabled'), undefined);
  assert.equal(marker('ambient-ns'), 'Istio ambient: Namespace ambient label istio.io/dataplane-mode=ambient');
  assert.equal(marker('ambient-none'), undefined);
  assert.equal(marker('linkerd-ns'), 'Linkerd: Namespace linkerd annotation linkerd.io/inject=enabled');
  assert.equal(marker('linkerd-off'), undefined);
  assert.equal(marker('unscanned-ns'), undefined);
});

test('PeerAuthentication: workload port level, then workload, then namespace, then mesh-wide; UNSET inherits', () => {
  const policy = (name: string, namespace: string, spec: string) => `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: ${name}, namespace: ${namespace}}
spec: ${spec}
---
`;
  const model = modelOf(
    policy('mesh', 'istio-system', '{mtls: {mode: STRICT}}') +
      policy('ns', 'permissive', '{mtls: {mode: PERMISSIVE}}') +
      policy('workload', 'permissive', '{selector: {matchLabels: {app: strict}}, mtls: {mode: STRICT}, portLevelMtls: {"8001": {mode: DISABLE}}}') +
      policy('unset', 'permissive', '{selector: {matchLabels: {app: unset}}, mtls: {mode: UNSET}}') +
      policy('ignored', 'istio-system', '{selector: {matchLabels: {app: plain}}, mtls: {mode: DISABLE}}') +
      deployment('strict', 'permissive', '{labels: {app: strict, sidecar.istio.io/inject: "true"}}') +
      deployment('unset', 'permissive', '{labels: {app: unset, sidecar.istio.io/inject: "true"}}') +
      deployment('plain', 'other', '{labels: {app: plain, sidecar.istio.io/inject: "true"}}') +
      deployment('nomesh', 'other', '{labels: {app: nomesh}}'),
  );
  const mtls = (name: string, port: number) => {
    const found = meshMtlsOf(model, workloadOf(model, name), port);
    return found && `${String(found.mtls)} ${found.peerAuthentication?.description ?? '-'}`;
  };
  assert.equal(mtls('strict', 8001), 'false PeerAuthentication permissive/workload (DISABLE)');
  assert.equal(mtls('strict', 8000), 'true PeerAuthentication permissive/workload (STRICT)');
  assert.equal(mtls('unset', 8001), 'false PeerAuthentication permissive/ns (PERMISSIVE)');
  assert.equal(mtls('plain', 8001), 'true PeerAuthentication istio-system/mesh (STRICT)');
  assert.equal(mtls('nomesh', 8001), undefined);
});
