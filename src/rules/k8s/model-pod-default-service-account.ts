import { isFragment } from '../../model/fragments.js';
import type { Workload } from '../../model/kubernetes.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

export const modelPodDefaultServiceAccount = defineRule({
  meta: {
    id: 'IG-K8S-011',
    name: 'model-pod-default-service-account',
    title: 'Model pods use the default ServiceAccount or auto-mount its token',
    severity: 'medium',
    rationale:
      "A model server rarely needs the Kubernetes API, but it is the pod most exposed to code execution: pickled model files, custom handlers, trust-remote-code, server CVEs. The first thing such code finds is the ServiceAccount token mounted at `/var/run/secrets/kubernetes.io/serviceaccount`. On the namespace's `default` account that identity is shared with every pod that has none of its own, so any RoleBinding made for one of them is the model server's too, and a stolen token cannot be traced to one workload.\n\nThe token part replaces IG-K8S-115 (service-account-token-mounted) on the same field for model-serving pods: one finding, at the higher severity. Whether the account has RBAC needs is not judged: a server that calls the API should get its own account with a narrow Role.",
    remediation:
      'Give each model its own ServiceAccount (`serviceAccountName`) and set `automountServiceAccountToken: false` on the pod (or on the ServiceAccount). Where the server does call the API, mount a projected token with a short expiry and an audience, and bind only the verbs it needs.',
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
    ],
    mappings: { stride: ['E', 'S'], atlas: ['AML.T0055'], cis: ['5.1.5', '5.1.6'], nist: ['AC-6', 'IA-9'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    supersedes: ['IG-K8S-115'],
    messages: {
      defaultServiceAccount:
        "{{kind}} '{{name}}' runs {{server}} as the namespace's `default` ServiceAccount (its token is not mounted): it shares that identity, and any RBAC granted to it, with every pod that has no account of its own.",
      tokenMounted:
        "{{kind}} '{{name}}' runs {{server}} with the API token of ServiceAccount '{{serviceAccount}}' mounted: code execution in the server starts with Kubernetes credentials.",
      defaultTokenMounted:
        "{{kind}} '{{name}}' runs {{server}} as the namespace's `default` ServiceAccount with its API token mounted: code execution in the server starts with credentials shared by every pod that has no account of its own.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: tgi, namespace: serving }
spec:
  containers:
    - name: tgi
      image: ghcr.io/huggingface/text-generation-inference:3.3.4
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: tgi, namespace: serving }
spec:
  serviceAccountName: tgi
  automountServiceAccountToken: false
  containers:
    - name: tgi
      image: ghcr.io/huggingface/text-generation-inference:3.3.4
`,
    },
  },
  create(context) {
    return {
      workload(workload) {
        // A KServe ServingRuntime writes neither: each InferenceService using it does.
        if (isFragment(workload) || workload.podFieldsFrom !== undefined || rayAutoscalerHead(workload)) return;
        const server = workload.containers.map((container) => modelServerFacts(context.model, container)).find((facts) => facts !== undefined);
        if (!server) return;
        const { podSpec, object } = workload;
        const base = { kind: object.kind, name: object.name ?? '(unnamed)', server: server.info.title };
        const nameNode = podSpec.get('serviceAccountName').isWritten() ? podSpec.get('serviceAccountName') : podSpec.get('serviceAccount');
        const serviceAccountName = nameNode.str();
        const usesDefault = !nameNode.isWritten() || serviceAccountName === 'default' || serviceAccountName === '';
        // The token: as IG-K8S-115 reads it, and at the same place, so that one finding remains.
        const podFlag = podSpec.get('automountServiceAccountToken');
        const account = context.model.serviceAccountOf(workload);
        const accountFlag = account?.root.get('automountServiceAccountToken');
        const podOff = podFlag.isFalse() || (podFlag.isWritten() && !podFlag.isTrue());
        const accountOff = !podFlag.isTrue() && accountFlag !== undefined && (accountFlag.isFalse() || (accountFlag.isWritten() && !accountFlag.isTrue()));
        if (podOff || accountOff) {
          if (usesDefault) context.report({ messageId: 'defaultServiceAccount', data: base, at: nameNode.isWritten() ? nameNode : podSpec.get('serviceAccountName') });
          return;
        }
        const related: RelatedHop[] = account && accountFlag ? [{ at: accountFlag.isWritten() ? accountFlag : account, message: `ServiceAccount '${account.name ?? serviceAccountName ?? 'default'}'` }] : [];
        if (usesDefault && nameNode.isWritten()) related.push({ at: nameNode, message: 'the pod names the `default` ServiceAccount' });
        context.report({
          messageId: usesDefault ? 'defaultTokenMounted' : 'tokenMounted',
          data: { ...base, serviceAccount: serviceAccountName || 'default' },
          at: podFlag.isTrue() ? podFlag : podSpec,
          related,
        });
      },
    };
  },
});

/**
 * KubeRay gives the head of an autoscaling cluster its own ServiceAccount (named after the cluster)
 * when the template names none, and the autoscaler in it needs the API token.
 */
function rayAutoscalerHead(workload: Workload): boolean {
  const { object } = workload;
  if (object.group !== 'ray.io' || workload.role !== 'head') return false;
  const spec = object.root.get('spec');
  return [spec, spec.get('rayClusterConfig'), spec.get('rayClusterSpec')].some((node) => node.get('enableInTreeAutoscaling').isTrue());
}
