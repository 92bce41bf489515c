import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import { pointerOf } from '../parse/kubernetes/types.js';
import { SourceFile } from '../source/source-file.js';
import { adaptKubernetes } from './adapt/kubernetes.js';
import type { KubernetesModel, Workload } from './kubernetes.js';
import { kubeRayHeadService, kubeRayName, kubeRayPodLabels } from './kuberay.js';
import { exposureOfPort } from './port-exposure.js';
import type { PortExposure } from './port-exposure.js';
import { podLabelsOf } from './selectors.js';
import type { Node } from './value.js';

function modelOf(text: string): KubernetesModel {
  return adaptKubernetes(loadYamlStream(new SourceFile('inline.yaml', text))).model;
}

function lineOf(node: Node): number {
  const span = node.doc.spans.get(pointerOf(node.path));
  assert.ok(span, `no span for ${pointerOf(node.path)}`);
  return node.doc.file.positionAt(span.keyStart ?? span.start).line;
}

function head(model: KubernetesModel, kind = 'RayCluster'): Workload {
  const workload = model.workloads.find((candidate) => candidate.object.kind === kind && candidate.role === 'head');
  assert.ok(workload, `no ${kind} head`);
  return workload;
}

function describePaths(exposure: PortExposure): string[] {
  return exposure.paths.map((path) => {
    const flags = [path.exposed ? 'exposed' : '', path.internetFacing ? 'internet' : ''].filter(Boolean).join(' ');
    return `${path.kind}${flags ? ` [${flags}]` : ''}: ${path.hops.map((hop) => `${hop.object.kind}/${hop.object.name ?? ''}:${lineOf(hop.at)}`).join(' → ')}`;
  });
}

/** A RayCluster from line 1; `head` is inserted under headGroupSpec (4 spaces), `ports` under the Ray container. */
function rayCluster(headGroup: string, ports = '', extra = ''): string {
  return `apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: demo, namespace: ray${extra}}
spec:
  headGroupSpec:
${headGroup}    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.52.0
${ports}`;
}

test('kubeRayName keeps the last 50 characters and never starts with a digit or punctuation', () => {
  assert.equal(kubeRayName('demo-head-svc'), 'demo-head-svc');
  assert.equal(kubeRayName('1demo-head-svc'), 'rdemo-head-svc');
  const long = `${'a'.repeat(45)}-b-head-svc`;
  assert.equal(kubeRayName(long), long.slice(long.length - 50));
  assert.equal(kubeRayName(`abcdefghi-${'c'.repeat(40)}-head-svc`), `r${'c'.repeat(40)}-head-svc`);
});

test('the head Service: default ports, declared ports plus metrics, custom head Service ports, names and type', () => {
  const defaults = kubeRayHeadService(head(modelOf(rayCluster(''))));
  assert.ok(defaults);
  assert.deepEqual(defaults.names, ['demo-head-svc']);
  assert.equal(defaults.type, 'ClusterIP');
  assert.deepEqual(defaults.ports.map((port) => `${port.name}:${port.port}`), ['client:10001', 'gcs-server:6379', 'dashboard:8265', 'metrics:8080', 'serve:8000']);

  const declared = kubeRayHeadService(head(modelOf(rayCluster('    serviceType: NodePort\n', '            ports:\n              - {containerPort: 6379, name: gcs}\n              - {containerPort: 8266, name: dashboard}\n              - {containerPort: 10001}\n'))));
  assert.ok(declared);
  assert.equal(declared.type, 'NodePort');
  assert.equal(lineOf(declared.typeAt), 6);
  assert.deepEqual(declared.ports.map((port) => `${port.name}:${port.port}`), ['gcs:6379', 'dashboard:8266', '10001-port:10001', 'metrics:8080']);
  assert.equal(declared.dashboardIngressPort, 8266);

  const custom = kubeRayHeadService(
    head(modelOf(rayCluster('    serviceType: ClusterIP\n    headService:\n      metadata: {name: my-head}\n      spec:\n        type: LoadBalancer\n        ports: [{name: extra, port: 12345, targetPort: 8265}]\n'))),
  );
  assert.ok(custom);
  assert.deepEqual(custom.names, ['my-head']);
  assert.equal(custom.type, 'LoadBalancer');
  assert.equal(lineOf(custom.typeAt), 10);
  assert.deepEqual(custom.ports.map((port) => `${port.name}:${port.port}→${String(port.targetPort ?? port.port)}`).slice(0, 2), ['extra:12345→8265', 'client:10001→10001']);
});

