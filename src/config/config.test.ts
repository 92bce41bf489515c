import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { ConfigError } from './config-error.js';
import { loadConfig, parseByteSize, validateRuleKeys } from './load-config.js';
import { parseConfig } from './parse-config.js';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function tree(entries: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'inferguard-config-'));
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

const VALID = `# team defaults
rules:
  IG-K8S-106: off
  IG-K8S-107: on
  IG-K8S-111: { severity: high }
  privileged-container:
    severity: critical
    enabled: true
  host-network: false
failOn: medium
exclude: ["examples/**", 'test/fixtures/**']
include:
  - "**/*.yaml"
maxFileSize: 10MiB
strict: true
`;

test('a valid file', () => {
  const config = parseConfig(VALID, '/repo/.inferguard.yaml');
  assert.deepEqual(config, {
    path: '/repo/.inferguard.yaml',
    rules: new Map<string, object>([
      ['IG-K8S-106', { enabled: false }],
      ['IG-K8S-107', { enabled: true }],
      ['IG-K8S-111', { severity: 'high' }],
      ['privileged-container', { severity: 'critical', enabled: true }],
      ['host-network', { enabled: false }],
    ]),
    failOn: 'medium',
    exclude: ['examples/**', 'test/fixtures/**'],
    include: ['**/*.yaml'],
    maxFileBytes: 10 * 1024 * 1024,
    strict: true,
  });
  assert.equal(parseConfig('failOn: none\nmaxFileSize: 1024\n', 'c.yaml').maxFileBytes, 1024);
  assert.equal(parseConfig('failOn: none\n', 'c.yaml').failOn, 'none');
});

test('empty files and comment-only files are defaults', () => {
  for (const text of ['', '# nothing\n', '---\n', 'rules:\n']) {
    assert.deepEqual(parseConfig(text, 'c.yaml'), { path: 'c.yaml', rules: new Map(), exclude: [], include: [] }, JSON.stringify(text));
  }
});

const ERRORS: readonly { name: string; text: string; pointer: string; line: number; message: RegExp }[] = [
  { name: 'unknown top-level key', text: 'failOn: high\nrulez: {}\n', pointer: '/rulez', line: 2, message: /unknown key "rulez" \(did you mean "rules"\?\)/ },
  { name: 'top level not a mapping', text: '- a\n', pointer: '', line: 1, message: /expected a mapping/ },
  { name: 'rules not a mapping', text: 'rules: [a]\n', pointer: '/rules', line: 1, message: /expected a mapping from rule id/ },
  { name: 'malformed rule key', text: 'rules:\n  Bad_Rule: off\n', pointer: '/rules/Bad_Rule', line: 2, message: /not a rule id/ },
  { name: 'pointer escaping', text: 'rules:\n  a/b~c: off\n', pointer: '/rules/a~1b~0c', line: 2, message: /not a rule id/ },
  { name: 'bad rule value', text: 'rules:\n  IG-K8S-106: disabled\n', pointer: '/rules/IG-K8S-106', line: 2, message: /expected on, off or a mapping/ },
  { name: 'bare severity as rule value', text: 'rules:\n  IG-K8S-106: high\n', pointer: '/rules/IG-K8S-106', line: 2, message: /\{ severity: high \}/ },
  { name: 'empty rule value', text: 'rules:\n  IG-K8S-106:\n', pointer: '/rules/IG-K8S-106', line: 2, message: /expected on, off/ },
  { name: 'unknown rule setting', text: 'rules:\n  IG-K8S-111:\n    severty: high\n', pointer: '/rules/IG-K8S-111/severty', line: 3, message: /did you mean "severity"/ },
  { name: 'bad severity', text: 'rules:\n  IG-K8S-111: { severity: hgh }\n', pointer: '/rules/IG-K8S-111/severity', line: 2, message: /expected one of critical, high, medium, low, info$/ },
  { name: 'enabled not a boolean', text: 'rules:\n  IG-K8S-111:\n    enabled: "yes"\n', pointer: '/rules/IG-K8S-111/enabled', line: 3, message: /expected true or false/ },
  { name: 'bad failOn', text: '\nfailOn: extreme\n', pointer: '/failOn', line: 2, message: /critical, high, medium, low, info, none/ },
  { name: 'failOn not a string', text: 'failOn: 3\n', pointer: '/failOn', line: 1, message: /expected one of/ },
  { name: 'exclude not a list', text: 'exclude: "examples/**"\n', pointer: '/exclude', line: 1, message: /expected a list of globs/ },
  { name: 'bad exclude item', text: 'exclude:\n  - a/**\n  - 1\n', pointer: '/exclude/1', line: 3, message: /non-empty glob/ },
  { name: 'empty include item', text: 'include: ["", b]\n', pointer: '/include/0', line: 1, message: /non-empty glob/ },
  { name: 'decimal size unit', text: 'maxFileSize: 5MB\n', pointer: '/maxFileSize', line: 1, message: /use KiB, MiB or GiB/ },
  { name: 'strict not a boolean', text: 'strict: "yes"\n', pointer: '/strict', line: 1, message: /expected true or false/ },
  { name: 'zero size', text: 'maxFileSize: 0\n', pointer: '/maxFileSize', line: 1, message: /positive size/ },
  { name: 'duplicate key', text: 'failOn: high\nfailOn: low\n', pointer: '/failOn', line: 2, message: /YAML syntax error.*unique/ },
  { name: 'nested duplicate key', text: 'rules:\n  IG-K8S-101: off\n  IG-K8S-101: on\n', pointer: '/rules/IG-K8S-101', line: 3, message: /unique/ },
  { name: 'YAML syntax error', text: 'rules:\n  a: b: c\n', pointer: '', line: 2, message: /^c\.yaml:2: YAML syntax error \(column \d+\)/ },
  { name: 'several documents', text: 'failOn: high\n---\nfailOn: low\n', pointer: '', line: 2, message: /YAML syntax error/ },
];

