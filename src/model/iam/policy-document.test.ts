import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pointerOf } from '../../parse/kubernetes/types.js';
import type { TerraformReference } from '../../parse/kubernetes/types.js';
import type { TfResource } from '../terraform.js';
import { lineOf, resourceOf, rootOf, summarize } from './iam-testing.js';
import type { Facts } from './iam-testing.js';
import { policyFromDocumentDataSource, renderPolicyDocumentJson } from './policy-document.js';

type Body = Record<string, unknown>;

function bodyOf(body: Body, facts: Facts = {}): ReturnType<typeof rootOf> {
  return rootOf(JSON.stringify(body, null, 2), facts);
}

function render(body: Body, minified = false): string | undefined {
  return renderPolicyDocumentJson(bodyOf(body), { minified });
}

const lines = (...text: string[]): string => text.join('\n');

// ---- renderPolicyDocumentJson: the examples of the registry page -------------------------------
// The page's samples still show `"Sid": ""`, which the provider stopped writing in v5.0.0
// (PR #28539, CHANGELOG "Don't add empty statement.sid values"); everything else is as printed.

const source = { statement: [{ actions: ['ec2:*'], resources: ['*'] }, { sid: 'SidToOverride', actions: ['s3:*'], resources: ['*'] }] };
const override = { statement: [{ sid: 'SidToOverride', actions: ['s3:*'], resources: ['*'] }] };
const sourceOne = { statement: [{ actions: ['ec2:*'], resources: ['*'] }, { sid: 'UniqueSidOne', actions: ['s3:*'], resources: ['*'] }] };
const sourceTwo = { statement: [{ sid: 'UniqueSidTwo', actions: ['iam:*'], resources: ['*'] }, { actions: ['lambda:*'], resources: ['*'] }] };
const policyOne = { statement: [{ sid: 'OverridePlaceHolderOne', effect: 'Allow', actions: ['s3:*'], resources: ['*'] }] };
const policyTwo = { statement: [{ effect: 'Allow', actions: ['ec2:*'], resources: ['*'] }, { sid: 'OverridePlaceHolderTwo', effect: 'Allow', actions: ['iam:*'], resources: ['*'] }] };
const policyThree = { statement: [{ sid: 'OverridePlaceHolderOne', effect: 'Deny', actions: ['logs:*'], resources: ['*'] }] };
const json = (body: Body): string => {
  const text = render(body);
  assert.ok(text !== undefined);
  return text;
};

const statement = (...fields: string[]): string[] => ['    {', ...fields.map((field, index) => `      ${field}${index < fields.length - 1 ? ',' : ''}`), '    }'];
const documentOf = (...statements: string[][]): string =>
  lines('{', '  "Version": "2012-10-17",', '  "Statement": [', ...statements.flatMap((item, index) => (index < statements.length - 1 ? [...item.slice(0, -1), '    },'] : item)), '  ]', '}');

