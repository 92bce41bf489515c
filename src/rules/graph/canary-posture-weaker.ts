import { resourceId, servingGraph } from '../../graph/serving-graph.js';
import type { ServingGraph } from '../../graph/serving-graph.js';
import { sagemakerEndpoints } from '../../model/aws/sagemaker-endpoints.js';
import { effectiveSecurityField, capabilityItems } from '../../model/containers.js';
import { isFragment } from '../../model/fragments.js';
import type { KubernetesModel, Workload } from '../../model/kubernetes.js';
import type { TfResource } from '../../model/terraform.js';
import type { ModelServer } from '../../model/ml/model-server.js';
import { modelServersIn } from '../../model/ml/model-server.js';
import { ingressIsolation } from '../../model/network-policies.js';
import { ingressBackends, isIngress, nginxCanaryMain } from '../../model/routes.js';
import { labelSelectorMatches, podLabelsOf } from '../../model/selectors.js';
import type { Node } from '../../model/value.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

/** Two model-server variants that share traffic, and the object that makes them share it. */
interface VariantPair {
  readonly a: Workload;
  readonly b: Workload;
  readonly via: string;
  readonly at: Node;
}

/** One hardening property of a variant: whether it holds, and where it is (or would be) written. */
interface Posture {
  readonly label: string;
  readonly holds: boolean | undefined;
  readonly at: Node;
}

export const canaryPostureWeaker = defineRule({
  meta: {
    id: 'IG-GRAPH-004',
    name: 'canary-posture-weaker',
    title: 'Canary or variant weaker than the model deployment it shares traffic with',
    severity: 'high',
    rationale:
      'A canary, a shadow or a second version of a model receives real requests — the same users, the same prompts — but it is often written in a hurry: copied from a notebook, without the primary\'s securityContext, outside the NetworkPolicy that selects `track: primary`, with a mutable image tag or a debugging flag left on. Attackers aim at the weakest variant that still receives traffic: whatever the primary was hardened against works on the canary. The rule pairs model-server workloads that share traffic (one Service selects both; an ingress-nginx canary Ingress splits a host / path with its main Ingress) and compares what each one\'s model server runs with. On SageMaker it compares the models of an endpoint configuration\'s production variants with each other, and its shadow variants (which receive a copy of production requests) with the production ones: network isolation, a VPC, an image pinned by digest, and an execution role that cannot overwrite the model. An Istio split by DestinationRule subsets is judged through the Service that selects both versions. A KServe canary (`canaryTrafficPercent`) shares traffic with the previous revision of the same InferenceService, which the files no longer hold: it cannot be compared.',
    remediation:
      'Template every variant from one hardened base (a Helm value or a kustomize overlay that changes only the image and the labels; one Terraform module for every SageMaker model of an endpoint), select them with a label they share in NetworkPolicies (`app: fraud`, not `track: primary`), and fail CI when a variant drifts from its primary.',
    references: [
      'https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/annotations/#canary',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
      'https://docs.aws.amazon.com/sagemaker/latest/dg/shadow-tests.html',
    ],
    mappings: { stride: ['T', 'E'], atlas: ['AML.T0049', 'AML.T0018'], nist: ['CM-2', 'CM-6'] },
    targets: ['k8s:Workload', 'k8s:Service', 'k8s:Ingress', 'k8s:NetworkPolicy', 'tf:aws_sagemaker_endpoint_configuration', 'tf:aws_sagemaker_model'],
    fix: 'none',
    messages: {
      weaker: '{{weak}} shares traffic with {{strong}} ({{via}}) but lacks what that one has: {{differences}}.',
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: scorer-primary, namespace: models }
spec:
  selector: { matchLabels: { app: scorer, track: primary } }
  template:
    metadata: { labels: { app: scorer, track: primary } }
    spec:
      securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: RuntimeDefault } }
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.8.5
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: scorer-canary, namespace: models }
spec:
  selector: { matchLabels: { app: scorer, track: canary } }
  template:
    metadata: { labels: { app: scorer, track: canary } }
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.9.0
---
apiVersion: v1
kind: Service
metadata: { name: scorer, namespace: models }
spec:
  selector: { app: scorer }
  ports: [{ port: 8000 }]
