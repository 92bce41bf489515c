import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';

// End-to-end runs of the built CLI, as a user would run it.
const CLI = resolve('dist/src/cli/main.js');
const workspace = mkdtempSync(join(tmpdir(), 'inferguard-cli-'));
after(() => rmSync(workspace, { recursive: true, force: true }));

function run(args: readonly string[], options: { cwd?: string; input?: string } = {}): { code: number | null; stdout: string; stderr: string } {
  // spawnSync stops reading at maxBuffer (1 MiB by default) and kills the child: the examples' SARIF is larger.
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? workspace, input: options.input ?? '', encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(result.error, undefined, `the CLI did not run to its end: ${String(result.error)}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
  summary: { incomplete: boolean };
  findings: Array<{ ruleId: string; message: string; location: { file: string; startLine: number }; suppression?: { reason: string }; alsoMatched?: string[]; related?: Array<{ file: string; startLine: number }> }>;
  files: Array<{ path: string; status: string; reason?: string }>;
  notices: string[];
}

function json(args: readonly string[], options: { cwd?: string; input?: string } = {}): { code: number | null; report: JsonReport } {
  const result = run(['scan', ...args, '--format', 'json'], options);
  assert.equal(result.stderr, '', result.stderr);
  return { code: result.code, report: JSON.parse(result.stdout) as JsonReport };
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: serving
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

test('the bundled examples: the vulnerable endpoint fails, its hardened twin scans clean', () => {
  const examples = resolve('examples/tf-serving');
  const vulnerable = json([join(examples, 'vulnerable')]);
  assert.equal(vulnerable.code, 1);
  // A generic finding folded into a more specific one (catalogue F.10) is named in `alsoMatched`.
  const rules = new Set(vulnerable.report.findings.flatMap((finding) => [finding.ruleId, ...(finding.alsoMatched ?? [])]));
  for (const expected of ['IG-K8S-014', 'IG-K8S-015', 'IG-K8S-103', 'IG-K8S-111', 'IG-K8S-117', 'IG-K8S-118', 'IG-K8S-119', 'IG-K8S-125', 'IG-ML-018', 'IG-ML-071']) assert.ok(rules.has(expected), `vulnerable example lacks ${expected}`);
  const text = run(['scan', join(examples, 'vulnerable')]).stdout;
  assert.match(text, /IG-K8S-117/);
  assert.ok(!text.includes('wJalrXUtnFEMI'), 'the text report never quotes a flagged secret');
  const hardened = json([join(examples, 'hardened')]);
  assert.deepEqual(hardened.report.findings.map((finding) => `${finding.ruleId} ${finding.location.file}:${finding.location.startLine}`), []);
  assert.equal(hardened.code, 0);
});

test('the multi-server example: each vulnerable server gets its ML-serving findings, the hardened twin scans clean', () => {
  const examples = resolve('examples/multi-server');
  const vulnerable = json([join(examples, 'vulnerable')]);
  assert.equal(vulnerable.code, 1);
  const byFile = new Map<string, Set<string>>();
  for (const finding of vulnerable.report.findings) {
    const file = finding.location.file.split('/').at(-1) ?? '';
    const rules = byFile.get(file) ?? new Set<string>();
    for (const id of [finding.ruleId, ...(finding.alsoMatched ?? [])]) rules.add(id);
    byFile.set(file, rules);
  }
  const expected: Record<string, string[]> = {
    'triton.yaml': ['IG-ML-010', 'IG-ML-011', 'IG-ML-012', 'IG-ML-013', 'IG-ML-014', 'IG-K8S-014'],
    'torchserve.yaml': ['IG-ML-001', 'IG-ML-002', 'IG-ML-003', 'IG-ML-006'],
    'vllm.yaml': ['IG-ML-020', 'IG-ML-021', 'IG-ML-022', 'IG-ML-026', 'IG-ML-029', 'IG-GRAPH-013'],
    'kserve.yaml': ['IG-ML-060', 'IG-ML-062'],
    'rayservice.yaml': ['IG-ML-040', 'IG-ML-042', 'IG-ML-043', 'IG-ML-044'],
  };
  for (const [file, rules] of Object.entries(expected)) {
    for (const rule of rules) assert.ok(byFile.get(file)?.has(rule), `vulnerable ${file} lacks ${rule}`);
  }
  const hardened = json([join(examples, 'hardened')]);
  assert.deepEqual(hardened.report.findings.filter((finding) => !finding.suppression).map((finding) => `${finding.ruleId} ${finding.location.file}:${finding.location.startLine}`), []);
  // The one accepted risk is suppressed with its reason, not hidden.
  assert.deepEqual(hardened.report.findings.map((finding) => finding.ruleId), ['IG-ML-006']);
  assert.equal(hardened.code, 0);
});

test('the cloud endpoint examples: each vulnerable Terraform gets its platform findings, the hardened twins scan clean', () => {
  const examples = resolve('examples');
  const expected: Record<string, string[]> = {
    sagemaker: ['IG-AWS-001', 'IG-AWS-002', 'IG-AWS-003', 'IG-AWS-004', 'IG-AWS-008', 'IG-AWS-016', 'IG-AWS-017', 'IG-AWS-019', 'IG-AWS-020', 'IG-AWS-021', 'IG-AWS-022', 'IG-AWS-028', 'IG-GRAPH-002'],
    // IG-GCP-008 / 009 / 011 link buckets and service accounts to served models through Kubernetes only (see its README).
    'vertex-ai': ['IG-GCP-001', 'IG-GCP-002'],
    'azure-ml': ['IG-AZ-001', 'IG-AZ-002', 'IG-AZ-003', 'IG-AZ-008', 'IG-AZ-009', 'IG-AZ-010', 'IG-AZ-012', 'IG-AZ-016'],
  };
  const vulnerable = json(Object.keys(expected).map((name) => join(examples, name, 'vulnerable')));
  assert.equal(vulnerable.code, 1);
  assert.equal(vulnerable.report.summary.incomplete, false);
  const byExample = new Map<string, Set<string>>();
  for (const finding of vulnerable.report.findings) {
    const example = /examples\/([^/]+)\/vulnerable\//.exec(finding.location.file)?.[1] ?? '';
    const rules = byExample.get(example) ?? new Set<string>();
    for (const id of [finding.ruleId, ...(finding.alsoMatched ?? [])]) rules.add(id);
    byExample.set(example, rules);
  }
  for (const [example, rules] of Object.entries(expected)) {
    for (const rule of rules) assert.ok(byExample.get(example)?.has(rule), `vulnerable ${example} lacks ${rule}`);
    // Graph rules span platforms: a serving identity's reach over its model's artifacts is one of them.
    assert.ok([...(byExample.get(example) ?? [])].every((rule) => rule.startsWith('IG-GRAPH-') || rule.startsWith(example === 'sagemaker' ? 'IG-AWS-' : example === 'vertex-ai' ? 'IG-GCP-' : 'IG-AZ-')), `${example} reports another platform's rule`);
  }
  const hardened = json(Object.keys(expected).map((name) => join(examples, name, 'hardened')));
  assert.deepEqual(hardened.report.findings.map((finding) => `${finding.ruleId} ${finding.location.file}:${finding.location.startLine}`), []);
  assert.equal(hardened.report.summary.incomplete, false);
  assert.equal(hardened.code, 0);
});

