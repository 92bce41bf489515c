import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { type Attribute, type Block, type Body, type Expression, type HclParseResult, isUnwrappedTemplate, type TemplateExpr, type TextSpan } from './ast.js';
import { parseHcl } from './parse-hcl.js';
import { jsonBlockCandidates, parseTerraformJson } from './parse-terraform-json.js';

const FIXTURES = 'src/parse/terraform/__fixtures__/json';

function parse(text: string): { file: SourceFile; result: HclParseResult; body: Body } {
  const file = new SourceFile('main.tf.json', text);
  const result = parseTerraformJson(file);
  assert.deepEqual(result.errors, []);
  assert.ok(result.body);
  return { file, result, body: result.body };
}

/** `line:column-line:column`, end exclusive. */
function at(file: SourceFile, span: TextSpan): string {
  const start = file.positionAt(span.start);
  const end = file.positionAt(span.end);
  return `${start.line}:${start.column}-${end.line}:${end.column}`;
}

function attr(body: Body, name: string): Attribute {
  const found = body.attributes.find((a) => a.name === name);
  assert.ok(found, `attribute ${name}`);
  return found;
}

function block(body: Body, type: string, ...labels: string[]): Block {
  const found = body.blocks.find((b) => b.type === type && b.labels.map((l) => l.value).join('/') === labels.join('/'));
  assert.ok(found, `block ${type} ${labels.join(' ')}`);
  return found;
}

function asTemplate(expr: Expression): TemplateExpr {
  assert.equal(expr.kind, 'template');
  return expr as TemplateExpr;
}

function errorAt(text: string): { message: string; where: string } {
  const file = new SourceFile('bad.tf.json', text);
  const result = parseTerraformJson(file);
  assert.equal(result.body, undefined);
  const error = result.errors[0];
  assert.ok(error);
  const { line, column } = file.positionAt(error.offset);
  return { message: error.message, where: `${line}:${column}` };
}