`,
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: scorer-primary, namespace: models }
spec:
  selector: { matchLabels: { app: scorer, track: primary } }
  template:
    metadata: { labels: { app: scorer, track: primary } }
    spec:
      securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: RuntimeDefault } }
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.8.5
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: scorer-canary, namespace: models }
spec:
  selector: { matchLabels: { app: scorer, track: canary } }
  template:
    metadata: { labels: { app: scorer, track: canary } }
    spec:
      securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: RuntimeDefault } }
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.9.0
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }
---
apiVersion: v1
kind: Service
metadata: { name: scorer, namespace: models }
spec:
  selector: { app: scorer }
  ports: [{ port: 8000 }]
`,
    },
  },
  create(context) {
    return {
      end() {
        const model = context.model;
        const servers = new Map<Workload, ModelServer>();
        for (const server of modelServersIn(model)) if (!servers.has(server.container.workload) && !isFragment(server.container.workload)) servers.set(server.container.workload, server);
        const reported = new Set<string>();
        for (const pair of variantPairs(model, servers)) {
          const serverA = servers.get(pair.a);
          const serverB = servers.get(pair.b);
          if (!serverA || !serverB) continue;
          const postureA = postureOf(model, serverA);
          const postureB = postureOf(model, serverB);
          for (const [weak, strong, weakPosture, strongPosture] of [
            [pair.a, pair.b, postureA, postureB],
            [pair.b, pair.a, postureB, postureA],
          ] as const) {
            const gaps = weakPosture.filter((item, index) => item.holds === false && strongPosture[index]?.holds === true);
            if (gaps.length === 0) continue;
            const key = `${workloadName(weak)}#${workloadName(strong)}`;
            if (reported.has(key)) continue;
            reported.add(key);
            const related: RelatedHop[] = [
              { at: pair.at, message: pair.via },
              ...gaps.slice(0, 3).map((gap) => ({ at: strongPosture[weakPosture.indexOf(gap)]!.at, message: `${workloadName(strong)} has ${gap.label}` })),
            ];
            context.report({
              messageId: 'weaker',
              at: gaps[0]!.at,
              object: weak.object,
              data: { weak: workloadName(weak), strong: workloadName(strong), via: pair.via, differences: gaps.map((gap) => gap.label).join('; ') },
              related,
            });
          }
        }
        reportSageMakerVariants(context);
      },
    };
  },
});

function workloadName(workload: Workload): string {
  return `${workload.object.kind} '${workload.object.name ?? '(unnamed)'}'`;
}

