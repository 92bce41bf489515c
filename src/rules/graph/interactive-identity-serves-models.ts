import { servingRoles } from '../../model/aws/serving-roles.js';
import { iamGrants } from '../../model/gcp/iam.js';
import { sameServiceAccount, serviceAccountOf, servingServiceAccounts } from '../../model/gcp/identity.js';
import { rolesNamedBy } from '../../model/iam/roles.js';
import type { TfResource } from '../../model/terraform.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

/** Interactive and training resources and where each names the AWS role it runs as. */
const AWS_INTERACTIVE: ReadonlyArray<readonly [string, string, readonly (string | number)[]]> = [
  ['aws_sagemaker_notebook_instance', 'notebook instance', ['role_arn']],
  ['aws_sagemaker_domain', 'Studio domain (default user settings)', ['default_user_settings', 0, 'execution_role']],
  ['aws_sagemaker_user_profile', 'Studio user profile', ['user_settings', 0, 'execution_role']],
  ['aws_sagemaker_pipeline', 'pipeline', ['role_arn']],
];

/** Google notebooks and where each names its service account. */
const GCP_INTERACTIVE: ReadonlyArray<readonly [string, string, readonly (string | number)[]]> = [
  ['google_notebooks_instance', 'legacy notebook', ['service_account']],
  ['google_workbench_instance', 'Workbench instance', ['gce_setup', 0, 'service_accounts', 0, 'email']],
];

export const interactiveIdentityServesModels = defineRule({
  meta: {
    id: 'IG-GRAPH-008',
    name: 'interactive-identity-serves-models',
    title: 'Notebook or training identity reused for production serving',
    severity: 'high',
    rationale:
      'Notebooks, Studio users and pipelines run code people paste, packages they install and data they download: they are where compromises start. When the production model runs as the same identity, whoever controls a notebook also controls what production serves — they can replace the model artifacts, read the captured inference data and act as the endpoint — and the identity needs the union of both permission sets, which is never least privilege. The rule matches the role a SageMaker notebook, Studio domain or user profile, or pipeline runs as, and the service account of a Vertex Workbench or legacy notebook, against the identities models are served as (a SageMaker execution role, the IRSA / Pod Identity role or GKE Workload Identity account of a model server).',
    remediation:
      'Give each lifecycle stage its own identity: a notebook / training role that may write a staging prefix, a publisher role that promotes a model, and a serving role that may only read the model it serves.',
    references: [
      'https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance',
      'https://cloud.google.com/vertex-ai/docs/workbench/instances/manage-access',
    ],
    mappings: { stride: ['E', 'T'], atlas: ['AML.T0012', 'AML.T0018'], nist: ['AC-5', 'AC-6'] },
    targets: AWS_INTERACTIVE.map(([type]) => `tf:${type}`).concat(GCP_INTERACTIVE.map(([type]) => `tf:${type}`)),
    fix: 'none',
    messages: {
      shared: "{{what}} '{{address}}' runs as {{identity}}, which is also {{servedAs}}: a compromised notebook controls what production serves.",
    },
    examples: {
      language: 'hcl',
      bad: `resource "aws_iam_role" "ml" {
  name               = "ml"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  role_arn      = aws_iam_role.ml.arn
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = aws_iam_role.ml.arn
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
  }
}
`,
      good: `resource "aws_iam_role" "research" {
  name               = "research"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

resource "aws_iam_role" "serving" {
  name               = "serving"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "sagemaker.amazonaws.com" } }] })
}

resource "aws_sagemaker_notebook_instance" "research" {
  name          = "research"
  role_arn      = aws_iam_role.research.arn
  instance_type = "ml.t3.medium"
}

resource "aws_sagemaker_model" "scorer" {
  name               = "scorer"
  execution_role_arn = aws_iam_role.serving.arn
  primary_container {
    image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/scorer:1.4.0"
  }
}
`,
    },
  },
  create(context) {
    return {
      end() {
        const terraform = context.terraform;
        const serving = servingRoles(terraform, context.model);
        if (serving.length > 0) {
          for (const [type, what, path] of AWS_INTERACTIVE) {
            for (const resource of terraform.byType(`tf:${type}`)) {
              if (resource.mode !== 'managed') continue;
              const at = resource.root.get(...path);
              for (const role of rolesNamedBy(at, terraform)) {
                const link = serving.find((candidate) => candidate.role === role);
                if (link) report(resource, what, at, `IAM role '${role.address}'`, link.servedAs, link.at);
              }
            }
          }
        }
        const grants = iamGrants(terraform);
        const gsas = servingServiceAccounts(grants, terraform, context.model);
        if (gsas.length === 0) return;
        for (const [type, what, path] of GCP_INTERACTIVE) {
          for (const resource of terraform.byType(`tf:${type}`)) {
            if (resource.mode !== 'managed') continue;
            const at = resource.root.get(...path);
            const account = serviceAccountOf(at, terraform);
            const link = account ? gsas.find((candidate) => sameServiceAccount(candidate.account, account)) : undefined;
            if (account && link) report(resource, what, at, `service account ${account.label}`, `the Workload Identity account of ServiceAccount '${link.ksa}'`, link.evidence);
          }
        }

        function report(resource: TfResource, what: string, at: Node, identity: string, servedAs: string, evidence: Node): void {
          context.report({
            messageId: 'shared',
            at,
            object: resource,
            data: { what: what.charAt(0).toUpperCase() + what.slice(1), address: resource.address, identity, servedAs: servedAs.replace(/^whose trust policy/, 'the role whose trust policy') },
            related: [{ at: evidence, message: `a model is served as the same identity here` }],
          });
        }
      },
    };
  },
});