test('hostile inputs: each gets its own finding, the scan finishes, exit code 3', () => {
  const dir = join(workspace, 'hostile');
  mkdirSync(join(dir, 'loop'), { recursive: true });
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
  for (let level = 1; level <= 9; level++) bomb.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10).fill('*' + String.fromCharCode(96 + level)).join(',')}]`);
  writeFileSync(join(dir, 'bomb.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n  ${bomb.join('\n  ')}\n`);
  writeFileSync(join(dir, 'deep.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${'['.repeat(10000)}${']'.repeat(10000)}\n`);
  writeFileSync(join(dir, 'binary.yaml'), Buffer.from([0x61, 0x70, 0x69, 0x00, 0xff, 0xfe, 0x00, 0x01]));
  writeFileSync(join(dir, 'latin1.yaml'), Buffer.concat([Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf'), Buffer.from([0xe9]), Buffer.from('}\n')]));
  symlinkSync('..', join(dir, 'loop', 'up'));
  writeFileSync(join(dir, 'pod.yaml'), POD);
  const { code, report } = json([dir]);
  assert.equal(code, 3);
  assert.equal(report.summary.incomplete, true);
  const byFile = (name: string) => report.findings.filter((finding) => finding.location.file.endsWith(name)).map((finding) => finding.ruleId);
  assert.ok(byFile('bomb.yaml').includes('IG-PARSE-002'), 'alias bomb');
  assert.ok(byFile('deep.yaml').includes('IG-PARSE-002'), 'deep nesting');
  assert.ok(byFile('binary.yaml').includes('IG-PARSE-003'), 'binary');
  assert.ok(byFile('latin1.yaml').includes('IG-PARSE-003'), 'invalid UTF-8');
  assert.ok(report.findings.some((finding) => finding.ruleId === 'IG-PARSE-003' && finding.location.file.includes('loop')), 'symlink loop');
  assert.ok(byFile('pod.yaml').includes('IG-K8S-101'), 'the good file is still scanned');
});

test('an unreadable path is reported and the scan goes on', () => {
  const dir = join(workspace, 'unreadable');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'pod.yaml'), POD);
  symlinkSync(join(dir, 'missing-target.yaml'), join(dir, 'dangling.yaml'));
  const { code, report } = json([dir]);
  assert.equal(code, 3);
  assert.ok(report.files.some((file) => file.path.endsWith('dangling.yaml') && file.status === 'error'));
  assert.ok(report.findings.some((finding) => finding.ruleId === 'IG-K8S-101'));
});

