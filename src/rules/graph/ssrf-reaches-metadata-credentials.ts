import { eksNodeMetadata } from '../../model/aws/node-metadata.js';
import type { NodeGroupMetadata, NodeMetadata } from '../../model/aws/node-metadata.js';
import type { K8sObject, KubernetesModel } from '../../model/kubernetes.js';
import { isLocalBind, modelServersIn } from '../../model/ml/model-server.js';
import type { ModelServer } from '../../model/ml/model-server.js';
import { torchServeListener, torchServeModelApi } from '../../model/ml/torchserve.js';
import { egressTo, METADATA_IPV4, METADATA_PORT } from '../../model/network-egress.js';
import type { AddressEgress } from '../../model/network-egress.js';
import { networkPolicyEnforcement } from '../../model/network-policy-enforcement.js';
import type { Subject } from '../../model/subject.js';
import type { TerraformModel } from '../../model/terraform.js';
import { workloadIdentitiesOf } from '../../model/workload-identity.js';
import type { ComposedReport } from '../compose.js';
import { reportsOf } from '../compose.js';
import type { RelatedHop, Rule } from '../define-rule.js';
import { defineRule } from '../define-rule.js';
import { torchserveModelUrlUnrestricted } from '../ml/torchserve-model-url-unrestricted.js';
import { vllmMediaFetchUnrestricted } from '../ml/vllm-media-fetch-unrestricted.js';

/**
 * What a caller makes of a fetch feature at the metadata endpoint:
 * - `request`: the server sends a GET to a URL of the caller's choosing, with no header of theirs (vLLM
 *   media URLs). That reads only what answers a plain GET: AWS IMDSv1. GCP's and Azure's metadata
 *   servers, and IMDSv2, want a header (`Metadata-Flavor: Google`, `Metadata: true`, a session token).
 * - `code`: the server runs what it fetched (a TorchServe archive's handler), so the caller's code sends any request.
 */
type Reach = 'request' | 'code';

interface Fetch {
  readonly server: ModelServer;
  readonly judge: Rule;
  readonly judged: ComposedReport;
  readonly reach: Reach;
  /** `fetches any media URL a request names (…)`. */
  readonly feature: string;
}

interface AtStake {
  readonly what: string;
  readonly hops: readonly RelatedHop[];
}

