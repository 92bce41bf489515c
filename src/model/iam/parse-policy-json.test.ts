import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pointerOf } from '../../parse/kubernetes/types.js';
import { lineOf, rootOf, summarize } from './iam-testing.js';
import { setUnknownReadHook } from '../value.js';
import { parsePolicyJson, readPolicyValue } from './parse-policy-json.js';

const at = rootOf('policy: "{}"\n', {}).get('policy');

const cases: Array<{ name: string; json: string; expected: unknown }> = [
  {
    name: 'single statement object, every element as one string, no Version',
    json: '{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Principal": "*"}}',
    expected: { statements: [{ effect: 'Allow', actions: ['s3:*'], resources: ['*'], principals: ['*:*'] }] },
  },
  {
    name: 'statement array, arrays everywhere, principal map with string and array',
    json: JSON.stringify({
      Version: '2012-10-17',
      Id: 'p1',
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::models', 'arn:aws:s3:::models/*'], Principal: { AWS: 'arn:aws:iam::111122223333:root', Service: ['sagemaker.amazonaws.com', 'ec2.amazonaws.com'] } },
        { Effect: 'Deny', NotAction: 'iam:*', NotResource: ['arn:aws:iam::*:role/x'], NotPrincipal: { AWS: ['arn:aws:iam::111122223333:role/a'] } },
      ],
    }),
    expected: {
      version: '2012-10-17',
      id: 'p1',
      statements: [
        {
          effect: 'Allow',
          sid: 'Read',
          actions: ['s3:GetObject', 's3:ListBucket'],
          resources: ['arn:aws:s3:::models', 'arn:aws:s3:::models/*'],
          principals: ['AWS:arn:aws:iam::111122223333:root', 'Service:sagemaker.amazonaws.com', 'Service:ec2.amazonaws.com'],
        },
        { effect: 'Deny', notActions: ['iam:*'], notResources: ['arn:aws:iam::*:role/x'], notPrincipals: ['AWS:arn:aws:iam::111122223333:role/a'] },
      ],
    },
  },
  {
    name: '{"AWS": "*"} keeps its type; other principal types are unknown',
    json: '{"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "*", "Federated": "cognito-identity.amazonaws.com", "CanonicalUser": "abc", "Bogus": "x"}}]}',
    expected: { statements: [{ effect: 'Allow', actions: ['sts:AssumeRole'], principals: ['AWS:*', 'Federated:cognito-identity.amazonaws.com', 'CanonicalUser:abc', 'unknown:x'] }] },
  },
  {
    name: 'conditions: one entry per operator and key; booleans and numbers read as AWS compares them',
    json: JSON.stringify({
      Statement: [
        {
          Effect: 'Deny',
          Action: 's3:*',
          Resource: '*',
          Condition: { Bool: { 'aws:SecureTransport': false }, NumericLessThan: { 's3:max-keys': 10 }, StringEquals: { 'aws:SourceAccount': '111122223333', 'aws:PrincipalTag/team': ['ml', 'ops'] } },
        },
      ],
    }),
    expected: {
      statements: [
        {
          effect: 'Deny',
          actions: ['s3:*'],
          resources: ['*'],
          conditions: ['Bool aws:SecureTransport ["false"]', 'NumericLessThan s3:max-keys ["10"]', 'StringEquals aws:SourceAccount ["111122223333"]', 'StringEquals aws:PrincipalTag/team ["ml","ops"]'],
        },
      ],
    },
  },
  {
    name: 'an effect that is missing or not Allow / Deny is unknown; a non-string action is an unknown entry',
    json: '{"Statement": [{"Action": "s3:GetObject"}, {"Effect": "allow", "Action": ["s3:GetObject", {"a": 1}]}]}',
    expected: { statements: [{ effect: 'unknown', actions: ['s3:GetObject'] }, { effect: 'unknown', actions: ['s3:GetObject', '?'] }] },
  },
  { name: 'no Statement: a policy without statements', json: '{"Version": "2012-10-17"}', expected: { version: '2012-10-17', statements: [] } },
  { name: 'invalid JSON', json: '{"Statement": [', expected: 'unknown' },
  { name: 'empty string', json: '', expected: 'unknown' },
  { name: 'JSON null', json: 'null', expected: 'unknown' },
  { name: 'an array is not a policy', json: '[{"Effect": "Allow"}]', expected: 'unknown' },
  { name: 'Statement that is a string', json: '{"Statement": "Allow"}', expected: 'unknown' },
  { name: 'a statement that is not an object makes the policy invalid', json: '{"Statement": [{"Effect": "Allow", "Action": "s3:*"}, "x"]}', expected: 'unknown' },
];

for (const { name, json, expected } of cases) {
  test(`parsePolicyJson: ${name}`, () => {
    assert.deepEqual(summarize(parsePolicyJson(json, at)), expected);
  });
}

test('parsePolicyJson: every element of a JSON string points at the attribute holding it', () => {
  const root = rootOf('resource: x\npolicy: |\n  {"Statement": [{"Sid": "A", "Effect": "Allow", "Action": ["s3:*"], "Resource": "*",\n    "Principal": {"AWS": "*"}, "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}\n', {});
  const policy = root.get('policy');
  const document = parsePolicyJson(policy.str() ?? '', policy);
  assert.ok(document !== 'unknown');
  const [statement] = document.statements;
  assert.ok(statement);
  const nodes = [document.origin, statement.node, statement.sid?.node, statement.effectNode, ...statement.actions.map((a) => a.node), ...statement.resources.map((r) => r.node), ...statement.principals.map((p) => p.node), ...statement.conditions.flatMap((c) => [c.node, c.operator.node, c.key.node, ...c.values.map((v) => v.node)])];
  for (const node of nodes) assert.equal(node && pointerOf(node.path), '/policy');
  assert.equal(lineOf(statement.node), 2);
  assert.equal(statement.form, 'json-string');
});

test('readPolicyValue: a decoded object (jsonencode argument) is read with each element at its own line', () => {
  const root = rootOf(
    [
      'policy:', //                                  1
      '  Version: "2012-10-17"', //                  2
      '  Statement:', //                             3
      '    - Effect: Allow', //                      4
      '      Action:', //                            5
      '        - s3:GetObject', //                   6
      '        - s3:PutObject', //                   7
      '      Resource: "*"', //                      8
      '      Principal:', //                         9
      '        AWS: arn:aws:iam::111122223333:root', // 10
      '      Condition:', //                         11
      '        StringEquals:', //                    12
      '          aws:SourceVpce: vpce-1', //         13
      '',
    ].join('\n'),
    {},
  );
  const document = readPolicyValue(root.get('policy'));
  assert.ok(document !== 'unknown');
  const [statement] = document.statements;
  assert.ok(statement);
  assert.equal(statement.form, 'object');
  assert.deepEqual(
    {
      statement: lineOf(statement.node),
      effect: lineOf(statement.effectNode),
      actions: statement.actions.map((entry) => lineOf(entry.node)),
      resource: statement.resources.map((entry) => lineOf(entry.node)),
      principal: statement.principals.map((entry) => lineOf(entry.node)),
      condition: statement.conditions.map((entry) => [lineOf(entry.node), lineOf(entry.key.node)]),
    },
    { statement: 4, effect: 4, actions: [6, 7], resource: [8], principal: [10], condition: [[13, 13]] },
  );
});

test('readPolicyValue: unknown values stay unknown, at their own node', () => {
  const root = rootOf('policy:\n  Statement:\n    - Effect: Allow\n      Action: s3:GetObject\n      Resource: null\n    - null\n', { unknown: ['/policy/Statement/0/Resource', '/policy/Statement/1'] });
  const document = readPolicyValue(root.get('policy'));
  assert.deepEqual(summarize(document), { statements: [{ effect: 'Allow', actions: ['s3:GetObject'], resources: ['?'] }], incomplete: ['/policy/Statement/1'] });
  assert.ok(document !== 'unknown');
  assert.equal(pointerOf(document.statements[0]?.resources[0]?.node.path ?? []), '/policy/Statement/0/Resource');
});

test('readPolicyValue: an unknown, absent or non-policy value is unknown', () => {
  const root = rootOf('policy: null\nnumber: 3\n', { unknown: ['/policy'] });
  for (const key of ['policy', 'missing', 'number']) assert.equal(readPolicyValue(root.get(key)), 'unknown', key);
});

test('readPolicyValue: a policy known only at apply is unknown and an unresolved read (strict mode reports it); an absent one is neither', () => {
  const root = rootOf('policy: null\n', { unknown: ['/policy'] });
  const reads: string[] = [];
  const previous = setUnknownReadHook((_doc, path) => reads.push(pointerOf(path)));
  try {
    assert.equal(readPolicyValue(root.get('policy')), 'unknown');
    assert.equal(readPolicyValue(root.get('other')), 'unknown');
  } finally {
    setUnknownReadHook(previous);
  }
  assert.deepEqual(reads, ['/policy']);
});
