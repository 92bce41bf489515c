import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { ConfigError } from './config-error.js';
import { loadConfig, parseByteSize, validateRuleKeys } from './load-config.js';
import { parseConfig } from './parse-config.js';
import { resolveRuleOptions, validateRuleOptions } from './rule-options.js';
import type { RuleOptionsDeclaration } from './rule-options.js';

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

const DECLARED: readonly RuleOptionsDeclaration[] = [
  {
    id: 'IG-ML-071',
    name: 'model-server-image-unpinned',
    options: {
      allowedRegistries: { type: 'string[]', default: [], description: 'mirrors', format: { pattern: /^[a-z0-9.-]+\.[a-z]+(\/[a-z0-9._-]+)*$/, description: 'a registry host or host/path prefix' } },
    },
  },
  {
    id: 'IG-ML-999',
    name: 'every-option-type',
    options: {
      labels: { type: 'string[]', default: ['a=b'], description: 'labels' },
      mode: { type: 'string', default: 'on', description: 'a mode' },
      limit: { type: 'number', default: 3, description: 'a limit' },
      strict: { type: 'boolean', default: false, description: 'a switch' },
    },
  },
  { id: 'IG-K8S-101', name: 'privileged-container' },
];

test('rule options are read as plain values and checked against the declarations', () => {
  const text = `rules:
  IG-ML-071:
    severity: high
    options:
      allowedRegistries:
        - registry.corp.example/mirror
        - harbor.corp.example
  every-option-type:
    options: { labels: [compliance=hipaa], mode: no-stack, limit: 1.5, strict: true }
  IG-K8S-101: { options: {} }
`;
  const config = parseConfig(text, '/r/.inferguard.yaml');
  assert.deepEqual(config.rules.get('IG-ML-071'), { severity: 'high', options: new Map([['allowedRegistries', ['registry.corp.example/mirror', 'harbor.corp.example']]]) });
  const values = validateRuleOptions(config, DECLARED);
  assert.deepEqual(
    values,
    new Map<string, object>([
      ['IG-ML-071', { allowedRegistries: ['registry.corp.example/mirror', 'harbor.corp.example'] }],
      ['IG-ML-999', { labels: ['compliance=hipaa'], mode: 'no-stack', limit: 1.5, strict: true }],
      ['IG-K8S-101', {}],
    ]),
  );
  assert.equal(validateRuleOptions(parseConfig('rules:\n  IG-ML-071: off\n', 'c.yaml'), DECLARED).size, 0, 'no options, nothing to pass');
});

test('defaults fill what the config leaves out; the values are frozen', () => {
  const [, everyType] = DECLARED;
  const config = parseConfig('rules:\n  IG-ML-999:\n    options: { limit: 10 }\n', 'c.yaml');
  const resolved = resolveRuleOptions(everyType?.options, validateRuleOptions(config, DECLARED).get('IG-ML-999'));
  assert.deepEqual(resolved, { labels: ['a=b'], mode: 'on', limit: 10, strict: false });
  assert.ok(Object.isFrozen(resolved));
  assert.deepEqual(resolveRuleOptions(everyType?.options, undefined), { labels: ['a=b'], mode: 'on', limit: 3, strict: false });
  assert.deepEqual(resolveRuleOptions(undefined, undefined), {});
});

