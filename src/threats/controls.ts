// The mitigations a threat model looks for on an endpoint, each evaluated from the scanned files with the
// place that shows it (present) or the place where it is missing. A control that the files cannot decide
// says so (unknown) rather than passing.
import type { ServingGraph } from '../graph/serving-graph.js';
import { authOnPath } from '../model/auth-front.js';
import { azapiBodyString } from '../model/azure/azapi.js';
import { effectiveSecurityField } from '../model/containers.js';
import { ingressTls } from '../model/ingress-tls.js';
import type { KubernetesModel } from '../model/kubernetes.js';
import { meshMtlsOf } from '../model/mesh.js';
import { serverPortExposures } from '../model/ml/server-exposure.js';
import { egressAllowance, egressPoliciesOf } from '../model/network-egress.js';
import { ingressIsolation } from '../model/network-policies.js';
import { networkPolicyEnforcement } from '../model/network-policy-enforcement.js';
import type { ExposurePath } from '../model/port-exposure.js';
import { missingComputeResources } from '../model/resources.js';
import type { TerraformModel, TfResource } from '../model/terraform.js';
import type { Node } from '../model/value.js';
import type { Locatable } from '../rules/define-rule.js';
import type { Finding, FindingLocation } from '../findings/finding.js';
import type { CloudEndpoint, KubernetesEndpoint, ServingEndpoint } from './endpoints.js';

export type ControlState = 'present' | 'missing' | 'unknown' | 'not-applicable';

export interface ControlEvidence {
  /** A located value of the scanned files, or a finding's location. */
  readonly at: Locatable | FindingLocation;
  readonly note: string;
}

export interface ControlResult {
  readonly id: ControlId;
  readonly title: string;
  readonly state: ControlState;
  readonly detail: string;
  readonly evidence: readonly ControlEvidence[];
}

export interface ControlContext {
  readonly model: KubernetesModel;
  readonly terraform: TerraformModel;
  readonly graph: ServingGraph;
  /** The endpoint's findings (its pods, entries, identities, storage). */
  readonly findings: readonly Finding[];
}

export type ControlId =
  | 'authenticated-entry'
  | 'iam-signed-invocation'
  | 'azure-endpoint-auth'
  | 'mesh-mtls'
  | 'tls-at-entry'
  | 'identity-cannot-write-model'
  | 'others-cannot-read-model'
  | 'image-pinned'
  | 'read-only-root'
  | 'non-root'
  | 'request-logging'
  | 'rate-limit'
  | 'resource-limits'
  | 'network-isolation'
  | 'metadata-blocked'
  | 'token-not-mounted'
  | 'rbac-minimal'
  | 'sagemaker-network-isolation'
  | 'sagemaker-vpc'
  | 'sagemaker-kms'
  | 'private-endpoint'
  | 'endpoint-cmek';

type Evaluate<E extends ServingEndpoint> = (endpoint: E, context: ControlContext) => Omit<ControlResult, 'id' | 'title'>;

const result = (state: ControlState, detail: string, evidence: ControlEvidence[] = []): Omit<ControlResult, 'id' | 'title'> => ({ state, detail, evidence });

/** The exposed paths to the endpoint's server ports (each once), with the authentication on each. */
function exposedPaths(endpoint: KubernetesEndpoint, model: KubernetesModel): Array<{ path: ExposurePath; auth: ReturnType<typeof authOnPath> }> {
  const out: Array<{ path: ExposurePath; auth: ReturnType<typeof authOnPath> }> = [];
  for (const server of endpoint.servers) {
    for (const { exposure } of serverPortExposures(model, server, 'inference', 'management', 'model-control', 'control')) {
      for (const path of exposure.paths) if (path.exposed) out.push({ path, auth: authOnPath(model, endpoint.workload, path) });
    }
  }
  return out;
}

function outerHop(path: ExposurePath): ControlEvidence | undefined {
  const hop = path.hops[0];
  return hop ? { at: hop.at, note: hop.description } : undefined;
}

function uniqueEvidence(evidence: ReadonlyArray<ControlEvidence | undefined>): ControlEvidence[] {
  const seen = new Set<string>();
  const out: ControlEvidence[] = [];
  for (const item of evidence) {
    if (!item || seen.has(item.note)) continue;
    seen.add(item.note);
    out.push(item);
  }
  return out;
}

