import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pointerOf } from '../../parse/kubernetes/types.js';
import type { TerraformReference } from '../../parse/kubernetes/types.js';
import type { TfResource } from '../terraform.js';
import { lineOf, resourceOf, rootOf, summarize } from './iam-testing.js';
import type { Facts } from './iam-testing.js';
import { renderPolicyDocumentJson } from './policy-document.js';
import { holdsPolicies, policiesOf } from './policy-sources.js';

const assumeRole = [
  'statement:', //                                   1
  '  - actions: ["sts:AssumeRole"]', //             2
  '    principals:', //                              3
  '      - type: Service', //                        4
  '        identifiers: ["sagemaker.amazonaws.com"]', // 5
  '',
].join('\n');
const dataSource = resourceOf('data.aws_iam_policy_document.assume', rootOf(assumeRole, {}, 'iam.tf'));
const rendered = renderPolicyDocumentJson(dataSource.root);
const reference: TerraformReference = { address: 'data.aws_iam_policy_document.assume', attribute: ['json'] };
const resolve = (ref: TerraformReference): TfResource | undefined => (ref.address === dataSource.address ? dataSource : undefined);
const trustJson = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"ec2.amazonaws.com"}}]}';
const trustSummary = { version: '2012-10-17', statements: [{ effect: 'Allow', actions: ['sts:AssumeRole'], principals: ['Service:ec2.amazonaws.com'] }] };
const fromBlocks = { version: '2012-10-17', statements: [{ effect: 'Allow', actions: ['sts:AssumeRole'], principals: ['Service:sagemaker.amazonaws.com'] }] };

const cases: Array<{ name: string; address: string; text: string; facts?: Facts; expected: Array<[string, unknown]>; forms?: string[] }> = [
  { name: 'aws_iam_policy.policy as a JSON string', address: 'aws_iam_policy.p', text: `name: p\npolicy: ${JSON.stringify(trustJson)}\n`, expected: [['policy', trustSummary]], forms: ['json-string'] },
  {
    name: 'aws_iam_role: assume_role_policy and each inline_policy block',
    address: 'aws_iam_role.r',
    text: `assume_role_policy: ${JSON.stringify(trustJson)}\ninline_policy:\n  - name: a\n    policy: '{"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}}'\n  - name: b\n`,
    expected: [
      ['assume_role_policy', trustSummary],
      ['inline_policy[0].policy', { statements: [{ effect: 'Deny', actions: ['*'], resources: ['*'] }] }],
    ],
  },
  {
    name: 'unknown value pointing at a policy document data source: read from its blocks',
    address: 'aws_iam_role.r',
    text: 'assume_role_policy: null\n',
    facts: { unknown: ['/assume_role_policy'], references: { '/assume_role_policy': [reference] } },
    expected: [['assume_role_policy', fromBlocks]],
    forms: ['blocks'],
  },
  {
    name: 'known value equal to what the data source renders: read from its blocks',
    address: 'aws_iam_role.r',
    text: `assume_role_policy: ${JSON.stringify(rendered)}\n`,
    facts: { references: { '/assume_role_policy': [reference] } },
    expected: [['assume_role_policy', fromBlocks]],
    forms: ['blocks'],
  },
  {
    name: 'known value computed from the data source but different (replace(...)): the string is read',
    address: 'aws_iam_role.r',
    text: `assume_role_policy: ${JSON.stringify(trustJson)}\n`,
    facts: { references: { '/assume_role_policy': [reference] } },
    expected: [['assume_role_policy', trustSummary]],
    forms: ['json-string'],
  },
  {
    name: 'unknown value from several objects: unknown',
    address: 'aws_iam_role.r',
    text: 'assume_role_policy: null\n',
    facts: { unknown: ['/assume_role_policy'], references: { '/assume_role_policy': [reference, { address: 'aws_s3_bucket.b', attribute: ['arn'] }] } },
    expected: [['assume_role_policy', 'unknown']],
  },
  { name: 'unknown value without reference: unknown', address: 'aws_iam_role_policy.p', text: 'policy: null\n', facts: { unknown: ['/policy'] }, expected: [['policy', 'unknown']] },
  { name: 'unknown inline_policy blocks: one unknown entry', address: 'aws_iam_role.r', text: 'inline_policy: null\n', facts: { unknown: ['/inline_policy'] }, expected: [['inline_policy[*].policy', 'unknown']] },
  { name: 'invalid JSON: unknown', address: 'aws_iam_user_policy.p', text: 'policy: "{not json"\n', expected: [['policy', 'unknown']] },
  { name: 'attribute not written or null: nothing', address: 'aws_iam_role.r', text: 'name: r\ninline_policy: [{name: a, policy: null}]\n', expected: [] },
  {
    name: 'a decoded jsonencode object',
    address: 'aws_s3_bucket_policy.b',
    text: 'policy:\n  Statement:\n    - Effect: Deny\n      Principal: "*"\n      Action: "s3:*"\n      Resource: ["arn:aws:s3:::models/*"]\n',
    expected: [['policy', { statements: [{ effect: 'Deny', actions: ['s3:*'], resources: ['arn:aws:s3:::models/*'], principals: ['*:*'] }] }]],
    forms: ['object'],
  },
  { name: 'aws_iam_group_policy.policy', address: 'aws_iam_group_policy.g', text: `policy: ${JSON.stringify(trustJson)}\n`, expected: [['policy', trustSummary]] },
  { name: 'aws_kms_key.policy', address: 'aws_kms_key.k', text: `policy: ${JSON.stringify(trustJson)}\n`, expected: [['policy', trustSummary]] },
  { name: 'aws_ecr_repository_policy.policy', address: 'aws_ecr_repository_policy.e', text: `policy: ${JSON.stringify(trustJson)}\n`, expected: [['policy', trustSummary]] },
  { name: 'aws_s3_bucket.policy (deprecated inline form)', address: 'aws_s3_bucket.b', text: `policy: ${JSON.stringify(trustJson)}\n`, expected: [['policy', trustSummary]] },
  { name: 'aws_sagemaker_model_package_group_policy.resource_policy', address: 'aws_sagemaker_model_package_group_policy.m', text: `resource_policy: ${JSON.stringify(trustJson)}\npolicy: "{}"\n`, expected: [['resource_policy', trustSummary]] },
  { name: 'managed policy attachments hold no document (graph, issue 5)', address: 'aws_iam_role_policy_attachment.a', text: 'policy_arn: arn:aws:iam::aws:policy/AdministratorAccess\n', expected: [] },
];

