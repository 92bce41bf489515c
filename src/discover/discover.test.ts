import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, test } from 'node:test';
import { discoverFiles } from './discover.js';
import { readStdin } from './stdin.js';
import { DiscoveryError, HELM_TEMPLATE_REASON, TEMPLATE_REASON, type DiscoverOptions, type DiscoverResult } from './types.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A temp tree: `name/` makes a directory, a string or Buffer a file. */
function tree(entries: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'inferguard-discover-'));
  roots.push(root);
  for (const [name, content] of Object.entries(entries)) {
    const target = path.join(root, name);
    if (name.endsWith('/')) {
      mkdirSync(target, { recursive: true });
      continue;
    }
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return root;
}

function discover(root: string, options: Partial<DiscoverOptions> = {}): Promise<DiscoverResult> {
  return discoverFiles({ paths: ['.'], cwd: root, ...options });
}

const paths = (result: DiscoverResult): string[] => result.files.map((file) => file.path);
const problems = (result: DiscoverResult): string[] => result.problems.map((problem) => `${problem.code} ${problem.path}`);

test('nested .gitignore files apply relative to their directory; the deepest opinion wins', async () => {
  const root = tree({
    '.gitignore': '*.gen.yaml\nbuild/\n',
    'x.yaml': POD,
    'x.gen.yaml': POD,
    'build/y.yaml': POD,
    'a/.gitignore': '!keep.gen.yaml\nlocal.yaml\n',
    'a/keep.gen.yaml': POD,
    'a/local.yaml': POD,
    'a/other.gen.yaml': POD,
    'b/local.yaml': POD,
  });
  assert.deepEqual(paths(await discover(root)), ['a/keep.gen.yaml', 'b/local.yaml', 'x.yaml']);
  assert.deepEqual(paths(await discover(root, { respectGitignore: false })), [
    'a/keep.gen.yaml',
    'a/local.yaml',
    'a/other.gen.yaml',
    'b/local.yaml',
    'build/y.yaml',
    'x.gen.yaml',
    'x.yaml',
  ]);
});

test('.inferguardignore applies like .gitignore, even when .gitignore is not respected', async () => {
  const root = tree({ '.inferguardignore': 'examples/\n', '.gitignore': 'b.yaml\n', 'a.yaml': POD, 'b.yaml': POD, 'examples/c.yaml': POD });
  assert.deepEqual(paths(await discover(root)), ['a.yaml']);
  assert.deepEqual(paths(await discover(root, { respectGitignore: false })), ['a.yaml', 'b.yaml']);
});

test('ignore files above the scanned directory apply from the repository root down', async () => {
  const root = tree({ '.git/': '', '.gitignore': '*.gen.yaml\n', 'sub/a.yaml': POD, 'sub/a.gen.yaml': POD });
  assert.deepEqual(paths(await discoverFiles({ paths: ['.'], cwd: path.join(root, 'sub') })), ['a.yaml']);
  assert.deepEqual(paths(await discoverFiles({ paths: ['sub'], cwd: root })), ['sub/a.yaml']);
});

test('explicitly named files are scanned even when ignored', async () => {
  const root = tree({ '.gitignore': '*.gen.yaml\n', 'x.gen.yaml': POD, 'notes.out': POD });
  const result = await discoverFiles({ paths: ['x.gen.yaml', 'notes.out', '.'], cwd: root });
  assert.deepEqual(paths(result), ['notes.out', 'x.gen.yaml']);
  assert.equal(result.files[0]?.kind, 'kubernetes', 'a named file without an IaC extension is classified by content');
});

test('include and exclude globs match the display path; exclude wins and prunes directories', async () => {
  const root = tree({ 'a.yaml': POD, 'main.tf': '', 'skip/b.yaml': POD, 'deep/.hidden/c.yaml': POD, 'deep/d.yml': POD });
  assert.deepEqual(paths(await discover(root, { include: ['**/*.yaml'] })), ['a.yaml', 'deep/.hidden/c.yaml', 'skip/b.yaml']);
  assert.deepEqual(paths(await discover(root, { include: ['**/*.yaml'], exclude: ['skip/**', '**/.hidden/**'] })), ['a.yaml']);
  assert.deepEqual(paths(await discover(root, { exclude: ['*.tf', 'deep'] })), ['a.yaml', 'skip/b.yaml']);
  const nested = await discoverFiles({ paths: ['deep'], cwd: root, exclude: ['deep/*.yml'] });
  assert.deepEqual(paths(nested), ['deep/.hidden/c.yaml']);
});