test('stdin, suppressions with reasons and expiry, and the fail threshold', () => {
  const manifest = `# inferguard:ignore IG-K8S-101 needs the host's devices for a driver probe
${POD}`;
  const suppressed = json(['-', '--fail-on', 'high'], { input: manifest });
  const privileged = suppressed.report.findings.find((finding) => finding.ruleId === 'IG-K8S-101');
  assert.equal(privileged?.suppression?.reason, "needs the host's devices for a driver probe");
  assert.equal(privileged?.location.file, '<stdin>');

  const expired = json(['-'], { input: `# inferguard:ignore IG-K8S-101 temporary until=2020-01-01\n${POD}` });
  assert.equal(expired.report.findings.find((finding) => finding.ruleId === 'IG-K8S-101')?.suppression, undefined);
  assert.ok(expired.report.notices.some((notice) => /expired on 2020-01-01/.test(notice)));
  assert.equal(expired.code, 1);

  assert.equal(json(['-', '--fail-on', 'none'], { input: POD }).code, 0);

  const annotated = POD.replace('  namespace: serving\n', '  namespace: serving\n  annotations:\n    inferguard.io/ignore: "IG-K8S-101: GPU driver probe; IG-K8S-113: pinned by the deploy tool"\n');
  const byAnnotation = json(['-'], { input: annotated });
  const ruleOf = (id: string) => byAnnotation.report.findings.find((finding) => finding.ruleId === id);
  assert.equal(ruleOf('IG-K8S-101')?.suppression?.reason, 'GPU driver probe');
  assert.equal(ruleOf('IG-K8S-113')?.suppression?.reason, 'pinned by the deploy tool');
  assert.equal(ruleOf('IG-K8S-102')?.suppression, undefined);

  const noReason = json(['-'], { input: `# inferguard:ignore IG-K8S-101\n${POD}` });
  assert.equal(noReason.report.findings.find((finding) => finding.ruleId === 'IG-K8S-101')?.suppression, undefined);
  assert.ok(noReason.report.notices.some((notice) => /no reason/.test(notice)));
});

