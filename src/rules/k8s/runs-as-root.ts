import { describeContainers, effectiveSecurityField, mergeByNode, podSecurityWrittenElsewhere } from '../../model/containers.js';
import { isFragmentContainer } from '../../model/fragments.js';
import type { ContainerRef } from '../../model/kubernetes.js';
import type { Node } from '../../model/value.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';
import { severityForPod } from '../severity.js';

interface Verdict {
  readonly messageId: 'rootUser' | 'nonRootDisabled' | 'nonRootNotRequired';
  readonly at: Node;
  readonly related: RelatedHop[];
}

/**
 * A UID other than 0 is not root whatever `runAsNonRoot` says (as Checkov CKV_K8S_23 and kube-linter
 * read it); without one, only `runAsNonRoot: true` makes the kubelet refuse an image that runs as root.
 */
function verdictOf(container: ContainerRef): Verdict | undefined {
  const user = effectiveSecurityField(container, 'runAsUser');
  const nonRoot = effectiveSecurityField(container, 'runAsNonRoot');
  if (user.value === 0) return { messageId: 'rootUser', at: user, related: [] };
  if (user.isWritten()) return undefined; // another UID, or a value that cannot be read
  if (nonRoot.isFalse()) {
    const podNonRoot = container.workload.podSpec.get('securityContext', 'runAsNonRoot');
    const overridesPod = container.node.get('securityContext', 'runAsNonRoot').isFalse() && podNonRoot.isTrue();
    return { messageId: 'nonRootDisabled', at: nonRoot, related: overridesPod ? [{ at: podNonRoot, message: 'the pod sets `runAsNonRoot: true`' }] : [] };
  }
  if (nonRoot.isWritten() || isFragmentContainer(container) || podSecurityWrittenElsewhere(container)) return undefined;
  return { messageId: 'nonRootNotRequired', at: nonRoot, related: [] };
}

export const runsAsRoot = defineRule({
  meta: {
    id: 'IG-K8S-103',
    name: 'runs-as-root',
    title: 'Container may run as root',
    severity: 'medium',
    rationale:
      'Many model-server images run as root by default. Code execution through a malicious model file (a pickle, a custom handler) then runs as root: it can rewrite the server and the model repository, read every mounted credential, and uses a kernel or GPU-driver bug from the strongest starting point. `runAsNonRoot: true` makes the kubelet refuse to start a container whose user is root; a non-zero `runAsUser` is accepted as non-root on its own, as Checkov and kube-linter do.',
    remediation:
      'Set `runAsNonRoot: true` and a non-zero `runAsUser` (and `runAsGroup`) in the pod `securityContext`, or per container; make sure the image can run as that user (writable cache and model directories through `fsGroup` or an `emptyDir`).',
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
    ],
    mappings: { stride: ['E'], cis: ['5.2.7'], nist: ['AC-6'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      rootUser: '{{containers}}: `runAsUser: 0` runs the process as root.',
      nonRootDisabled: "{{containers}}: `runAsNonRoot: false` and no non-zero `runAsUser`, so the process is root whenever the image's user is.",
      nonRootNotRequired: "{{containers}}: neither `runAsNonRoot: true` nor a non-zero `runAsUser` is set, so the process is root whenever the image's user is.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: torchserve, namespace: serving }
spec:
  containers:
    - name: torchserve
      image: pytorch/torchserve:0.11.0-cpu
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: torchserve, namespace: serving }
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 1000
  containers:
    - name: torchserve
      image: pytorch/torchserve:0.11.0-cpu
`,
    },
  },
  create(context) {
    return {
      workload(workload) {
        for (const { verdict, containers } of mergeByNode(workload.containers, verdictOf)) {
          context.report({
            messageId: verdict.messageId,
            data: { containers: describeContainers(containers) },
            at: verdict.at,
            severity: severityForPod(runsAsRoot.meta.severity, containers),
            related: verdict.related,
          });
        }
      },
    };
  },
});