for (const { name, address, text, facts, expected, forms } of cases) {
  test(`policiesOf: ${name}`, () => {
    const sources = policiesOf(resourceOf(address, rootOf(text, facts ?? {})), resolve);
    assert.deepEqual(
      sources.map((source) => [source.attribute, summarize(source.document)]),
      expected,
    );
    if (forms) assert.deepEqual(sources.flatMap((source) => (source.document === 'unknown' ? [] : source.document.statements.map((statement) => statement.form))), forms);
  });
}

test('policiesOf: statements from a data source point at its blocks; from a string at the attribute', () => {
  const role = resourceOf('aws_iam_role.r', rootOf(`name: r\nassume_role_policy: null\ninline_policy:\n  - name: a\n    policy: ${JSON.stringify(trustJson)}\n`, { unknown: ['/assume_role_policy'], references: { '/assume_role_policy': [reference] } }));
  const [assume, inline] = policiesOf(role, resolve);
  assert.ok(assume && assume.document !== 'unknown' && inline && inline.document !== 'unknown');
  const [statement] = assume.document.statements;
  assert.ok(statement);
  assert.deepEqual([statement.node.doc.file.path, lineOf(statement.node), statement.principals.map((principal) => lineOf(principal.node))], ['iam.tf', 2, [5]]);
  assert.deepEqual(
    inline.document.statements.map((entry) => [pointerOf(entry.node.path), lineOf(entry.node)]),
    [['/inline_policy/0/policy', 5]],
  );
});

test('policiesOf: a data source that lists itself as a source document does not loop', () => {
  const selfReference: TerraformReference = { address: 'data.aws_iam_policy_document.self', attribute: ['json'] };
  const self = resourceOf('data.aws_iam_policy_document.self', rootOf('source_policy_documents: [null]\nstatement:\n  - actions: ["s3:*"]\n', { unknown: ['/source_policy_documents/0'], references: { '/source_policy_documents/0': [selfReference] } }));
  const policy = resourceOf('aws_iam_policy.p', rootOf('policy: null\n', { unknown: ['/policy'], references: { '/policy': [selfReference] } }));
  const [source] = policiesOf(policy, (ref) => (ref.address === self.address ? self : undefined));
  assert.deepEqual(summarize(source?.document ?? 'unknown'), { version: '2012-10-17', statements: [{ effect: 'Allow', actions: ['s3:*'] }], incomplete: ['/source_policy_documents/0'] });
});

test('holdsPolicies names the resource types policiesOf reads', () => {
  assert.deepEqual(
    ['aws_iam_policy', 'aws_iam_role', 'aws_kms_key', 'aws_iam_role_policy_attachment', 'aws_iam_policy_attachment'].map(holdsPolicies),
    [true, true, true, false, false],
  );
});
