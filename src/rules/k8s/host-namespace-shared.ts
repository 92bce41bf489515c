import { defineRule } from '../define-rule.js';
import { severityForPod } from '../severity.js';

const HOST_NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export const hostNamespaceShared = defineRule({
  meta: {
    id: 'IG-K8S-108',
    name: 'host-namespace-shared',
    title: 'Host network / PID / IPC shared',
    severity: 'high',
    rationale:
      'A pod that shares a namespace with the node loses the isolation that namespace gives. With the host network, every port of the model server is open on the node IP past Services and NetworkPolicies, and the pod reaches node-local endpoints (kubelet, cloud metadata credentials). With the host PID namespace it sees every process on the node, with their command lines and environments (tokens, API keys), and can signal them. With the host IPC namespace it shares System V and POSIX shared memory with the node, where inference servers and NCCL exchange tensors between processes.',
    remediation:
      'Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to `false`). Expose the server through a Service; for multi-GPU or multi-node inference use the pod network (NCCL over RDMA through the device plugin or a secondary network), not the host\u2019s.',
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
    ],
    mappings: { stride: ['E', 'I'], cis: ['5.2.3', '5.2.4', '5.2.5'], nist: ['SC-39'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      hostNetwork: "{{kind}} '{{name}}' uses the node's network: its ports are open on the node IP and it reaches node-local services.",
      hostPID: "{{kind}} '{{name}}' shares the node's process namespace: it sees every process on the node and their environments.",
      hostIPC: "{{kind}} '{{name}}' shares the node's IPC namespace: its shared memory is open to the node and other host-IPC pods.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: ray-head, namespace: serving }
spec:
  hostNetwork: true
  containers:
    - name: ray-head
      image: rayproject/ray:2.9.0
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: ray-head, namespace: serving }
spec:
  containers:
    - name: ray-head
      image: rayproject/ray:2.9.0
`,
    },
  },
  create(context) {
    return {
      workload(workload) {
        const severity = severityForPod(hostNamespaceShared.meta.severity, workload.containers);
        for (const namespace of HOST_NAMESPACES) {
          const field = workload.podSpec.get(namespace);
          if (!field.isTrue()) continue;
          context.report({ messageId: namespace, data: { kind: workload.object.kind, name: workload.object.name ?? '(unnamed)' }, at: field, severity });
        }
      },
    };
  },
});