describe('parseTerraformJson: blocks and labels', () => {
  it('nests labels by block type, with spans of the keys and the body object', () => {
    const text = '{\n  "resource": {\n    "aws_s3_bucket": {\n      "b": { "bucket": "x" }\n    }\n  },\n  "module": { "m": { "source": "./m" } },\n  "terraform": { "required_version": ">= 1.5" }\n}\n';
    const { file, body } = parse(text);
    assert.equal(body.fromJson, true);
    assert.deepEqual(body.span, { start: 0, end: text.length });
    const bucket = block(body, 'resource', 'aws_s3_bucket', 'b');
    assert.equal(at(file, bucket.typeSpan), '2:3-2:13');
    assert.deepEqual(
      bucket.labels.map((l) => [l.value, at(file, l.span), l.quoted]),
      [
        ['aws_s3_bucket', '3:5-3:20', true],
        ['b', '4:7-4:10', true],
      ],
    );
    assert.equal(at(file, bucket.body.span), '4:12-4:29');
    assert.equal(at(file, bucket.openBraceSpan), '4:12-4:13');
    assert.equal(at(file, bucket.closeBraceSpan), '4:28-4:29');
    assert.equal(at(file, bucket.span), '2:3-4:29');
    assert.equal(bucket.body.fromJson, true);
    const name = attr(bucket.body, 'bucket');
    assert.equal(at(file, name.nameSpan), '4:14-4:22');
    assert.equal(at(file, name.span), '4:14-4:27');
    assert.deepEqual(block(body, 'module', 'm').labels.length, 1);
    assert.equal(block(body, 'terraform').labels.length, 0);
  });

  it('merges repeated block types and reads arrays at any label level (provider aliases)', () => {
    const { body } = parse('{"provider": {"aws": [{"region": "a"}, {"alias": "dr", "region": "b"}]}, "variable": {"x": {}}, "variable": [{"y": {}}, {"z": {}}]}');
    const providers = body.blocks.filter((b) => b.type === 'provider');
    assert.deepEqual(
      providers.map((p) => [p.labels[0]?.value, p.body.attributes.map((a) => a.name)]),
      [
        ['aws', ['region']],
        ['aws', ['alias', 'region']],
      ],
    );
    assert.deepEqual(
      body.blocks.filter((b) => b.type === 'variable').map((b) => b.labels[0]?.value),
      ['x', 'y', 'z'],
    );
  });

  it('makes meta blocks blocks and other objects attributes (jsonBlockCandidates lists them)', () => {
    const { body } = parse(
      JSON.stringify({
        resource: {
          aws_instance: {
            web: {
              ebs_block_device: [{ device_name: '/dev/sdb' }, { device_name: '/dev/sdc' }],
              tags: { Name: 'web' },
              security_groups: ['a'],
              lifecycle: { prevent_destroy: true, precondition: { condition: '${true}', error_message: 'x' } },
              provisioner: { 'local-exec': { command: 'echo hi', connection: { host: 'h' } } },
              connection: { type: 'ssh' },
              dynamic: { setting: { for_each: '${var.s}', iterator: 's', labels: ['${s.key}'], content: { value: '${s.value}', dynamic: { inner: { content: {} } } } } },
            },
          },
        },
      }),
    );
    const web = block(body, 'resource', 'aws_instance', 'web');
    assert.deepEqual(
      web.body.attributes.map((a) => a.name),
      ['ebs_block_device', 'tags', 'security_groups'],
    );
    assert.deepEqual(
      web.body.blocks.map((b) => [b.type, ...b.labels.map((l) => l.value)]),
      [['lifecycle'], ['provisioner', 'local-exec'], ['connection'], ['dynamic', 'setting']],
    );
    assert.deepEqual(
      jsonBlockCandidates(web.body).map((a) => a.name),
      ['ebs_block_device', 'tags'],
    );
    assert.deepEqual(
      block(web.body, 'lifecycle').body.blocks.map((b) => b.type),
      ['precondition'],
    );
    assert.deepEqual(
      block(web.body, 'provisioner', 'local-exec').body.blocks.map((b) => b.type),
      ['connection'],
    );
    const dynamic = block(web.body, 'dynamic', 'setting');
    assert.deepEqual(
      dynamic.body.attributes.map((a) => [a.name, a.expr.kind]),
      [
        ['for_each', 'template'],
        ['iterator', 'traversal'],
        ['labels', 'tuple'],
      ],
    );
    const content = block(dynamic.body, 'content');
    assert.deepEqual(
      content.body.blocks.map((b) => [b.type, b.labels[0]?.value]),
      [['dynamic', 'inner']],
    );
    assert.deepEqual(jsonBlockCandidates(parseHcl(new SourceFile('a.tf', 'x = {}\n')).body as Body), []);
  });

  it('ignores the "//" comment property in bodies and between labels', () => {
    const { body } = parse('{"//": "top", "resource": {"//": "note", "aws_s3_bucket": {"//": 1, "b": {"//": "why", "bucket": "x"}}}}');
    assert.deepEqual(body.attributes, []);
    const bucket = block(body, 'resource', 'aws_s3_bucket', 'b');
    assert.deepEqual(
      bucket.body.attributes.map((a) => a.name),
      ['bucket'],
    );
  });
});