const renderCases: Array<{ name: string; body: () => Body; expected: string | undefined }> = [
  {
    name: 'docs: multiple condition keys (actions in reverse order, condition keys sorted)',
    body: () => ({
      statement: [
        {
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: ['*'],
          condition: [
            { test: 'ForAnyValue:StringEquals', variable: 'kms:EncryptionContext:service', values: ['pi'] },
            { test: 'ForAnyValue:StringEquals', variable: 'kms:EncryptionContext:aws:pi:service', values: ['rds'] },
          ],
        },
      ],
    }),
    expected: lines(
      '{',
      '  "Version": "2012-10-17",',
      '  "Statement": [',
      '    {',
      '      "Effect": "Allow",',
      '      "Action": [',
      '        "kms:GenerateDataKey",',
      '        "kms:Decrypt"',
      '      ],',
      '      "Resource": "*",',
      '      "Condition": {',
      '        "ForAnyValue:StringEquals": {',
      '          "kms:EncryptionContext:aws:pi:service": "rds",',
      '          "kms:EncryptionContext:service": "pi"',
      '        }',
      '      }',
      '    }',
      '  ]',
      '}',
    ),
  },
  {
    name: 'docs: source document, then a statement overriding its Sid in place',
    body: () => ({ source_policy_documents: [json(source)], statement: [{ sid: 'SidToOverride', actions: ['s3:*'], resources: ['arn:aws:s3:::somebucket', 'arn:aws:s3:::somebucket/*'] }] }),
    expected: documentOf(
      statement('"Effect": "Allow"', '"Action": "ec2:*"', '"Resource": "*"'),
      statement('"Sid": "SidToOverride"', '"Effect": "Allow"', '"Action": "s3:*"', '"Resource": [\n        "arn:aws:s3:::somebucket/*",\n        "arn:aws:s3:::somebucket"\n      ]'),
    ),
  },
  {
    name: 'docs: override document replaces the statement with its Sid',
    body: () => ({ override_policy_documents: [json(override)], statement: [{ actions: ['ec2:*'], resources: ['*'] }, { sid: 'SidToOverride', actions: ['s3:*'], resources: ['arn:aws:s3:::somebucket', 'arn:aws:s3:::somebucket/*'] }] }),
    expected: documentOf(statement('"Effect": "Allow"', '"Action": "ec2:*"', '"Resource": "*"'), statement('"Sid": "SidToOverride"', '"Effect": "Allow"', '"Action": "s3:*"', '"Resource": "*"')),
  },
  {
    name: 'docs: both source and override documents, no statement of its own',
    body: () => ({
      source_policy_documents: [json({ statement: [{ sid: 'OverridePlaceholder', actions: ['ec2:DescribeAccountAttributes'], resources: ['*'] }] })],
      override_policy_documents: [json({ statement: [{ sid: 'OverridePlaceholder', actions: ['s3:GetObject'], resources: ['*'] }] })],
    }),
    expected: documentOf(statement('"Sid": "OverridePlaceholder"', '"Effect": "Allow"', '"Action": "s3:GetObject"', '"Resource": "*"')),
  },
  {
    name: 'docs: merging source documents keeps their order',
    body: () => ({ source_policy_documents: [json(sourceOne), json(sourceTwo)] }),
    expected: documentOf(
      statement('"Effect": "Allow"', '"Action": "ec2:*"', '"Resource": "*"'),
      statement('"Sid": "UniqueSidOne"', '"Effect": "Allow"', '"Action": "s3:*"', '"Resource": "*"'),
      statement('"Sid": "UniqueSidTwo"', '"Effect": "Allow"', '"Action": "iam:*"', '"Resource": "*"'),
      statement('"Effect": "Allow"', '"Action": "lambda:*"', '"Resource": "*"'),
    ),
  },
  {
    // The page's sample has this order, but misspells the Sids and ends with a comma.
    name: 'docs: merging override documents iteratively',
    body: () => ({ override_policy_documents: [json(policyOne), json(policyTwo), json(policyThree)], statement: [{ sid: 'OverridePlaceHolderTwo', effect: 'Deny', actions: ['*'], resources: ['*'] }] }),
    expected: documentOf(
      statement('"Sid": "OverridePlaceHolderTwo"', '"Effect": "Allow"', '"Action": "iam:*"', '"Resource": "*"'),
      statement('"Sid": "OverridePlaceHolderOne"', '"Effect": "Deny"', '"Action": "logs:*"', '"Resource": "*"'),
      statement('"Effect": "Allow"', '"Action": "ec2:*"', '"Resource": "*"'),
    ),
  },
  {
    name: 'docs: basic example, &{…} becomes ${…} in resources and condition values; values keep their order',
    body: () => ({
      statement: [
        { sid: '1', actions: ['s3:ListAllMyBuckets', 's3:GetBucketLocation'], resources: ['arn:aws:s3:::*'] },
        { actions: ['s3:ListBucket'], resources: ['arn:aws:s3:::models'], condition: [{ test: 'StringLike', variable: 's3:prefix', values: ['', 'home/', 'home/&{aws:username}/'] }] },
        { actions: ['s3:*'], resources: ['arn:aws:s3:::models/home/&{aws:username}', 'arn:aws:s3:::models/home/&{aws:username}/*'] },
      ],
    }),
    expected: documentOf(
      statement('"Sid": "1"', '"Effect": "Allow"', '"Action": [\n        "s3:ListAllMyBuckets",\n        "s3:GetBucketLocation"\n      ]', '"Resource": "arn:aws:s3:::*"'),
      statement('"Effect": "Allow"', '"Action": "s3:ListBucket"', '"Resource": "arn:aws:s3:::models"', '"Condition": {\n        "StringLike": {\n          "s3:prefix": [\n            "",\n            "home/",\n            "home/${aws:username}/"\n          ]\n        }\n      }'),
      statement('"Effect": "Allow"', '"Action": "s3:*"', '"Resource": [\n        "arn:aws:s3:::models/home/${aws:username}/*",\n        "arn:aws:s3:::models/home/${aws:username}"\n      ]'),
    ),
  },
  {
    name: 'assume-role policy with several principal types: types sorted, identifiers in reverse order',
    body: () => ({
      statement: [
        {
          actions: ['sts:AssumeRole'],
          principals: [
            { type: 'Service', identifiers: ['firehose.amazonaws.com'] },
            { type: 'AWS', identifiers: ['arn:aws:iam::111122223333:role/trusted'] },
            { type: 'Federated', identifiers: ['arn:aws:iam::111122223333:saml-provider/corp', 'cognito-identity.amazonaws.com'] },
          ],
        },
      ],
    }),
    expected: documentOf(
      statement(
        '"Effect": "Allow"',
        '"Action": "sts:AssumeRole"',
        '"Principal": {\n        "AWS": "arn:aws:iam::111122223333:role/trusted",\n        "Federated": [\n          "cognito-identity.amazonaws.com",\n          "arn:aws:iam::111122223333:saml-provider/corp"\n        ],\n        "Service": "firehose.amazonaws.com"\n      }',
      ),
    ),
  },
  {
    name: 'type "*" with identifier "*" is the bare "*"; type "AWS" stays a map',
    body: () => ({ statement: [{ actions: ['s3:GetObject'], principals: [{ type: '*', identifiers: ['*'] }] }, { effect: 'Deny', not_actions: ['s3:GetObject'], not_principals: [{ type: 'AWS', identifiers: ['*'] }], not_resources: ['arn:aws:s3:::b'] }] }),
    expected: documentOf(
      statement('"Effect": "Allow"', '"Action": "s3:GetObject"', '"Principal": "*"'),
      statement('"Effect": "Deny"', '"NotAction": "s3:GetObject"', '"NotResource": "arn:aws:s3:::b"', '"NotPrincipal": {\n        "AWS": "*"\n      }'),
    ),
  },
  {
    name: 'sets drop duplicates; numbers and booleans are converted to strings; & is escaped',
    body: () => ({ version: '2012-10-17', policy_id: 'p&1', statement: [{ actions: ['s3:GetObject', 's3:GetObject'], resources: ['*'], condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: [true] }, { test: 'NumericLessThan', variable: 's3:max-keys', values: [10] }] }] }),
    expected: lines(
      '{',
      '  "Version": "2012-10-17",',
      '  "Id": "p\\u00261",',
      '  "Statement": [',
      ...statement('"Effect": "Allow"', '"Action": "s3:GetObject"', '"Resource": "*"', '"Condition": {\n        "Bool": {\n          "aws:SecureTransport": "true"\n        },\n        "NumericLessThan": {\n          "s3:max-keys": "10"\n        }\n      }'),
      '  ]',
      '}',
    ),
  },
  {
    // Identifiers are sorted again when marshalled (after substitution), resources only before it.
    name: 'resources sort before &{ is substituted, principal identifiers after',
    body: () => ({ statement: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/a%', 'arn:aws:s3:::b/a&{aws:userid}'], principals: [{ type: 'AWS', identifiers: ['a%', 'a&{aws:userid}'] }] }] }),
    expected: documentOf(
      statement(
        '"Effect": "Allow"',
        '"Action": "s3:GetObject"',
        '"Resource": [\n        "arn:aws:s3:::b/a${aws:userid}",\n        "arn:aws:s3:::b/a%"\n      ]',
        '"Principal": {\n        "AWS": [\n          "a%",\n          "a${aws:userid}"\n        ]\n      }',
      ),
    ),
  },
  { name: 'an empty body is the version alone', body: () => ({}), expected: lines('{', '  "Version": "2012-10-17"', '}') },
  {
    name: 'source JSON as Go decodes it: keys in any case, principal arrays re-sorted, numeric condition values dropped, version upgraded',
    body: () => ({
      version: '2008-10-17',
      source_policy_documents: [
        JSON.stringify({
          version: '2012-10-17',
          statement: [{ effect: 'Allow', action: ['b:x', 'a:y'], principal: { AWS: ['arn:a', 'arn:c', 'arn:b'] }, condition: { NumericLessThan: { 's3:max-keys': 10 }, Bool: { 'aws:SecureTransport': false }, StringEquals: { k: ['v'] } } }],
        }),
      ],
    }),
    expected: documentOf(
      statement(
        '"Effect": "Allow"',
        '"Action": [\n        "b:x",\n        "a:y"\n      ]',
        '"Principal": {\n        "AWS": [\n          "arn:c",\n          "arn:b",\n          "arn:a"\n        ]\n      }',
        '"Condition": {\n        "Bool": {\n          "aws:SecureTransport": "false"\n        },\n        "StringEquals": {\n          "k": "v"\n        }\n      }',
      ),
    ),
  },
  { name: 'duplicate Sids in the statements fail in the provider', body: () => ({ statement: [{ sid: 'A', actions: ['a:b'] }, { sid: 'A', actions: ['c:d'] }] }), expected: undefined },
  { name: 'duplicate Sids across source documents fail in the provider', body: () => ({ source_policy_documents: [json(policyOne), json(policyThree)] }), expected: undefined },
  { name: 'an invalid effect fails validation', body: () => ({ statement: [{ effect: 'allow', actions: ['a:b'] }] }), expected: undefined },
  { name: 'a Sid that is not alphanumeric fails validation', body: () => ({ statement: [{ sid: 'a-b', actions: ['a:b'] }] }), expected: undefined },
  { name: '&{ in version 2008-10-17 fails', body: () => ({ version: '2008-10-17', statement: [{ actions: ['s3:*'], resources: ['arn:aws:s3:::b/&{aws:username}'] }] }), expected: undefined },
  { name: 'invalid source JSON fails', body: () => ({ source_policy_documents: ['{'] }), expected: undefined },
  { name: 'a source Statement that is an object fails to decode', body: () => ({ source_policy_documents: ['{"Statement": {"Effect": "Allow"}}'] }), expected: undefined },
  { name: 'two principals blocks of one type: Terraform set order, not reproduced', body: () => ({ statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'AWS', identifiers: ['arn:a'] }, { type: 'AWS', identifiers: ['arn:b'] }] }] }), expected: undefined },
  {
    name: 'two identical principals blocks are one set element',
    body: () => ({ statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'AWS', identifiers: ['arn:a'] }, { type: 'AWS', identifiers: ['arn:a'] }] }] }),
    expected: documentOf(statement('"Effect": "Allow"', '"Action": "sts:AssumeRole"', '"Principal": {\n        "AWS": "arn:a"\n      }')),
  },
  { name: 'two condition blocks with one test and variable: set order, not reproduced', body: () => ({ statement: [{ actions: ['s3:*'], condition: [{ test: 'StringEquals', variable: 'k', values: ['a'] }, { test: 'StringEquals', variable: 'k', values: ['b'] }] }] }), expected: undefined },
];

