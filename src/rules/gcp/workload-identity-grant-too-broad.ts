import { iamGrants } from '../../model/gcp/iam.js';
import type { IamGrant } from '../../model/gcp/iam.js';
import { ksaMemberOf, ksaSetMemberOf, serviceAccountOf, WORKLOAD_IDENTITY_USER } from '../../model/gcp/identity.js';
import { defineRule } from '../define-rule.js';

export const workloadIdentityGrantTooBroad = defineRule({
  meta: {
    id: 'IG-GCP-010',
    name: 'workload-identity-grant-too-broad',
    title: 'GKE Workload Identity grant broader than one model KSA',
    severity: 'high',
    rationale:
      'Workload Identity should let exactly one Kubernetes service account — the model\'s — act as a Google service account or hold a role. A grant to a `principalSet://…svc.id.goog/…` (every KSA of a namespace, a cluster or the whole pool), or one Google service account bound to KSAs in several namespaces, lets any pod there (a notebook, a CI runner, a compromised sidecar, anyone who can create a pod in the namespace) impersonate the model\'s identity and read or replace its weights.',
    remediation:
      'Grant `roles/iam.workloadIdentityUser` on each model\'s own Google service account to one member, `serviceAccount:<project>.svc.id.goog[<namespace>/<ksa>]`, and give each model its own service account instead of sharing one across namespaces.',
    references: [
      'https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity',
      'https://cloud.google.com/iam/docs/principal-identifiers',
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_service_account_iam',
    ],
    mappings: { stride: ['S', 'E'], atlas: ['AML.T0012'], nist: ['AC-6', 'IA-9'] },
    targets: ['tf:google_service_account_iam_member', 'tf:google_service_account_iam_binding', 'tf:google_service_account_iam_policy', 'tf:google_project_iam_member', 'tf:google_project_iam_binding'],
    fix: 'none',
    messages: {
      principalSet: "'{{address}}' grants {{role}} to {{set}} (`{{member}}`), not to one Kubernetes service account.",
      manyNamespaces: "Service account {{account}} can be impersonated by Kubernetes service accounts of {{count}} namespaces ({{namespaces}}): '{{address}}' adds {{ksa}}.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "google_service_account_iam_member" "models" {
  service_account_id = "projects/acme-ml/serviceAccounts/serving@acme-ml.iam.gserviceaccount.com"
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/acme-ml.svc.id.goog/namespace/models"
}
`,
      good: `resource "google_service_account_iam_member" "churn" {
  service_account_id = "projects/acme-ml/serviceAccounts/churn@acme-ml.iam.gserviceaccount.com"
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:acme-ml.svc.id.goog[models/churn]"
}
`,
    },
  },
  create(context) {
    return {
      end() {
        const grants = iamGrants(context.terraform);
        for (const grant of grants) {
          if (grant.member === undefined || grant.role === undefined) continue;
          const set = ksaSetMemberOf(grant.member);
          if (set === undefined) continue;
          context.report({ messageId: 'principalSet', data: { address: grant.resource.address, role: grant.role, set: set.scope, member: grant.member }, at: grant.memberAt, object: grant.resource });
        }
        // One Google service account, Workload Identity users from several namespaces: one finding per account.
        const groups: Array<{ label: string; grants: Array<{ grant: IamGrant; namespace: string; ksa: string }> }> = [];
        for (const grant of grants) {
          if (grant.scope !== 'service_account' || grant.role !== WORKLOAD_IDENTITY_USER || grant.member === undefined) continue;
          const member = ksaMemberOf(grant.member);
          const account = serviceAccountOf(grant.target, context.terraform);
          if (!member || !account) continue;
          const key = account.resource?.address ?? account.email ?? account.label;
          let group = groups.find((candidate) => candidate.label === key);
          if (!group) groups.push((group = { label: key, grants: [] }));
          group.grants.push({ grant, namespace: member.namespace, ksa: `${member.namespace}/${member.name}` });
        }
        for (const group of groups) {
          const namespaces = [...new Set(group.grants.map((entry) => entry.namespace))];
          if (namespaces.length < 2) continue;
          const first = group.grants[0];
          const second = group.grants.find((entry) => entry.namespace !== first?.namespace);
          if (!first || !second) continue;
          context.report({
            messageId: 'manyNamespaces',
            data: { account: group.label, count: namespaces.length, namespaces: namespaces.join(', '), address: second.grant.resource.address, ksa: second.ksa },
            at: second.grant.memberAt,
            object: second.grant.resource,
            related: group.grants.filter((entry) => entry !== second).map((entry) => ({ at: entry.grant.memberAt, message: `also bound to ${entry.ksa}` })),
          });
        }
      },
    };
  },
});
