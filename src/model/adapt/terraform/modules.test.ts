import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseHcl } from '../../../parse/terraform/parse-hcl.js';
import { SourceFile } from '../../../source/source-file.js';
import { createFileSystemReader, evaluateTerraform } from './index.js';
import type { TerraformAdaptResult, TerraformSourceFile } from './index.js';
import { evaluateSources, lineOf } from './test-helpers.js';

const FIXTURES = 'src/model/adapt/terraform/__fixtures__';

/** Loads the fixture's scanned files (like discovery: `.terraform` skipped) and evaluates it. */
function evaluateFixture(name: string): TerraformAdaptResult {
  const root = path.join(FIXTURES, name);
  const files: TerraformSourceFile[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(root, relative)).sort()) {
      if (entry === '.terraform') continue;
      const child = relative ? `${relative}/${entry}` : entry;
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else if (entry.endsWith('.tf') || entry.endsWith('.tfvars')) {
        const file = new SourceFile(child, readFileSync(path.join(root, child), 'utf8'));
        files.push({ file, body: parseHcl(file).body });
      }
    }
  };
  walk('');
  return evaluateTerraform({ files, reader: createFileSystemReader(root) });
}

test('local module: inputs, for_each on a module, outputs back to the caller, tfvars through the module', () => {
  const result = evaluateFixture('local-module');
  assert.deepEqual(result.roots, ['.']);
  const { model } = result;
  assert.deepEqual(
    model.resources.map((resource) => resource.address),
    ['aws_sagemaker_model.m', 'module.logs["a"].aws_s3_bucket.this', 'module.logs["b"].aws_s3_bucket.this', 'module.models.aws_s3_bucket.this'],
  );
  const models = model.byAddress('module.models.aws_s3_bucket.this');
  assert.ok(models);
  assert.equal(models.configAddress, 'module.models.aws_s3_bucket.this');
  assert.deepEqual(models.modulePath, ['models']);
  assert.equal(models.file.path, 'modules/bucket/main.tf');
  // `public = "true"` in terraform.tfvars, converted by `type = bool`, drives the module's conditional.
  assert.deepEqual(models.doc.value, { bucket: 'models', acl: 'public-read' });
  assert.equal(lineOf(models.file, models.doc.spans.get('/acl')?.start), 11);
  assert.deepEqual(
    models.root.get('acl').setBy().map((source) => [source.description, source.file?.path, lineOf(source.file ?? models.file, source.start)]),
    [['terraform.tfvars:2', 'terraform.tfvars', 2]],
  );
  const logsB = model.byAddress('module.logs["b"].aws_s3_bucket.this');
  assert.deepEqual(logsB?.doc.value, { bucket: 'logs-b', acl: 'private' });
  assert.equal(model.instancesOf('module.logs.aws_s3_bucket.this').length, 2);
  const m = model.byAddress('aws_sagemaker_model.m');
  assert.ok(m);
  assert.equal(m.root.get('execution_role_arn').state, 'unknown');
  assert.deepEqual(m.root.get('execution_role_arn').references(), [
    { address: 'module.models.aws_s3_bucket.this', attribute: ['arn'] },
    { address: 'module.models', attribute: ['bucket_arn'] },
  ]);
  assert.equal(m.root.get('primary_container', 0, 'model_data_url').str(), 's3://models/model.tar.gz');
  const publicVariable = result.variables.get('.')?.get('public');
  assert.equal(publicVariable?.kind, 'bool');
  assert.equal(publicVariable?.setBy?.[0]?.description, 'terraform.tfvars:2');
  assert.deepEqual(model.notices, []);
});

test('remote module: expanded through .terraform/modules/modules.json, missing one reported', () => {
  const result = evaluateFixture('remote-module');
  const { model } = result;
  const store = model.byAddress('module.store.aws_s3_bucket.this');
  assert.ok(store);
  assert.equal(store.file.path, '.terraform/modules/store/main.tf');
  assert.deepEqual(store.doc.value, { bucket: 'artifacts' });
  const p = model.byAddress('aws_ssm_parameter.p');
  assert.ok(p);
  assert.equal(p.root.get('value').str(), 'artifacts-store');
  assert.equal(p.root.get('tier').state, 'unknown');
  assert.deepEqual(p.root.get('tier').references(), [{ address: 'module.missing', attribute: ['tier'] }]);
  assert.deepEqual(
    model.notices.map((notice) => [notice.code, notice.file.path, lineOf(notice.file, notice.start)]),
    [['module-not-expanded', 'main.tf', 7]],
  );
});

