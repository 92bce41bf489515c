import { defineRule } from '../define-rule.js';

export const eksAuditLoggingOff = defineRule({
  meta: {
    id: 'IG-AWS-026',
    name: 'eks-audit-logging-off',
    title: 'EKS control-plane audit logs off',
    severity: 'medium',
    rationale:
      'Without the `audit` control-plane log, nothing records who read the Secrets holding model hub tokens and bucket credentials, who exec-ed into a model server, or who changed the image or the model URI of an inference Deployment: an intrusion into the serving cluster cannot be reconstructed. EKS sends no control-plane log types to CloudWatch unless `enabled_cluster_log_types` lists them.',
    remediation:
      'List the audit log (and the API and authenticator logs) on the cluster: `enabled_cluster_log_types = ["api", "audit", "authenticator"]`, and give the `/aws/eks/<cluster>/cluster` log group a retention period.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#enabled_cluster_log_types-1',
      'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
    ],
    mappings: { stride: ['R'], nist: ['AU-2', 'AU-12'] },
    targets: ['tf:aws_eks_cluster'],
    fix: 'none',
    messages: {
      notSet: "EKS cluster '{{address}}' does not set `enabled_cluster_log_types`: no control-plane log, the audit log included, is kept.",
      noAudit: "EKS cluster '{{address}}' enables control-plane logs without `audit`: access to Secrets and model pods goes unrecorded.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_eks_cluster" "serving" {
  name                      = "model-serving"
  role_arn                  = "arn:aws:iam::123456789012:role/eks-cluster"
  enabled_cluster_log_types = ["api"]
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}
`,
      good: `resource "aws_eks_cluster" "serving" {
  name                      = "model-serving"
  role_arn                  = "arn:aws:iam::123456789012:role/eks-cluster"
  enabled_cluster_log_types = ["api", "audit", "authenticator"]
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:aws_eks_cluster' || resource.mode !== 'managed') return;
        const types = resource.root.get('enabled_cluster_log_types');
        if (!types.isWritten()) {
          context.report({ messageId: 'notSet', data: { address: resource.address }, at: resource });
          return;
        }
        if (types.state !== 'set' || !Array.isArray(types.value)) return;
        const items = types.items();
        // An element from an unresolved variable may be "audit".
        if (items.some((item) => item.str() === 'audit' || item.state === 'unknown' || item.str() === undefined)) return;
        context.report({ messageId: 'noAudit', data: { address: resource.address }, at: types });
      },
    };
  },
});
