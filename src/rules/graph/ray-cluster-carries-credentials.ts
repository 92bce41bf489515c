import { servingGraph, workloadId } from '../../graph/serving-graph.js';
import { unauthenticatedPaths } from '../../model/auth-front.js';
import { dashboardExposure, exposureHops, portExposure, rayAuthOf, rayHeadOf, rayHeadSubject, worstPath } from '../../model/ml/ray.js';
import type { RayHead } from '../../model/ml/ray.js';
import { ingressIsolation } from '../../model/network-policies.js';
import { networkPolicyEnforcement } from '../../model/network-policy-enforcement.js';
import type { Node } from '../../model/value.js';
import { workloadIdentitiesOf } from '../../model/workload-identity.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

/** Environment names that carry tokens worth stealing (cloud keys, model hubs, API keys). */
const CREDENTIAL_ENV = /(TOKEN|SECRET|PASSWORD|API_?KEY|ACCESS_KEY|CREDENTIALS?)$/i;

export const rayClusterCarriesCredentials = defineRule({
  meta: {
    id: 'IG-GRAPH-007',
    name: 'ray-cluster-carries-credentials',
    title: 'Reachable Ray cluster whose pods carry cloud credentials (ShadowRay)',
    severity: 'critical',
    rationale:
      'Ray\'s Jobs API runs whatever a client submits, and before token authentication (Ray 2.52, opt-in) nothing checks who the client is. In the ShadowRay campaign attackers scanned for reachable dashboards, submitted jobs, and harvested what the pods held: cloud credentials, Hugging Face and OpenAI tokens, database passwords, then the models and data those reached. A reachable, unauthenticated Ray cluster is IG-ML-040 / 041\'s finding; this rule adds what makes it a breach rather than a compute bill: a Ray pod that acts as a cloud identity (IRSA, Pod Identity, GKE Workload Identity) or carries a token in its environment.',
    remediation:
      'First close the door: token authentication (`authOptions.mode: token` with KubeRay 1.5.1+ and Ray 2.52+), no LoadBalancer or public Ingress for ports 8265 / 10001, a NetworkPolicy admitting only the clients that submit jobs, on a cluster whose network plugin enforces NetworkPolicies. Then shrink what a job can steal: give the Ray pods an identity that reads only the data they process, and mount tokens as files for the one worker group that needs them rather than as environment variables of every pod.',
    references: [
      'https://www.oligo.security/blog/shadowray-attack-ai-workloads-actively-exploited-in-the-wild',
      'https://docs.ray.io/en/latest/ray-security/index.html',
      'https://docs.ray.io/en/latest/cluster/kubernetes/user-guides/kuberay-auth.html',
    ],
    mappings: { stride: ['E', 'I'], atlas: ['AML.T0049', 'AML.T0055', 'AML.T0025'], nist: ['AC-6', 'SC-7'] },
    targets: ['k8s:RayCluster', 'k8s:RayService', 'k8s:RayJob', 'k8s:ServiceAccount', 'tf:aws_iam_role'],
    fix: 'none',
    messages: {
      credentials: '{{subject}} accepts jobs without authentication from {{reach}}, and its pods carry {{what}}: a submitted job takes them (the ShadowRay pattern).',
    },
    examples: {
      bad: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ray
  namespace: ray
  annotations:
    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/ray-data
---
apiVersion: ray.io/v1
kind: RayCluster
metadata: { name: serve, namespace: ray }
spec:
  rayVersion: '2.9.0'
  headGroupSpec:
    serviceType: LoadBalancer
    rayStartParams: { dashboard-host: 0.0.0.0 }
    template:
      spec:
        serviceAccountName: ray
        containers:
          - name: ray-head
            image: rayproject/ray:2.9.0
`,
      good: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ray
  namespace: ray
---
apiVersion: ray.io/v1
kind: RayCluster
metadata: { name: serve, namespace: ray }
spec:
  rayVersion: '2.9.0'
  headGroupSpec:
    serviceType: LoadBalancer
    rayStartParams: { dashboard-host: 0.0.0.0 }
    template:
      spec:
        serviceAccountName: ray
        containers:
          - name: ray-head
            image: rayproject/ray:2.9.0
`,
    },
  },
  create(context) {
    return {
      workload(workload) {
        const head = rayHeadOf(context.model, workload);
        if (!head || rayAuthOf(context.model, head).state !== 'off') return;
        const reach = reachOf(context, head);
        if (!reach) return;
        const graph = servingGraph(context.model, context.terraform);
        // Every pod of the Ray cluster runs submitted code: the head and each worker group.
        const pods = head.cluster ? context.model.workloads.filter((candidate) => candidate.object === head.cluster) : [workload];
        const carried: Array<{ what: string; at: Node }> = [];
        for (const pod of pods) {
          for (const runsAs of graph.outgoing(workloadId(pod), 'runs-as')) {
            for (const assumes of graph.outgoing(runsAs.to, 'assumes')) carried.push({ what: `${graph.node(assumes.to).label} (${assumes.label})`, at: assumes.at });
          }
          // A workload-identity annotation is a cloud identity even when its role or account is not in the scan.
          for (const identity of workloadIdentitiesOf(context.model.serviceAccountOf(pod))) carried.push({ what: `${identity.what} ${identity.value ?? '(set at deploy time)'}`, at: identity.node });
          for (const container of pod.containers) {
            for (const entry of container.node.get('env').items()) {
              const name = entry.get('name').str() ?? '';
              if (CREDENTIAL_ENV.test(name) && (entry.get('value').isWritten() || entry.get('valueFrom', 'secretKeyRef').isWritten())) carried.push({ what: `\`${name}\` in the environment of ${pod.role}`, at: entry });
            }
          }
        }
        const unique = [...new Map(carried.map((item) => [item.what, item])).values()];
        const first = unique[0];
        if (!first) return;
        context.report({
          messageId: 'credentials',
          at: first.at,
          object: workload.object,
          data: { subject: rayHeadSubject(head), reach: reach.description, what: unique.map((item) => item.what).slice(0, 3).join(', ') + (unique.length > 3 ? ` and ${unique.length - 3} more` : '') },
          related: [...reach.hops, ...unique.slice(1, 3).map((item) => ({ at: item.at, message: `also carried: ${item.what}` }))],
        });
      },
    };
  },
});