describe('parseTerraformJson: strings', () => {
  it('parses templates with exact spans in a string without escapes', () => {
    const text = '{"locals": {"a": "arn:${var.p}:%{ if var.x }y%{ endif }"}}';
    const { file, body } = parse(text);
    const tpl = asTemplate(attr(block(body, 'locals').body, 'a').expr);
    assert.equal(at(file, tpl.span), '1:18-1:57');
    const [text0, interp, text1, directive] = tpl.parts;
    assert.deepEqual([text0?.kind, interp?.kind, text1?.kind, directive?.kind], ['text', 'interpolation', 'text', 'if']);
    assert.equal(text0?.kind === 'text' && text0.value, 'arn:');
    assert.equal(at(file, (text0 as { span: TextSpan }).span), '1:19-1:23');
    assert.equal(at(file, (interp as { span: TextSpan }).span), '1:23-1:31');
    assert.ok(interp?.kind === 'interpolation');
    assert.equal(interp.expr.kind, 'traversal');
    assert.equal(text.slice(interp.expr.span.start, interp.expr.span.end), 'var.p');
    assert.ok(directive?.kind === 'if');
    assert.equal(text.slice(directive.span.start, directive.span.end), '%{ if var.x }y%{ endif }');
    assert.equal(text.slice(directive.condition.span.start, directive.condition.span.end), 'var.x');
  });

  it('maps spans through JSON escapes: nodes after an escape land on their source', () => {
    const text = '{"locals": {"a": "x\\n\\"q\\u00e9\\"${var.b}\\t${upper(\\"s\\")}"}}';
    const { file, body } = parse(text);
    const tpl = asTemplate(attr(block(body, 'locals').body, 'a').expr);
    assert.equal(at(file, tpl.span), `1:18-1:${text.length - 1}`);
    assert.deepEqual(
      tpl.parts.map((p) => p.kind),
      ['text', 'interpolation', 'text', 'interpolation'],
    );
    const [first, b, tab, call] = tpl.parts;
    assert.ok(first?.kind === 'text' && b?.kind === 'interpolation' && tab?.kind === 'text' && call?.kind === 'interpolation');
    assert.equal(first.value, 'x\n"qé"');
    assert.equal(text.slice(first.span.start, first.span.end), 'x\\n\\"q\\u00e9\\"');
    assert.equal(text.slice(b.span.start, b.span.end), '${var.b}');
    assert.equal(text.slice(b.expr.span.start, b.expr.span.end), 'var.b');
    assert.equal(tab.value, '\t');
    assert.equal(text.slice(call.span.start, call.span.end), '${upper(\\"s\\")}');
    assert.ok(call.expr.kind === 'functionCall');
    const arg = call.expr.args[0];
    assert.ok(arg?.kind === 'template');
    assert.equal(text.slice(arg.span.start, arg.span.end), '\\"s\\"');
    assert.equal(at(file, call.expr.nameSpan), '1:45-1:50');
  });

  it('keeps escapes of template sequences and an empty string has no parts', () => {
    const { body } = parse('{"locals": {"a": "$${not} %%{x}", "e": "", "t": "a ${b ~}\\n c", "u": "a \\n ${~ b}"}}');
    const locals = block(body, 'locals').body;
    const a = asTemplate(attr(locals, 'a').expr);
    assert.deepEqual(
      a.parts.map((p) => (p.kind === 'text' ? p.value : p.kind)),
      ['${not} %{x}'],
    );
    assert.deepEqual(asTemplate(attr(locals, 'e').expr).parts, []);
    const t = asTemplate(attr(locals, 't').expr);
    assert.deepEqual(
      t.parts.map((p) => (p.kind === 'text' ? p.value : p.kind)),
      ['a ', 'interpolation', 'c'],
    );
    const u = asTemplate(attr(locals, 'u').expr);
    assert.deepEqual(
      u.parts.map((p) => (p.kind === 'text' ? p.value : p.kind)),
      ['a', 'interpolation'],
    );
  });

  it('reads expression-valued properties as HCL expressions, not templates', () => {
    const text = JSON.stringify({
      variable: { t: { type: 'list(object({ a = string }))', default: '${literal}' } },
      resource: { a_b: { c: { depends_on: ['aws_s3_bucket.b', 'module.m'], provider: 'aws.dr', count: '${var.n}', lifecycle: { ignore_changes: ['tags["x"]'] } } } },
      module: { m: { source: './m', providers: { aws: 'aws.dr' } } },
      moved: { from: 'aws_s3_bucket.a', to: 'aws_s3_bucket.b["k"]' },
    });
    const { body } = parse(text);
    const variable = block(body, 'variable', 't').body;
    const type = attr(variable, 'type').expr;
    assert.ok(type.kind === 'functionCall');
    assert.equal(type.name, 'list');
    assert.equal(text.slice(type.span.start, type.span.end), 'list(object({ a = string }))');
    const fallback = asTemplate(attr(variable, 'default').expr);
    assert.deepEqual(
      fallback.parts.map((p) => p.kind === 'text' && p.value),
      ['${literal}'],
    );
    const resource = block(body, 'resource', 'a_b', 'c').body;
    const dependsOn = attr(resource, 'depends_on').expr;
    assert.ok(dependsOn.kind === 'tuple');
    assert.deepEqual(
      dependsOn.elements.map((e) => (e.kind === 'traversal' ? [e.root, text.slice(e.span.start, e.span.end)] : e.kind)),
      [
        ['aws_s3_bucket', 'aws_s3_bucket.b'],
        ['module', 'module.m'],
      ],
    );
    assert.equal(attr(resource, 'provider').expr.kind, 'traversal');
    assert.ok(isUnwrappedTemplate(asTemplate(attr(resource, 'count').expr)));
    const ignore = attr(block(resource, 'lifecycle').body, 'ignore_changes').expr;
    assert.ok(ignore.kind === 'tuple' && ignore.elements[0]?.kind === 'traversal');
    const providers = attr(block(body, 'module', 'm').body, 'providers').expr;
    assert.ok(providers.kind === 'object');
    assert.equal(providers.items[0]?.nameKey, 'aws');
    assert.equal(providers.items[0]?.value.kind, 'traversal');
    assert.equal(attr(block(body, 'moved').body, 'to').expr.kind, 'traversal');
  });

  it('turns numbers, booleans and null into literals and JSON objects into object expressions', () => {
    const text = '{"locals": {"n": -1.5e3, "t": true, "z": null, "m": {"k": [1, "${x}"]}}}';
    const { file, body } = parse(text);
    const locals = block(body, 'locals').body;
    const n = attr(locals, 'n').expr;
    assert.deepEqual(n, { kind: 'literal', value: -1500, raw: '-1.5e3', span: { start: 17, end: 23 } });
    assert.equal(attr(locals, 't').expr.kind === 'literal' && (attr(locals, 't').expr as { value: unknown }).value, true);
    assert.equal((attr(locals, 'z').expr as { value: unknown }).value, null);
    const m = attr(locals, 'm').expr;
    assert.ok(m.kind === 'object');
    const item = m.items[0];
    assert.ok(item);
    assert.equal(item.nameKey, undefined);
    assert.ok(item.key.kind === 'template');
    assert.equal(at(file, item.span), '1:54-1:70');
    assert.ok(item.value.kind === 'tuple');
    assert.equal(item.value.elements[1]?.kind, 'template');
  });
});

