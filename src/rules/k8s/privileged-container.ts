import { acceleratorResources } from '../../model/resources.js';
import { defineRule } from '../define-rule.js';
import { severityForContainer } from '../severity.js';

export const privilegedContainer = defineRule({
  meta: {
    id: 'IG-K8S-101',
    name: 'privileged-container',
    title: 'Container runs privileged',
    severity: 'high',
    rationale:
      'A privileged container has every capability and every host device: it is root on the node. Code execution in a model server (a pickle in a model file, a server CVE) becomes node takeover, with access to every other model, GPU and credential on that node. GPU or TPU access does not need it: the device plugin hands out accelerators without privileges.',
    remediation:
      'Remove `securityContext.privileged: true`. Request GPUs and other accelerators through `resources.limits` (`nvidia.com/gpu: 1`, `google.com/tpu: 4`) and let the device plugin mount them.',
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://github.com/NVIDIA/k8s-device-plugin',
    ],
    mappings: { stride: ['E'], atlas: ['AML.T0105'], cis: ['5.2.2'], nist: ['AC-6', 'SC-39'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      privileged: "Container '{{container}}' runs privileged: it is root on the node.",
      privilegedGpu:
        "Container '{{container}}' runs privileged while it asks for `{{resource}}`: the device plugin already gives it the accelerator, and privileged makes it root on the node.",
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
        // Name the accelerator actually requested: a TPU or Neuron container is not reaching for GPUs.
        const [accelerator] = acceleratorResources(container);
        context.report({
          messageId: accelerator ? 'privilegedGpu' : 'privileged',
          data: { container: container.name, resource: accelerator ?? '' },
          at: privileged,
          severity: severityForContainer(privilegedContainer.meta.severity, container),
        });
      },
    };
  },
});
