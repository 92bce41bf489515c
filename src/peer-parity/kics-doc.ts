// docs/kics-parity.md, written from the mapping and a parity run: the numbers in the doc are the ones the test
// measures (`npm run docs:kics` rewrites it; the parity test fails when it is stale).
import type { KicsMapping, KicsPlatform } from './kics-mapping.js';
import type { FileOutcome, QueryOutcome } from './kics-parity.js';
import { percent, ratesOf } from './kics-parity.js';

export const KICS_DOC = 'docs/kics-parity.md';

const PLATFORMS: readonly KicsPlatform[] = ['k8s', 'terraform/kubernetes', 'terraform/aws', 'terraform/gcp', 'terraform/azure'];

const INTRO = `# KICS parity (issue #5, "Parity with a peer")

KICS queries that an inferguard rule really covers, mapped by hand from each rule's metadata
(\`inferguard rules explain <id>\`, \`docs/rules/\`). The mapping is data in
[\`src/peer-parity/kics-mapping.ts\`](../src/peer-parity/kics-mapping.ts); \`src/peer-parity/kics-parity.test.ts\`
scans every positive and negative fixture of each query in \`../shared/peer-suites/kics/\` (KICS commit
\`bfe8ba0fe716\`) with the mapped rules through the real pipeline and compares with KICS's
\`positive_expected_result.json\` (negatives expect nothing). This page is written from that run
(\`npm run docs:kics\`); the test fails when it is stale, when a mapped rule disappears, when an explained file's
findings move, when a "location convention" file is more than that, or when agreement on the files nobody
explained is below 100 %. It skips when the suite is missing.

- **file-level**: both fire on the file, or neither does. **same resources**: both flag the same Terraform
  blocks / YAML documents (KICS lines the mapping shows to be wrong left out). **lines**: distinct lines
  reported by both / by either.
- **Explained** files are listed under "Disagreements" with the reason (who is right) and the lines we report;
  they are left out of the "without explained files" rates.
- **Verdict**: \`agree\`; \`location\` (same problem, KICS reports the enclosing block or another field — the test
  checks that both flag the same resources); \`scope\` (our rule is narrower or broader on purpose);
  \`KICS wrong\`; **inferguard wrong (fixed: …)** for our bugs that this comparison found.
`;

const FIXED = `## inferguard wrong (found by the parity runs, fixed)

1. **Knative \`Configuration\` and \`Revision\` were not workload kinds**, so their pod templates were never checked
   (misses in \`k8s/shared_host_{ipc,network,pid}_namespace/positive2.yaml:9\`, \`service_account_token_automount_not_disabled/positive1.yaml:54\`,
   \`cpu_limits_not_set/positive.yaml:31,35\`, \`non_kube_system_pod_with_host_mount/positive.yaml:185\`,
   \`workload_mounting_with_sensitive_os_directory/positive.yaml:299\`). Fixed in \`src/model/workload-kinds.ts\`.
2. **IG-GCP-012 read only \`network_policy.enabled\`.** An explicit \`addons_config.network_policy_config { disabled = true }\`
   turns enforcement off (\`terraform/gcp/network_policy_disabled/positive.tf:86\`). Fixed. An absent addon block
   with \`enabled = true\` (lines 2 / 16 / 48) is not a gap: GKE adds the add-on itself when a cluster is created
   with network policy (CIS GKE Benchmark); KICS is wrong there.
3. **IG-K8S-109 read pod volumes only.** A \`hostPath\` **PersistentVolume** gives whichever pod's claim binds to it
   the node's directory (\`k8s/non_kube_system_pod_with_host_mount/positive.yaml:153,168\`,
   \`workload_mounting_with_sensitive_os_directory/positive.yaml:265,280\`). Fixed: PersistentVolumes (and
   \`kubernetes_persistent_volume\`, whose \`persistent_volume_source\` is now converted) are reported, and the
   finding points at the hostPath's \`path\`, as KICS does.
`;

