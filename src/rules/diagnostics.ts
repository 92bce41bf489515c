import type { RuleMeta } from './define-rule.js';

/** Reserved ids for problems of the scan itself (catalogue F.9). They have metadata like rules, but no check. */
export type DiagnosticMeta = Omit<RuleMeta, 'examples' | 'targets' | 'fix'>;

export const HCL_SYNTAX_ERROR: DiagnosticMeta = {
  id: 'IG-PARSE-001',
  name: 'terraform-syntax-error',
  title: 'Terraform file could not be parsed',
  severity: 'high',
  rationale: 'A file that cannot be parsed is not reviewed: any misconfiguration in it goes unreported.',
  remediation: 'Fix the syntax error (run `terraform validate`), then scan again.',
  references: ['https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md'],
  mappings: {},
  messages: { syntax: 'HCL syntax error: {{message}}' },
};

export const YAML_DOCUMENT_ERROR: DiagnosticMeta = {
  id: 'IG-PARSE-002',
  name: 'manifest-document-invalid',
  title: 'YAML / JSON document could not be loaded',
  severity: 'high',
  rationale:
    'A document that cannot be loaded is not reviewed. Duplicate keys are ambiguous (the API server keeps one of them, a reviewer may read the other), and alias bombs are a denial-of-service attack on every tool that reads the file.',
  remediation: 'Fix the document (a YAML linter points at the same line); remove duplicate keys; do not use deeply nested aliases.',
  references: ['https://yaml.org/spec/1.2.2/', 'https://en.wikipedia.org/wiki/Billion_laughs_attack'],
  mappings: { stride: ['D', 'T'] },
  messages: { document: 'Document {{index}} could not be loaded: {{message}}' },
};

export const FILE_SKIPPED: DiagnosticMeta = {
  id: 'IG-PARSE-003',
  name: 'file-skipped',
  title: 'File skipped',
  severity: 'info',
  rationale:
    'Some files cannot be reviewed as they are: unrendered Helm templates are not Kubernetes manifests until `helm template` renders them; binary, non-UTF-8, oversized or unreadable files and symlink loops are skipped so that the rest of the scan can go on.',
  remediation: 'For a Helm chart, render it and scan the output: `helm template my-release ./chart | inferguard scan -`.',
  references: ['https://helm.sh/docs/helm/helm_template/'],
  mappings: {},
  messages: { skipped: 'File skipped: {{reason}}' },
};

export const UNRESOLVED_VALUE: DiagnosticMeta = {
  id: 'IG-PARSE-004',
  name: 'terraform-value-unresolved',
  title: 'Terraform value could not be resolved',
  severity: 'info',
  rationale:
    'A rule needed a value that cannot be known before `terraform apply` (an attribute computed by the provider, a variable without value); the rule did not fire. Strict mode (`--strict`, or `strict: true` in `.inferguard.yaml`) lists these, one per rule and object, so that nothing is silently assumed safe. A `rules:` entry for this id turns it on or off like any rule.',
  remediation: 'Scan a `terraform show -json` plan, or pass the variables with `--var-file`.',
  references: ['https://developer.hashicorp.com/terraform/internals/json-format'],
  mappings: {},
  defaultEnabled: false,
  messages: { unresolved: 'Value of {{what}} could not be resolved; {{rule}} was not evaluated.' },
};

export const ENGINE_CRASH: DiagnosticMeta = {
  id: 'IG-ENGINE-001',
  name: 'rule-crashed',
  title: 'A rule crashed',
  severity: 'high',
  rationale: 'A rule that crashes did not check the resource: the result is incomplete. This is a bug in inferguard.',
  remediation: 'Report the message (rule id, resource, cause) to the inferguard maintainers; the rest of the scan is valid.',
  references: [],
  mappings: {},
  messages: { crash: 'Rule {{rule}} crashed on {{resource}}: {{cause}}' },
};

/** Sorted by id. */
export const DIAGNOSTICS: readonly DiagnosticMeta[] = [ENGINE_CRASH, HCL_SYNTAX_ERROR, YAML_DOCUMENT_ERROR, FILE_SKIPPED, UNRESOLVED_VALUE];
