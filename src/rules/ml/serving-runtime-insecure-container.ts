import { KSERVE_GROUP, servingRuntimeFacts } from '../../model/adapt/crds/kserve.js';
import { capabilityItems, hostPathLocation } from '../../model/containers.js';
import type { K8sObject } from '../../model/kubernetes.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

const RUNTIME_KINDS = new Set(['ServingRuntime', 'ClusterServingRuntime']);

/** Capabilities the Pod Security Standards' baseline profile lets a container add; any other one is a finding. */
const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

/** Who inherits the runtime's pod: by name, and by auto-selection for the formats marked `autoSelect: true`. */
function reachOf(object: K8sObject): { reach: string; autoSelected: boolean } {
  const facts = servingRuntimeFacts(object);
  const formats = facts.supportedModelFormats.filter((format) => format.autoSelect.isTrue()).map((format) => format.name.str() ?? '?');
  const scope = facts.clusterScoped ? 'in every namespace' : `in namespace '${object.namespace ?? '(unset)'}'`;
  const reach =
    formats.length > 0
      ? `every InferenceService ${scope} that names it, or that leaves KServe to pick the runtime for ${formats.join(', ')}, runs with it`
      : `every InferenceService ${scope} that names it in \`runtime\` runs with it`;
  return { reach, autoSelected: formats.length > 0 };
}