test('RayService: its own head Service name; RayJob: no known name; workers and other templates: none', () => {
  const service = modelOf(`apiVersion: ray.io/v1
kind: RayService
metadata: {name: llm, namespace: ray}
spec:
  rayClusterConfig:
    headGroupSpec:
      serviceType: LoadBalancer
      rayStartParams: {}
      template:
        spec:
          containers: [{name: ray-head, image: rayproject/ray:2.52.0}]
    workerGroupSpecs:
      - groupName: gpu
        rayStartParams: {}
        template:
          spec:
            containers: [{name: ray-worker, image: rayproject/ray:2.52.0}]
---
apiVersion: ray.io/v1
kind: RayJob
metadata: {name: job, namespace: ray}
spec:
  entrypoint: python job.py
  rayClusterSpec:
    headGroupSpec:
      rayStartParams: {}
      template:
        spec:
          containers: [{name: ray-head, image: rayproject/ray:2.52.0}]
`);
  assert.deepEqual(kubeRayHeadService(head(service, 'RayService'))?.names, ['llm-head-svc']);
  assert.deepEqual(kubeRayHeadService(head(service, 'RayJob'))?.names, []);
  const worker = service.workloads.find((workload) => workload.role === 'worker:gpu');
  assert.ok(worker);
  assert.equal(kubeRayHeadService(worker), undefined);
});

test('operator pod labels: node type, group and cluster are the operator\'s; generated cluster names are left out', () => {
  const workload = head(modelOf(rayCluster('')));
  const labels = kubeRayPodLabels(workload, { app: 'demo', 'ray.io/node-type': 'worker', 'ray.io/cluster': 'other' });
  assert.deepEqual(labels, {
    'ray.io/is-ray-node': 'yes',
    'app.kubernetes.io/name': 'kuberay',
    'app.kubernetes.io/created-by': 'kuberay-operator',
    app: 'demo',
    'ray.io/node-type': 'head',
    'ray.io/group': 'headgroup',
    'ray.io/cluster': 'demo',
    'ray.io/identifier': 'demo-head',
  });
  const job = modelOf(`apiVersion: ray.io/v1
kind: RayJob
metadata: {name: job}
spec:
  rayClusterSpec:
    headGroupSpec:
      template: {spec: {containers: [{name: ray-head, image: rayproject/ray:2.52.0}]}}
`);
  const jobLabels = kubeRayPodLabels(head(job, 'RayJob'), {});
  assert.equal(jobLabels?.['ray.io/cluster'], undefined);
  assert.equal(jobLabels?.['ray.io/node-type'], 'head');
  const deployment = modelOf('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: busybox}]\n');
  const plain = deployment.workloads[0] as Workload;
  assert.equal(kubeRayPodLabels(plain, podLabelsOf(plain)), undefined);
});

interface Case {
  readonly name: string;
  readonly yaml: string;
  readonly port: number;
  readonly exposed: boolean;
  readonly internetFacing: boolean;
  readonly paths: readonly string[];
}