/** Roles the endpoint acts as, and the artifacts it loads, from the serving graph. */
function identityAndArtifacts(endpoint: ServingEndpoint, graph: ServingGraph): { roles: Set<string>; artifacts: Set<string> } {
  const roles = new Set<string>();
  const artifacts = new Set<string>();
  for (const start of endpoint.graphNodes) {
    for (const edge of graph.outgoing(start, 'assumes')) roles.add(edge.to);
    for (const runsAs of graph.outgoing(start, 'runs-as')) for (const edge of graph.outgoing(runsAs.to, 'assumes')) roles.add(edge.to);
    for (const edge of graph.outgoing(start, 'loads')) artifacts.add(edge.to);
  }
  return { roles, artifacts };
}

function findingEvidence(findings: readonly Finding[], ruleIds: readonly string[]): ControlEvidence[] {
  return findings.filter((finding) => ruleIds.includes(finding.ruleId) && !finding.suppression).map((finding) => ({ at: finding.location, note: `${finding.ruleId}: ${finding.message}` }));
}

const KUBERNETES: Partial<Record<ControlId, { readonly title: string; readonly evaluate: Evaluate<KubernetesEndpoint> }>> = {
  'authenticated-entry': {
    title: 'Authentication on every path from outside the cluster',
    evaluate(endpoint, { model }) {
      const paths = exposedPaths(endpoint, model);
      if (paths.length === 0) return result('not-applicable', 'No LoadBalancer, NodePort, Ingress, route or host port reaches the server: only pods of the cluster can call it.');
      const open = paths.filter((item) => item.auth === undefined);
      if (open.length > 0) return result('missing', `${open.length} of ${paths.length} paths from outside the cluster reach the server with no authentication in front.`, uniqueEvidence(open.map((item) => outerHop(item.path))));
      return result('present', 'Every path from outside the cluster passes an authentication control.', uniqueEvidence(paths.map((item) => (item.auth ? { at: item.auth.at, note: item.auth.description } : undefined))));
    },
  },
  'mesh-mtls': {
    title: 'Mutual TLS between pods (service mesh)',
    evaluate(endpoint, { model }) {
      const port = endpoint.servers.flatMap((server) => server.portsWith('inference'))[0] ?? endpoint.servers[0]?.ports[0];
      if (!port) return result('unknown', 'The server declares no port to judge.');
      const mesh = meshMtlsOf(model, endpoint.workload, port.number);
      if (!mesh) return result('missing', 'The pods are in no service mesh: calls from other pods are neither authenticated nor encrypted by the platform.');
      const decided = mesh.peerAuthentication ? { at: mesh.peerAuthentication.at, note: mesh.peerAuthentication.description } : { at: mesh.marker.at, note: mesh.marker.description };
      return mesh.mtls ? result('present', `${mesh.marker.mesh} requires mutual TLS on port ${port.number}.`, [decided]) : result('missing', `${mesh.marker.mesh} lets plaintext in on port ${port.number}.`, [decided]);
    },
  },
  'tls-at-entry': {
    title: 'TLS on the entries from outside',
    evaluate(endpoint, { model }) {
      const paths = exposedPaths(endpoint, model).map((item) => item.path);
      if (paths.length === 0) return result('not-applicable', 'Not reachable from outside the cluster.');
      const ingresses = paths.filter((path) => path.kind === 'ingress');
      const plain = ingresses.flatMap((path) => {
        const ingress = path.hops[0]?.object;
        const tls = ingress ? ingressTls(ingress) : undefined;
        return tls?.kind === 'none' ? [{ at: tls.at, note: `Ingress ${ingress?.name ?? '(unnamed)'} declares no TLS` }] : [];
      });
      if (plain.length > 0) return result('missing', 'An Ingress in front serves plain HTTP.', uniqueEvidence(plain));
      if (ingresses.length === paths.length) return result('present', 'Every entry is an Ingress that declares TLS.', uniqueEvidence(ingresses.map(outerHop)));
      return result('unknown', 'A load balancer, node port or route passes the connection through: TLS is then the server\'s own, which the files do not show.', uniqueEvidence(paths.filter((path) => path.kind !== 'ingress').map(outerHop)));
    },
  },
  'identity-cannot-write-model': {
    title: 'The serving identity cannot overwrite the model',
    evaluate: (endpoint, context) => cannotWrite(endpoint, context, () => {
      const account = context.model.serviceAccountOf(endpoint.workload);
      const annotated = ['eks.amazonaws.com/role-arn', 'iam.gke.io/gcp-service-account', 'azure.workload.identity/client-id'].some((key) => account?.root.get('metadata', 'annotations', key).isWritten());
      return annotated ? result('unknown', 'The pods act as a cloud identity whose policies are not in the scan.') : result('present', 'The pods act as no cloud identity in the scan.');
    }),
  },
  'others-cannot-read-model': { title: 'No other serving identity can read the model', evaluate: (endpoint, context) => othersCannotRead(endpoint, context) },
  'image-pinned': {
    title: 'Server image pinned by digest',
    evaluate(endpoint) {
      const images = endpoint.servers.flatMap((server) => (server.image ? [server.image] : []));
      if (images.length === 0) return result('unknown', 'The server image is not written (an operator or runtime supplies it).');
      const floating = images.filter((image) => image.digest === undefined);
      return floating.length > 0 ? result('missing', 'Whoever can move the tag changes the server\'s code.', floating.map((image) => ({ at: image.node, note: image.text }))) : result('present', 'Every server image names a digest.', images.map((image) => ({ at: image.node, note: image.text })));
    },
  },
  'read-only-root': {
    title: 'Read-only root filesystem',
    evaluate(endpoint) {
      const containers = endpoint.servers.map((server) => server.container);
      const writable = containers.filter((container) => !effectiveSecurityField(container, 'readOnlyRootFilesystem').isTrue());
      return writable.length > 0
        ? result('missing', 'Code running in the server can rewrite it.', writable.map((container) => ({ at: effectiveSecurityField(container, 'readOnlyRootFilesystem'), note: `container ${container.name}` })))
        : result('present', 'Every server container mounts its root filesystem read-only.', containers.map((container) => ({ at: effectiveSecurityField(container, 'readOnlyRootFilesystem'), note: `container ${container.name}` })));
    },
  },
  'non-root': {
    title: 'Not root, no privilege escalation',
    evaluate(endpoint) {
      const evidence: ControlEvidence[] = [];
      const missing: ControlEvidence[] = [];
      for (const server of endpoint.servers) {
        const container = server.container;
        const nonRoot = effectiveSecurityField(container, 'runAsNonRoot');
        const user = effectiveSecurityField(container, 'runAsUser');
        const escalation = effectiveSecurityField(container, 'allowPrivilegeEscalation');
        const privileged = effectiveSecurityField(container, 'privileged');
        if (privileged.isTrue()) missing.push({ at: privileged, note: `container ${container.name} is privileged` });
        if (!nonRoot.isTrue() && !(typeof user.value === 'number' && user.value > 0)) missing.push({ at: nonRoot, note: `container ${container.name} may run as root` });
        else evidence.push({ at: nonRoot.isTrue() ? nonRoot : user, note: `container ${container.name} runs as non-root` });
        if (!escalation.isFalse()) missing.push({ at: escalation, note: `container ${container.name} may gain privileges (setuid)` });
        else evidence.push({ at: escalation, note: `container ${container.name} cannot escalate` });
      }
      return missing.length > 0 ? result('missing', 'Code execution in the server starts with more than it needs.', missing) : result('present', 'The server runs as a non-root user without privilege escalation.', evidence);
    },
  },
  'request-logging': {
    title: 'Inference requests logged',
    evaluate(endpoint) {
      const object = endpoint.workload.object;
      if (object.group.startsWith('serving.kserve.io') && object.kind === 'InferenceService') {
        const loggers = ['predictor', 'transformer', 'explainer'].map((component) => object.root.get('spec', component, 'logger')).filter((node) => node.isWritten());
        return loggers.length > 0 ? result('present', 'KServe sends requests and responses to a payload logger.', loggers.map((node) => ({ at: node, note: `logger ${node.get('mode').str() ?? 'all'}` }))) : result('missing', 'No KServe payload logger: requests leave no record beyond the server\'s own log.', [{ at: object.root.get('spec'), note: 'no `logger` on any component' }]);
      }
      return result('unknown', 'Request logging of this server (its access log, a mesh\'s telemetry, the ingress) is not in the manifests.');
    },
  },
  'rate-limit': {
    title: 'Per-client rate limit at the entry',
    evaluate(endpoint, { model, findings }) {
      const paths = exposedPaths(endpoint, model).map((item) => item.path);
      if (paths.length === 0) return result('not-applicable', 'Not reachable from outside the cluster.');
      const reported = findingEvidence(findings, ['IG-K8S-120', 'IG-GRAPH-013']);
      if (reported.length > 0) return result('missing', 'An entry routes to the server with no rate limit.', reported);
      const l4 = paths.filter((path) => path.kind === 'load-balancer' || path.kind === 'node-port' || path.kind === 'external-ips' || path.kind === 'host-port' || path.kind === 'host-network');
      if (l4.length > 0) return result('missing', 'A load balancer, node port or host port passes connections straight to the server: nothing counts requests per client.', uniqueEvidence(l4.map(outerHop)));
      return result('unknown', 'The routes in front carry no finding of IG-K8S-120 / IG-GRAPH-013, but where their limit is set is not traced here.', uniqueEvidence(paths.map(outerHop)));
    },
  },
  'resource-limits': {
    title: 'CPU and memory limits',
    evaluate(endpoint, { model }) {
      const missing: ControlEvidence[] = [];
      const present: ControlEvidence[] = [];
      let unknown = false;
      for (const server of endpoint.servers) {
        const lacking = missingComputeResources(model, server.container, 'limits');
        if (lacking === undefined) unknown = true;
        else if (lacking.length > 0) missing.push({ at: server.container.node.get('resources'), note: `container ${server.container.name}: no ${lacking.join(' / ')} limit` });
        else present.push({ at: server.container.node.get('resources', 'limits'), note: `container ${server.container.name}` });
      }
      if (missing.length > 0) return result('missing', 'One request can take the node\'s CPU or memory.', missing);
      return unknown ? result('unknown', 'Some limits cannot be read.', present) : result('present', 'Every server container has CPU and memory limits.', present);
    },
  },
  'network-isolation': {
    title: 'Ingress NetworkPolicy isolating the pods',
    evaluate(endpoint, { model, terraform }) {
      const ports = [...new Set(endpoint.servers.flatMap((server) => server.ports.map((port) => port.number)))];
      const isolation = ingressIsolation(model, endpoint.workload, ports);
      switch (isolation.state) {
        case 'restricted':
          return enforced(terraform, result('present', 'The namespace\'s NetworkPolicies select the pods and admit only listed peers.'));
        case 'open':
          return result('missing', `NetworkPolicy ${isolation.policy.name ?? '(unnamed)'} admits every pod or address.`, [{ at: isolation.rule, note: `ingress rule of ${isolation.policy.name ?? '(unnamed)'}` }]);
        case 'none':
          return result('missing', `No NetworkPolicy of namespace ${isolation.namespace} selects the pods: every pod of the cluster can call them.`);
        default:
          return enforced(terraform, result('unknown', 'No NetworkPolicy of the namespace is in the scan (they may be applied from elsewhere).'));
      }
    },
  },
  'metadata-blocked': {
    title: 'Cloud metadata endpoint blocked for the pods',
    evaluate(endpoint, { model, terraform }) {
      const policies = egressPoliciesOf(model, endpoint.workload);
      if (policies.selecting.length === 0) {
        return policies.inNamespace.length === 0 ? enforced(terraform, result('unknown', 'No NetworkPolicy of the namespace is in the scan.')) : result('missing', 'No egress NetworkPolicy selects the pods: they reach 169.254.169.254.');
      }
      const allowance = egressAllowance(policies.selecting, '169.254.169.254', 80);
      if (allowance === undefined) return enforced(terraform, result('unknown', 'An egress rule that selects the pods cannot be read.'));
      if (allowance === false) return enforced(terraform, result('present', 'The egress NetworkPolicies that select the pods do not let 169.254.169.254 out.', policies.selecting.map((policy) => ({ at: policy.root.get('spec', 'egress'), note: `NetworkPolicy ${policy.name ?? '(unnamed)'}` }))));
      return result('missing', `NetworkPolicy ${allowance.policy.name ?? '(unnamed)'} lets the pods reach the metadata endpoint (${allowance.description}).`, [{ at: allowance.peer ?? allowance.rule, note: allowance.description }]);
    },
  },
  'token-not-mounted': {
    title: 'No Kubernetes API token in the pods',
    evaluate(endpoint, { model }) {
      const pod = endpoint.workload.podSpec.get('automountServiceAccountToken');
      if (pod.isFalse()) return result('present', 'The pod does not mount a ServiceAccount token.', [{ at: pod, note: 'automountServiceAccountToken: false' }]);
      const account = model.serviceAccountOf(endpoint.workload)?.root.get('automountServiceAccountToken');
      if (!pod.isTrue() && account?.isFalse()) return result('present', 'The ServiceAccount does not mount its token.', [{ at: account, note: 'automountServiceAccountToken: false' }]);
      return result('missing', 'The pods hold an API token: code execution in the server can call the Kubernetes API as the ServiceAccount.', [{ at: pod, note: 'automountServiceAccountToken not false' }]);
    },
  },
  'rbac-minimal': {
    title: 'No dangerous Kubernetes RBAC on the ServiceAccount',
    evaluate(endpoint, { graph, findings }) {
      const reported = findingEvidence(findings, ['IG-GRAPH-011']);
      if (reported.length > 0) return result('missing', 'The ServiceAccount is bound to dangerous RBAC.', reported);
      const bindings = endpoint.graphNodes.flatMap((start) => graph.outgoing(start, 'runs-as')).flatMap((edge) => graph.outgoing(edge.to, 'bound-to'));
      if (bindings.length === 0) return result('present', 'No Role or ClusterRole in the scan is bound to the ServiceAccount.');
      return result('present', 'The roles bound to the ServiceAccount grant nothing IG-GRAPH-011 counts as dangerous.', bindings.map((edge) => ({ at: edge.at, note: `${edge.label} → ${graph.node(edge.to).label}` })));
    },
  },
};

