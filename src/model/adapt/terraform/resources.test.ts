import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DATA_SOURCE_RENDERERS } from './data-sources.js';
import { str } from './eval-value.js';
import { evaluateSources, lineOf, sourceFiles } from './test-helpers.js';

test('lowering: attributes, nested blocks, meta-arguments excluded, spans of names and blocks', () => {
  const text = [
    'resource "aws_sagemaker_endpoint_configuration" "c" {', // 1
    '  name = "cfg"', // 2
    '  count = 1', // 3
    '  depends_on = []', // 4
    '  production_variants {', // 5
    '    variant_name = "a"', // 6
    '    instance_type = "ml.g5.xlarge"', // 7
    '  }', // 8
    '  production_variants {', // 9
    '    variant_name = "b"', // 10
    '  }', // 11
    '  lifecycle {', // 12
    '    prevent_destroy = true', // 13
    '  }', // 14
    '}', // 15
  ].join('\n');
  const result = evaluateSources({ 'main.tf': text });
  const resource = result.model.byAddress('aws_sagemaker_endpoint_configuration.c[0]');
  assert.ok(resource);
  assert.equal(resource.type, 'tf:aws_sagemaker_endpoint_configuration');
  assert.equal(resource.configAddress, 'aws_sagemaker_endpoint_configuration.c');
  assert.equal(resource.key, 0);
  assert.deepEqual(resource.doc.value, {
    name: 'cfg',
    production_variants: [{ variant_name: 'a', instance_type: 'ml.g5.xlarge' }, { variant_name: 'b' }],
  });
  const file = resource.file;
  const nameSpan = resource.doc.spans.get('/name');
  assert.ok(nameSpan);
  assert.equal(file.text.slice(nameSpan.start, nameSpan.end), '"cfg"');
  assert.equal(file.text.slice(nameSpan.keyStart, nameSpan.keyEnd), 'name');
  const second = resource.doc.spans.get('/production_variants/1');
  assert.ok(second);
  assert.equal(lineOf(file, second.start), 9);
  assert.equal(file.text.slice(second.keyStart, second.keyEnd), 'production_variants');
  assert.equal(lineOf(file, resource.doc.spans.get('/production_variants/0/instance_type')?.start), 7);
  assert.equal(lineOf(file, resource.doc.start), 1);
  assert.equal(lineOf(file, resource.doc.end), 15);
  assert.equal(resource.root.get('production_variants', 0, 'instance_type').str(), 'ml.g5.xlarge');
});

test('lowering: values inside an attribute keep their own spans and key spans', () => {
  const text = 'locals {\n  shared = "s"\n}\nresource "t" "r" {\n  tags = {\n    Name = "n"\n    "Team" = local.shared\n  }\n  list = [1, local.shared]\n}\n';
  const r = evaluateSources({ 'main.tf': text }).model.byAddress('t.r');
  assert.ok(r);
  const slice = (pointer: string, which: 'value' | 'key'): string => {
    const span = r.doc.spans.get(pointer);
    assert.ok(span, pointer);
    return which === 'value' ? text.slice(span.start, span.end) : text.slice(span.keyStart, span.keyEnd);
  };
  assert.equal(slice('/tags/Name', 'value'), '"n"');
  assert.equal(slice('/tags/Name', 'key'), 'Name');
  // A value set elsewhere is located at the expression that brought it here.
  assert.equal(slice('/tags/Team', 'value'), 'local.shared');
  assert.equal(slice('/tags/Team', 'key'), '"Team"');
  assert.equal(slice('/list/0', 'value'), '1');
  assert.equal(slice('/list/1', 'value'), 'local.shared');
  assert.equal(r.root.get('tags', 'Team').setBy()[0]?.description, 'local.shared');
});

