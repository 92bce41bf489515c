import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleTester } from '../../testing/rule-tester.js';
import { rayRuntimeEnvUnpinned, requirementPinned } from './ray-runtime-env-unpinned.js';

ruleTester(rayRuntimeEnvUnpinned, {
  fixtures: 'src/rules/ml/__fixtures__/ray-runtime-env-unpinned',
  valid: [
    {
      name: 'archives by commit SHA, exact pins, VCS at a commit, pip options, local paths, uploaded gcs:// packages, a requirements file, no runtime_env',
      file: 'pass-pinned-or-local.yaml',
    },
  ],
  invalid: [
    {
      name: 'lines inside the literal serveConfigV2 / runtimeEnvYAML blocks; a quoted runtimeEnvYAML is reported at its key',
      file: 'fail-serve-and-jobs.yaml',
      errors: [
        { line: 14, messageId: 'remoteUnpinned', severity: 'medium' },
        { line: 16, messageId: 'remoteUnpinned' },
        { line: 20, messageId: 'requirementsUnpinned' },
        { line: 26, messageId: 'requirementsUnpinned' },
        { line: 45, messageId: 'remotePlaintext' },
        { line: 48, messageId: 'requirementsUnpinned' },
        { line: 59, messageId: 'remoteUnpinned' },
        { line: 59, messageId: 'requirementsUnpinned' },
      ],
    },
  ],
});

test('requirementPinned: exact versions, hashes and commits are pinned; ranges, bare names and branches are not; options are not requirements', () => {
  const cases: Array<[string, boolean | undefined]> = [
    ['requests==2.26.0', true],
    ['torch == 2.5.1+cu121', true],
    ['pkg[extra]==1.0 ; python_version >= "3.9"', true],
    ['pkg===1.0', true],
    ['torch', false],
    ['transformers>=4.19.1', false],
    ['numpy~=1.26', false],
    ['pkg==1.*', false],
    ['pydantic<2', false],
    ['foo @ https://example.com/foo-1.0-py3-none-any.whl', false],
    ['foo @ https://example.com/foo-1.0-py3-none-any.whl#sha256=0e9e39f249a16976918f6564b8830bc894c896590e9e39f249a16976918f6564', true],
    ['git+https://github.com/org/repo@main#egg=repo', false],
    ['git+https://github.com/org/repo@0e9e39f249a16976918f6564b8830bc894c89659#egg=repo', true],
    ['-e git+https://github.com/org/repo@0e9e39f249a16976918f6564b8830bc894c89659#egg=repo', true],
    ['pkg --hash=sha256:0e9e39f249a16976918f6564b8830bc894c896590e9e39f249a16976918f6564', true],
    ['-r requirements.txt', undefined],
    ['--extra-index-url https://pypi.example.com/simple', undefined],
    ['./wheels/pkg-1.0-py3-none-any.whl', undefined],
    ['# a comment', undefined],
  ];
  for (const [requirement, expected] of cases) assert.equal(requirementPinned(requirement), expected, requirement);
});
