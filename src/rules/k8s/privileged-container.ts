import { requestsAccelerator } from '../../model/resources.js';
import { defineRule } from '../define-rule.js';
import { severityForContainer } from '../severity.js';

export const privilegedContainer = defineRule({
  meta: {
    id: 'IG-K8S-101',
    name: 'privileged-container',
    title: 'Container runs privileged',
    severity: 'high',
    rationale:
      'A privileged container has every capability and every host device: it is root on the node. Code execution in a model server (a pickle in a model file, a server CVE) becomes node takeover, with access to every other model, GPU and credential on that node. GPU access does not need it: the device plugin hands out GPUs without privileges.',
    remediation:
      'Remove `securityContext.privileged: true`. Request GPUs through `resources.limits` (`nvidia.com/gpu: 1`) and let the device plugin mount them.',
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://github.com/NVIDIA/k8s-device-plugin',
    ],
    mappings: { stride: ['E'], atlas: ['AML.T0105'], cis: ['5.2.2'], nist: ['AC-6', 'SC-39'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      privileged: "Container '{{container}}' runs privileged: it is root on the node.",
      privilegedGpu: "Container '{{container}}' runs privileged to reach GPUs; the device plugin gives GPU access without privileges.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: debug, namespace: serving }
spec:
  containers:
    - name: app
      image: busybox@sha256:${'0'.repeat(64)}
      securityContext:
        privileged: true
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: debug, namespace: serving }
spec:
  containers:
    - name: app
      image: busybox@sha256:${'0'.repeat(64)}
      securityContext:
        privileged: false
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const privileged = container.node.get('securityContext', 'privileged');
        if (!privileged.isTrue()) return;
        const gpu = requestsAccelerator(container);
        context.report({
          messageId: gpu ? 'privilegedGpu' : 'privileged',
          data: { container: container.name },
          at: privileged,
          severity: severityForContainer(privilegedContainer.meta.severity, container),
        });
      },
    };
  },
});