test('count and for_each expand with keys; zero and empty make no instance', () => {
  const result = evaluateSources({
    'main.tf': [
      'resource "aws_s3_bucket" "c" {',
      '  count  = 2',
      '  bucket = "b-${count.index}"',
      '}',
      'resource "aws_s3_bucket" "e" {',
      '  for_each = { logs = "L", data = "D" }',
      '  bucket   = "${each.key}-${each.value}"',
      '}',
      'resource "aws_s3_bucket" "s" {',
      '  for_each = toset(["x"])',
      '  bucket   = each.value',
      '}',
      'resource "aws_s3_bucket" "none" {',
      '  count = 0',
      '}',
      'resource "aws_s3_bucket" "empty" {',
      '  for_each = {}',
      '}',
      'resource "t" "r" {',
      '  first = aws_s3_bucket.c[1].bucket',
      '  all   = aws_s3_bucket.c[*].bucket',
      '  logs  = aws_s3_bucket.e["logs"].bucket',
      '}',
    ].join('\n'),
  });
  assert.deepEqual(
    result.model.resources.map((resource) => resource.address),
    ['aws_s3_bucket.c[0]', 'aws_s3_bucket.c[1]', 'aws_s3_bucket.e["data"]', 'aws_s3_bucket.e["logs"]', 'aws_s3_bucket.s["x"]', 't.r'],
  );
  assert.equal(result.model.byAddress('aws_s3_bucket.e["logs"]')?.key, 'logs');
  assert.deepEqual(result.model.byAddress('aws_s3_bucket.e["data"]')?.doc.value, { bucket: 'data-D' });
  assert.equal(result.model.instancesOf('aws_s3_bucket.c').length, 2);
  const r = result.model.byAddress('t.r');
  assert.deepEqual(r?.doc.value, { first: 'b-1', all: ['b-0', 'b-1'], logs: 'logs-L' });
  assert.deepEqual(r?.doc.terraform?.references.get('/logs'), [{ address: 'aws_s3_bucket.e', key: 'logs', attribute: ['bucket'] }]);
});

test('unknown count / for_each: one instance without key, count.index / each.* unknown', () => {
  const result = evaluateSources({
    'main.tf': [
      'variable "n" {}',
      'resource "aws_s3_bucket" "b" {',
      '  count  = var.n',
      '  bucket = "b-${count.index}"',
      '  acl    = "private"',
      '}',
      'resource "t" "r" {',
      '  v = aws_s3_bucket.b[0].acl',
      '}',
    ].join('\n'),
  });
  const instances = result.model.instancesOf('aws_s3_bucket.b');
  assert.equal(instances.length, 1);
  const [instance] = instances;
  assert.ok(instance);
  assert.equal(instance.key, undefined);
  assert.equal(instance.address, 'aws_s3_bucket.b');
  assert.equal(instance.root.get('acl').str(), 'private');
  assert.equal(instance.root.get('bucket').state, 'unknown');
  assert.equal(result.model.byAddress('t.r')?.root.get('v').state, 'unknown');
});

test('resource references: known value, computed attribute, whole object, data sources', () => {
  const result = evaluateSources({
    'main.tf': [
      'resource "aws_kms_key" "k" {',
      '  description = "key"',
      '}',
      'data "aws_caller_identity" "me" {}',
      'resource "aws_s3_bucket_server_side_encryption_configuration" "e" {',
      '  rule {',
      '    apply_server_side_encryption_by_default {',
      '      kms_master_key_id = aws_kms_key.k.arn',
      '    }',
      '  }',
      '  desc    = aws_kms_key.k.description',
      '  account = data.aws_caller_identity.me.account_id',
      '  whole   = aws_kms_key.k',
      '}',
    ].join('\n'),
  });
  const e = result.model.byAddress('aws_s3_bucket_server_side_encryption_configuration.e');
  assert.ok(e);
  const pointer = '/rule/0/apply_server_side_encryption_by_default/0/kms_master_key_id';
  assert.equal(e.doc.terraform?.unknown.has(pointer), true);
  assert.deepEqual(e.doc.terraform?.references.get(pointer), [{ address: 'aws_kms_key.k', attribute: ['arn'] }]);
  assert.deepEqual(e.root.get('rule', 0, 'apply_server_side_encryption_by_default', 0, 'kms_master_key_id').references(), [{ address: 'aws_kms_key.k', attribute: ['arn'] }]);
  assert.equal(lineOf(e.file, e.doc.spans.get(pointer)?.start), 8);
  assert.equal(e.root.get('desc').str(), 'key');
  assert.deepEqual(e.doc.terraform?.references.get('/account'), [{ address: 'data.aws_caller_identity.me', attribute: ['account_id'] }]);
  assert.deepEqual((e.doc.value as { whole: unknown }).whole, { description: 'key' });
  assert.equal(result.model.byType('tf:data.aws_caller_identity').length, 1);
});