test('each error names the file, the JSON pointer and the line', () => {
  const names = new Set<string>();
  for (const { name, text, pointer, line, message } of ERRORS) {
    assert.ok(!names.has(name), `duplicate case ${name}`);
    names.add(name);
    assert.throws(
      () => parseConfig(text, 'c.yaml'),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError, name);
        assert.equal(error.file, 'c.yaml', name);
        assert.equal(error.pointer, pointer, name);
        assert.equal(error.line, line, name);
        assert.match(error.message, message, name);
        assert.ok(error.message.startsWith(`c.yaml:${line}: ${pointer ? `${pointer}: ` : ''}`), `${name}: ${error.message}`);
        return true;
      },
      name,
    );
  }
});

test('validateRuleKeys rejects unknown ids and names with a suggestion', () => {
  const known = new Set(['IG-K8S-101', 'privileged-container', 'IG-K8S-106', 'host-network']);
  const config = parseConfig('rules:\n  IG-K8S-101: off\n  privileged-container: on\n', '/r/.inferguard.yaml');
  assert.equal(validateRuleKeys(config, known), config);
  const bad = parseConfig('rules:\n  IG-K8S-101: off\n  IG-K8S-999: { severity: low }\n  priviliged-container: off\n', '/r/.inferguard.yaml');
  assert.throws(() => validateRuleKeys(bad, known), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.equal(error.pointer, '/rules/IG-K8S-999');
    assert.equal(error.line, 3);
    assert.equal(error.message, '/r/.inferguard.yaml:3: /rules/IG-K8S-999: unknown rule "IG-K8S-999"');
    return true;
  });
  const typo = parseConfig('rules:\n  priviliged-container: off\n', '/r/.inferguard.yaml');
  assert.throws(() => validateRuleKeys(typo, known), /\/rules\/priviliged-container: unknown rule "priviliged-container" \(did you mean "privileged-container"\?\)/);
});

test('upward discovery finds the nearest file and stops at the repository root', async () => {
  const root = tree({
    '.inferguard.yaml': 'failOn: low\n',
    'repo/.git/': '',
    'repo/.inferguard.yml': 'failOn: high\n',
    'repo/charts/a/templates/': '',
    'other-repo/.git/': '',
    'other-repo/k8s/': '',
    'plain/deep/': '',
  });
  const found = await loadConfig({ startDir: path.join(root, 'repo/charts/a/templates') });
  assert.equal(found.path, path.join(root, 'repo/.inferguard.yml'));
  assert.equal(found.failOn, 'high');

  const none = await loadConfig({ startDir: path.join(root, 'other-repo/k8s') });
  assert.deepEqual(none, { rules: new Map(), exclude: [], include: [] }, 'the file above .git is not used');

  const outside = await loadConfig({ startDir: path.join(root, 'plain/deep') });
  assert.equal(outside.path, path.join(root, '.inferguard.yaml'), 'outside a repository discovery goes up');
  const stopped = await loadConfig({ startDir: path.join(root, 'plain/deep'), stopDir: path.join(root, 'plain') });
  assert.equal(stopped.path, undefined, 'stopDir is the last directory searched');
});

test('two config files in one directory are an error', async () => {
  const root = tree({ '.git/': '', '.inferguard.yaml': '', '.inferguard.yml': '' });
  await assert.rejects(loadConfig({ startDir: root }), (error: unknown) => error instanceof ConfigError && /keep one/.test(error.message));
});

test('an explicit path wins; a missing one is an error', async () => {
  const root = tree({ '.git/': '', '.inferguard.yaml': 'failOn: low\n', 'ci/strict.yaml': 'failOn: info\n' });
  const explicit = await loadConfig({ explicitPath: path.join(root, 'ci/strict.yaml'), startDir: root });
  assert.equal(explicit.failOn, 'info');
  assert.equal(explicit.path, path.join(root, 'ci/strict.yaml'));

  const missing = path.join(root, 'ci/missing.yaml');
  await assert.rejects(loadConfig({ explicitPath: missing, startDir: root }), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.equal(error.file, missing);
    assert.equal(error.pointer, '');
    assert.equal(error.message, `${missing}: config file not found`);
    assert.ok(error.cause instanceof Error);
    return true;
  });
  await assert.rejects(loadConfig({ explicitPath: path.join(root, 'ci'), startDir: root }), /not a file/);
});

test('loadConfig reports validation errors with the file found', async () => {
  const root = tree({ '.git/': '', '.inferguard.yaml': 'failOn: high\nmaxFileSize: lots\n' });
  await assert.rejects(loadConfig({ startDir: root }), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.equal(error.file, path.join(root, '.inferguard.yaml'));
    assert.equal(error.pointer, '/maxFileSize');
    assert.equal(error.line, 2);
    return true;
  });
});

test('byte sizes', () => {
  const cases: readonly [number | string, number | undefined][] = [
    [1, 1],
    [5242880, 5242880],
    ['1024', 1024],
    ['512KiB', 512 * 1024],
    ['5 MiB', 5 * 1024 * 1024],
    ['1.5GiB', 1.5 * 1024 ** 3],
    ['10B', 10],
    [0, undefined],
    [1.5, undefined],
    [-1, undefined],
    ['5MB', undefined],
    ['5mib', undefined],
    ['MiB', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of cases) assert.equal(parseByteSize(input), expected, String(input));
});