test('config errors and bad usage exit 2 with a message naming the file and key', () => {
  const dir = join(workspace, 'config');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.inferguard.yaml'), 'rules:\n  IG-K8S-999: off\n');
  writeFileSync(join(dir, 'pod.yaml'), POD);
  const bad = run(['scan', '.'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /\.inferguard\.yaml.*\/rules\/IG-K8S-999/);
  assert.equal(run(['scan', 'does-not-exist']).code, 2);
  assert.equal(run(['scan', '.', '--format', 'xml']).code, 2);
  assert.equal(run(['scan', '.', '--output', 'pdf=x.pdf']).code, 2);

  writeFileSync(join(dir, '.inferguard.yaml'), 'failOn: critical\nrules:\n  privileged-container: { severity: medium }\n');
  const relaxed = json(['.'], { cwd: dir });
  assert.equal(relaxed.code, 0);
});

test('rule options in .inferguard.yaml reach the rule; unknown options and wrong types exit 2 naming file, line and pointer', () => {
  const dir = join(workspace, 'options');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'tgi.yaml'),
    `apiVersion: v1
kind: Pod
metadata:
  name: tgi
  namespace: claims
  labels: { compliance: hipaa }
spec:
  containers:
    - name: tgi
      image: ghcr.io/huggingface/text-generation-inference:3.3.4@sha256:${'1'.repeat(64)}
`,
  );
  const telemetry = () => json(['.', '--fail-on', 'none'], { cwd: dir }).report.findings.filter((finding) => finding.ruleId === 'IG-ML-034').map((finding) => finding.location.startLine);
  assert.deepEqual(telemetry(), [], 'silent until regulatedLabels is set');
  writeFileSync(join(dir, '.inferguard.yaml'), 'rules:\n  llm-telemetry-enabled-for-regulated-workload:\n    options:\n      regulatedLabels: [compliance=hipaa]\n');
  assert.deepEqual(telemetry(), [9]);

  writeFileSync(join(dir, '.inferguard.yaml'), 'rules:\n  IG-ML-071:\n    options:\n      allowedRegistry: [registry.corp.example]\n');
  const unknown = run(['scan', '.'], { cwd: dir });
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /\.inferguard\.yaml:4: \/rules\/IG-ML-071\/options\/allowedRegistry: unknown option "allowedRegistry" for IG-ML-071 \(did you mean "allowedRegistries"\?\)/);
  writeFileSync(join(dir, '.inferguard.yaml'), 'rules:\n  IG-ML-071:\n    options:\n      allowedRegistries: registry.corp.example\n');
  const wrongType = run(['scan', '.'], { cwd: dir });
  assert.equal(wrongType.code, 2);
  assert.match(wrongType.stderr, /\.inferguard\.yaml:4: \/rules\/IG-ML-071\/options\/allowedRegistries: expected a list of strings; for one value write \[registry\.corp\.example\]/);
});

test("the README's configuration example is a valid config", () => {
  const readme = readFileSync(resolve('README.md'), 'utf8');
  const block = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, 'README has a yaml block under ## Configuration');
  const dir = join(workspace, 'readme-config');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.inferguard.yaml'), block);
  writeFileSync(join(dir, 'pod.yaml'), POD);
  const result = run(['scan', '.', '--format', 'json'], { cwd: dir });
  assert.equal(result.stderr, '');
  assert.notEqual(result.code, 2);
});