for (const { name, body, expected } of renderCases) {
  test(`renderPolicyDocumentJson: ${name}`, () => {
    assert.equal(render(body()), expected);
  });
}

test('renderPolicyDocumentJson: minified_json is the same document without whitespace', () => {
  assert.equal(render({ statement: [{ actions: ['sts:AssumeRole'], principals: [{ type: 'Service', identifiers: ['sagemaker.amazonaws.com'] }] }] }, true), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"sagemaker.amazonaws.com"}}]}');
});

test('renderPolicyDocumentJson: anything unknown makes the result unknown', () => {
  const unknownAt = [
    '/statement/0/actions',
    '/statement/0/actions/1',
    '/statement/0/principals/0/identifiers/0',
    '/statement/0/effect',
    '/statement',
    '/source_policy_documents/0',
    '/version',
  ];
  const body = { version: '2012-10-17', source_policy_documents: ['{}'], statement: [{ effect: 'Allow', actions: ['s3:GetObject', 's3:PutObject'], principals: [{ type: 'AWS', identifiers: ['arn:a'] }] }] };
  assert.ok(renderPolicyDocumentJson(bodyOf(body, {})) !== undefined);
  for (const pointer of unknownAt) assert.equal(renderPolicyDocumentJson(bodyOf(body, { unknown: [pointer] })), undefined, pointer);
});

