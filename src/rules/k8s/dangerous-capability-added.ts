import { capabilityItems } from '../../model/containers.js';
import { defineRule } from '../define-rule.js';
import { severityForContainer } from '../severity.js';

/** Catalogue F.7, with what each one gives code that runs in the container. */
const DANGEROUS: ReadonlyMap<string, string> = new Map([
  ['SYS_ADMIN', 'mount, namespaces and most of root, a known path to the node'],
  ['NET_ADMIN', 'reconfigure the pod network and intercept or redirect its traffic'],
  ['SYS_PTRACE', 'read and alter the memory of the processes it can see: its own container\u2019s, or the pod\u2019s or node\u2019s when it shares their PID namespace'],
  ['SYS_MODULE', 'load modules into the node\'s kernel'],
  ['NET_RAW', 'craft raw packets to spoof traffic to other pods on the node'],
  ['DAC_READ_SEARCH', 'read any file and open files by handle, a known container escape'],
  ['BPF', 'load BPF programs that read kernel and other containers\u2019 memory'],
]);

export const dangerousCapabilityAdded = defineRule({
  meta: {
    id: 'IG-K8S-105',
    name: 'dangerous-capability-added',
    title: 'Dangerous capability added',
    severity: 'high',
    rationale:
      'These capabilities each give a process in the container part of root on the node: `SYS_ADMIN` and `SYS_MODULE` lead to the host, `SYS_PTRACE` and `BPF` read other processes\u2019 memory (model weights, API keys), `NET_ADMIN` and `NET_RAW` intercept or spoof inference traffic, `DAC_READ_SEARCH` opens host files by handle. A model server that loads untrusted model files needs none of them; GPU access goes through the device plugin.',
    remediation:
      'Remove the capability from `securityContext.capabilities.add`. Keep `drop: ["ALL"]` and add back only narrow ones such as `NET_BIND_SERVICE`. Profiling tools that need `SYS_PTRACE` belong in a short-lived debug container, not in the serving pod.',
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://man7.org/linux/man-pages/man7/capabilities.7.html',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
    ],
    mappings: { stride: ['E'], cis: ['5.2.8', '5.2.9'], nist: ['AC-6'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      dangerousCapability: "Container '{{container}}' adds {{capability}}: {{effect}}.",
      allCapabilities: "Container '{{container}}' adds ALL capabilities: close to a privileged container.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:24.05-py3
      securityContext:
        capabilities:
          add: [SYS_ADMIN]
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:24.05-py3
      securityContext:
        capabilities:
          drop: [ALL]
          add: [NET_BIND_SERVICE]
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const severity = severityForContainer(dangerousCapabilityAdded.meta.severity, container);
        for (const { name, node } of capabilityItems(container, 'add')) {
          const effect = DANGEROUS.get(name);
          if (name !== 'ALL' && effect === undefined) continue;
          context.report({
            messageId: name === 'ALL' ? 'allCapabilities' : 'dangerousCapability',
            data: { container: container.name || '(unnamed)', capability: name, effect: effect ?? '' },
            at: node,
            severity,
          });
        }
      },
    };
  },
});