test('dynamic blocks: expanded with iterator, nested, unknown for_each', () => {
  const result = evaluateSources({
    'main.tf': [
      'variable "rules" {}',
      'locals {',
      '  ports = { http = 80, https = 443 }',
      '}',
      'resource "aws_security_group" "g" {',
      '  ingress {',
      '    from_port = 22',
      '  }',
      '  dynamic "ingress" {',
      '    for_each = local.ports',
      '    iterator = p',
      '    content {',
      '      from_port   = p.value',
      '      description = p.key',
      '      dynamic "cidr" {',
      '        for_each = ["10.0.0.0/8"]',
      '        content {',
      '          block = cidr.value',
      '        }',
      '      }',
      '    }',
      '  }',
      '  dynamic "egress" {',
      '    for_each = var.rules',
      '    content {',
      '      to_port  = egress.value',
      '      protocol = "tcp"',
      '    }',
      '  }',
      '}',
    ].join('\n'),
  });
  const g = result.model.byAddress('aws_security_group.g');
  assert.ok(g);
  assert.deepEqual(g.doc.value, {
    ingress: [
      { from_port: 22 },
      { from_port: 80, description: 'http', cidr: [{ block: '10.0.0.0/8' }] },
      { from_port: 443, description: 'https', cidr: [{ block: '10.0.0.0/8' }] },
    ],
    egress: [{ to_port: null, protocol: 'tcp' }],
  });
  assert.equal(g.doc.terraform?.unknown.has('/egress/0/to_port'), true);
  assert.equal(lineOf(g.file, g.doc.spans.get('/ingress/2/cidr/0/block')?.start), 18);
  assert.equal(lineOf(g.file, g.doc.spans.get('/ingress/1')?.start), 9);
});

test('variables: tfvars precedence, --var-file, --var, setBy with the tfvars line', () => {
  const sources = {
    'main.tf': [
      'variable "a" {',
      '  default = "default"',
      '}',
      'variable "b" {',
      '  default = "default"',
      '}',
      'variable "c" {}',
      'variable "d" {',
      '  type = bool',
      '}',
      'variable "e" {}',
      'resource "t" "r" {',
      '  a = var.a',
      '  b = var.b',
      '  c = var.c',
      '  d = var.d',
      '  e = var.e',
      '}',
    ].join('\n'),
    'terraform.tfvars': 'b = "tfvars"\nc = "tfvars"\nd = "true"\n',
    'x.auto.tfvars': '\n\nc = "auto"\n',
  };
  const { model } = evaluateSources(sources, {
    varFiles: sourceFiles({ 'prod.tfvars': '# prod\nc = "var-file"\n' }),
    vars: [{ name: 'e', value: 'cli' }],
  });
  const r = model.byAddress('t.r');
  assert.ok(r);
  assert.deepEqual(r.doc.value, { a: 'default', b: 'tfvars', c: 'var-file', d: true, e: 'cli' });
  const setByB = r.root.get('b').setBy();
  assert.equal(setByB.length, 1);
  assert.equal(setByB[0]?.file?.path, 'terraform.tfvars');
  assert.equal(lineOf(setByB[0]?.file ?? r.file, setByB[0]?.start), 1);
  assert.equal(setByB[0]?.description, 'terraform.tfvars:1');
  const setByC = r.root.get('c').setBy();
  assert.equal(setByC[0]?.description, 'prod.tfvars:2');
  assert.equal(r.root.get('a').setBy()[0]?.description, 'variable "a" default');
  assert.equal(r.root.get('e').setBy()[0]?.description, '--var e');
  // The finding is still located at the resource's attribute.
  assert.equal(lineOf(r.file, r.doc.spans.get('/b')?.start), 14);
});

test('variables: no value is unknown; optional() defaults in object types', () => {
  const { model } = evaluateSources({
    'main.tf': [
      'variable "none" {}',
      'variable "cfg" {',
      '  type = object({',
      '    name    = string',
      '    public  = optional(bool, false)',
      '    tags    = optional(map(string), {})',
      '    port    = optional(number)',
      '  })',
      '  default = { name = "n", port = "8080" }',
      '}',
      'resource "t" "r" {',
      '  none = var.none',
      '  cfg  = var.cfg',
      '}',
    ].join('\n'),
  });
  const r = model.byAddress('t.r');
  assert.ok(r);
  assert.equal(r.root.get('none').state, 'unknown');
  assert.deepEqual((r.doc.value as { cfg: unknown }).cfg, { name: 'n', public: false, tags: {}, port: 8080 });
});

