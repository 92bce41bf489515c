import { capabilityItems, isWindowsPod } from '../../model/containers.js';
import { isFragmentContainer } from '../../model/fragments.js';
import { defineRule } from '../define-rule.js';
import { severityForContainer } from '../severity.js';

export const capabilitiesNotDropped = defineRule({
  meta: {
    id: 'IG-K8S-104',
    name: 'capabilities-not-dropped',
    title: 'Capabilities not dropped',
    severity: 'low',
    rationale:
      'Without `drop: [ALL]` a container keeps the runtime default capabilities, among them `NET_RAW` (spoof traffic to other pods on the node), `CHOWN`, `DAC_OVERRIDE`, `SETUID` and `MKNOD`. A model server needs none of them to load weights, use a GPU or serve HTTP, and every one left is a tool for code that runs through a malicious model file.',
    remediation:
      'Add `securityContext.capabilities.drop: ["ALL"]` to every container and add back only what is needed (`NET_BIND_SERVICE` to listen below port 1024). Write `ALL` in upper case: runtimes accept any case, but Pod Security admission compares it exactly. A privileged container has every capability whatever it drops: it is left to IG-K8S-101.',
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
    ],
    mappings: { stride: ['E'], cis: ['5.2.9'], nist: ['CM-7'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      notDropped: "Container '{{container}}' does not drop capabilities: it keeps the runtime defaults, NET_RAW among them.",
      allNotDropped: "Container '{{container}}' drops {{dropped}} but not ALL: it keeps the other runtime default capabilities.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: tgi, namespace: serving }
spec:
  containers:
    - name: tgi
      image: ghcr.io/huggingface/text-generation-inference:2.4.0
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: tgi, namespace: serving }
spec:
  containers:
    - name: tgi
      image: ghcr.io/huggingface/text-generation-inference:2.4.0
      securityContext:
        capabilities:
          drop: [ALL]
`,
    },
  },
  create(context) {
    return {
      container(container) {
        if (isWindowsPod(container.workload)) return;
        // A privileged container gets every capability whatever `drop` says (containerd and CRI-O ignore
        // add / drop for it): "keeps the runtime defaults" would be false, and IG-K8S-101 reports it.
        if (container.node.get('securityContext', 'privileged').isTrue()) return;
        const drop = container.node.get('securityContext', 'capabilities', 'drop');
        const severity = severityForContainer(capabilitiesNotDropped.meta.severity, container);
        const data = { container: container.name || '(unnamed)' };
        if (!drop.isWritten()) {
          // In a patch, the base's list stands.
          if (!isFragmentContainer(container)) context.report({ messageId: 'notDropped', data, at: drop, severity });
          return;
        }
        const dropped = capabilityItems(container, 'drop');
        // Anything but a list of strings is unknown. Containerd and CRI-O read `ALL` in any case.
        if (!Array.isArray(drop.value) || dropped.length < drop.items().length || dropped.some(({ name }) => name === 'ALL')) return;
        if (dropped.length === 0) context.report({ messageId: 'notDropped', data, at: drop, severity });
        else context.report({ messageId: 'allNotDropped', data: { ...data, dropped: dropped.map(({ name }) => name).join(', ') }, at: drop, severity });
      },
    };
  },
});
