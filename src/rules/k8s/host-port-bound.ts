import { defineRule } from '../define-rule.js';
import { severityForContainer } from '../severity.js';

export const hostPortBound = defineRule({
  meta: {
    id: 'IG-K8S-110',
    name: 'host-port-bound',
    title: 'hostPort used',
    severity: 'medium',
    rationale:
      'A `hostPort` opens the container port on the IP of the node it runs on. Inference endpoints and their admin ports (TorchServe management, Triton gRPC and metrics, Ray dashboard) then answer anyone who can reach the node, outside the Service, the ingress and its authentication, and with many CNI plugins outside NetworkPolicy too. It also pins one replica per node and port, which blocks GPU bin-packing.',
    remediation:
      'Remove `hostPort` and publish the port through a ClusterIP Service, behind an authenticated ingress or gateway where clients are outside the cluster; restrict who reaches it with a NetworkPolicy.',
    references: [
      'https://kubernetes.io/docs/concepts/configuration/overview/#services',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
    ],
    mappings: { stride: ['I'], cis: ['5.2.13'], nist: ['SC-7'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      hostPort: "Container '{{container}}' binds port {{containerPort}} to host port {{hostPort}}: it is reachable on the node IP, outside the Service.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:24.05-py3
      ports:
        - { containerPort: 8000, hostPort: 8000 }
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:24.05-py3
      ports:
        - { containerPort: 8000 }
`,
    },
  },
  create(context) {
    return {
      container(container) {
        for (const port of container.node.get('ports').items()) {
          const hostPort = port.get('hostPort');
          // 0 is the API default for "no host port"; a string is unknown.
          if (typeof hostPort.value !== 'number' || hostPort.value === 0) continue;
          context.report({
            messageId: 'hostPort',
            data: { container: container.name || '(unnamed)', hostPort: hostPort.value, containerPort: port.get('containerPort').number().value ?? '?' },
            at: hostPort,
            severity: severityForContainer(hostPortBound.meta.severity, container),
          });
        }
      },
    };
  },
});