/** Model-server workloads that share traffic: behind one Service, or split by an ingress-nginx canary Ingress. */
function variantPairs(model: KubernetesModel, servers: ReadonlyMap<Workload, ModelServer>): VariantPair[] {
  const pairs: VariantPair[] = [];
  const seen = new Set<string>();
  const add = (a: Workload, b: Workload, via: string, at: Node): void => {
    if (a === b || a.object === b.object) return;
    const key = [workloadName(a), workloadName(b)].sort().join('|');
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push({ a, b, via, at });
  };
  // Servers by namespace, one per object identity (a manifest scanned twice is one workload).
  const byNamespace = new Map<string, Workload[]>();
  const identities = new Set<string>();
  for (const workload of servers.keys()) {
    const identity = `${workload.object.kind}/${workload.object.namespace ?? ''}/${workload.object.name ?? ''}/${workload.role}`;
    if (identities.has(identity)) continue;
    identities.add(identity);
    const list = byNamespace.get(workload.object.namespace ?? '') ?? [];
    list.push(workload);
    byNamespace.set(workload.object.namespace ?? '', list);
  }
  const serviceIdentities = new Set<string>();
  for (const service of model.byType('k8s:Service')) {
    if (service.group !== '') continue;
    const identity = `${service.namespace ?? ''}/${service.name ?? ''}`;
    if (serviceIdentities.has(identity)) continue;
    serviceIdentities.add(identity);
    const selector = service.root.get('spec', 'selector');
    if (!selector.isMap() || selector.entries().length === 0) continue;
    const selected = (byNamespace.get(service.namespace ?? '') ?? []).filter((workload) => labelSelectorMatches(selector, podLabelsOf(workload)));
    for (let i = 0; i < selected.length; i++) for (let j = i + 1; j < selected.length; j++) add(selected[i]!, selected[j]!, `Service '${service.name ?? '(unnamed)'}' selects both`, service.root.get('spec', 'selector'));
  }
  for (const canary of model.objects.filter(isIngress)) {
    const main = nginxCanaryMain(model, canary);
    if (!main) continue;
    const canaryWorkloads = ingressBackends(model, canary).flatMap((backend) => backend.workloads).filter((workload) => servers.has(workload));
    const mainWorkloads = ingressBackends(model, main).flatMap((backend) => backend.workloads).filter((workload) => servers.has(workload));
    const annotation = canary.root.get('metadata', 'annotations', 'nginx.ingress.kubernetes.io/canary');
    for (const a of mainWorkloads) for (const b of canaryWorkloads) add(a, b, `canary Ingress '${canary.name ?? '(unnamed)'}' of Ingress '${main.name ?? '(unnamed)'}'`, annotation);
  }
  return pairs;
}

/**
 * What a variant's model server runs with, in a fixed order: each property holds, does not, or cannot be
 * told (then it is never a difference).
 */
function postureOf(model: KubernetesModel, server: ModelServer): Posture[] {
  const container = server.container;
  const workload = container.workload;
  const field = (name: string): Node => effectiveSecurityField(container, name);
  const bool = (node: Node): boolean | undefined => (node.state === 'unknown' ? undefined : node.isTrue());
  const nonRoot = field('runAsNonRoot');
  const escalation = field('allowPrivilegeEscalation');
  const readOnly = container.node.get('securityContext', 'readOnlyRootFilesystem');
  const seccomp = field('seccompProfile');
  const drops = capabilityItems(container, 'drop');
  const image = container.node.get('image');
  const imageText = image.str();
  const isolation = ingressIsolation(model, workload, server.ports.map((port) => port.number));
  const labels = workload.podMetadata.get('labels');
  const account = workload.podSpec.get('automountServiceAccountToken');
  return [
    { label: '`runAsNonRoot: true`', holds: bool(nonRoot), at: nonRoot.exists ? nonRoot : container.node },
    { label: '`allowPrivilegeEscalation: false`', holds: escalation.state === 'unknown' ? undefined : escalation.isFalse(), at: escalation.exists ? escalation : container.node },
    { label: '`capabilities.drop: [ALL]`', holds: drops.some((item) => item.name === 'ALL'), at: drops[0]?.node ?? container.node },
    { label: '`readOnlyRootFilesystem: true`', holds: bool(readOnly), at: readOnly.exists ? readOnly : container.node },
    { label: 'a seccomp profile', holds: seccomp.state === 'unknown' ? undefined : seccomp.isWritten(), at: seccomp.exists ? seccomp : container.node },
    { label: 'an image pinned by digest', holds: imageText === undefined ? undefined : imageText.includes('@sha256:'), at: image.exists ? image : container.node },
    { label: 'an ingress NetworkPolicy that selects it', holds: isolation.state === 'unknown' ? undefined : isolation.state === 'restricted', at: labels.exists ? labels : workload.object.root },
    { label: '`automountServiceAccountToken: false`', holds: account.state === 'unknown' ? undefined : account.isFalse(), at: account.exists ? account : workload.podSpec },
  ];
}

type Context = Parameters<typeof canaryPostureWeaker.create>[0];

/**
 * SageMaker: the models of an endpoint configuration's production variants share its traffic, and a shadow
 * variant gets a copy of every production request. Each model is compared with the production models.
 */