const cases: readonly Case[] = [
  {
    name: 'a ClusterIP head Service publishes the dashboard (default ports) without exposing it',
    yaml: rayCluster(''),
    port: 8265,
    exposed: false,
    internetFacing: false,
    paths: ['service: RayCluster/demo:5'],
  },
  {
    name: 'serviceType NodePort exposes every port of the head Service',
    yaml: rayCluster('    serviceType: NodePort\n'),
    port: 10001,
    exposed: true,
    internetFacing: false,
    paths: ['node-port [exposed]: RayCluster/demo:6'],
  },
  {
    name: 'serviceType LoadBalancer is internet-facing; an internal one from headServiceAnnotations is not',
    yaml: rayCluster('    serviceType: LoadBalancer\n'),
    port: 6379,
    exposed: true,
    internetFacing: true,
    paths: ['load-balancer [exposed internet]: RayCluster/demo:6'],
  },
  {
    name: 'headServiceAnnotations make the load balancer internal',
    yaml: rayCluster('    serviceType: LoadBalancer\n').replace('spec:\n  headGroupSpec:', 'spec:\n  headServiceAnnotations: {networking.gke.io/load-balancer-type: Internal}\n  headGroupSpec:'),
    port: 6379,
    exposed: true,
    internetFacing: false,
    paths: ['load-balancer [exposed]: RayCluster/demo:7'],
  },
  {
    name: 'a port the Ray container does not declare is not in the head Service',
    yaml: rayCluster('    serviceType: NodePort\n', '            ports:\n              - {containerPort: 6379, name: gcs-server}\n'),
    port: 8265,
    exposed: false,
    internetFacing: false,
    paths: [],
  },
  {
    name: 'enableIngress: the operator Ingress to the dashboard port, internet-facing without an internal class',
    yaml: rayCluster('    enableIngress: true\n'),
    port: 8265,
    exposed: true,
    internetFacing: true,
    paths: ['service: RayCluster/demo:5', 'ingress [exposed internet]: RayCluster/demo:6 → RayCluster/demo:5'],
  },
  {
    name: 'enableIngress does not reach the Ray Client port',
    yaml: rayCluster('    enableIngress: true\n'),
    port: 10001,
    exposed: false,
    internetFacing: false,
    paths: ['service: RayCluster/demo:5'],
  },
  {
    name: 'an Ingress in the files naming <cluster>-head-svc reaches the dashboard',
    yaml: `${rayCluster('')}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: dashboard, namespace: ray}
spec:
  ingressClassName: nginx
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: demo-head-svc, port: {number: 8265}}}
`,
    port: 8265,
    exposed: true,
    internetFacing: true,
    paths: ['service: RayCluster/demo:5', 'ingress [exposed internet]: Ingress/dashboard:23 → RayCluster/demo:5'],
  },
  {
    name: 'an Ingress naming the head Service in another namespace, or another port, does not',
    yaml: `${rayCluster('')}---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: dashboard, namespace: other}
spec:
  defaultBackend: {service: {name: demo-head-svc, port: {number: 8265}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: serve, namespace: ray}
spec:
  defaultBackend: {service: {name: demo-head-svc, port: {number: 8000}}}
`,
    port: 8265,
    exposed: false,
    internetFacing: false,
    paths: ['service: RayCluster/demo:5'],
  },
  {
    name: 'a Service in the files selecting ray.io/node-type: head of the cluster reaches the head pods',
    yaml: `${rayCluster('')}---
apiVersion: v1
kind: Service
metadata: {name: ray-client, namespace: ray}
spec:
  type: LoadBalancer
  selector: {ray.io/cluster: demo, ray.io/node-type: head}
  ports: [{name: client, port: 10001}]
`,
    port: 10001,
    exposed: true,
    internetFacing: true,
    paths: ['load-balancer [exposed internet]: Service/ray-client:19', 'service: RayCluster/demo:5'],
  },
  {
    name: 'a Service selecting the worker pods does not reach the head',
    yaml: `${rayCluster('')}---
apiVersion: v1
kind: Service
metadata: {name: workers, namespace: ray}
spec:
  type: NodePort
  selector: {ray.io/node-type: worker}
  ports: [{port: 10001}]
`,
    port: 10001,
    exposed: false,
    internetFacing: false,
    paths: ['service: RayCluster/demo:5'],
  },
];

for (const testCase of cases) {
  test(`KubeRay exposure: ${testCase.name}`, () => {
    const model = modelOf(testCase.yaml);
    const exposure = exposureOfPort(model, head(model), { number: testCase.port });
    assert.deepEqual(
      { exposed: exposure.exposed, internetFacing: exposure.internetFacing, paths: describePaths(exposure) },
      { exposed: testCase.exposed, internetFacing: testCase.internetFacing, paths: testCase.paths },
    );
  });
}