/**
 * A NetworkPolicy control as the policies decide it, on the scan's cluster: one that does not enforce
 * NetworkPolicies makes it missing, with the cluster's setting (one that does adds its setting to the
 * evidence). An unknown enforcement keeps the policies' answer (as every NetworkPolicy verdict assumes
 * enforcement), saying so when a cluster is in the scan.
 */
function enforced(terraform: TerraformModel, decided: Omit<ControlResult, 'id' | 'title'>): Omit<ControlResult, 'id' | 'title'> {
  const enforcement = networkPolicyEnforcement(terraform);
  const clusters = enforcement.clusters.map((cluster) => ({ at: cluster.at, note: cluster.description }));
  if (enforcement.state === 'not-enforced') return result('missing', `${decided.detail} But the cluster does not enforce NetworkPolicies (${enforcement.description}): every pod can connect as if there were none.`, [...clusters, ...decided.evidence]);
  if (enforcement.state === 'unknown' && enforcement.clusters.length + enforcement.unexpanded.length > 0) return result(decided.state, `${decided.detail} Whether the cluster enforces NetworkPolicies is not decided by the scan (${enforcement.description}).`, [...decided.evidence]);
  if (enforcement.state === 'enforced' && decided.state === 'present') return result('present', decided.detail, [...decided.evidence, ...clusters]);
  return decided;
}

