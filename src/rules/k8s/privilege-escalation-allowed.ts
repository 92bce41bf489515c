import { capabilityItems, isWindowsPod } from '../../model/containers.js';
import { isFragmentContainer } from '../../model/fragments.js';
import type { ContainerRef } from '../../model/kubernetes.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';
import { severityForContainer } from '../severity.js';

/** Kubernetes always allows escalation for a privileged container or one that adds SYS_ADMIN. */
function escalationForcedBy(container: ContainerRef): { readonly node: Node; readonly cause: string } | undefined {
  const privileged = container.node.get('securityContext', 'privileged');
  if (privileged.isTrue()) return { node: privileged, cause: 'is privileged' };
  const sysAdmin = capabilityItems(container, 'add').find((capability) => capability.name === 'SYS_ADMIN');
  return sysAdmin && { node: sysAdmin.node, cause: 'adds SYS_ADMIN' };
}

export const privilegeEscalationAllowed = defineRule({
  meta: {
    id: 'IG-K8S-102',
    name: 'privilege-escalation-allowed',
    title: 'Privilege escalation not disabled',
    severity: 'medium',
    rationale:
      'Unless `allowPrivilegeEscalation: false` is set, a process can gain more privileges than its parent through setuid binaries or file capabilities (`no_new_privs` is off). Model servers run code they do not control (pickled models, custom handlers, tokenizer scripts): code execution as an unprivileged user then becomes root in the container, one step from the GPU driver and the node. Kubernetes forces escalation on for privileged containers and those adding `SYS_ADMIN`, whatever the field says.',
    remediation:
      'Set `securityContext.allowPrivilegeEscalation: false` on every container (there is no pod-level field). Where it is forced on, remove `privileged: true` and the `SYS_ADMIN` capability first.',
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
    ],
    mappings: { stride: ['E'], cis: ['5.2.6'], nist: ['AC-6'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      notDisabled: "Container '{{container}}' does not set `allowPrivilegeEscalation: false`: setuid binaries can make it root.",
      allowed: "Container '{{container}}' sets `allowPrivilegeEscalation: true`: setuid binaries can make it root.",
      forced: "Container '{{container}}' {{cause}}, so Kubernetes always allows privilege escalation whatever the field says.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.6.3
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.6.3
      securityContext:
        allowPrivilegeEscalation: false
`,
    },
  },
  create(context) {
    return {
      container(container) {
        if (isWindowsPod(container.workload)) return;
        const field = container.node.get('securityContext', 'allowPrivilegeEscalation');
        const forcedBy = escalationForcedBy(container);
        let messageId: string;
        if (forcedBy) messageId = 'forced';
        else if (field.isTrue()) messageId = 'allowed';
        // Absent in a patch: the base it applies to decides. Any other value is unknown.
        else if (!field.isWritten() && !isFragmentContainer(container)) messageId = 'notDisabled';
        else return;
        context.report({
          messageId,
          data: { container: container.name || '(unnamed)', cause: forcedBy?.cause ?? '' },
          at: forcedBy && !field.isWritten() ? forcedBy.node : field,
          severity: severityForContainer(privilegeEscalationAllowed.meta.severity, container),
        });
      },
    };
  },
});