// ---- policyFromDocumentDataSource: the located model ------------------------------------------

const dataSource = [
  'statement:', //                                        1
  '  - sid: ReadModels', //                               2
  '    actions:', //                                      3
  '      - s3:GetObject', //                              4
  '      - s3:ListBucket', //                             5
  '    resources:', //                                   6
  '      - arn:aws:s3:::models/&{aws:username}/*', //     7
  '    principals:', //                                  8
  '      - type: AWS', //                                 9
  '        identifiers:', //                              10
  '          - arn:aws:iam::111122223333:role/serving', // 11
  '    condition:', //                                   12
  '      - test: StringEquals', //                        13
  '        variable: aws:SourceVpce', //                  14
  '        values: [vpce-1, vpce-2]', //                  15
  '  - effect: Deny', //                                  16
  '    not_actions: ["s3:GetObject"]', //                 17
  '    not_resources: ["arn:aws:s3:::models/*"]', //      18
  '    not_principals:', //                              19
  '      - type: "*"', //                                 20
  '        identifiers: ["*"]', //                        21
  '',
].join('\n');

test('policyFromDocumentDataSource: statements, defaults and exact lines from the blocks', () => {
  const document = policyFromDocumentDataSource(rootOf(dataSource, {}));
  assert.deepEqual(summarize(document), {
    version: '2012-10-17',
    statements: [
      {
        sid: 'ReadModels',
        effect: 'Allow',
        actions: ['s3:GetObject', 's3:ListBucket'],
        resources: ['arn:aws:s3:::models/${aws:username}/*'],
        principals: ['AWS:arn:aws:iam::111122223333:role/serving'],
        conditions: ['StringEquals aws:SourceVpce ["vpce-1","vpce-2"]'],
      },
      { effect: 'Deny', notActions: ['s3:GetObject'], notResources: ['arn:aws:s3:::models/*'], notPrincipals: ['*:*'] },
    ],
  });
  const [read, deny] = document.statements;
  assert.ok(read && deny);
  assert.deepEqual(
    {
      statements: [lineOf(read.node), lineOf(deny.node)],
      sid: read.sid && lineOf(read.sid.node),
      effects: [lineOf(read.effectNode), lineOf(deny.effectNode)],
      defaultEffectAt: pointerOf(read.effectNode.path),
      actions: read.actions.map((entry) => lineOf(entry.node)),
      resources: read.resources.map((entry) => lineOf(entry.node)),
      principals: read.principals.map((entry) => lineOf(entry.node)),
      condition: read.conditions.map((entry) => [lineOf(entry.node), lineOf(entry.operator.node), lineOf(entry.key.node), ...entry.values.map((value) => lineOf(value.node))]),
      notPrincipals: deny.notPrincipals.map((entry) => lineOf(entry.node)),
      forms: document.statements.map((entry) => entry.form),
    },
    { statements: [2, 16], sid: 2, effects: [2, 16], defaultEffectAt: '/statement/0', actions: [4, 5], resources: [7], principals: [11], condition: [[13, 13, 14, 15, 15]], notPrincipals: [21], forms: ['blocks', 'blocks'] },
  );
});