test('data source renderers make computed attributes known', () => {
  DATA_SOURCE_RENDERERS.set('test_document', (body) => new Map([['json', str(body.kind === 'object' ? [...body.entries.keys()].join(',') : '')]]));
  try {
    const { model } = evaluateSources({
      'main.tf': 'data "test_document" "d" {\n  a = 1\n  b = 2\n}\nresource "t" "r" {\n  v = data.test_document.d.json\n  w = data.test_document.d.other\n}\n',
    });
    const r = model.byAddress('t.r');
    assert.equal(r?.root.get('v').str(), 'a,b');
    assert.deepEqual(r?.root.get('v').references(), [{ address: 'data.test_document.d', attribute: ['json'] }]);
    assert.equal(r?.root.get('w').state, 'unknown');
  } finally {
    DATA_SOURCE_RENDERERS.delete('test_document');
  }
});

test('computed attributes of nested blocks, resource. and ephemeral. references', () => {
  const { model } = evaluateSources({
    'main.tf': [
      'resource "azurerm_disk_encryption_set" "s" {',
      '  identity {',
      '    type = "SystemAssigned"',
      '  }',
      '}',
      'resource "t" "r" {',
      '  tenant = azurerm_disk_encryption_set.s.identity.0.tenant_id',
      '  kind   = azurerm_disk_encryption_set.s.identity[0].type',
      '  again  = resource.azurerm_disk_encryption_set.s.identity[0].type',
      '  secret = ephemeral.random_password.p.result',
      '  first_subnet = element(tolist(azurerm_disk_encryption_set.s.identity), 0).principal_id',
      '}',
    ].join('\n'),
  });
  const r = model.byAddress('t.r');
  assert.ok(r);
  assert.equal(r.root.get('tenant').state, 'unknown');
  assert.deepEqual(r.root.get('tenant').references(), [{ address: 'azurerm_disk_encryption_set.s', attribute: ['identity', 0, 'tenant_id'] }]);
  assert.equal(r.doc.terraform?.unknownReasons?.get('/tenant'), 'computed azurerm_disk_encryption_set.s.identity.0.tenant_id');
  assert.equal(r.root.get('kind').str(), 'SystemAssigned');
  assert.deepEqual(r.root.get('kind').references(), [{ address: 'azurerm_disk_encryption_set.s', attribute: ['identity'] }]);
  assert.equal(r.root.get('again').str(), 'SystemAssigned');
  assert.equal(r.root.get('first_subnet').state, 'unknown');
  assert.deepEqual(r.root.get('first_subnet').references(), [{ address: 'azurerm_disk_encryption_set.s', attribute: ['identity'] }]);
  assert.equal(r.root.get('secret').state, 'unknown');
  assert.deepEqual(r.root.get('secret').references(), [{ address: 'ephemeral.random_password.p', attribute: [] }]);
});

test('variables: conversions inside list and map types keep the tfvars line', () => {
  const { model } = evaluateSources({
    'main.tf': [
      'variable "rules" {',
      '  type = list(object({ port = number, open = optional(bool, false) }))',
      '}',
      'variable "labels" {',
      '  type = map(string)',
      '}',
      'resource "t" "r" {',
      '  rules  = var.rules',
      '  labels = var.labels',
      '}',
    ].join('\n'),
    'terraform.tfvars': 'labels = { replicas = 3 }\nrules = [\n  { port = "80" },\n  { port = 443, open = true },\n]\n',
  });
  const r = model.byAddress('t.r');
  assert.ok(r);
  assert.deepEqual(r.doc.value, { rules: [{ port: 80, open: false }, { port: 443, open: true }], labels: { replicas: '3' } });
  assert.equal(r.root.get('rules', 1, 'open').setBy()[0]?.description, 'terraform.tfvars:2');
  assert.equal(r.root.get('labels', 'replicas').setBy()[0]?.description, 'terraform.tfvars:1');
});