describe('parseTerraformJson: errors', () => {
  const cases: ReadonlyArray<readonly [string, string, RegExp, string]> = [
    ['trailing comma', '{"a": 1,}', /property name/, '1:9'],
    ['single quotes', "{'a': 1}", /property name/, '1:2'],
    ['comment', '{\n  // x\n}', /property name/, '2:3'],
    ['unterminated string', '{"a": "x', /Unterminated string/, '1:7'],
    ['raw control character', '{"a": "x\ty"}', /control characters/, '1:9'],
    ['bad escape', '{"a": "\\x"}', /escape/, '1:8'],
    ['leading zero', '{"locals": {"a": 01}}', /comma/, '1:19'],
    ['trailing data', '{} {}', /Extraneous/, '1:4'],
    ['empty file', '  ', /Empty/, '1:3'],
    ['root array', '[]', /root/, '1:1'],
    ['bad template', '{"locals": {"a": "x\\n${var.}"}}', /Invalid attribute name|expected/, '1:28'],
    ['bad expression', '{"variable": {"v": {"type": "list(string"}}}', /Unbalanced parentheses/, '1:41'],
    ['expression breaking out', '{"resource": {"a": {"b": {"depends_on": ["a) + (b"]}}}}', /exactly one/, '1:43'],
    ['duplicate attribute', '{"locals": {"a": 1, "a": 2}}', /Duplicate argument.*1:13/, '1:21'],
    ['label level not an object', '{"resource": {"aws_s3_bucket": "x"}}', /labels/, '1:32'],
  ];
  for (const [name, text, message, where] of cases) {
    it(name, () => {
      const error = errorAt(text);
      assert.match(error.message, message);
      assert.equal(error.where, where);
    });
  }
});

