import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { discoverFiles } from '../../discover/discover.js';
import type { PlainValue } from '../../parse/kubernetes/types.js';
import { scanFiles } from '../../pipeline/scan.js';
import { RULES } from '../../rules/index.js';
import { SourceFile } from '../../source/source-file.js';
import type { TfResource } from '../terraform.js';
import { adaptTerraformPlan, parseAddress } from './terraform-plan.js';
import { evaluateSources } from './terraform/test-helpers.js';

const FIXTURES = 'src/model/adapt/__fixtures__/terraform-plan';
const PLAN = `${FIXTURES}/plan.json`;
const planFile = new SourceFile(PLAN, readFileSync(PLAN, 'utf8'));
const planned = adaptTerraformPlan(planFile).resources;

function resource(address: string): TfResource {
  const found = planned.find((candidate) => candidate.address === address);
  assert.ok(found, `${address} is in the plan`);
  return found;
}

function lineOf(resource: TfResource, pointer: string): number {
  const span = resource.doc.spans.get(pointer);
  assert.ok(span, `${resource.address} ${pointer} has a span`);
  return planFile.positionAt(span.keyStart ?? span.start).line;
}

function leaves(value: PlainValue, pointer: string, out: [string, PlainValue][] = []): [string, PlainValue][] {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leaves(child, `${pointer}/${key}`, out);
  } else out.push([pointer, value]);
  return out;
}

function valueAt(value: PlainValue, pointer: string): PlainValue | undefined {
  let current: PlainValue | undefined = value;
  for (const segment of pointer.split('/').slice(1)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[Number(segment)] : current[segment];
  }
  return current;
}