test('.git, node_modules and .terraform are not walked; non-IaC files are ignored silently', async () => {
  const root = tree({
    '.git/config.yaml': POD,
    'node_modules/x/pod.yaml': POD,
    '.terraform/modules/m/main.tf': '',
    'a/node_modules/pod.yaml': POD,
    'README.md': '# x',
    'script.sh': 'echo',
    'main.tf': '',
  });
  const result = await discover(root);
  assert.deepEqual(paths(result), ['main.tf']);
  assert.deepEqual(result.problems, []);
});

test('a directory symlink to its ancestor is reported once and the walk finishes', async () => {
  const root = tree({ 'a/pod.yaml': POD, 'a/b/deployment.yaml': POD });
  symlinkSync('..', path.join(root, 'a/b/loop'));
  symlinkSync(root, path.join(root, 'a/to-root'));
  const result = await discover(root);
  assert.deepEqual(paths(result), ['a/b/deployment.yaml', 'a/pod.yaml']);
  assert.deepEqual(problems(result), ['symlink-loop a/b/loop', 'symlink-loop a/to-root']);
});

test('a directory linked twice is walked once, under its real path when that is in the scan', async () => {
  const outside = tree({ 'ext.yaml': POD });
  // `a-alias` sorts before `z`: the real directory must still win.
  const root = tree({ 'z/pod.yaml': POD });
  symlinkSync('z', path.join(root, 'a-alias'));
  symlinkSync(outside, path.join(root, 'external'));
  symlinkSync(outside, path.join(root, 'external-again'));
  const result = await discover(root);
  assert.deepEqual(paths(result), ['external/ext.yaml', 'z/pod.yaml']);
  assert.deepEqual(result.problems, []);
  assert.equal(result.files[0]?.absPath, path.join(root, 'external/ext.yaml'));
});

test('file symlinks are followed; broken ones are unreadable; missing named paths are not found', async () => {
  const root = tree({ 'real.yaml': POD });
  symlinkSync('real.yaml', path.join(root, 'link.yaml'));
  symlinkSync('nowhere.yaml', path.join(root, 'broken.yaml'));
  symlinkSync('nowhere', path.join(root, 'broken-no-extension'));
  symlinkSync('self.yaml', path.join(root, 'self.yaml'));
  const result = await discoverFiles({ paths: ['.', 'missing.tf'], cwd: root });
  assert.deepEqual(paths(result), ['link.yaml', 'real.yaml']);
  assert.deepEqual(problems(result), ['unreadable broken.yaml', 'not-found missing.tf', 'symlink-loop self.yaml']);
  assert.equal(result.problems[1]?.kind, 'terraform');
});

test('unreadable files are reported with the OS message (a FIFO when running as root)', async () => {
  const root = tree({ 'ok.yaml': POD, 'secret.yaml': POD });
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    // Root reads chmod 000 files; a FIFO is the unreadable entry we can make, and opening it would hang.
    rmSync(path.join(root, 'secret.yaml'));
    execFileSync('mkfifo', [path.join(root, 'secret.yaml')]);
  } else {
    chmodSync(path.join(root, 'secret.yaml'), 0o000);
  }
  const result = await discover(root);
  assert.deepEqual(paths(result), ['ok.yaml']);
  assert.deepEqual(problems(result), ['unreadable secret.yaml']);
  assert.match(result.problems[0]?.reason ?? '', isRoot ? /not a regular file \(FIFO\)/ : /EACCES/);
});