test('module cycle: reported once per call, the rest evaluated', () => {
  const result = evaluateFixture('cycle');
  // Each directory calls the other: neither is a root by the call rule, so the first becomes one.
  assert.deepEqual(result.roots, ['a']);
  assert.deepEqual(
    result.model.resources.map((resource) => resource.address),
    ['module.b.null_resource.b', 'null_resource.a'],
  );
  assert.deepEqual(
    result.model.notices.map((notice) => [notice.code, notice.file.path]),
    [['module-cycle', 'b/main.tf']],
  );
});

test('module count, depth cap and instance cap', () => {
  const sources = {
    'main.tf': 'module "m" {\n  source = "./m"\n  count  = 2\n  name   = "n${count.index}"\n}\nresource "t" "r" {\n  names = module.m[*].name\n}\n',
    'm/main.tf': 'variable "name" {}\nresource "t" "x" {\n  name = var.name\n}\noutput "name" {\n  value = var.name\n}\n',
  };
  const result = evaluateSources(sources);
  assert.deepEqual(
    result.model.resources.map((resource) => resource.address),
    ['module.m[0].t.x', 'module.m[1].t.x', 't.r'],
  );
  assert.deepEqual(result.model.byAddress('t.r')?.doc.value, { names: ['n0', 'n1'] });

  const deep = evaluateSources(
    {
      'main.tf': 'module "a" {\n  source = "./a"\n}\n',
      'a/main.tf': 'module "b" {\n  source = "./b"\n}\nresource "t" "x" {}\n',
      'a/b/main.tf': 'module "c" {\n  source = "./c"\n}\nresource "t" "x" {}\n',
      'a/b/c/main.tf': 'resource "t" "x" {}\n',
    },
    { limits: { maxDepth: 2 } },
  );
  assert.deepEqual(
    deep.model.resources.map((resource) => resource.address),
    ['module.a.module.b.t.x', 'module.a.t.x'],
  );
  assert.deepEqual(
    deep.model.notices.map((notice) => notice.code),
    ['module-depth'],
  );

  const wide = evaluateSources({ 'main.tf': 'resource "t" "x" {\n  count = 100\n}\n' }, { limits: { maxInstances: 10 } });
  assert.equal(wide.model.resources.length, 10);
  assert.deepEqual(
    wide.model.notices.map((notice) => notice.code),
    ['eval-limit'],
  );
});

test('module inputs: null keeps null unless nullable = false', () => {
  const { model } = evaluateSources({
    'main.tf': 'module "m" {\n  source = "./m"\n  a      = null\n  b      = null\n}\n',
    'm/main.tf': 'variable "a" {\n  default = "da"\n}\nvariable "b" {\n  default  = "db"\n  nullable = false\n}\nresource "t" "x" {\n  a = var.a\n  b = var.b\n}\n',
  });
  assert.deepEqual(model.byAddress('module.m.t.x')?.doc.value, { a: null, b: 'db' });
});

test('several root modules in one tree are evaluated separately', () => {
  const result = evaluateSources({
    'envs/dev/main.tf': 'resource "t" "x" {\n  v = "dev"\n}\n',
    'envs/prod/main.tf': 'resource "t" "x" {\n  v = "prod"\n}\n',
  });
  assert.deepEqual(result.roots, ['envs/dev', 'envs/prod']);
  assert.deepEqual(
    result.model.instancesOf('t.x').map((resource) => [resource.file.path, resource.root.get('v').str()]),
    [
      ['envs/dev/main.tf', 'dev'],
      ['envs/prod/main.tf', 'prod'],
    ],
  );
});