/** The serving identity's write grants on its own model (graph `can-write`), when the model and identity are known. */
function cannotWrite(endpoint: ServingEndpoint, { graph }: ControlContext, withoutRoles: () => Omit<ControlResult, 'id' | 'title'>): Omit<ControlResult, 'id' | 'title'> {
  const { roles, artifacts } = identityAndArtifacts(endpoint, graph);
  if (artifacts.size === 0) return result('unknown', 'Where the model is loaded from is not in the scan.');
  if (roles.size === 0) return withoutRoles();
  const writes = [...roles].flatMap((role) => graph.outgoing(role, 'can-write').filter((edge) => artifacts.has(edge.to)));
  if (writes.length > 0) return result('missing', 'A compromised server can replace the model every replica loads next.', writes.map((edge) => ({ at: edge.at, note: `${graph.node(edge.from).label} may ${edge.label} on ${graph.node(edge.to).label}` })));
  // A Google service account named only by its email: grants in the project that creates it are not in the scan.
  const outside = [...roles].filter((role) => graph.node(role).subject === undefined);
  if (outside.length > 0) return result('unknown', `The pods act as ${outside.map((role) => graph.node(role).label).join(', ')}, which the scan does not create: its grants elsewhere are unknown.`);
  return result('present', 'The identity it acts as has no write grant on the model\'s artifacts.', [...roles].map((role) => ({ at: graph.node(role).at ?? graph.node(role).subject!, note: graph.node(role).label })));
}