type Context = Parameters<typeof rayClusterCarriesCredentials.create>[0];

/** How jobs reach the head: an unauthenticated exposed path to the dashboard or Ray Client, or any pod when no NetworkPolicy isolates it (or the cluster does not enforce the ones that do). */
function reachOf(context: Context, head: RayHead): { description: string; hops: RelatedHop[] } | undefined {
  const model = context.model;
  for (const exposure of [dashboardExposure(model, head), portExposure(model, head, head.client)]) {
    if (!exposure?.exposed) continue;
    const open = unauthenticatedPaths(model, head.workload, exposure);
    const path = worstPath(open);
    if (path) return { description: `${path.internetFacing ? 'the internet' : 'outside the cluster'} (port ${exposure.port})`, hops: exposureHops(path, open) };
  }
  const ports = [head.dashboard.number, head.client.number].filter((port): port is number => port !== undefined);
  if (ports.length === 0) return undefined;
  const isolation = ingressIsolation(model, head.workload, ports);
  if (isolation.state === 'none' || isolation.state === 'open') return { description: `every pod of the cluster (ports ${ports.join(', ')}: no NetworkPolicy ${isolation.state === 'open' ? 'closes them' : 'selects the head'})`, hops: [] };
  // Policies that select the head protect nothing on a cluster that does not enforce them.
  const enforcement = networkPolicyEnforcement(context.terraform);
  if (isolation.state === 'restricted' && enforcement.state === 'not-enforced') {
    return { description: `every pod of the cluster (ports ${ports.join(', ')}: ${enforcement.description}: the NetworkPolicies that select the head are not applied)`, hops: enforcement.clusters.map((cluster) => ({ at: cluster.at, message: `${cluster.description}: NetworkPolicies are not enforced` })) };
  }
  return undefined;
}