// The same configuration in native and JSON syntax: the trees agree once spans, quoting and the
// unwrapped-template form (`"${x}"` for `x`) are set aside.
function shape(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(shape);
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  if (record.kind === 'template') {
    const tpl = node as TemplateExpr;
    if (isUnwrappedTemplate(tpl)) return shape(tpl.parts[0].expr);
    if (tpl.parts.every((p) => p.kind === 'text')) return tpl.parts.map((p) => (p.kind === 'text' ? p.value : '')).join('');
  }
  if (record.kind === 'object') {
    return Object.fromEntries(
      (record.items as ReadonlyArray<Record<string, unknown>>).map((item) => {
        const key = item.nameKey ?? shape(item.key);
        return [String(key), shape(item.value)];
      }),
    );
  }
  if (record.kind === 'literal') return record.value;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'span' || key.endsWith('Span') || key === 'fromJson' || key === 'quoted' || key === 'raw') continue;
    out[key] = shape(value);
  }
  return out;
}

describe('parseTerraformJson: agrees with native syntax', () => {
  const pairs: ReadonlyArray<readonly [string, string, unknown]> = [
    [
      'resource with meta blocks',
      'resource "aws_s3_bucket" "b" {\n  bucket = "logs-${var.env}"\n  count = var.n\n  depends_on = [aws_iam_role.r]\n  tags = { team = "ml", "cost-center" = 42 }\n  lifecycle {\n    ignore_changes = [tags]\n  }\n}\n',
      { resource: { aws_s3_bucket: { b: { bucket: 'logs-${var.env}', count: '${var.n}', depends_on: ['aws_iam_role.r'], tags: { team: 'ml', 'cost-center': 42 }, lifecycle: { ignore_changes: ['tags'] } } } } },
    ],
    [
      'variables, outputs, locals',
      'variable "t" {\n  type = map(string)\n  default = { a = "b" }\n}\noutput "o" {\n  value = upper(var.t["a"])\n  sensitive = true\n}\nlocals {\n  l = [1, 2.5, null, false]\n}\n',
      { variable: { t: { type: 'map(string)', default: { a: 'b' } } }, output: { o: { value: '${upper(var.t["a"])}', sensitive: true } }, locals: { l: [1, 2.5, null, false] } },
    ],
    [
      'provider aliases and dynamic',
      'provider "aws" {\n  region = "a"\n}\nprovider "aws" {\n  alias = "dr"\n  region = "b"\n}\nresource "x" "y" {\n  dynamic "d" {\n    for_each = var.m\n    content {\n      k = d.value\n    }\n  }\n}\n',
      { provider: { aws: [{ region: 'a' }, { alias: 'dr', region: 'b' }] }, resource: { x: { y: { dynamic: { d: { for_each: '${var.m}', content: { k: '${d.value}' } } } } } } },
    ],
    [
      'module and terraform',
      'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n  }\n}\nmodule "m" {\n  source = "./m"\n  n = 1 + 2\n}\n',
      { terraform: { required_providers: { aws: { source: 'hashicorp/aws' } } }, module: { m: { source: './m', n: '${1 + 2}' } } },
    ],
  ];
  for (const [name, hcl, json] of pairs) {
    it(name, () => {
      const native = parseHcl(new SourceFile('main.tf', hcl));
      assert.deepEqual(native.errors, []);
      const { body } = parse(JSON.stringify(json, null, 2));
      assert.deepEqual(shape(body), shape(native.body));
    });
  }
});