test('files read through the reader: .tf.json module, terraform.tfvars.json, a broken file is a notice', () => {
  const result = evaluateSources(
    { 'main.tf': 'variable "size" {}\nmodule "j" {\n  source = "./j"\n  size   = var.size\n}\nmodule "broken" {\n  source = "./broken"\n}\n' },
    {
      extra: {
        'terraform.tfvars.json': '{"size": 3}',
        'j/main.tf.json': '{"variable": {"size": {}}, "resource": {"aws_ebs_volume": {"v": {"size": "${var.size * 2}", "encrypted": false}}}}',
        'broken/main.tf': 'resource "x" {\n',
      },
    },
  );
  const volume = result.model.byAddress('module.j.aws_ebs_volume.v');
  assert.ok(volume);
  assert.equal(volume.file.path, 'j/main.tf.json');
  assert.deepEqual(volume.doc.value, { size: 6, encrypted: false });
  assert.equal(volume.root.get('size').setBy()[0]?.description, 'terraform.tfvars.json:1');
  assert.deepEqual(
    result.model.notices.map((notice) => [notice.code, notice.file.path]),
    [
      ['parse-error', 'broken/main.tf'],
      ['missing-file', 'main.tf'],
    ],
  );
});

test('a local module outside the scanned tree, and a module with unknown for_each', () => {
  const result = evaluateSources({
    'main.tf': [
      'variable "envs" {}',
      'module "outside" {',
      '  source = "../../shared"',
      '}',
      'module "per_env" {',
      '  source   = "./env"',
      '  for_each = var.envs',
      '  name     = each.key',
      '}',
      'resource "t" "r" {',
      '  v = module.outside.x',
      '  w = module.per_env["a"].name',
      '}',
    ].join('\n'),
    'env/main.tf': 'variable "name" {}\nresource "t" "e" {\n  name = var.name\n  kind = "env"\n}\noutput "name" {\n  value = var.name\n}\n',
  });
  assert.deepEqual(
    result.model.notices.map((notice) => [notice.code, lineOf(notice.file, notice.start)]),
    [['missing-file', 2]],
  );
  const e = result.model.instancesOf('module.per_env.t.e');
  assert.equal(e.length, 1);
  assert.equal(e[0]?.address, 'module.per_env.t.e');
  assert.equal(e[0]?.root.get('kind').str(), 'env');
  assert.equal(e[0]?.root.get('name').state, 'unknown');
  const r = result.model.byAddress('t.r');
  assert.equal(r?.root.get('v').state, 'unknown');
  assert.deepEqual(r?.root.get('v').references(), [{ address: 'module.outside', attribute: ['x'] }]);
  assert.equal(r?.root.get('w').state, 'unknown');
});

test('a remote call with count is reported once, and its outputs are unknown per instance', () => {
  const result = evaluateSources({
    'main.tf': 'module "r" {\n  source = "hashicorp/x/aws"\n  count  = 3\n}\nresource "t" "x" {\n  v = module.r[1].out\n}\n',
  });
  assert.deepEqual(
    result.model.notices.map((notice) => [notice.code, notice.message, notice.file.text.slice(notice.start, notice.end)]),
    [['module-not-expanded', 'module.r: module "hashicorp/x/aws" is not downloaded (no .terraform/modules/modules.json entry); its outputs are unknown', 'module "r"']],
  );
  const v = result.model.byAddress('t.x')?.root.get('v');
  assert.equal(v?.state, 'unknown');
  assert.deepEqual(v?.references(), [{ address: 'module.r', key: 1, attribute: [] }]);
});

test('JSON syntax: dynamic blocks expanded, lifecycle excluded', () => {
  const json = JSON.stringify({
    resource: {
      aws_security_group: {
        g: {
          name: 'g',
          lifecycle: { create_before_destroy: true },
          dynamic: { ingress: { for_each: '${[80, 443]}', iterator: 'port', content: { from_port: '${port.value}' } } },
        },
      },
    },
  });
  const result = evaluateSources({ 'main.tf': 'module "j" {\n  source = "./j"\n}\n' }, { extra: { 'j/main.tf.json': json } });
  const g = result.model.byAddress('module.j.aws_security_group.g');
  assert.ok(g);
  assert.deepEqual(g.doc.value, { name: 'g', ingress: [{ from_port: 80 }, { from_port: 443 }] });
  const span = g.doc.spans.get('/ingress/1');
  assert.equal(json.slice(span?.keyStart, span?.keyEnd), '"ingress"');
});