export const ssrfReachesMetadataCredentials = defineRule({
  meta: {
    id: 'IG-GRAPH-005',
    name: 'ssrf-reaches-metadata-credentials',
    title: 'Model server that fetches caller-chosen URLs can reach cloud credentials at the metadata endpoint',
    severity: 'high',
    rationale:
      "Some model servers fetch what their callers name. A multimodal vLLM server downloads every `image_url`, `video_url` or `audio_url` of a request unless `--allowed-media-domains` limits them (IG-ML-024); TorchServe registers model archives from any URL its `allowed_urls` admits and runs their handler code, once its model API is on and its management API listens beyond the pod (IG-ML-002). From a pod, such a fetch reaches the cloud instance metadata endpoint, 169.254.169.254, which hands out credentials: the EC2 node role to a plain GET while the nodes answer IMDSv1 (`http_tokens = \"optional\"`), the node role to any process in a pod when IMDSv2 tokens travel two hops (`http_put_response_hop_limit` of 2 or more), and the Google service account of GKE Workload Identity to a request that carries `Metadata-Flavor: Google`.\n\nThe rule joins three facts: the fetch feature as the per-server rule reports it; an egress that lets the pod reach 169.254.169.254 (the namespace has NetworkPolicies but none selects the pod for Egress, a rule such as `0.0.0.0/0` does not carve the address out, or the cluster in the scan's Terraform does not enforce NetworkPolicies at all: GKE on the legacy datapath without Calico, AKS without a network policy engine); and an identity served there, from the launch templates of the EKS node groups in the scan's Terraform or the ServiceAccount's `iam.gke.io/gcp-service-account` annotation. A vLLM media fetch is a plain GET without headers, so it is matched with IMDSv1 nodes only; a TorchServe archive runs code, so it is matched with every identity the endpoint serves. IRSA and Azure Workload Identity credentials come from a projected token file, not from the endpoint, and are not counted. A namespace whose NetworkPolicies are not in the files (on a cluster that may enforce them), node groups whose metadata options are left to the AMI or account defaults (or a scan where pods may also land on Fargate, Karpenter or other Auto Scaling groups, or on a GKE or AKS cluster), and hostNetwork pods are unknown and never fire.\n\nThe finding sits where the per-server rule reports the fetch feature and replaces that finding, with the egress rule and the identity as related locations: one finding per problem, whose path shows every place where it can be broken.",
    remediation:
      'Break the path in as many places as you can:\n\n- Restrict the fetch feature: `--allowed-media-domains` and `VLLM_MEDIA_URL_ALLOW_REDIRECTS=0` for vLLM (or send media inline); anchored `allowed_urls` for your own model store and the model API off for TorchServe.\n- Select the serving pods with an egress NetworkPolicy that leaves out the metadata endpoint: `ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}` (and `fd00:ec2::254/128` on IPv6 EKS), on a cluster that enforces it (GKE Dataplane V2 or Calico with its add-on, an AKS network policy engine, `enableNetworkPolicy` in the EKS `vpc-cni` add-on).\n- On EKS nodes, require IMDSv2 with a hop limit of 1: `metadata_options { http_tokens = "required", http_put_response_hop_limit = 1 }` in the node group\'s launch template, and give pods their own narrow identity (IRSA or EKS Pod Identity).\n- On GKE, give the serving KSA a Google service account with only the roles it needs, or none.',
    references: [
      'https://docs.vllm.ai/en/stable/usage/security/',
      'https://github.com/pytorch/serve/blob/master/docs/configuration.md',
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-options.html',
      'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-launchtemplate-metadataoptions.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/launch_template#metadata-options',
      'https://cloud.google.com/kubernetes-engine/docs/concepts/workload-identity',
      'https://atlas.mitre.org/techniques/AML.T0055',
    ],
    mappings: { stride: ['I', 'E'], atlas: ['AML.T0049', 'AML.T0055', 'AML.T0106'], owasp: ['LLM06'], nist: ['SC-7', 'AC-4'] },
    targets: ['k8s:Workload', 'k8s:NetworkPolicy', 'k8s:ServiceAccount', 'tf:aws_eks_node_group', 'tf:aws_launch_template', 'tf:google_container_cluster', 'tf:azurerm_kubernetes_cluster'],
    fix: 'none',
    supersedes: ['IG-ML-024', 'IG-ML-002'],
    messages: {
      request:
        '{{server}} {{feature}}; {{egress}}; and at 169.254.169.254 {{identity}}: one URL a caller sends makes the server fetch those credentials.',
      code: '{{server}} {{feature}}; {{egress}}; and at 169.254.169.254 {{identity}}: code in an archive a caller registers takes those credentials.',
    },
    examples: {
      bad: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: torchserve
  namespace: serving
  annotations:
    iam.gke.io/gcp-service-account: serving@my-project.iam.gserviceaccount.com
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: torchserve-egress, namespace: serving }
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{ ipBlock: { cidr: 0.0.0.0/0 } }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: ts-config, namespace: serving }
data:
  config.properties: |
    management_address=http://0.0.0.0:8081
    enable_model_api=true
    allowed_urls=http(s)?://.*
---
apiVersion: v1
kind: Pod
metadata: { name: torchserve, namespace: serving }
spec:
  serviceAccountName: torchserve
  containers:
    - name: torchserve
      image: pytorch/torchserve:0.12.0-cpu
      args: ["torchserve", "--start", "--ts-config", "/config/config.properties"]
      volumeMounts: [{ name: config, mountPath: /config }]
  volumes: [{ name: config, configMap: { name: ts-config } }]
`,
      good: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: torchserve
  namespace: serving
  annotations:
    iam.gke.io/gcp-service-account: serving@my-project.iam.gserviceaccount.com
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: torchserve-egress, namespace: serving }
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{ ipBlock: { cidr: 0.0.0.0/0, except: [169.254.169.254/32] } }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: ts-config, namespace: serving }
data:
  config.properties: |
    management_address=http://0.0.0.0:8081
    enable_model_api=true
    allowed_urls=http(s)?://.*
---
apiVersion: v1
kind: Pod
metadata: { name: torchserve, namespace: serving }
spec:
  serviceAccountName: torchserve
  containers:
    - name: torchserve
      image: pytorch/torchserve:0.12.0-cpu
      args: ["torchserve", "--start", "--ts-config", "/config/config.properties"]
      volumeMounts: [{ name: config, mountPath: /config }]
  volumes: [{ name: config, configMap: { name: ts-config } }]
`,
    },
  },
  create(context) {
    const { model, terraform } = context;
    return {
      end() {
        for (const fetch of fetchesOf(model, terraform)) {
          const workload = fetch.server.container.workload;
          const egress = egressTo(model, workload, METADATA_IPV4, METADATA_PORT, networkPolicyEnforcement(terraform));
          if (egress.verdict !== 'open') continue;
          const atStake = identitiesAtStake(fetch, eksNodeMetadata(terraform, model));
          if (atStake.length === 0) continue;
          const object = workload.object;
          const judgedAt = fetch.judged.report.at;
          context.report({
            messageId: fetch.reach,
            at: judgedAt,
            ...(fetch.judged.subject ? { object: fetch.judged.subject } : {}),
            data: {
              server: `Container '${fetch.server.container.name || '(unnamed)'}' (${fetch.server.info.title}) of ${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name ?? '(unnamed)'}`,
              feature: fetch.feature,
              egress: egressText(egress, object.namespace ?? ''),
              identity: atStake.map((item) => item.what).join(', and '),
            },
            related: [
              { at: judgedAt, message: `${fetch.judge.meta.id} ${fetch.judge.meta.name}: the server ${fetch.feature}` },
              ...egressHops(egress, object.namespace ?? ''),
              ...atStake.flatMap((item) => item.hops),
            ],
          });
        }
      },
    };
  },
});