function othersCannotRead(endpoint: ServingEndpoint, { graph }: ControlContext): Omit<ControlResult, 'id' | 'title'> {
  const { roles, artifacts } = identityAndArtifacts(endpoint, graph);
  if (artifacts.size === 0) return result('unknown', 'Where the model is loaded from is not in the scan.');
  const others = [...artifacts].flatMap((artifact) => graph.incoming(artifact).filter((edge) => (edge.kind === 'can-read' || edge.kind === 'can-write') && !roles.has(edge.from)));
  if (others.length > 0) return result('missing', 'Another model\'s identity can read (or overwrite) this model.', others.map((edge) => ({ at: edge.at, note: `${graph.node(edge.from).label} may ${edge.label} on ${graph.node(edge.to).label}` })));
  return result('present', 'No other serving identity in the scan has a grant on the model\'s artifacts.');
}

function attribute(resource: TfResource, note: string, ...path: Array<string | number>): ControlEvidence {
  return { at: resource.root.get(...path), note };
}

/** Whether every part of a type (the endpoint's models, its configurations) satisfies `holds` at `attributeName`. */
function everyPart(endpoint: CloudEndpoint, type: string, attributeName: string, holds: (node: Node) => boolean, text: { readonly missing: string; readonly present: string }): Omit<ControlResult, 'id' | 'title'> {
  const parts = endpoint.parts.filter((part) => part.resourceType === type);
  if (parts.length === 0) return result('unknown', `The endpoint's ${type === 'aws_sagemaker_model' ? 'models are' : 'configuration is'} not in the scan.`);
  const failing = parts.filter((part) => !holds(part.root.get(attributeName)));
  return failing.length > 0 ? result('missing', text.missing, failing.map((part) => attribute(part, `${part.address} ${attributeName}`, attributeName))) : result('present', text.present, parts.map((part) => attribute(part, part.address, attributeName)));
}

