import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FUNCTIONS } from './index.js';

// The functions this library promises to the evaluator; a missing registration fails here.
const EXPECTED = [
  'abs', 'abspath', 'alltrue', 'anytrue', 'base64decode', 'base64encode', 'base64sha256', 'base64sha512', 'basename', 'bcrypt',
  'ceil', 'chomp', 'chunklist', 'cidrhost', 'cidrnetmask', 'cidrsubnet', 'cidrsubnets', 'coalesce', 'coalescelist', 'compact',
  'concat', 'contains', 'csvdecode', 'dirname', 'distinct', 'element', 'endswith', 'file', 'filebase64', 'filebase64sha256',
  'filebase64sha512', 'fileexists', 'filemd5', 'fileset', 'filesha1', 'filesha256', 'filesha512', 'flatten', 'floor', 'format', 'formatdate',
  'formatlist', 'index', 'indent', 'join', 'jsondecode', 'jsonencode', 'keys', 'length', 'log', 'lookup', 'lower', 'matchkeys',
  'max', 'md5', 'merge', 'min', 'one', 'parseint', 'pathexpand', 'plantimestamp', 'pow', 'range', 'regex', 'regexall', 'replace',
  'reverse', 'rsadecrypt', 'setintersection', 'setproduct', 'setsubtract', 'setunion', 'sha1', 'sha256', 'sha512', 'signum',
  'slice', 'sort', 'split', 'startswith', 'strcontains', 'strrev', 'substr', 'sum', 'templatefile', 'timeadd', 'timecmp', 'timestamp', 'title',
  'tobool', 'tolist', 'tomap', 'tonumber', 'toset', 'tostring', 'transpose', 'trim', 'trimprefix', 'trimspace', 'trimsuffix',
  'upper', 'urlencode', 'uuid', 'uuidv5', 'values', 'yamldecode', 'yamlencode', 'zipmap',
];

test('FUNCTIONS registers exactly the expected names', () => {
  assert.deepEqual([...FUNCTIONS.keys()].sort(), [...EXPECTED].sort());
});