describe('parseTerraformJson: fixtures', () => {
  it('SageMaker endpoint', () => {
    const path = `${FIXTURES}/sagemaker-endpoint.tf.json`;
    const file = new SourceFile(path, readFileSync(path, 'utf8'));
    const result = parseTerraformJson(file);
    assert.deepEqual(result.errors, []);
    const body = result.body as Body;
    assert.deepEqual(
      body.blocks.map((b) => [b.type, ...b.labels.map((l) => l.value)].join(' ')),
      [
        'terraform',
        'provider aws',
        'provider aws',
        'variable region',
        'variable instance_count',
        'variable kms_key_arn',
        'resource aws_sagemaker_model fraud',
        'resource aws_sagemaker_endpoint_configuration fraud',
        'resource aws_sagemaker_endpoint fraud',
        'output endpoint_name',
      ],
    );
    const config = block(body, 'resource', 'aws_sagemaker_endpoint_configuration', 'fraud');
    const kms = attr(config.body, 'kms_key_arn');
    assert.equal(at(file, kms.span), '35:9-35:44');
    const capture = attr(config.body, 'data_capture_config').expr;
    assert.ok(capture.kind === 'object');
    assert.deepEqual(
      jsonBlockCandidates(config.body).map((a) => a.name),
      ['production_variants', 'data_capture_config'],
    );
    assert.deepEqual(
      config.body.blocks.map((b) => b.type),
      ['lifecycle'],
    );
    const isolation = attr(block(body, 'resource', 'aws_sagemaker_model', 'fraud').body, 'enable_network_isolation');
    assert.equal(at(file, isolation.expr.span), '29:37-29:42');
  });

  it('S3 bucket with a jsonencode policy', () => {
    const path = `${FIXTURES}/s3-bucket-policy.tf.json`;
    const file = new SourceFile(path, readFileSync(path, 'utf8'));
    const result = parseTerraformJson(file);
    assert.deepEqual(result.errors, []);
    const body = result.body as Body;
    const policy = asTemplate(attr(block(body, 'resource', 'aws_s3_bucket_policy', 'models').body, 'policy').expr);
    assert.ok(isUnwrappedTemplate(policy));
    const call = policy.parts[0].expr;
    assert.ok(call.kind === 'functionCall' && call.name === 'jsonencode');
    assert.equal(at(file, call.nameSpan), '21:22-21:32');
    const doc = call.args[0];
    assert.ok(doc?.kind === 'object');
    assert.deepEqual(
      doc.items.map((i) => i.nameKey),
      ['Version', 'Statement'],
    );
    const statement = doc.items[1]?.value;
    assert.ok(statement?.kind === 'tuple' && statement.elements[0]?.kind === 'object');
    const resource = statement.elements[0].items.find((i) => i.nameKey === 'Resource');
    assert.ok(resource?.value.kind === 'template');
    const arn = resource.value.parts[0];
    assert.ok(arn?.kind === 'interpolation');
    assert.equal(file.text.slice(arn.expr.span.start, arn.expr.span.end), 'aws_s3_bucket.models.arn');
    assert.equal(file.text.slice(resource.value.span.start, resource.value.span.end), '\\"${aws_s3_bucket.models.arn}/*\\"');
    const encryption = block(body, 'resource', 'aws_s3_bucket_server_side_encryption_configuration', 'models');
    assert.deepEqual(
      encryption.body.blocks.map((b) => [b.type, b.labels[0]?.value]),
      [['dynamic', 'extra_rule']],
    );
    const type = attr(block(body, 'variable', 'extra_rules').body, 'type').expr;
    assert.ok(type.kind === 'functionCall' && type.name === 'list');
  });
});