/** The fetch features the per-server rules report, matched to their server by object and container name. */
function fetchesOf(model: KubernetesModel, terraform: TerraformModel): Fetch[] {
  // Each judge's reports by subject, once: a scan holds many servers and many reports.
  const indexes = new Map<Rule, Map<Subject | undefined, ComposedReport[]>>();
  const reportsFor = (judge: Rule, server: ModelServer): ComposedReport[] => {
    let index = indexes.get(judge);
    if (!index) {
      indexes.set(judge, (index = new Map()));
      for (const judged of reportsOf(judge, model, terraform)) {
        const list = index.get(judged.subject);
        if (list) list.push(judged);
        else index.set(judged.subject, [judged]);
      }
    }
    return (index.get(server.container.workload.object as Subject) ?? []).filter(({ report }) => report.data?.['container'] === (server.container.name || '(unnamed)'));
  };
  const fetches: Fetch[] = [];
  for (const server of modelServersIn(model)) {
    if (server.container.role !== 'container') continue;
    if (server.kind === 'vllm') {
      for (const judged of reportsFor(vllmMediaFetchUnrestricted, server)) {
        const data = judged.report.data ?? {};
        const feature =
          judged.report.messageId === 'noAllowlist'
            ? `fetches any media URL a request names (${String(data['evidence'])}, no --allowed-media-domains)`
            : `follows redirects from its allowed media domains (${String(data['redirects'])}), so one that redirects reaches any host`;
        fetches.push({ server, judge: vllmMediaFetchUnrestricted, judged, reach: 'request', feature });
      }
    }
    if (server.kind === 'torchserve') {
      const modelApi = torchServeModelApi(server);
      if (!modelApi.enabled) continue;
      // Someone must call the register API: its listener must take connections from beyond the pod.
      const listener = [torchServeListener(model, server, 'management'), torchServeListener(model, server, 'grpc-management')].find((candidate) => candidate.host !== undefined && !isLocalBind(candidate.host));
      if (!listener) continue;
      for (const judged of reportsFor(torchserveModelUrlUnrestricted, server)) {
        const data = judged.report.data ?? {};
        const allowed = judged.report.messageId === 'anyUrl' ? `allowed_urls ${String(data['value'])}` : judged.report.messageId === 'absent' ? `no allowed_urls in ${String(data['file'])}` : undefined;
        if (allowed === undefined) continue;
        const where = `${listener.host ?? ''}${listener.port !== undefined ? `:${listener.port}` : ''}`;
        fetches.push({ server, judge: torchserveModelUrlUnrestricted, judged, reach: 'code', feature: `registers model archives from any URL (${allowed}, model API on) through its management API on ${where} and runs their handler code` });
      }
    }
  }
  return fetches;
}

/** The identities the metadata endpoint hands to what the fetch feature lets a caller send. */
function identitiesAtStake(fetch: Fetch, nodes: NodeMetadata | undefined): AtStake[] {
  const account = fetch.server.serviceAccount;
  const carried = workloadIdentitiesOf(account.object);
  const namespace = account.object?.namespace ?? fetch.server.container.workload.object.namespace ?? '';
  const out: AtStake[] = [];
  // The GKE metadata server wants `Metadata-Flavor: Google`, which only code in the pod sends.
  if (fetch.reach === 'code') {
    for (const identity of carried) {
      if (!identity.servedByMetadataEndpoint || (identity.value ?? '') === '') continue;
      out.push({
        what: `the GKE metadata server hands out tokens of ${identity.what} ${identity.value ?? ''} (Workload Identity of ServiceAccount '${namespace}/${account.name}')`,
        hops: [{ at: identity.node, message: `ServiceAccount '${namespace}/${account.name}' acts as ${identity.what} ${identity.value ?? ''}, whose tokens the GKE metadata server hands to its pods` }],
      });
    }
  }
  // A pod whose ServiceAccount names a GKE or Azure identity does not run on the scan's EKS nodes.
  if (nodes !== undefined && carried.every((identity) => identity.kind === 'aws-irsa')) {
    const verdict = fetch.reach === 'request' ? nodes.plainRequests : nodes.podProcesses;
    if (verdict === 'yes') out.push(nodeRole(nodes, fetch.reach));
  }
  return out;
}