const NOT_MAPPED = `Considered and not mapped: \`terraform/kubernetes/workload_host_port_not_specified\` (unlike its k8s twin it
fires when \`host_port\` is *absent*, the safe default — the opposite of IG-K8S-110); PSP queries (PodSecurityPolicy
was removed in Kubernetes 1.25; no rule reads it); \`containers_run_with_low_uid\`, \`image_pull_policy_*\`,
\`secrets_as_environment_variables\` (KICS flags \`secretKeyRef\`, IG-K8S-117 flags literals: different problems),
\`volume_mount_with_os_directory_write_permissions\` (container mount paths, not hostPath),
\`rbac_roles_with_portforwarding_permissions\` (not in IG-K8S-122's list), \`default_service_account_in_use\` /
\`role_binding_to_default_service_account\` (IG-K8S-011 is model pods only); the cloud queries whose rules are
model- or serving-identity-scoped and would only add scope rows (S3 ACL / policy, IAM full privileges, KMS, Azure
storage network rules). ML rules (IG-K8S-0xx, IG-ML-*) have no KICS counterpart.
`;

function fraction(part: number, whole: number): string {
  return `${part}/${whole} (${percent(part, whole)})`;
}

function category(reason: string): string {
  if (/^location/.test(reason)) return 'location';
  if (/^KICS wrong/.test(reason)) return 'KICS wrong';
  return 'scope';
}

/** The verdict column: what the explained files show, and what we fixed. */
export function verdictOf(mapping: KicsMapping, files: readonly FileOutcome[]): string {
  const categories = new Set<string>();
  for (const file of files) {
    if (file.explained === undefined) continue;
    categories.add(category(file.explained));
    if (/KICS wrong/.test(file.explained)) categories.add('KICS wrong');
  }
  const open = files.some((file) => file.explained === undefined && (!file.fileAgrees || file.linesBoth !== file.linesEither));
  const parts = ['scope', 'location', 'KICS wrong'].filter((name) => categories.has(name));
  if (open) parts.push('**open**');
  if (mapping.fixed !== undefined) parts.push(`inferguard wrong (fixed: ${mapping.fixed})`);
  return parts.length === 0 ? 'agree' : parts.join(', ');
}

export function kicsParityMarkdown(outcomes: readonly QueryOutcome[]): string {
  const lines: string[] = [INTRO, '## Results', ''];
  lines.push('| platform | queries | file-level, all files | same resources, all files | lines, all files | file-level, unexplained | lines, unexplained |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- |');
  const row = (label: string, selected: readonly QueryOutcome[]): string => {
    const all = ratesOf(selected.flatMap((outcome) => outcome.files));
    const open = ratesOf(selected.flatMap((outcome) => outcome.files.filter((file) => file.explained === undefined)));
    const lineCell = (both: number, either: number) => (either === 0 ? '—' : fraction(both, either));
    return `| ${label} | ${selected.length} | ${fraction(all.filesAgreeing, all.files)} | ${fraction(all.filesSameResources, all.files)} | ${lineCell(all.linesBoth, all.linesEither)} | ${fraction(open.filesAgreeing, open.files)} | ${lineCell(open.linesBoth, open.linesEither)} |`;
  };
  for (const platform of PLATFORMS) {
    const selected = outcomes.filter((outcome) => outcome.mapping.platform === platform);
    if (selected.length > 0) lines.push(row(platform, selected));
  }
  lines.push(row('**overall**', outcomes), '');
  lines.push(FIXED, '## Mapping', '');
  lines.push('| platform | query | KICS query name | inferguard rule(s) | scope difference | files agreeing | same resources | lines both/either | verdict |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { mapping, files } of outcomes) {
    const rates = ratesOf(files);
    lines.push(
      `| ${mapping.platform} | ${mapping.query} | ${mapping.name} | ${mapping.rules.join(', ')} | ${mapping.scope ?? ''} | ${rates.filesAgreeing}/${rates.files} | ${rates.filesSameResources}/${rates.files} | ${rates.linesBoth}/${rates.linesEither} | ${verdictOf(mapping, files)} |`,
    );
  }
  lines.push('', NOT_MAPPED, '## Disagreements', '');
  for (const { mapping, files } of outcomes) {
    for (const file of files) {
      const differs = !file.fileAgrees || file.linesBoth !== file.linesEither;
      if (!differs && file.explained === undefined) continue;
      const why = file.explained ?? '**unexplained**';
      lines.push(`- \`${mapping.platform}/${mapping.query}/${file.file}\`: KICS [${file.expected.join(', ')}], inferguard [${file.ours.join(', ')}]. ${why}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