function reportSageMakerVariants(context: Context): void {
  const graph = servingGraph(context.model, context.terraform);
  const reported = new Set<string>();
  for (const served of sagemakerEndpoints(context.terraform)) {
    const production = served.variants.filter((variant) => !variant.shadow);
    for (const weak of served.variants) {
      for (const weakModel of weak.models) {
        if (reported.has(weakModel.address)) continue;
        // Against every production model it shares traffic with, the one it falls furthest behind; one finding per model.
        let worst: { strong: (typeof production)[number]; strongModel: TfResource; gaps: Posture[]; strongPosture: Posture[]; weakPosture: Posture[] } | undefined;
        for (const strong of production) {
          if (strong === weak || strong.config !== weak.config) continue;
          for (const strongModel of strong.models) {
            if (strongModel === weakModel) continue;
            const weakPosture = sagemakerPosture(weakModel, graph);
            const strongPosture = sagemakerPosture(strongModel, graph);
            const gaps = weakPosture.filter((item, index) => item.holds === false && strongPosture[index]?.holds === true);
            if (gaps.length > (worst?.gaps.length ?? 0)) worst = { strong, strongModel, gaps, strongPosture, weakPosture };
          }
        }
        if (!worst) continue;
        reported.add(weakModel.address);
        const { strong, strongModel, gaps, strongPosture, weakPosture } = worst;
        const via = `${weak.shadow ? 'shadow variant' : 'production variant'} ${weak.node.get('variant_name').str() ?? '(unnamed)'} of '${weak.config.address}', beside production variant ${strong.node.get('variant_name').str() ?? '(unnamed)'}`;
        context.report({
          messageId: 'weaker',
          at: gaps[0]!.at,
          object: weakModel,
          data: { weak: `SageMaker model '${weakModel.address}'`, strong: `SageMaker model '${strongModel.address}'`, via, differences: gaps.map((gap) => gap.label).join('; ') },
          related: [
            { at: weak.node.get('model_name'), message: via },
            ...gaps.slice(0, 3).map((gap) => ({ at: strongPosture[weakPosture.indexOf(gap)]!.at, message: `'${strongModel.address}' has ${gap.label}` })),
          ],
        });
      }
    }
  }
}

/** What a SageMaker model runs with, in a fixed order; unknown values are never a difference. */
function sagemakerPosture(model: TfResource, graph: ServingGraph): Posture[] {
  const isolation = model.root.get('enable_network_isolation');
  const vpc = model.root.get('vpc_config');
  const images = ['primary_container', 'container'].flatMap((block) => model.root.get(block).items().map((container) => container.get('image')));
  const pinned = images.some((image) => image.state === 'unknown') || images.length === 0 ? undefined : images.every((image) => (image.str() ?? '').includes('@sha256:'));
  // The execution role may not overwrite the artifacts this model loads (serving graph); unknown without role or artifacts.
  const id = resourceId(model);
  const roles = graph.outgoing(id, 'assumes').map((edge) => edge.to);
  const artifacts = new Set(graph.outgoing(id, 'loads').map((edge) => edge.to));
  const writes = roles.flatMap((role) => graph.outgoing(role, 'can-write').filter((edge) => artifacts.has(edge.to)));
  const role = graph.outgoing(id, 'assumes')[0];
  return [
    { label: '`enable_network_isolation = true`', holds: isolation.state === 'unknown' ? undefined : isolation.isTrue(), at: isolation.exists ? isolation : model.root },
    { label: 'a `vpc_config`', holds: vpc.state === 'unknown' ? undefined : vpc.isWritten(), at: vpc.exists ? vpc : model.root },
    { label: 'an image pinned by digest', holds: pinned, at: images[0] ?? model.root },
    { label: 'an execution role that cannot overwrite its model', holds: roles.length === 0 || artifacts.size === 0 ? undefined : writes.length === 0, at: writes[0]?.at ?? role?.at ?? model.root },
  ];
}