test('policyFromDocumentDataSource: &{ stays as written in version 2008-10-17', () => {
  const document = policyFromDocumentDataSource(rootOf('version: "2008-10-17"\nstatement:\n  - actions: ["s3:*"]\n    resources: ["arn:aws:s3:::b/&{aws:username}"]\n', {}));
  assert.deepEqual(summarize(document), { version: '2008-10-17', statements: [{ effect: 'Allow', actions: ['s3:*'], resources: ['arn:aws:s3:::b/&{aws:username}'] }] });
});

test('policyFromDocumentDataSource: unknown values are unknown entries; unknown blocks are incomplete', () => {
  const text = 'statement:\n  - effect: null\n    actions: null\n    principals: null\n  - null\nsource_policy_documents: null\n';
  const document = policyFromDocumentDataSource(rootOf(text, { unknown: ['/statement/0/effect', '/statement/0/actions', '/statement/0/principals', '/statement/1', '/source_policy_documents'] }));
  assert.deepEqual(summarize(document), { version: '2012-10-17', statements: [{ effect: 'unknown', actions: ['?'], principals: ['unknown:?'] }], incomplete: ['/source_policy_documents', '/statement/1'] });
});

test('policyFromDocumentDataSource: source and override JSON documents merge by Sid, their statements at the list element', () => {
  const text = JSON.stringify(
    {
      source_policy_documents: [JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }, { Sid: 'S3', Effect: 'Allow', Action: 's3:*', Resource: '*' }] })],
      statement: [{ sid: 'S3', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::models/*'] }, { sid: 'Logs', actions: ['logs:*'], resources: ['*'] }],
      override_policy_documents: [JSON.stringify({ Statement: { Sid: 'Logs', Effect: 'Deny', Action: 'logs:*', Resource: '*' } }), 'not json'],
    },
    null,
    2,
  );
  const document = policyFromDocumentDataSource(rootOf(text, {}));
  assert.deepEqual(summarize(document), {
    version: '2012-10-17',
    statements: [
      { effect: 'Allow', actions: ['ec2:*'], resources: ['*'] },
      { effect: 'Allow', sid: 'S3', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::models/*'] },
      { effect: 'Deny', sid: 'Logs', actions: ['logs:*'], resources: ['*'] },
    ],
    // An invalid override document cannot be read: what it would replace is not known.
    incomplete: ['/override_policy_documents/1'],
  });
  assert.deepEqual(
    document.statements.map((entry) => [entry.form, pointerOf(entry.node.path)]),
    [
      ['json-string', '/source_policy_documents/0'],
      ['blocks', '/statement/0'],
      ['json-string', '/override_policy_documents/0'],
    ],
  );
});

test('policyFromDocumentDataSource: a source document that is another data source is read from its blocks', () => {
  const sourceRoot = rootOf('statement:\n  - sid: Base\n    actions: ["ec2:Describe*"]\n    resources: ["*"]\n', {}, 'base.tf');
  const reference: TerraformReference = { address: 'data.aws_iam_policy_document.base', attribute: ['json'] };
  const resources = new Map<string, TfResource>([['data.aws_iam_policy_document.base', resourceOf('data.aws_iam_policy_document.base', sourceRoot)]]);
  const resolve = (ref: TerraformReference): TfResource | undefined => resources.get(ref.address);
  const rendered = renderPolicyDocumentJson(sourceRoot);
  assert.ok(rendered !== undefined);
  for (const [name, text, facts] of [
    ['unknown', 'source_policy_documents: [null]\n', { unknown: ['/source_policy_documents/0'], references: { '/source_policy_documents/0': [reference] } }],
    ['rendered', `source_policy_documents: [${JSON.stringify(rendered)}]\n`, { references: { '/source_policy_documents/0': [reference] } }],
  ] as const) {
    const document = policyFromDocumentDataSource(rootOf(text, facts), { resolve });
    assert.deepEqual(summarize(document), { version: '2012-10-17', statements: [{ effect: 'Allow', sid: 'Base', actions: ['ec2:Describe*'], resources: ['*'] }] }, name);
    const [base] = document.statements;
    assert.equal(base?.node.doc.file.path, 'base.tf', name);
    assert.equal(base && lineOf(base.node), 2, name);
    // Without a resolver the unknown one cannot be read, the known one is parsed as text.
    assert.deepEqual(policyFromDocumentDataSource(rootOf(text, facts)).statements.map((entry) => entry.form), name === 'unknown' ? [] : ['json-string'], name);
  }
});
