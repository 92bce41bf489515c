import { defineRule } from '../define-rule.js';
import type { Node } from '../../model/value.js';

const OPEN = new Set(['0.0.0.0/0', '::/0']);

export const eksEndpointPublic = defineRule({
  meta: {
    id: 'IG-AWS-024',
    name: 'eks-endpoint-public',
    title: 'EKS API endpoint open to the internet',
    severity: 'high',
    rationale:
      'The Kubernetes API server of the cluster that runs the model servers is reachable from any address: a leaked kubeconfig, a stolen IAM key mapped into the cluster or an API-server vulnerability is enough to list Secrets (model hub tokens, bucket credentials), exec into model pods or replace their images, from anywhere. `endpoint_public_access` defaults to `true` and, when `public_access_cidrs` is not set, EKS allows `0.0.0.0/0`.',
    remediation:
      'Turn the public endpoint off and reach the API through the VPC (`endpoint_private_access = true`, `endpoint_public_access = false`), or keep it on only for named networks: `public_access_cidrs = ["203.0.113.0/24"]`.',
    references: [
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_cluster#vpc_config-arguments',
      'https://docs.aws.amazon.com/eks/latest/APIReference/API_VpcConfigRequest.html',
      'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
    ],
    mappings: { stride: ['S', 'E'], nist: ['SC-7'] },
    targets: ['tf:aws_eks_cluster'],
    fix: 'none',
    messages: {
      defaultCidrs:
        "EKS cluster '{{address}}' has a public API endpoint ({{publicSetting}}) without `public_access_cidrs`, which EKS then sets to 0.0.0.0/0: the Kubernetes API is open to the internet.",
      openCidr: "EKS cluster '{{address}}' allows {{cidr}} to its public API endpoint ({{publicSetting}}): the Kubernetes API is open to the internet.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_eks_cluster" "serving" {
  name     = "model-serving"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  vpc_config {
    subnet_ids = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  }
}
`,
      good: `resource "aws_eks_cluster" "serving" {
  name     = "model-serving"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"
  vpc_config {
    subnet_ids              = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}
`,
    },
  },
  create(context) {
    return {
      resource(resource) {
        if (resource.type !== 'tf:aws_eks_cluster' || resource.mode !== 'managed') return;
        // vpc_config is required: without a known block there is nothing to judge.
        for (const vpc of resource.root.get('vpc_config').items()) {
          const endpoint = vpc.get('endpoint_public_access');
          // Unknown (an unresolved variable) or false: silent. Absent means the default, true.
          if (endpoint.isWritten() && !endpoint.isTrue()) continue;
          const publicSetting = endpoint.isTrue() ? 'endpoint_public_access = true' : 'endpoint_public_access defaults to true';
          const cidrs = vpc.get('public_access_cidrs');
          if (!cidrs.isWritten()) {
            context.report({ messageId: 'defaultCidrs', data: { address: resource.address, publicSetting }, at: endpoint.isTrue() ? endpoint : vpc });
            continue;
          }
          const open = cidrs.items().find((item: Node) => OPEN.has(item.str() ?? ''));
          if (open) context.report({ messageId: 'openCidr', data: { address: resource.address, cidr: open.str() ?? '', publicSetting }, at: open });
        }
      },
    };
  },
});
