import { inferenceServicePodLabels } from './adapt/crds/kserve.js';
import type { IsvcComponentName } from './adapt/crds/kserve.js';
import type { K8sObject, KubernetesModel, Workload } from './kubernetes.js';
import { findObject } from './references.js';
import { labelSelectorMatches, podLabelsOf } from './selectors.js';
import type { Labels } from './selectors.js';
import type { Node } from './value.js';

// Whether a service mesh puts mutual TLS on a pod's port, from the scanned objects only.
//
// Markers recognised, as each mesh documents them:
// - Istio sidecar injection (https://istio.io/latest/docs/setup/additional-setup/sidecar-injection/,
//   "Controlling the injection policy"): pod label `sidecar.istio.io/inject: "true"` or `istio.io/rev`,
//   namespace label `istio-injection=enabled` or `istio.io/rev`; either label `disabled` / `"false"`
//   wins. The pod annotation `sidecar.istio.io/inject` is the older spelling: `"false"` still opts out,
//   `"true"` never injected in a namespace the webhook does not select, so it is no marker.
// - Istio ambient mode (https://istio.io/latest/docs/ambient/usage/add-workloads/): label
//   `istio.io/dataplane-mode=ambient` on the namespace or the pod (the pod's wins, `none` opts out);
//   sidecar injection takes precedence.
// - Linkerd (https://linkerd.io/2/features/proxy-injection/): annotation `linkerd.io/inject: enabled`
//   on the namespace or the pod template; `disabled` on the pod opts out.
// Namespace labels count only when the Namespace object is in the scanned set.
//
// A proxy accepts plaintext from clients outside the mesh unless told otherwise (Istio's PERMISSIVE
// default, https://istio.io/latest/docs/reference/config/security/peer_authentication/). An Istio
// PeerAuthentication in the scanned set decides the port: STRICT keeps plaintext out, PERMISSIVE /
// DISABLE let it in. Without one in the scan the mesh-wide setting is not visible and the marker is
// taken as mutual TLS (unknown is not evidence of plaintext).

export type MeshName = 'Istio' | 'Istio ambient' | 'Linkerd';

/** The label or annotation that puts the pod in a mesh. */
export interface MeshMarker {
  readonly mesh: MeshName;
  /** The object that writes it: the workload (pod template) or its Namespace. */
  readonly object: K8sObject;
  readonly at: Node;
  /** Short and human: "pod label sidecar.istio.io/inject=true", "Namespace models label istio-injection=enabled". */
  readonly description: string;
}

export type MtlsMode = 'STRICT' | 'PERMISSIVE' | 'DISABLE';

/** The PeerAuthentication that decides a port's mode, and the mode. */
export interface PeerAuthenticationDecision {
  readonly object: K8sObject;
  readonly at: Node;
  readonly mode: MtlsMode;
  readonly description: string;
}

export interface MeshMtls {
  readonly marker: MeshMarker;
  /** Undefined for Linkerd, and when no PeerAuthentication in the scan applies. */
  readonly peerAuthentication: PeerAuthenticationDecision | undefined;
  /** The mesh requires mTLS on the port (STRICT), or nothing in the scan says it lets plaintext in. */
  readonly mtls: boolean;
}

const CORE = new Set(['']);
const ISVC_COMPONENTS: ReadonlySet<string> = new Set(['predictor', 'transformer', 'explainer']);
const ISTIO_SECURITY = 'security.istio.io';
/** Istio's default root namespace: a policy there without a selector is mesh-wide. */
const ISTIO_ROOT = 'istio-system';

interface PodMeta {
  readonly labels: Labels;
  /** Where each label / annotation is written, for reporting. */
  readonly label: (key: string) => Node | undefined;
  readonly annotation: (key: string) => Node | undefined;
}

/** The labels and annotations the pods get: the template's, and for a KServe component those KServe copies from the InferenceService. */
function podMeta(workload: Workload): PodMeta {
  const object = workload.object;
  const isvc = object.group === 'serving.kserve.io' && object.kind === 'InferenceService' && ISVC_COMPONENTS.has(workload.role);
  const labels: Labels = isvc ? { ...inferenceServicePodLabels(object, workload.role as IsvcComponentName), ...podLabelsOf(workload) } : podLabelsOf(workload);
  const find = (section: 'labels' | 'annotations', key: string): Node | undefined => {
    const candidates = [workload.podMetadata.get(section, key), ...(isvc ? [object.root.get('spec', workload.role, section, key), object.root.get('metadata', section, key)] : [])];
    return candidates.find((node) => node.isWritten());
  };
  return { labels, label: (key) => find('labels', key), annotation: (key) => find('annotations', key) };
}

function namespaceOf(model: KubernetesModel, workload: Workload): K8sObject | undefined {
  const name = workload.object.namespace;
  return name === undefined ? undefined : findObject(model, { kind: 'Namespace', groups: CORE, namespace: undefined, name, near: workload.object });
}

function written(node: Node | undefined): { node: Node; value: string | undefined } | undefined {
  return node && node.isWritten() ? { node, value: node.str() } : undefined;
}