test('--strict and `strict: true` report IG-PARSE-004 where a rule could not resolve a Terraform value; a rules entry can turn it off', () => {
  const dir = join(workspace, 'strict');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'main.tf'),
    `variable "privileged" { type = bool }

resource "kubernetes_pod_v1" "p" {
  metadata {
    name      = "p"
    namespace = "serving"
  }
  spec {
    container {
      name  = "app"
      image = "nginx:1.27"
      security_context {
        privileged = var.privileged
      }
    }
  }
}
`,
  );
  const forPrivileged = (args: readonly string[]) => {
    const { report } = json(['.', '--fail-on', 'none', ...args], { cwd: dir });
    return report.findings.filter((finding) => finding.ruleId === 'IG-PARSE-004' && /IG-K8S-101 was not evaluated/.test(finding.message)).map((finding) => `${finding.location.file}:${finding.location.startLine}`);
  };
  assert.deepEqual(forPrivileged([]), []);
  assert.deepEqual(forPrivileged(['--strict']), ['main.tf:13']);
  writeFileSync(join(dir, '.inferguard.yaml'), 'strict: true\nrules:\n  terraform-value-unresolved: { severity: low }\n');
  assert.deepEqual(forPrivileged([]), ['main.tf:13']);
  writeFileSync(join(dir, '.inferguard.yaml'), 'rules:\n  IG-PARSE-004: off\n');
  assert.deepEqual(forPrivileged(['--strict']), []);
  assert.match(run(['scan', '--help']).stdout, /--strict/);
});

test('JSON and SARIF are byte-identical across runs, and --output writes several reports', () => {
  const examples = resolve('examples');
  const first = run(['scan', examples, '--format', 'sarif', '-o', `json=${join(workspace, 'a.json')}`]);
  const second = run(['scan', examples, '--format', 'sarif', '-o', `json=${join(workspace, 'b.json')}`]);
  assert.equal(first.stdout, second.stdout);
  const a = spawnSync('cat', [join(workspace, 'a.json')], { encoding: 'utf8' }).stdout;
  const b = spawnSync('cat', [join(workspace, 'b.json')], { encoding: 'utf8' }).stdout;
  assert.ok(a.length > 100);
  assert.equal(a, b);
});

