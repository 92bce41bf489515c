import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandIamActions } from '@cloud-copilot/iam-expand';
import { rootOf } from './iam-testing.js';
import { parsePolicyJson } from './parse-policy-json.js';
import { catalogServices, deniedEverywhere, documentPermissions, expandActionPattern, serviceActions, wildcardScope } from './permissions.js';

function statementsOf(json: unknown) {
  const document = parsePolicyJson(JSON.stringify(json), rootOf('policy: x\n', {}).get('policy'));
  assert.ok(document !== 'unknown');
  return documentPermissions(document);
}

test('expansion agrees with @cloud-copilot/iam-expand on the same catalogue', async () => {
  for (const pattern of ['s3:Get*Tagging', 's3:*', 'SageMaker:Create*', 'iam:PassRole', 'iam:passrole', 'ec2:Describe?nstances', 'nosuch:*', 's3Get*']) {
    const ours = expandActionPattern(pattern).map((action) => action.name.toLowerCase()).sort();
    const theirs = (await expandIamActions(pattern)).map((action) => action.toLowerCase()).sort();
    assert.deepEqual(ours, theirs, pattern);
  }
  assert.ok(catalogServices().has('sagemaker'));
});

test('access levels: Permissions management and Tagging are their own levels', () => {
  const level = (name: string) => expandActionPattern(name)[0]?.accessLevel;
  assert.equal(level('s3:GetObject'), 'Read');
  assert.equal(level('s3:ListBucket'), 'List');
  assert.equal(level('s3:PutObject'), 'Write');
  assert.equal(level('iam:PutRolePolicy'), 'Permissions management');
  assert.equal(level('s3:PutBucketTagging'), 'Tagging');
});

test('wildcard scope: *, a whole service however written, not a partial pattern', () => {
  assert.deepEqual(wildcardScope('*'), { kind: 'all' });
  assert.deepEqual(wildcardScope('s3:*'), { kind: 'service', service: 's3' });
  assert.deepEqual(wildcardScope('S3:**'), { kind: 'service', service: 's3' });
  assert.equal(wildcardScope('s3:Get*'), undefined);
  assert.equal(wildcardScope('s3:GetObject'), undefined);
  assert.equal(serviceActions('nosuch').length, 0);
});

test('grant: allow, deny, maybe under a condition or unknown narrowing; NotAction and NotResource', () => {
  const [allow, conditional, deny, notAction, notResource] = statementsOf({
    Statement: [
      { Effect: 'Allow', Action: 's3:*', Resource: '*' },
      { Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
      { Effect: 'Deny', Action: 's3:Delete*', Resource: '*' },
      { Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::m/*' },
      { Effect: 'Allow', Action: 's3:PutObject', NotResource: 'arn:aws:s3:::audit/*' },
    ],
  });
  assert.ok(allow && conditional && deny && notAction && notResource);
  assert.equal(allow.grant, 'allow');
  assert.equal(allow.anyResource, 'yes');
  assert.equal(conditional.grant, 'maybe');
  assert.equal(deny.grant, 'deny');
  assert.equal(notAction.covers('iam:PassRole'), 'no');
  assert.equal(notAction.covers('s3:GetObject'), 'yes');
  assert.equal(notAction.anyResource, 'no');
  assert.ok(notAction.actions().every((action) => action.service !== 'iam'));
  assert.equal(notResource.anyResource, 'yes');
  assert.ok(deniedEverywhere(expandActionPattern('s3:DeleteObject'), [deny]));
  assert.ok(!deniedEverywhere(expandActionPattern('s3:*'), [deny]));
});