test('binary, invalid UTF-8 and UTF-16 files are problems; a BOM is stripped', async () => {
  const root = tree({
    'binary.yaml': Buffer.from([0x61, 0x3a, 0x00, 0x62]),
    'latin1.yaml': Buffer.from('name: caf\xe9\n', 'latin1'),
    'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\n', 'utf16le')]),
    'bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POD)]),
  });
  const result = await discover(root);
  assert.deepEqual(problems(result), ['binary binary.yaml', 'not-utf8 latin1.yaml', 'not-utf8 utf16.yaml']);
  const [bom] = result.files;
  assert.equal(bom?.path, 'bom.yaml');
  assert.equal(bom.text, POD);
  assert.equal(bom.kind, 'kubernetes');
  assert.equal(bom.bytes, POD.length + 3);
});

test('files over the size limit are refused before reading', async () => {
  const root = tree({ 'small.tf': 'x'.repeat(10), 'big.tf': 'x'.repeat(11) });
  const result = await discover(root, { maxFileBytes: 10 });
  assert.deepEqual(paths(result), ['small.tf']);
  assert.deepEqual(result.problems, [{ path: 'big.tf', code: 'too-large', kind: 'terraform', bytes: 11, reason: '11 B is over the 10 B limit (maxFileSize)' }]);
});

test('Helm templates are problems; a manifest holding {{ in strings is scanned', async () => {
  const root = tree({
    'chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.0.0\n',
    'chart/values.yaml': 'image: {{ .Values.global }}\n',
    'chart/values.schema.json': '{"description":"{{ x }}"}',
    'chart/templates/deployment.yaml': `${POD}  labels:\n    {{- include "c.labels" . | nindent 4 }}\n`,
    'chart/templates/crd.yaml': POD,
    'chart/templates/_helpers.tpl': '{{- define "c.labels" }}{{ end }}',
    'chart/templates/NOTES.txt': '{{ .Release.Name }}',
    'manifests/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\ndata:\n  t: |\n    {{- if .X }}\n    {{ end }}\n  q: "{{ .Y }}"\n',
    'manifests/workflow.yaml': 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec:\n  args: ["{{inputs.parameters.x}}"]\n',
    'manifests/templated.yaml': `${POD}spec:\n  image: {{ .Values.image }}\n`,
    'manifests/jinja.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ graph_name }}\n',
  });
  const result = await discover(root);
  assert.deepEqual(
    result.files.map((file) => `${file.kind} ${file.path}`),
    [
      'other chart/Chart.yaml',
      'kubernetes chart/templates/crd.yaml',
      'other chart/values.schema.json',
      'other chart/values.yaml',
      'kubernetes manifests/configmap.yaml',
      'kubernetes manifests/workflow.yaml',
    ],
  );
  assert.deepEqual(
    result.problems.map((problem) => [problem.path, problem.code, problem.kind, problem.reason]),
    [
      ['chart/templates/_helpers.tpl', 'helm-template', 'helm-template', HELM_TEMPLATE_REASON],
      ['chart/templates/deployment.yaml', 'helm-template', 'helm-template', HELM_TEMPLATE_REASON],
      ['manifests/jinja.yaml', 'helm-template', 'helm-template', TEMPLATE_REASON],
      ['manifests/templated.yaml', 'helm-template', 'helm-template', HELM_TEMPLATE_REASON],
    ],
  );
});

test('a Terraform plan JSON is recognised; other JSON is returned as other', async () => {
  const plan = JSON.stringify({ format_version: '1.2', terraform_version: '1.9.5', planned_values: { root_module: {} }, resource_changes: [] });
  const root = tree({ 'plan.json': plan, 'package.json': '{"name":"x"}', 'pod.json': '{"apiVersion":"v1","kind":"Pod"}', 'main.tf.json': '{}' });
  const result = await discover(root);
  assert.deepEqual(
    result.files.map((file) => `${file.kind} ${file.path}`),
    ['terraform-json main.tf.json', 'other package.json', 'terraform-plan plan.json', 'kubernetes pod.json'],
  );
});