describe('terraform show -json → resources', () => {
  test('every instance that will exist, with the addresses, keys and module paths Terraform gives', () => {
    assert.deepEqual(
      planned.map((r) => [r.address, r.configAddress, r.key, r.modulePath.join('.'), r.type, r.source]),
      [
        ['data.aws_iam_policy_document.read_models', 'data.aws_iam_policy_document.read_models', undefined, '', 'tf:data.aws_iam_policy_document', 'plan'],
        ['aws_iam_role.serving', 'aws_iam_role.serving', undefined, '', 'tf:aws_iam_role', 'plan'],
        ['aws_iam_role_policy.read_models', 'aws_iam_role_policy.read_models', undefined, '', 'tf:aws_iam_role_policy', 'plan'],
        ['aws_kms_key.models', 'aws_kms_key.models', undefined, '', 'tf:aws_kms_key', 'plan'],
        ['aws_s3_bucket.models', 'aws_s3_bucket.models', undefined, '', 'tf:aws_s3_bucket', 'plan'],
        ['aws_s3_bucket_server_side_encryption_configuration.models', 'aws_s3_bucket_server_side_encryption_configuration.models', undefined, '', 'tf:aws_s3_bucket_server_side_encryption_configuration', 'plan'],
        ['aws_sagemaker_endpoint.a', 'aws_sagemaker_endpoint.a', undefined, '', 'tf:aws_sagemaker_endpoint', 'plan'],
        ['aws_sagemaker_endpoint_configuration.direct', 'aws_sagemaker_endpoint_configuration.direct', undefined, '', 'tf:aws_sagemaker_endpoint_configuration', 'plan'],
        ['aws_sagemaker_model.m[0]', 'aws_sagemaker_model.m', 0, '', 'tf:aws_sagemaker_model', 'plan'],
        ['aws_sagemaker_model.m[1]', 'aws_sagemaker_model.m', 1, '', 'tf:aws_sagemaker_model', 'plan'],
        ['module.serving["a"].aws_sagemaker_endpoint_configuration.this', 'module.serving.aws_sagemaker_endpoint_configuration.this', undefined, 'serving', 'tf:aws_sagemaker_endpoint_configuration', 'plan'],
        ['module.serving["b"].aws_sagemaker_endpoint_configuration.this', 'module.serving.aws_sagemaker_endpoint_configuration.this', undefined, 'serving', 'tf:aws_sagemaker_endpoint_configuration', 'plan'],
        // Read while planning: only in prior_state.
        ['module.serving["a"].data.aws_iam_policy_document.static', 'module.serving.data.aws_iam_policy_document.static', undefined, 'serving', 'tf:data.aws_iam_policy_document', 'plan'],
        ['module.serving["b"].data.aws_iam_policy_document.static', 'module.serving.data.aws_iam_policy_document.static', undefined, 'serving', 'tf:data.aws_iam_policy_document', 'plan'],
      ],
    );
  });

  test('the count-0 resource (var.public is true) is not planned', () => {
    assert.equal(planned.filter((r) => r.resourceType === 'aws_s3_bucket_public_access_block').length, 0);
  });

  test('after_unknown values are unknown, with the references the configuration gives them', () => {
    const sse = resource('aws_s3_bucket_server_side_encryption_configuration.models');
    const byDefault = sse.root.get('rule', 0, 'apply_server_side_encryption_by_default', 0);
    assert.equal(byDefault.get('sse_algorithm').value, 'aws:kms');
    const key = byDefault.get('kms_master_key_id');
    assert.equal(key.state, 'unknown');
    assert.deepEqual(key.references(), [{ address: 'aws_kms_key.models', attribute: ['arn'] }]);
    assert.equal(sse.doc.terraform?.unknownReasons?.get('/rule/0/apply_server_side_encryption_by_default/0/kms_master_key_id'), 'aws_s3_bucket_server_side_encryption_configuration.models.rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id is known only after apply');
    // Located at its `true` in after_unknown: `after` does not hold it.
    assert.match(planFile.text.split('\n')[lineOf(sse, '/rule/0/apply_server_side_encryption_by_default/0/kms_master_key_id') - 1] ?? '', /"kms_master_key_id": true/);
    assert.equal(sse.root.get('bucket').state, 'unknown');
    assert.deepEqual(sse.root.get('bucket').references(), [{ address: 'aws_s3_bucket.models', attribute: ['id'] }]);
  });

  test('an unknown list element keeps its index; the known ones stay known', () => {
    const document = resource('data.aws_iam_policy_document.read_models');
    assert.equal(document.root.get('statement', 0, 'resources', 0).state, 'unknown');
    assert.deepEqual(document.root.get('statement', 1, 'resources').value, ['*']);
    assert.equal(document.root.get('json').state, 'unknown');
  });

  test('var.x inside a module follows the call to the caller’s argument', () => {
    for (const key of ['a', 'b']) {
      const config = resource(`module.serving["${key}"].aws_sagemaker_endpoint_configuration.this`);
      assert.deepEqual(config.root.get('kms_key_arn').references(), [{ address: 'aws_kms_key.models', attribute: ['arn'] }]);
      assert.equal(config.root.get('name').value, `serving-${key}`);
    }
  });

  test('a module output names the call and what the output is made of', () => {
    assert.deepEqual(resource('aws_sagemaker_endpoint.a').root.get('endpoint_config_name').references(), [
      { address: 'module.serving', key: 'a', attribute: ['config_name'] },
      { address: 'module.serving.aws_sagemaker_endpoint_configuration.this', attribute: ['name'] },
    ]);
  });

  test('an indexed reference keeps its key', () => {
    assert.deepEqual(resource('aws_sagemaker_endpoint_configuration.direct').root.get('production_variants', 0, 'model_name').references(), [{ address: 'aws_sagemaker_model.m', key: 0, attribute: ['name'] }]);
  });

  test('a value from a root variable names the plan’s variables entry', () => {
    const type = resource('aws_sagemaker_endpoint_configuration.direct').root.get('production_variants', 0, 'instance_type');
    assert.equal(type.value, 'ml.g5.xlarge');
    const [source] = type.setBy();
    assert.ok(source);
    assert.equal(source.file, planFile);
    assert.equal(source.description, `var.instance_type in the plan's variables (${PLAN}:${planFile.positionAt(source.start ?? 0).line})`);
    assert.match(planFile.text.split('\n')[planFile.positionAt(source.start ?? 0).line - 1] ?? '', /"instance_type": \{/);
  });

  test('data sources read while planning have their computed values', () => {
    const json = resource('module.serving["a"].data.aws_iam_policy_document.static').root.get('json').value;
    assert.equal(typeof json, 'string');
    assert.deepEqual(JSON.parse(json as string), { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sagemaker:InvokeEndpoint', Resource: '*' }] });
  });

  test('a finding on the whole resource points at its address line', () => {
    const bucket = resource('aws_s3_bucket.models');
    assert.match(planFile.text.split('\n')[lineOf(bucket, '') - 1] ?? '', /"address": "aws_s3_bucket.models"/);
    assert.match(planFile.text.split('\n')[lineOf(bucket, '/bucket') - 1] ?? '', /"bucket": "acme-models"/);
  });

  test('differential: the plan agrees with inferguard’s own evaluation of the same configuration', () => {
    const configuration = evaluateSources({
      'main.tf': readFileSync(`${FIXTURES}/main.tf`, 'utf8'),
      'modules/serving/main.tf': readFileSync(`${FIXTURES}/modules/serving/main.tf`, 'utf8'),
    }).model.resources;
    assert.deepEqual(configuration.map((r) => r.address).sort(), planned.map((r) => r.address).sort());
    let values = 0;
    let references = 0;
    for (const evaluated of configuration) {
      const plan = resource(evaluated.address);
      for (const [pointer, value] of leaves(evaluated.doc.value ?? null, '')) {
        if (evaluated.doc.terraform?.unknown.has(pointer)) continue;
        assert.ok(!plan.doc.terraform?.unknown.has(pointer), `${evaluated.address} ${pointer} is known to both`);
        assert.deepEqual(valueAt(plan.doc.value ?? null, pointer), value, `${evaluated.address} ${pointer}`);
        values++;
      }
      for (const [pointer, expected] of evaluated.doc.terraform?.references ?? []) {
        // The plan lists references per attribute; the evaluator may place them on an element of it.
        const attribute = [...(plan.doc.terraform?.references.keys() ?? [])].find((candidate) => pointer === candidate || pointer.startsWith(`${candidate}/`));
        const actual = attribute === undefined ? [] : (plan.doc.terraform?.references.get(attribute) ?? []);
        for (const reference of expected) {
          assert.ok(
            actual.some((candidate) => JSON.stringify(candidate) === JSON.stringify(reference)),
            `${evaluated.address} ${pointer}: ${JSON.stringify(reference)} in ${JSON.stringify(actual)}`,
          );
          references++;
        }
      }
    }
    // 41: with the `json` and `minified_json` inferguard renders for the module's policy document, byte for byte.
    assert.equal(values, 41);
    assert.equal(references, 13);
  });
});

describe('plan files: bad and unusual input', () => {
  const cases: ReadonlyArray<{ name: string; text: string; addresses: string[]; error?: RegExp }> = [
    { name: 'invalid JSON is an error with its offset', text: '{"format_version": "1.2", "resource_changes": [', addresses: [], error: /Unexpected end of file/ },
    { name: 'a JSON array is not a plan', text: '[]', addresses: [], error: /JSON object/ },
    { name: 'a resource being destroyed is left out, also from planned values', text: '{"resource_changes":[{"address":"aws_s3_bucket.old","mode":"managed","type":"aws_s3_bucket","name":"old","change":{"actions":["delete"],"before":{},"after":null}}],"planned_values":{"root_module":{"resources":[{"address":"aws_s3_bucket.old","mode":"managed","type":"aws_s3_bucket","name":"old","values":{}}]}}}', addresses: [] },
    { name: 'entries without an address or type are skipped', text: '{"resource_changes":[{"mode":"managed","type":"aws_s3_bucket","change":{"after":{}}},{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","change":{"after":{}}}]}', addresses: ['aws_s3_bucket.b'] },
    { name: 'quoted instance keys with escapes', text: '{"resource_changes":[{"address":"module.m[\\"a.b\\"].aws_s3_bucket.b[\\"x]y\\"]","mode":"managed","type":"aws_s3_bucket","name":"b","index":"x]y","change":{"after":{}}}]}', addresses: ['module.m["a.b"].aws_s3_bucket.b["x]y"]'] },
  ];
  for (const { name, text, addresses, error } of cases) {
    test(name, () => {
      const result = adaptTerraformPlan(new SourceFile('plan.json', text));
      assert.deepEqual(result.resources.map((r) => r.address), addresses);
      if (error) assert.match(result.error?.message ?? '', error);
      else assert.equal(result.error, undefined);
    });
  }

  test('addresses parse into module calls, keys and the instance key', () => {
    assert.deepEqual(parseAddress('module.m["a.b"].module.n[0].data.aws_x.y["k"]'), { modules: [{ name: 'm', key: 'a.b' }, { name: 'n', key: 0 }], key: 'k' });
    assert.deepEqual(parseAddress('aws_x.y'), { modules: [], key: undefined });
    assert.equal(parseAddress('module.m'), undefined);
  });

  test('a minified plan (one line) still gives exact columns', () => {
    const text = '{"resource_changes":[{"address":"aws_s3_bucket.b","mode":"managed","type":"aws_s3_bucket","name":"b","change":{"after":{"acl":"public-read"}}}]}';
    const [bucket] = adaptTerraformPlan(new SourceFile('plan.json', text)).resources;
    const span = bucket?.doc.spans.get('/acl');
    assert.equal(text.slice(span?.keyStart, span?.end), '"acl":"public-read"');
  });
});

test('kubernetes_* resources of a plan get every Kubernetes rule, at the plan’s lines', async () => {
  const discovered = await discoverFiles({ paths: [`${FIXTURES}/kubernetes-plan.json`], cwd: process.cwd() });
  const { result } = await scanFiles({ files: discovered.files, problems: discovered.problems, rules: RULES, failOn: 'high', today: '2026-11-29' });
  assert.deepEqual(result.files.map((file) => [file.kind, file.status]), [['terraform-plan', 'scanned']]);
  // A privileged model server is IG-K8S-001, which folds the generic IG-K8S-101.
  const privileged = result.findings.filter((finding) => [finding.ruleId, ...(finding.alsoMatched ?? [])].includes('IG-K8S-101'));
  // The deployment being destroyed (also privileged) is not reported.
  assert.deepEqual(privileged.map((finding) => `${finding.location.file}:${finding.location.startLine}`), [`${FIXTURES}/kubernetes-plan.json:44`]);
  assert.equal(result.incomplete, false);
});

test('a plan that is not valid JSON is IG-PARSE-002 and makes the scan incomplete', async () => {
  const files = [{ path: 'broken.json', absPath: '/tmp/broken.json', kind: 'terraform-plan' as const, text: '{"format_version":"1.2","planned_values": {', bytes: 42 }];
  const { result } = await scanFiles({ files, problems: [], rules: RULES, failOn: 'high', today: '2026-11-29' });
  assert.deepEqual(result.findings.map((finding) => [finding.ruleId, finding.location.startLine]), [['IG-PARSE-002', 1]]);
  assert.equal(result.files[0]?.status, 'error');
  assert.equal(result.incomplete, true);
});