test('rules and rules explain', () => {
  const list = run(['rules', '--prefix', 'IG-K8S']);
  assert.equal(list.code, 0);
  assert.match(list.stdout, /IG-K8S-101\s+high\s+privileged-container/);
  const explain = run(['rules', 'explain', 'privileged-container']);
  assert.match(explain.stdout, /^# IG-K8S-101 privileged-container/);
  assert.equal(run(['rules', 'explain', 'IG-NOPE-1']).code, 2);
});

test('inferguard paths: the multi-model canary example — attack paths in the broken variant, none in the fixed one', () => {
  const examples = resolve('examples/multi-model-canary');
  const broken = run(['paths', join(examples, 'broken'), '--format', 'json']);
  assert.equal(broken.stderr, '', broken.stderr);
  assert.equal(broken.code, 1, 'a high attack path fails the default threshold');
  const report = JSON.parse(broken.stdout) as JsonReport;
  const found = report.findings.map((finding) => `${finding.ruleId} ${/multi-model-canary\/broken\/(.*)$/.exec(finding.location.file)?.[1] ?? finding.location.file}:${finding.location.startLine}`).sort();
  assert.deepEqual(found, [
    // the fraud canary's debug LoadBalancer publishes Triton's model-repository API
    'IG-GRAPH-001 k8s/fraud.yaml:156',
    // model A's role reads model B's prefix
    'IG-GRAPH-002 terraform/main.tf:80',
    // the canaries are outside the NetworkPolicies
    'IG-GRAPH-003 k8s/fraud.yaml:64',
    'IG-GRAPH-003 k8s/ranker.yaml:62',
    // the fraud canary lacks the primary's hardening; ranker v2 lacks its policy
    'IG-GRAPH-004 k8s/fraud.yaml:68',
    'IG-GRAPH-004 k8s/ranker.yaml:62',
  ]);
  // The identity path crosses Kubernetes and Terraform: pod → ServiceAccount → IAM role → grant → the other model.
  const theft = report.findings.find((finding) => finding.ruleId === 'IG-GRAPH-002');
  assert.ok(theft);
  assert.deepEqual(
    (theft.related ?? []).map((hop) => /multi-model-canary\/broken\/(.*)$/.exec(hop.file)?.[1]),
    ['k8s/fraud.yaml', 'k8s/fraud.yaml', 'terraform/main.tf', 'k8s/ranker.yaml'],
  );
  const text = run(['paths', join(examples, 'broken')]);
  assert.match(text.stdout, /6 attack paths \(1 critical, 2 high, 3 medium\)\./);
  const fixed = run(['paths', join(examples, 'fixed')]);
  assert.equal(fixed.code, 0);
  assert.equal(fixed.stdout, 'No attack paths found.\n');
  // The fixed variant is clean for every rule, not only the graph's.
  assert.equal(json([join(examples, 'fixed')]).report.findings.length, 0);
});

test('inferguard paths -f html and --output html=: the same self-contained page either way; pictures belong to paths only', () => {
  const examples = resolve('examples/multi-model-canary');
  const file = join(workspace, 'paths.html');
  const broken = run(['paths', join(examples, 'broken'), '-f', 'html', '--output', `html=${file}`]);
  assert.equal(broken.stderr, '', broken.stderr);
  assert.equal(broken.code, 1, 'the exit code follows the paths, whatever the format');
  assert.ok(broken.stdout.startsWith('<!DOCTYPE html>\n'));
  assert.match(broken.stdout, /<p id="summary" data-paths="6" data-hot-edges="6" data-hot-nodes="10">/);
  assert.equal(readFileSync(file, 'utf8'), broken.stdout);
  const fixed = run(['paths', join(examples, 'fixed'), '-f', 'html']);
  assert.equal(fixed.code, 0);
  assert.match(fixed.stdout, /<p id="summary" data-paths="0" [^>]*>No attack paths found\.<\/p>/);
  // `scan` reports every finding, not paths: it has no picture.
  const scan = run(['scan', join(examples, 'broken'), '--output', `html=${file}`]);
  assert.equal(scan.code, 2);
  assert.match(scan.stderr, /--output expects <format>=<file> with format text \| json \| sarif, got 'html=/);
});

test('inferguard threats: Markdown by default, JSON with -f json or --output json=; a report, so exit 0 whatever it finds', () => {
  const examples = resolve('examples/multi-model-canary');
  const file = join(workspace, 'threats.json');
  const markdown = run(['threats', join(examples, 'broken'), '--output', `json=${file}`]);
  assert.equal(markdown.stderr, '', markdown.stderr);
  assert.equal(markdown.code, 0);
  assert.match(markdown.stdout, /^# Threat model\n\n4 model endpoints, 8 STRIDE threats each: /);
  assert.match(markdown.stdout, /^### S1 Unauthenticated callers use the model — \*\*open\*\*$/m);
  const report = JSON.parse(readFileSync(file, 'utf8')) as { schemaVersion: number; endpoints: Array<{ name: string; threats: Array<{ id: string; status: string }> }> };
  assert.equal(report.schemaVersion, 1);
  assert.deepEqual(report.endpoints.map((endpoint) => endpoint.name.split(' ')[1]), ['models/fraud-canary', 'models/fraud-primary', 'models/ranker-v1', 'models/ranker-v2']);
  const stdout = run(['threats', join(examples, 'broken'), '-f', 'json']);
  assert.equal(stdout.stdout, readFileSync(file, 'utf8'));
  assert.equal(run(['threats', join(examples, 'fixed'), '-f', 'json']).code, 0);
  const none = run(['threats', resolve('examples/tf-serving/hardened'), '--include', '*.md']);
  assert.match(none.stdout, /No model endpoint found/);
  const bad = run(['threats', join(examples, 'broken'), '--output', `html=${file}`]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--output expects <format>=<file> with format markdown \| json/);
});
