import { describeContainers, effectiveSecurityField, isWindowsPod, mergeByNode, podSecurityWrittenElsewhere } from '../../model/containers.js';
import { isFragmentContainer } from '../../model/fragments.js';
import type { ContainerRef } from '../../model/kubernetes.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';
import { severityForPod } from '../severity.js';

interface Verdict {
  readonly messageId: 'unconfined' | 'legacyAnnotation' | 'notSet';
  readonly at: Node;
}

/** Values of the pre-1.19 annotations that asked for a profile. */
const ENFORCING_ANNOTATION = /^(runtime\/default|docker\/default|localhost\/.+)$/;

function verdictOf(container: ContainerRef): Verdict | undefined {
  const profile = effectiveSecurityField(container, 'seccompProfile');
  if (profile.isWritten()) {
    const type = profile.get('type');
    // RuntimeDefault / Localhost enforce; any other value is one the API server rejects.
    return type.str() === 'Unconfined' ? { messageId: 'unconfined', at: type } : undefined;
  }
  const annotations = container.workload.podMetadata.get('annotations');
  const ownAnnotation = annotations.get(`container.seccomp.security.alpha.kubernetes.io/${container.name}`);
  const annotation = ownAnnotation.isWritten() ? ownAnnotation : annotations.get('seccomp.security.alpha.kubernetes.io/pod');
  if (ENFORCING_ANNOTATION.test(annotation.str() ?? '')) return { messageId: 'legacyAnnotation', at: annotation };
  return isFragmentContainer(container) || podSecurityWrittenElsewhere(container) ? undefined : { messageId: 'notSet', at: profile };
}

export const seccompNotEnforced = defineRule({
  meta: {
    id: 'IG-K8S-107',
    name: 'seccomp-not-enforced',
    title: 'No seccomp profile',
    severity: 'medium',
    rationale:
      'Kubernetes runs containers `Unconfined` unless a seccomp profile is set (or the kubelet enables `SeccompDefault`, which manifests cannot rely on): every system call is open to code that runs through a malicious model file or a server bug, including the rarely used ones behind most kernel container escapes. The runtime default profile blocks those and costs model servers nothing, GPU inference included. The pre-1.19 annotations (`seccomp.security.alpha.kubernetes.io/pod`) are ignored since Kubernetes 1.27 and do not count.',
    remediation:
      'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod (containers inherit it), or `Localhost` with a tuned profile. Replace the old `seccomp.security.alpha.kubernetes.io` annotations with the field.',
    references: [
      'https://kubernetes.io/docs/tutorials/security/seccomp/',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'https://github.com/kubernetes/enhancements/tree/master/keps/sig-node/135-seccomp',
    ],
    mappings: { stride: ['E'], cis: ['5.7.2'], nist: ['SC-39'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      unconfined: '{{containers}}: seccomp profile `Unconfined`, every system call is allowed.',
      legacyAnnotation:
        '{{containers}}: seccomp is requested only through the `seccomp.security.alpha.kubernetes.io` annotation, which Kubernetes ignores since 1.27; no profile applies.',
      notSet: '{{containers}}: no seccomp profile (`RuntimeDefault` or `Localhost`) at pod or container level, so every system call is allowed.',
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: mlserver, namespace: serving }
spec:
  containers:
    - name: mlserver
      image: seldonio/mlserver:1.6.1
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: mlserver, namespace: serving }
spec:
  securityContext:
    seccompProfile: { type: RuntimeDefault }
  containers:
    - name: mlserver
      image: seldonio/mlserver:1.6.1
`,
    },
  },
  create(context) {
    return {
      workload(workload) {
        // seccomp is Linux only.
        if (isWindowsPod(workload)) return;
        for (const { verdict, containers } of mergeByNode(workload.containers, verdictOf)) {
          context.report({
            messageId: verdict.messageId,
            data: { containers: describeContainers(containers) },
            at: verdict.at,
            severity: severityForPod(seccompNotEnforced.meta.severity, containers),
          });
        }
      },
    };
  },
});