const OPTION_ERRORS: readonly { name: string; text: string; pointer: string; line: number; message: string }[] = [
  {
    name: 'options not a mapping',
    text: 'rules:\n  IG-ML-071:\n    options: [registry.corp.example]\n',
    pointer: '/rules/IG-ML-071/options',
    line: 3,
    message: 'c.yaml:3: /rules/IG-ML-071/options: expected a mapping from option name to value, e.g. { allowedRegistries: [registry.corp.example/mirror] }',
  },
  {
    name: 'misspelt options key',
    text: 'rules:\n  IG-ML-071:\n    option: {}\n',
    pointer: '/rules/IG-ML-071/option',
    line: 3,
    message: 'c.yaml:3: /rules/IG-ML-071/option: unknown key "option" (did you mean "options"?); allowed: severity, enabled, options',
  },
  {
    name: 'unknown option with a suggestion',
    text: 'rules:\n  IG-ML-071:\n    options:\n      allowedRegistry: [registry.corp.example]\n',
    pointer: '/rules/IG-ML-071/options/allowedRegistry',
    line: 4,
    message: 'c.yaml:4: /rules/IG-ML-071/options/allowedRegistry: unknown option "allowedRegistry" for IG-ML-071 (did you mean "allowedRegistries"?); options: allowedRegistries',
  },
  {
    name: 'unknown option keyed by rule name',
    text: 'rules:\n  every-option-type:\n    options: { verbose: true }\n',
    pointer: '/rules/every-option-type/options/verbose',
    line: 3,
    message: 'c.yaml:3: /rules/every-option-type/options/verbose: unknown option "verbose" for IG-ML-999; options: labels, mode, limit, strict',
  },
  {
    name: 'a rule without options',
    text: 'rules:\n  privileged-container:\n    options:\n      allowedRegistries: []\n',
    pointer: '/rules/privileged-container/options/allowedRegistries',
    line: 4,
    message: 'c.yaml:4: /rules/privileged-container/options/allowedRegistries: IG-K8S-101 (privileged-container) takes no options',
  },
  {
    name: 'one string for a list',
    text: 'rules:\n  IG-ML-071:\n    options:\n      allowedRegistries: registry.corp.example\n',
    pointer: '/rules/IG-ML-071/options/allowedRegistries',
    line: 4,
    message: 'c.yaml:4: /rules/IG-ML-071/options/allowedRegistries: expected a list of strings; for one value write [registry.corp.example]',
  },
  {
    name: 'empty list value',
    text: 'rules:\n  IG-ML-071:\n    options:\n      allowedRegistries:\n',
    pointer: '/rules/IG-ML-071/options/allowedRegistries',
    line: 4,
    message: 'c.yaml:4: /rules/IG-ML-071/options/allowedRegistries: expected a list of strings',
  },
  {
    name: 'a list item of the wrong type, on its own line',
    text: 'rules:\n  IG-ML-071:\n    options:\n      allowedRegistries:\n        - registry.corp.example\n        - 8443\n',
    pointer: '/rules/IG-ML-071/options/allowedRegistries/1',
    line: 6,
    message: 'c.yaml:6: /rules/IG-ML-071/options/allowedRegistries/1: expected a non-empty string',
  },
  {
    name: 'a list item in the wrong format',
    text: 'rules:\n  IG-ML-071:\n    options:\n      allowedRegistries:\n        - registry.corp.example\n        - https://registry.corp.example\n',
    pointer: '/rules/IG-ML-071/options/allowedRegistries/1',
    line: 6,
    message: 'c.yaml:6: /rules/IG-ML-071/options/allowedRegistries/1: "https://registry.corp.example" is not a registry host or host/path prefix',
  },
  {
    name: 'string option given a list',
    text: 'rules:\n  IG-ML-999:\n    options: { mode: [on] }\n',
    pointer: '/rules/IG-ML-999/options/mode',
    line: 3,
    message: 'c.yaml:3: /rules/IG-ML-999/options/mode: expected a string',
  },
  {
    name: 'number option given a string',
    text: 'rules:\n  IG-ML-999:\n    options:\n      limit: "3"\n',
    pointer: '/rules/IG-ML-999/options/limit',
    line: 4,
    message: 'c.yaml:4: /rules/IG-ML-999/options/limit: expected a number',
  },
  {
    name: 'boolean option given on',
    text: 'rules:\n  IG-ML-999:\n    options:\n      strict: on\n',
    pointer: '/rules/IG-ML-999/options/strict',
    line: 4,
    message: 'c.yaml:4: /rules/IG-ML-999/options/strict: expected true or false',
  },
  {
    name: 'a rule set under its id and its name',
    text: 'rules:\n  IG-ML-071: { severity: high }\n  model-server-image-unpinned:\n    options: { allowedRegistries: [registry.corp.example] }\n',
    pointer: '/rules/model-server-image-unpinned',
    line: 3,
    message: 'c.yaml:3: /rules/model-server-image-unpinned: IG-ML-071 is also set under /rules/IG-ML-071: keep one entry per rule',
  },
];

test('option errors name the file, the JSON pointer of the option or item, and its line', () => {
  for (const { name, text, pointer, line, message } of OPTION_ERRORS) {
    assert.throws(
      () => validateRuleOptions(parseConfig(text, 'c.yaml'), DECLARED),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError, name);
        assert.equal(error.file, 'c.yaml', name);
        assert.equal(error.pointer, pointer, name);
        assert.equal(error.line, line, name);
        assert.equal(error.message, message, name);
        return true;
      },
      name,
    );
  }
});