const CLOUD: Partial<Record<ControlId, { readonly title: string; readonly platforms: ReadonlyArray<CloudEndpoint['platform']>; readonly evaluate: Evaluate<CloudEndpoint> }>> = {
  'iam-signed-invocation': {
    title: 'Callers authenticated',
    platforms: ['sagemaker'],
    // InvokeEndpoint is an AWS API call: SigV4-signed by an IAM principal allowed sagemaker:InvokeEndpoint.
    evaluate: (endpoint) => result('present', 'SageMaker Runtime accepts only SigV4-signed requests of IAM principals allowed `sagemaker:InvokeEndpoint`; there is no anonymous access.', [{ at: endpoint.resource, note: endpoint.resource.address }]),
  },
  'azure-endpoint-auth': {
    title: 'Callers authenticated',
    platforms: ['azure-ml'],
    evaluate(endpoint) {
      const { text, value } = azapiBodyString(endpoint.resource, 'properties', 'authMode');
      if (text === undefined) return result('unknown', 'The endpoint\'s `authMode` cannot be read.', [{ at: value.at, note: 'properties.authMode' }]);
      return result('present', `Every call carries a ${text} credential; long-lived keys (\`Key\`) are IG-AZ's concern.`, [{ at: value.at, note: `authMode ${text}` }]);
    },
  },
  'sagemaker-network-isolation': {
    title: 'Model containers network-isolated',
    platforms: ['sagemaker'],
    evaluate: (endpoint) =>
      everyPart(endpoint, 'aws_sagemaker_model', 'enable_network_isolation', (node) => node.isTrue(), {
        missing: 'The model container can call out: a poisoned model or a request exploit can exfiltrate.',
        present: 'Every model sets `enable_network_isolation = true`.',
      }),
  },
  'sagemaker-vpc': {
    title: 'Model containers in your VPC',
    platforms: ['sagemaker'],
    evaluate: (endpoint) =>
      everyPart(endpoint, 'aws_sagemaker_model', 'vpc_config', (node) => node.isWritten(), {
        missing: 'The containers use SageMaker\'s network, outside your security groups and flow logs.',
        present: 'Every model names subnets and security groups.',
      }),
  },
  'sagemaker-kms': {
    title: 'Endpoint storage encrypted with your key',
    platforms: ['sagemaker'],
    evaluate: (endpoint) =>
      everyPart(endpoint, 'aws_sagemaker_endpoint_configuration', 'kms_key_arn', (node) => node.isWritten(), {
        missing: 'The ML storage volume is encrypted with an AWS-owned key only.',
        present: 'The endpoint configuration names a KMS key.',
      }),
  },
  'request-logging': {
    title: 'Inference requests logged',
    platforms: ['sagemaker', 'vertex-ai'],
    evaluate(endpoint) {
      if (endpoint.platform === 'vertex-ai') {
        const enabled = endpoint.resource.root.get('predict_request_response_logging_config', 0, 'enabled');
        return enabled.isTrue() ? result('present', 'Requests and responses are logged to BigQuery.', [{ at: enabled, note: 'predict_request_response_logging_config' }]) : result('missing', 'No request-response logging.', [{ at: enabled, note: 'predict_request_response_logging_config' }]);
      }
      const configs = endpoint.parts.filter((part) => part.resourceType === 'aws_sagemaker_endpoint_configuration');
      if (configs.length === 0) return result('unknown', 'The endpoint configuration is not in the scan.');
      const capturing = configs.filter((config) => config.root.get('data_capture_config', 0, 'enable_capture').isTrue());
      return capturing.length > 0 ? result('present', 'Data capture records requests and responses.', capturing.map((config) => attribute(config, config.address, 'data_capture_config', 0, 'enable_capture'))) : result('missing', 'No data capture: what callers sent is not recorded.', configs.map((config) => attribute(config, `${config.address} data_capture_config`, 'data_capture_config')));
    },
  },
  'identity-cannot-write-model': {
    title: 'The serving identity cannot overwrite the model',
    platforms: ['sagemaker'],
    evaluate: (endpoint, context) => cannotWrite(endpoint, context, () => result('unknown', 'The models\' execution roles are not in the scan.')),
  },
  'others-cannot-read-model': { title: 'No other serving identity can read the model', platforms: ['sagemaker'], evaluate: (endpoint, context) => othersCannotRead(endpoint, context) },
  'private-endpoint': {
    title: 'Private endpoint',
    platforms: ['vertex-ai', 'azure-ml'],
    evaluate(endpoint) {
      if (endpoint.platform === 'azure-ml') {
        const { text, value } = azapiBodyString(endpoint.resource, 'properties', 'publicNetworkAccess');
        if (text === undefined) return value.state === 'unknown' ? result('unknown', '`publicNetworkAccess` cannot be read.') : result('missing', 'Public network access is on by default.', [{ at: value.at, note: 'properties.publicNetworkAccess not set' }]);
        return text.toLowerCase() === 'disabled' ? result('present', 'Public network access is disabled.', [{ at: value.at, note: `publicNetworkAccess ${text}` }]) : result('missing', 'The endpoint accepts calls from the internet.', [{ at: value.at, note: `publicNetworkAccess ${text}` }]);
      }
      const root = endpoint.resource.root;
      const privateBy = ['network', 'private_service_connect_config'].map((key) => root.get(key)).find((node) => node.isWritten());
      return privateBy ? result('present', 'The endpoint is reached through a VPC peering or Private Service Connect.', [{ at: privateBy, note: privateBy.path.at(-1)?.toString() ?? 'network' }]) : result('missing', 'A public endpoint: any caller with a Google identity allowed `aiplatform.endpoints.predict` can reach it from the internet.', [{ at: endpoint.resource, note: endpoint.resource.address }]);
    },
  },
  'endpoint-cmek': {
    title: 'Endpoint encrypted with your key',
    platforms: ['vertex-ai'],
    evaluate(endpoint) {
      const key = endpoint.resource.root.get('encryption_spec', 0, 'kms_key_name');
      return key.isWritten() ? result('present', 'The endpoint names a Cloud KMS key.', [{ at: key, note: 'encryption_spec.kms_key_name' }]) : result('missing', 'Google-managed encryption only.', [{ at: endpoint.resource.root.get('encryption_spec'), note: 'no encryption_spec' }]);
    },
  },
};

/** Evaluates a control on an endpoint; undefined when the control does not apply to the endpoint's platform. */
export function evaluateControl(id: ControlId, endpoint: ServingEndpoint, context: ControlContext): ControlResult | undefined {
  if (endpoint.platform === 'kubernetes') {
    const control = KUBERNETES[id];
    return control ? { id, title: control.title, ...control.evaluate(endpoint, context) } : undefined;
  }
  const control = CLOUD[id];
  return control && control.platforms.includes(endpoint.platform) ? { id, title: control.title, ...control.evaluate(endpoint, context) } : undefined;
}
