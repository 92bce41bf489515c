import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { discoverFiles } from '../discover/discover.js';
import type { Finding } from '../findings/finding.js';
import type { ScanResult } from '../findings/scan-result.js';
import { RULES } from '../rules/index.js';
import { imageNotPinned } from '../rules/k8s/image-not-pinned.js';
import { privilegedContainer } from '../rules/k8s/privileged-container.js';
import type { Rule } from '../rules/define-rule.js';
import { scanFiles } from './scan.js';

// Strict mode end to end: HCL on disk → evaluator → kubernetes_* conversion → rules → IG-PARSE-004.
const root = mkdtempSync(join(tmpdir(), 'inferguard-strict-'));
after(() => rmSync(root, { recursive: true, force: true }));

const DIGEST = `nginx@sha256:${'0'.repeat(64)}`;

/** A kubernetes_deployment_v1 with one container per entry; `privileged` at line 18 + 8 × index. */
function deployment(containers: ReadonlyArray<{ image?: string; privileged: string }>): string {
  const blocks = containers
    .map(
      (container, index) => `        container {
          name  = "c${index}"
          image = ${container.image ?? `"${DIGEST}"`}
          security_context {
            privileged = ${container.privileged}
          }
        }
`,
    )
    .join('');
  return `variable "privileged" { type = bool }
resource "aws_ecr_repository" "server" { name = "vllm" }

resource "kubernetes_deployment_v1" "web" {
  metadata {
    name      = "web"
    namespace = "serving"
  }
  spec {
    selector {
      match_labels = { app = "web" }
    }
    template {
      metadata {
        labels = { app = "web" }
      }
      spec {
${blocks}      }
    }
  }
}
`;
}

let dirs = 0;
async function scan(main: string, options: { strict: boolean; rules?: readonly Rule[] }): Promise<ScanResult> {
  const dir = join(root, `case-${dirs++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'main.tf'), main);
  const discovered = await discoverFiles({ paths: ['.'], cwd: dir });
  const input = { files: discovered.files, problems: discovered.problems, rules: options.rules ?? [privilegedContainer, imageNotPinned], failOn: 'high' as const, today: '2026-11-28', strict: options.strict };
  return (await scanFiles(input)).result;
}

function unresolved(result: ScanResult): string[] {
  return result.findings.filter((finding) => finding.ruleId === 'IG-PARSE-004').map((finding) => `${finding.location.file}:${finding.location.startLine} ${finding.message}`);
}

const VALUE = '/spec/template/spec/containers/0/securityContext/privileged';

const cases: ReadonlyArray<{ name: string; main: string; strict: boolean; expected: string[] }> = [
  {
    name: 'a variable without value, strict mode off: nothing',
    main: deployment([{ privileged: 'var.privileged' }]),
    strict: false,
    expected: [],
  },
  {
    name: 'a variable without value: one IG-PARSE-004 for the rule that read it, at the attribute',
    main: deployment([{ privileged: 'var.privileged' }]),
    strict: true,
    expected: [`main.tf:22 Value of Deployment serving/web ${VALUE} (var.privileged has no value) could not be resolved; IG-K8S-101 was not evaluated.`],
  },
  {
    name: 'an attribute known only after apply: the reason names it',
    main: deployment([{ privileged: 'aws_ecr_repository.server.id != ""' }]),
    strict: true,
    expected: [`main.tf:22 Value of Deployment serving/web ${VALUE} (computed aws_ecr_repository.server.id) could not be resolved; IG-K8S-101 was not evaluated.`],
  },
  {
    name: 'a known value: nothing',
    main: deployment([{ privileged: 'false' }]),
    strict: true,
    expected: [],
  },
  {
    name: 'the rule fired on the object (c0): no IG-PARSE-004 for it, although c1 was unknown',
    main: deployment([{ privileged: 'true' }, { privileged: 'var.privileged' }]),
    strict: true,
    expected: [],
  },
  {
    name: 'an unknown image: image-not-pinned is the one that could not decide',
    main: deployment([{ image: '"${aws_ecr_repository.server.repository_url}:v1"', privileged: 'false' }]),
    strict: true,
    expected: ['main.tf:20 Value of Deployment serving/web /spec/template/spec/containers/0/image (computed aws_ecr_repository.server.repository_url) could not be resolved; IG-K8S-113 was not evaluated.'],
  },
];

for (const { name, main, strict, expected } of cases) {
  test(`strict mode: ${name}`, async () => {
    assert.deepEqual(unresolved(await scan(main, { strict })), expected);
  });
}

test('strict mode with every rule: the privileged-container one is there once, info, with its object and pointer', async () => {
  const result = await scan(deployment([{ privileged: 'var.privileged' }]), { strict: true, rules: RULES });
  const forPrivileged = result.findings.filter((finding) => finding.ruleId === 'IG-PARSE-004' && finding.message.endsWith('IG-K8S-101 was not evaluated.'));
  assert.equal(forPrivileged.length, 1);
  const [finding] = forPrivileged as [Finding];
  assert.equal(finding.severity, 'info');
  assert.equal(finding.path, VALUE);
  assert.deepEqual(finding.resource, { kind: 'Deployment', apiVersion: 'apps/v1', namespace: 'serving', name: 'web' });
  assert.deepEqual([finding.location.file, finding.location.startLine, finding.location.startColumn], ['main.tf', 22, 13]);
  // One per (rule, object): fingerprints are distinct, and the same on the next run.
  const fingerprints = result.findings.filter((other) => other.ruleId === 'IG-PARSE-004').map((other) => other.fingerprint);
  assert.equal(new Set(fingerprints).size, fingerprints.length);
  const again = await scan(deployment([{ privileged: 'var.privileged' }]), { strict: true, rules: RULES });
  assert.deepEqual(
    again.findings.filter((other) => other.ruleId === 'IG-PARSE-004').map((other) => other.fingerprint),
    fingerprints,
  );
});

test('strict mode: IG-PARSE-004 is suppressed like any finding, by id or by name', async () => {
  for (const rule of ['IG-PARSE-004', 'terraform-value-unresolved']) {
    const main = deployment([{ privileged: 'var.privileged' }]).replace('resource "kubernetes_deployment_v1"', `# inferguard:ignore ${rule} set by the pipeline at apply\nresource "kubernetes_deployment_v1"`);
    const result = await scan(main, { strict: true });
    const finding = result.findings.find((other) => other.ruleId === 'IG-PARSE-004');
    assert.equal(finding?.suppression?.reason, 'set by the pipeline at apply', rule);
  }
});
