import { isWindowsPod } from '../../model/containers.js';
import { isFragmentContainer } from '../../model/fragments.js';
import { defineRule } from '../define-rule.js';
import { severityForContainer } from '../severity.js';

export const writableRootFilesystem = defineRule({
  meta: {
    id: 'IG-K8S-106',
    name: 'writable-root-filesystem',
    title: 'Root filesystem writable',
    severity: 'low',
    rationale:
      'With a writable root filesystem, code that runs through a malicious model file or a server bug can replace the server\u2019s own code, handlers and libraries, drop tools, and persist until the pod is replaced: every later request, and every model loaded afterwards, goes through the tampered server. A read-only root confines writes to the volumes the pod declares.',
    remediation:
      'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` where the server writes: `/tmp`, the model cache (`HF_HOME`, `~/.cache/huggingface`, TorchServe\u2019s model store, Triton\u2019s repository when it is pulled at start), and log directories.',
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
      'https://kubernetes.io/docs/concepts/storage/volumes/#emptydir',
    ],
    mappings: { stride: ['T'], nist: ['CM-7'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      notReadOnly: "Container '{{container}}' does not set `readOnlyRootFilesystem: true`: code running in it can rewrite the server.",
      writable: "Container '{{container}}' sets `readOnlyRootFilesystem: false`: code running in it can rewrite the server.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: tfserving, namespace: serving }
spec:
  containers:
    - name: tfserving
      image: tensorflow/serving:2.15.0
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: tfserving, namespace: serving }
spec:
  containers:
    - name: tfserving
      image: tensorflow/serving:2.15.0
      securityContext:
        readOnlyRootFilesystem: true
`,
    },
  },
  create(context) {
    return {
      container(container) {
        // Windows containers cannot have a read-only root filesystem.
        if (isWindowsPod(container.workload)) return;
        const field = container.node.get('securityContext', 'readOnlyRootFilesystem');
        let messageId: string;
        if (field.isFalse()) messageId = 'writable';
        // Absent in a patch: the base it applies to decides. Any other value is unknown.
        else if (!field.isWritten() && !isFragmentContainer(container)) messageId = 'notReadOnly';
        else return;
        context.report({
          messageId,
          data: { container: container.name || '(unnamed)' },
          at: field,
          severity: severityForContainer(writableRootFilesystem.meta.severity, container),
        });
      },
    };
  },
});
