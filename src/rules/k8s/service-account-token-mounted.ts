import { isFragment } from '../../model/fragments.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';
import { severityForPod } from '../severity.js';

export const serviceAccountTokenMounted = defineRule({
  meta: {
    id: 'IG-K8S-115',
    name: 'service-account-token-mounted',
    title: 'API token auto-mounted',
    severity: 'low',
    rationale:
      'Every container of the pod gets a Kubernetes API token at `/var/run/secrets/kubernetes.io/serviceaccount`. Model servers almost never call the API, but they load untrusted model files (pickles) and expose large request surfaces: after code execution the token is the first pivot, worth whatever RBAC the ServiceAccount holds (secrets, pod creation, other models).',
    remediation:
      'Set `automountServiceAccountToken: false` on the pod spec, or on the ServiceAccount (the pod setting wins when both are written). Pods that do need the API can mount a short-lived projected token in the one container that uses it.',
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
      'https://kubernetes.io/docs/concepts/security/service-accounts/',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
    ],
    mappings: { stride: ['E', 'S'], cis: ['5.1.6'], nist: ['AC-6'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      explicitlyMounted: "{{kind}} '{{name}}' sets `automountServiceAccountToken: true`: every container gets an API token for ServiceAccount '{{serviceAccount}}'.",
      overridesServiceAccount:
        "{{kind}} '{{name}}' sets `automountServiceAccountToken: true`, overriding ServiceAccount '{{serviceAccount}}', which disables it.",
      notDisabled:
        "{{kind}} '{{name}}' does not set `automountServiceAccountToken: false`, and ServiceAccount '{{serviceAccount}}' is not in the scanned files: every container gets an API token.",
      notDisabledAnywhere:
        "Neither {{kind}} '{{name}}' nor its ServiceAccount '{{serviceAccount}}' sets `automountServiceAccountToken: false`: every container gets an API token.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: ollama, namespace: serving }
spec:
  containers:
    - name: ollama
      image: ollama/ollama:0.3.12
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: ollama, namespace: serving }
spec:
  automountServiceAccountToken: false
  containers:
    - name: ollama
      image: ollama/ollama:0.3.12
`,
    },
  },
  create(context) {
    return {
      workload(workload) {
        // A KServe ServingRuntime cannot write the token mount: each InferenceService using it does.
        if (isFragment(workload) || workload.podFieldsFrom !== undefined) return;
        const { podSpec, object } = workload;
        const podFlag = podSpec.get('automountServiceAccountToken');
        // A value of the wrong type is unknown: it neither mounts nor protects.
        if (podFlag.isFalse() || (podFlag.isWritten() && !podFlag.isTrue())) return;
        const serviceAccount = context.model.serviceAccountOf(workload);
        const accountFlag = serviceAccount?.root.get('automountServiceAccountToken');
        const accountDisables = accountFlag?.isFalse() ?? false;
        if (!podFlag.isTrue() && (accountDisables || (accountFlag && accountFlag.isWritten() && !accountFlag.isTrue()))) return;
        const serviceAccountName = podSpec.get('serviceAccountName').str() ?? podSpec.get('serviceAccount').str() ?? 'default';
        const messageId = podFlag.isTrue()
          ? accountDisables
            ? 'overridesServiceAccount'
            : 'explicitlyMounted'
          : serviceAccount
            ? 'notDisabledAnywhere'
            : 'notDisabled';
        const related: RelatedHop[] =
          serviceAccount && accountFlag
            ? [{ at: accountFlag.isWritten() ? accountFlag : serviceAccount, message: `ServiceAccount '${serviceAccountName}'` }]
            : [];
        context.report({
          messageId,
          data: { kind: object.kind, name: object.name ?? '(unnamed)', serviceAccount: serviceAccountName },
          at: podFlag.isTrue() ? podFlag : podSpec,
          severity: severityForPod(serviceAccountTokenMounted.meta.severity, workload.containers),
          related,
        });
      },
    };
  },
});
