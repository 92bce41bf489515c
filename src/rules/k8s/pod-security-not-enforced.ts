import { isDeletionPatch } from '../../model/fragments.js';
import { defineRule } from '../define-rule.js';
import { severityForPod } from '../severity.js';

const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';

export const podSecurityNotEnforced = defineRule({
  meta: {
    id: 'IG-K8S-124',
    name: 'pod-security-not-enforced',
    title: 'Namespace without Pod Security admission',
    severity: 'low',
    rationale:
      "Pod Security admission is the built-in guard that rejects privileged pods, host namespaces and hostPath mounts before they run. Without an `enforce` level of `baseline` or `restricted`, every workload-level hardening in the namespace rests on each manifest being right: one chart that asks for `privileged: true` to reach a GPU (it does not need it) or mounts the host to cache models gets node-level access, and with it every other model and credential on that GPU node.",
    remediation:
      'Label the namespace `pod-security.kubernetes.io/enforce: restricted` (or `baseline` where a workload cannot yet run restricted), and pin `pod-security.kubernetes.io/enforce-version`. GPU pods run under `restricted`: the device plugin hands out GPUs without privileges. Keep `privileged` only for node-agent namespaces such as the GPU operator.',
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-admission/',
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
      'https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/',
    ],
    mappings: { stride: ['E'], cis: ['5.2.1'], nist: ['CM-7'] },
    targets: ['k8s:Namespace'],
    fix: 'none',
    messages: {
      notEnforced: "Namespace '{{name}}' has no `pod-security.kubernetes.io/enforce` label: no Pod Security level is enforced.",
      privilegedLevel: "Namespace '{{name}}' enforces the `privileged` Pod Security level, which allows everything.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Namespace
metadata:
  name: serving
`,
      good: `apiVersion: v1
kind: Namespace
metadata:
  name: serving
  labels:
    pod-security.kubernetes.io/enforce: restricted
`,
    },
  },
  create(context) {
    return {
      object(namespace) {
        // A kustomize `$patch: delete` removes the Namespace from the build: it is not created at all.
        if (namespace.kind !== 'Namespace' || namespace.group !== '' || isDeletionPatch(namespace)) return;
        const label = namespace.root.get('metadata', 'labels', ENFORCE_LABEL);
        // Any other value is unknown: the admission plugin treats an unreadable level as `restricted`.
        const level = label.str();
        if (label.exists && level !== 'privileged') return;
        const containers = context.model.workloads
          .filter((workload) => namespace.name !== undefined && workload.object.namespace === namespace.name)
          .flatMap((workload) => workload.containers);
        context.report({
          messageId: label.exists ? 'privilegedLevel' : 'notEnforced',
          data: { name: namespace.name ?? '(unnamed)' },
          at: label,
          severity: severityForPod(podSecurityNotEnforced.meta.severity, containers),
        });
      },
    };
  },
});