test('output is sorted by path (code-unit order) and stable; overlapping roots give each file once', async () => {
  const root = tree({ 'b/z.yaml': POD, 'b/A.yaml': POD, 'a.yaml': POD, 'a/b.yaml': POD, 'a-b.yaml': POD, 'é.yaml': POD });
  const first = await discoverFiles({ paths: ['b', '.', 'a/b.yaml'], cwd: root });
  const expected = ['a-b.yaml', 'a.yaml', 'a/b.yaml', 'b/A.yaml', 'b/z.yaml', 'é.yaml'];
  assert.deepEqual(paths(first), expected);
  assert.deepEqual(paths(await discoverFiles({ paths: ['.'], cwd: root })), expected);
  assert.equal(first.files[0]?.absPath, path.join(root, 'a-b.yaml'));
});

test('paths outside cwd are shown relative to it', async () => {
  const root = tree({ 'x/pod.yaml': POD, 'cwd/': '' });
  const result = await discoverFiles({ paths: ['../x'], cwd: path.join(root, 'cwd') });
  assert.deepEqual(paths(result), ['../x/pod.yaml']);
});

test('stdin: `-` is read as <stdin>, kind by content; bad input becomes a problem', async () => {
  const result = await discoverFiles({ paths: ['-'], cwd: tmpdir(), stdin: Readable.from([Buffer.from(POD.slice(0, 10)), Buffer.from(POD.slice(10))]) });
  assert.deepEqual(result.files, [{ path: '<stdin>', absPath: '<stdin>', kind: 'kubernetes', text: POD, bytes: POD.length }]);

  const binary = await discoverFiles({ paths: ['-'], cwd: tmpdir(), stdin: Readable.from([Buffer.from([0, 1, 2])]) });
  assert.deepEqual(problems(binary), ['binary <stdin>']);

  const large = await discoverFiles({ paths: ['-'], cwd: tmpdir(), maxFileBytes: 4, stdin: Readable.from([Buffer.from('12345')]) });
  assert.deepEqual(large.problems.map((problem) => [problem.code, problem.bytes]), [['too-large', 5]]);

  await assert.rejects(readStdin({ stream: Readable.from([Buffer.from('{{- if .Values.x }}\n')]) }), (error: unknown) => {
    assert.ok(error instanceof DiscoveryError);
    assert.equal(error.code, 'helm-template');
    return true;
  });
  const plan = await readStdin({ stream: Readable.from(['{"format_version":"1.2","resource_changes":[]}']) });
  assert.equal(plan.kind, 'terraform-plan');
});

for (const corpus of ['corpus', 'bench']) {
  const dir = path.join('..', 'shared', corpus);
  test(`discovers ../shared/${corpus} without throwing`, { skip: existsSync(dir) ? false : `${dir} is absent` }, async (t) => {
    const started = performance.now();
    const result = await discoverFiles({ paths: [dir], cwd: process.cwd() });
    const ms = performance.now() - started;
    const bytes = result.files.reduce((sum, file) => sum + file.bytes, 0);
    const count = (values: string[]): string =>
      JSON.stringify(Object.fromEntries([...values.reduce((map, value) => map.set(value, (map.get(value) ?? 0) + 1), new Map<string, number>())].sort()));
    t.diagnostic(`${dir}: ${result.files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${result.problems.length} problems in ${ms.toFixed(0)} ms`);
    t.diagnostic(`kinds: ${count(result.files.map((file) => file.kind))}`);
    t.diagnostic(`problems: ${count(result.problems.map((problem) => problem.code))}`);
    assert.ok(result.files.length > 0);
    const sorted = [...paths(result)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    assert.deepEqual(paths(result), sorted);
    if (corpus === 'corpus') {
      // MANIFEST.tsv says which files are Terraform; every one must be found and classified as such.
      const manifest = readFileSync(path.join(dir, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
      const kinds = new Map(result.files.map((file) => [file.path, file.kind]));
      for (const line of manifest) {
        const [file, , kind] = line.split('\t');
        if (kind !== 'tf') continue;
        assert.match(kinds.get(`${dir}/${file}`) ?? 'missing', /^(terraform|tfvars)$/, file);
      }
    }
  });
}