/** The mesh the pods of a workload join, by the markers above; undefined when none applies. */
export function meshMarkerOf(model: KubernetesModel, workload: Workload): MeshMarker | undefined {
  const pod = podMeta(workload);
  const namespace = namespaceOf(model, workload);
  const nsLabel = (key: string) => written(namespace?.root.get('metadata', 'labels', key));
  const nsAnnotation = (key: string) => written(namespace?.root.get('metadata', 'annotations', key));
  const podLabel = (key: string) => written(pod.label(key));
  const podAnnotation = (key: string) => written(pod.annotation(key));
  const onPod = (mesh: MeshName, node: Node, kind: 'label' | 'annotation', key: string, value: string): MeshMarker => ({ mesh, object: workload.object, at: node, description: `pod ${kind} ${key}=${value}` });
  const onNamespace = (mesh: MeshName, node: Node, kind: 'label' | 'annotation', key: string, value: string): MeshMarker => ({
    mesh,
    object: namespace as K8sObject,
    at: node,
    description: `Namespace ${namespace?.name ?? ''} ${kind} ${key}=${value}`,
  });

  // Istio sidecar: either label saying no wins.
  const podInject = podLabel('sidecar.istio.io/inject');
  const podInjectAnnotation = podAnnotation('sidecar.istio.io/inject');
  const nsInjection = nsLabel('istio-injection');
  const podRev = podLabel('istio.io/rev');
  const nsRev = nsLabel('istio.io/rev');
  const sidecarOff = podInject?.value === 'false' || podInjectAnnotation?.value === 'false' || nsInjection?.value === 'disabled';
  if (!sidecarOff) {
    if (podInject?.value === 'true') return onPod('Istio', podInject.node, 'label', 'sidecar.istio.io/inject', 'true');
    if (podRev?.value) return onPod('Istio', podRev.node, 'label', 'istio.io/rev', podRev.value);
    if (nsInjection?.value === 'enabled') return onNamespace('Istio', nsInjection.node, 'label', 'istio-injection', 'enabled');
    if (nsRev?.value && !nsInjection) return onNamespace('Istio', nsRev.node, 'label', 'istio.io/rev', nsRev.value);
  }
  // Istio ambient: the pod's label has precedence over the namespace's.
  const podMode = podLabel('istio.io/dataplane-mode');
  const nsMode = nsLabel('istio.io/dataplane-mode');
  if (podMode?.value === 'ambient') return onPod('Istio ambient', podMode.node, 'label', 'istio.io/dataplane-mode', 'ambient');
  if (!podMode && nsMode?.value === 'ambient') return onNamespace('Istio ambient', nsMode.node, 'label', 'istio.io/dataplane-mode', 'ambient');
  // Linkerd: the pod's annotation overrides the namespace's.
  const podLinkerd = podAnnotation('linkerd.io/inject');
  const nsLinkerd = nsAnnotation('linkerd.io/inject');
  if (podLinkerd?.value === 'enabled') return onPod('Linkerd', podLinkerd.node, 'annotation', 'linkerd.io/inject', 'enabled');
  if (!podLinkerd && nsLinkerd?.value === 'enabled') return onNamespace('Linkerd', nsLinkerd.node, 'annotation', 'linkerd.io/inject', 'enabled');
  return undefined;
}

const MODES: ReadonlySet<string> = new Set(['STRICT', 'PERMISSIVE', 'DISABLE']);

/** A policy's mode for a port: its `portLevelMtls` entry (selector policies only), else `mtls.mode`; UNSET / absent inherit. */
function modeOf(policy: K8sObject, port: number, portLevel: boolean): { mode: MtlsMode; at: Node } | undefined {
  const spec = policy.root.get('spec');
  if (portLevel) {
    const entry = spec.get('portLevelMtls', String(port), 'mode');
    const value = entry.str()?.toUpperCase();
    if (value !== undefined && MODES.has(value)) return { mode: value as MtlsMode, at: entry };
  }
  const mode = spec.get('mtls', 'mode');
  const value = mode.str()?.toUpperCase();
  return value !== undefined && MODES.has(value) ? { mode: value as MtlsMode, at: mode } : undefined;
}

/**
 * The Istio PeerAuthentication that decides a pod port's mTLS mode, most specific first: a policy
 * whose selector matches the pods (its port-level entry first), then the namespace's policy without a
 * selector, then the mesh-wide one in the root namespace. UNSET inherits from the next level.
 */
export function peerAuthenticationFor(model: KubernetesModel, workload: Workload, port: number): PeerAuthenticationDecision | undefined {
  const labels = podMeta(workload).labels;
  const namespace = workload.object.namespace ?? '';
  const policies = model.objects.filter((object) => object.group === ISTIO_SECURITY && object.kind === 'PeerAuthentication');
  const selected = policies.filter((policy) => (policy.namespace ?? '') === namespace && namespace !== ISTIO_ROOT && policy.root.get('spec', 'selector').isWritten() && labelSelectorMatches(policy.root.get('spec', 'selector'), labels));
  const namespaceWide = policies.filter((policy) => (policy.namespace ?? '') === namespace && !policy.root.get('spec', 'selector').isWritten());
  // Root-namespace policies with a selector are ignored (Istio's reference).
  const meshWide = policies.filter((policy) => policy.namespace === ISTIO_ROOT && !policy.root.get('spec', 'selector').isWritten());
  for (const [level, portLevel] of [
    [selected, true],
    [namespaceWide, false],
    [meshWide, false],
  ] as const) {
    for (const policy of level) {
      const decided = modeOf(policy, port, portLevel);
      if (decided) return { object: policy, at: decided.at, mode: decided.mode, description: `PeerAuthentication ${policy.namespace ? `${policy.namespace}/` : ''}${policy.name ?? '(unnamed)'} (${decided.mode})` };
    }
  }
  return undefined;
}

/** Mutual TLS a mesh puts on one pod port; undefined when the pods are in no mesh the scan shows. */
export function meshMtlsOf(model: KubernetesModel, workload: Workload, port: number): MeshMtls | undefined {
  const marker = meshMarkerOf(model, workload);
  if (!marker) return undefined;
  const peerAuthentication = marker.mesh === 'Linkerd' ? undefined : peerAuthenticationFor(model, workload, port);
  return { marker, peerAuthentication, mtls: peerAuthentication === undefined || peerAuthentication.mode === 'STRICT' };
}