export const servingRuntimeInsecureContainer = defineRule({
  meta: {
    id: 'IG-ML-065',
    name: 'serving-runtime-insecure-container',
    title: 'Insecure container spec in a (Cluster)ServingRuntime',
    severity: 'high',
    rationale:
      "A KServe ServingRuntime is a pod template that KServe merges into every InferenceService that names it or auto-selects it for a model format — and a ClusterServingRuntime does so in every namespace. A privileged container, a `hostPath` volume, root, extra capabilities or the node's network / IPC namespace written there is therefore not one weak pod but the posture of every model deployed on that runtime, including those of tenants who never see the runtime's spec. Model servers load files that can carry code (pickles, custom handlers) and parse untrusted requests: with these settings, a malicious model or a server CVE becomes root on the node, with the other tenants' models, GPUs and credentials.\n\nOn a runtime this rule replaces the baseline and GPU rules that flag the same field (IG-K8S-101, 103, 105, 108, 109 and IG-K8S-001, 002, 006, 008, 009, 010): one finding, at the higher severity, naming who inherits it.",
    remediation:
      "Harden the runtime template itself: remove `privileged`, `hostPath` volumes, `hostNetwork` / `hostIPC` and added capabilities; set `runAsNonRoot: true` with a non-zero `runAsUser`, `allowPrivilegeEscalation: false` and `capabilities.drop: [ALL]` on its containers. Request GPUs through `resources.limits`. If one model really needs more, give it a separate namespace-scoped ServingRuntime without `autoSelect`, in a namespace whose Pod Security admission allows it, rather than widening a shared one.",
    references: [
      'https://kserve.github.io/website/docs/concepts/resources/servingruntime',
      'https://github.com/kserve/kserve/blob/master/pkg/apis/serving/v1alpha1/servingruntime_types.go',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
    ],
    mappings: { stride: ['E'], atlas: ['AML.T0105'], cis: ['5.2.2', '5.2.7', '5.2.12'], nist: ['AC-6', 'SC-39'] },
    targets: ['k8s:ServingRuntime', 'k8s:ClusterServingRuntime'],
    fix: 'none',
    supersedes: ['IG-K8S-001', 'IG-K8S-002', 'IG-K8S-006', 'IG-K8S-008', 'IG-K8S-009', 'IG-K8S-010', 'IG-K8S-101', 'IG-K8S-103', 'IG-K8S-105', 'IG-K8S-108', 'IG-K8S-109'],
    messages: {
      privileged: "{{kind}} '{{name}}' runs container '{{container}}' privileged: {{reach}}, as root on the node.",
      hostPath: "{{kind}} '{{name}}' mounts the node's '{{path}}' (volume '{{volume}}'): {{reach}}, with that host directory.",
      rootUser: "{{kind}} '{{name}}' runs container '{{container}}' with `runAsUser: 0`: {{reach}}, as root.",
      nonRootDisabled: "{{kind}} '{{name}}' sets `runAsNonRoot: false` on container '{{container}}' and no non-zero `runAsUser`: {{reach}}, as root whenever the image's user is.",
      capabilityAdded: "{{kind}} '{{name}}' adds capability {{capability}} to container '{{container}}', beyond what the Pod Security baseline allows: {{reach}}.",
      hostNamespace: "{{kind}} '{{name}}' sets `{{field}}: true`: {{reach}}, in the node's {{namespace}} namespace.",
    },
    examples: {
      bad: `apiVersion: serving.kserve.io/v1alpha1
kind: ClusterServingRuntime
metadata: { name: kserve-tritonserver }
spec:
  supportedModelFormats:
    - { name: onnx, version: "1", autoSelect: true }
  containers:
    - name: kserve-container
      image: nvcr.io/nvidia/tritonserver:24.05-py3
      securityContext:
        privileged: true
`,
      good: `apiVersion: serving.kserve.io/v1alpha1
kind: ClusterServingRuntime
metadata: { name: kserve-tritonserver }
spec:
  supportedModelFormats:
    - { name: onnx, version: "1", autoSelect: true }
  containers:
    - name: kserve-container
      image: nvcr.io/nvidia/tritonserver:24.05-py3
      securityContext:
        privileged: false
        runAsNonRoot: true
        runAsUser: 1000
        allowPrivilegeEscalation: false
        capabilities: { drop: [ALL] }
`,
    },
  },
  create(context) {
    return {
      workload(workload) {
        const object = workload.object;
        if (object.group !== KSERVE_GROUP || !RUNTIME_KINDS.has(object.kind)) return;
        // A disabled runtime is never selected.
        if (servingRuntimeFacts(object).disabled.isTrue()) return;
        const { reach, autoSelected } = reachOf(object);
        const severity = object.kind === 'ClusterServingRuntime' && autoSelected ? 'critical' : 'high';
        const base = { kind: object.kind, name: object.name ?? '(unnamed)', reach };
        const report = (messageId: string, at: Node, data: Record<string, string> = {}): void => context.report({ messageId, data: { ...base, ...data }, at, severity });
        for (const container of workload.containers) {
          const name = container.name || '(unnamed)';
          const security = container.node.get('securityContext');
          const privileged = security.get('privileged');
          if (privileged.isTrue()) report('privileged', privileged, { container: name });
          // The pod-level securityContext comes from each InferenceService: only what the runtime's container writes is judged.
          const user = security.get('runAsUser');
          const nonRoot = security.get('runAsNonRoot');
          if (user.value === 0) report('rootUser', user, { container: name });
          else if (!user.isWritten() && nonRoot.isFalse()) report('nonRootDisabled', nonRoot, { container: name });
          for (const { name: capability, node } of capabilityItems(container, 'add')) {
            if (!BASELINE_CAPABILITIES.has(capability)) report('capabilityAdded', node, { container: name, capability });
          }
        }
        for (const volume of workload.podSpec.get('volumes').items()) {
          const hostPath = volume.get('hostPath');
          if (!hostPath.isWritten()) continue;
          report('hostPath', hostPathLocation(hostPath), { volume: volume.get('name').str() ?? '(unnamed)', path: hostPath.get('path').str() ?? '?' });
        }
        for (const [field, namespace] of [
          ['hostNetwork', 'network'],
          ['hostIPC', 'IPC'],
        ] as const) {
          const node = workload.podSpec.get(field);
          if (node.isTrue()) report('hostNamespace', node, { field, namespace });
        }
      },
    };
  },
});
