import { unauthenticatedPaths } from '../../model/auth-front.js';
import { exposureFindingPlace, exposureHops, portExposure, rayAuthOf, rayHeadOf, rayHeadSubject, rayTlsOf, worstPath } from '../../model/ml/ray.js';
import type { K8sObject } from '../../model/kubernetes.js';
import type { ExposurePath } from '../../model/port-exposure.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';
import { appendTo } from '../../model/collections.js';

interface ExposedPort {
  readonly label: string;
  readonly number: number;
  readonly path: ExposurePath;
  readonly open: readonly ExposurePath[];
  readonly place: { at: Node; object?: K8sObject };
}

export const rayClientGcsPublished = defineRule({
  meta: {
    id: 'IG-ML-042',
    name: 'ray-client-gcs-published',
    title: 'Ray Client or GCS ports published',
    severity: 'critical',
    rationale:
      "The Ray Client server (10001) runs whatever Python a connecting client sends (`ray.init(\"ray://host:10001\")`, then any remote function), and the GCS (6379) is the cluster's control plane: whoever talks to it can register jobs and actors, read the cluster's state and bring it down; both use pickle-based serialization. Ray's security guide says anyone who can reach these ports can execute arbitrary code, and that Ray expects the network to keep strangers out. Inside the cluster, KubeRay's head Service (ClusterIP, headless) is how workers join: this rule reports the ports only when they leave the namespace (catalogue F.0): a head Service of type `LoadBalancer` or `NodePort` (`headGroupSpec.serviceType`, a custom `headService`), `externalIPs`, an Ingress, Gateway API route, OpenShift Route or Istio VirtualService to them, a `hostPort` or `hostNetwork` — on a KubeRay head or any container running `ray start --head`.\n\nSeverity is critical when Ray asks for no credentials (unauthenticated code execution from outside the namespace) and high when it does: with token authentication (Ray 2.52+) or Ray's mutual TLS (`RAY_USE_TLS=1`, a client certificate signed by the cluster's CA) an attacker needs one more step, but one leaked token or key opens the cluster (the token travels in clear text without TLS), and the ports stay open to scanning and denial of service.",
    remediation:
      "Keep the head Service `ClusterIP` (`headGroupSpec.serviceType` unset), remove Services, Ingresses, routes, `hostPort` and `hostNetwork` that reach 10001 or 6379, and connect clients from inside the cluster (or `kubectl port-forward`), or submit work through the Jobs API behind an authenticating proxy. Turn on token authentication (`spec.authOptions.mode: token`, KubeRay 1.5.1+ and Ray 2.52+) and TLS (`RAY_USE_TLS`), and add a NetworkPolicy that admits 6379 and 10001 only from the Ray pods and the operator.",
    references: [
      'https://docs.ray.io/en/latest/ray-security/index.html',
      'https://docs.ray.io/en/latest/ray-security/token-auth.html',
      'https://docs.ray.io/en/latest/cluster/running-applications/job-submission/ray-client.html',
      'https://github.com/ray-project/kuberay/blob/master/ray-operator/controllers/ray/common/service.go',
    ],
    mappings: { stride: ['E'], atlas: ['AML.T0049', 'AML.T0050'], nist: ['SC-7'] },
    targets: ['k8s:RayCluster', 'k8s:RayService', 'k8s:RayJob', 'k8s:Workload'],
    fix: 'none',
    messages: {
      portsExposed: '{{subject}} publishes {{ports}} beyond its namespace ({{via}}) and Ray token authentication is off ({{auth}}): anyone who reaches it can run code on the cluster.',
      portsExposedWithAuth:
        "{{subject}} publishes {{ports}} beyond its namespace ({{via}}); Ray's own authentication ({{auth}}) is all that stands between the network and code execution on the cluster.",
    },
    examples: {
      bad: `apiVersion: ray.io/v1
kind: RayCluster
metadata: { name: serving, namespace: ray }
spec:
  rayVersion: '2.52.0'
  headGroupSpec:
    serviceType: NodePort
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.52.0
`,
      good: `apiVersion: ray.io/v1
kind: RayCluster
metadata: { name: serving, namespace: ray }
spec:
  rayVersion: '2.52.0'
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.52.0
`,
    },
  },
  create(context) {
    const { model } = context;
    return {
      workload(workload) {
        const head = rayHeadOf(model, workload);
        if (!head) return;
        const exposed: ExposedPort[] = [];
        for (const [label, port] of [
          ['the Ray Client port', head.client],
          ['the GCS port', head.gcs],
        ] as const) {
          const exposure = portExposure(model, head, port);
          if (!exposure?.exposed) continue;
          const open = unauthenticatedPaths(model, workload, exposure);
          const path = worstPath(open);
          if (!path) continue;
          exposed.push({ label, number: exposure.port, path, open, place: exposureFindingPlace(workload, port.declared, path) });
        }
        if (exposed.length === 0) return;
        const token = rayAuthOf(model, head);
        const tls = rayTlsOf(model, head);
        // Either one makes a caller prove who it is; one that cannot be read here is not evidence of open ports (high, not critical).
        const authenticated = token.state !== 'off' || tls.state !== 'off';
        const auth = [token.state !== 'off' ? token.description : undefined, tls.state !== 'off' ? tls.description : undefined].filter((text) => text !== undefined).join(', ') || token.description;
        // Both ports behind one field (`serviceType: NodePort`, `hostNetwork`): one finding names both.
        const groups = new Map<string, ExposedPort[]>();
        for (const port of exposed) {
          const key = `${port.place.at.doc.file.path}#${port.place.at.path.join('/')}`;
          appendTo(groups, key, port);
        }
        for (const group of groups.values()) {
          const first = group[0] as ExposedPort;
          const path = worstPath(group.map((port) => port.path)) ?? first.path;
          context.report({
            messageId: authenticated ? 'portsExposedWithAuth' : 'portsExposed',
            data: { subject: rayHeadSubject(head), ports: group.map((port) => `${port.label} ${port.number}`).join(' and '), via: path.hops[0]?.description ?? '', auth },
            ...first.place,
            severity: authenticated ? 'high' : 'critical',
            related: exposureHops(path, group.flatMap((port) => [port.path, ...port.open])),
          });
        }
      },
    };
  },
});