function nodeRole(nodes: NodeMetadata, reach: Reach): AtStake {
  const roles = [...new Set(nodes.groups.map(roleLabel))];
  const groups = nodes.groups.map((group) => group.nodeGroup.address);
  const hops: RelatedHop[] = [];
  for (const group of nodes.groups.slice(0, 3)) {
    const template = group.launchTemplate?.address ?? '';
    const imdsV1 = group.plainRequests === 'yes';
    const setting = imdsV1 ? group.tokens : (group.hopLimit ?? group.tokens);
    if (setting) {
      hops.push({
        at: setting,
        message: imdsV1
          ? `launch template ${template} of ${group.nodeGroup.address} answers IMDSv1 (\`http_tokens = "optional"\`): a plain GET gets the node role's credentials`
          : `launch template ${template} of ${group.nodeGroup.address} lets IMDSv2 tokens travel ${String(group.hopLimit?.value ?? '')} hops: a pod gets one`,
      });
    }
    hops.push({ at: group.roleArn, message: `the nodes of ${group.nodeGroup.address} run as ${roleLabel(group)}` });
  }
  const how =
    reach === 'request' || nodes.groups.every((group) => group.plainRequests === 'yes')
      ? 'answer a plain GET (IMDSv1)'
      : nodes.groups.every((group) => group.plainRequests === 'no')
        ? 'hand IMDSv2 tokens to pods (hop limit 2 or more)'
        : 'answer pods (IMDSv1, or IMDSv2 tokens sent two hops or more)';
  return { what: `the nodes of ${groups.length === 1 ? `EKS node group ${groups[0] ?? ''}` : `EKS node groups ${groups.join(', ')}`} ${how} with the credentials of the node role ${roles.join(', ')}`, hops };
}

function roleLabel(group: NodeGroupMetadata): string {
  const [role] = group.roles;
  if (role && group.roles.length === 1) return role.address;
  const text = group.roleArn.str();
  return text !== undefined && text !== '' ? text : `node_role_arn of ${group.nodeGroup.address}`;
}

type OpenEgress = Extract<AddressEgress, { verdict: 'open' }>;

function egressText(egress: OpenEgress, namespace: string): string {
  if (egress.by === 'no-egress-policy') return `no NetworkPolicy of namespace '${namespace}' limits its egress`;
  if (egress.by === 'not-enforced') {
    const names = egress.ignored.map((policy) => `'${policy.name ?? '(unnamed)'}'`).join(', ');
    const cluster = `the cluster does not enforce NetworkPolicies (${egress.enforcement.description})`;
    return egress.ignored.length > 0 ? `NetworkPolicy ${names} would keep it from ${METADATA_IPV4}, but ${cluster}` : `no NetworkPolicy can keep it from ${METADATA_IPV4}: ${cluster}`;
  }
  return `NetworkPolicy '${egress.allowance.policy.name ?? '(unnamed)'}' lets it reach ${METADATA_IPV4} (egress to ${egress.allowance.description})`;
}

function egressHops(egress: OpenEgress, namespace: string): RelatedHop[] {
  if (egress.by === 'rule') {
    const { allowance } = egress;
    return [{ at: allowance.peer ?? allowance.rule, message: `NetworkPolicy '${allowance.policy.name ?? '(unnamed)'}' allows egress to ${allowance.description}, which holds ${METADATA_IPV4}` }];
  }
  if (egress.by === 'not-enforced') {
    return [
      ...egress.enforcement.clusters.map((cluster) => ({ at: cluster.at, message: `${cluster.description}: NetworkPolicies are not enforced` })),
      ...egress.ignored.slice(0, 3).map((policy) => ({ at: policy.root.get('spec', 'egress'), message: `NetworkPolicy '${policy.name ?? '(unnamed)'}' would keep these pods from ${METADATA_IPV4}, but the cluster does not enforce it` })),
    ];
  }
  const policies = egress.inNamespace;
  const first = policies[0] as K8sObject;
  const types = first.root.get('spec', 'policyTypes');
  const names = policies.map((policy) => `'${policy.name ?? '(unnamed)'}'`).join(', ');
  return [
    {
      at: types.isWritten() ? types : first.root.get('spec'),
      message: `NetworkPolicies of namespace '${namespace}' (${names}) leave these pods' egress open: none selects them for Egress, so they may send anywhere, ${METADATA_IPV4} included`,
    },
  ];
}
