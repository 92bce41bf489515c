import assert from 'node:assert/strict';
import { test } from 'node:test';
import { imageNotPinned } from '../k8s/image-not-pinned.js';
import { mostSpecificFindings, summarize } from '../../testing/most-specific-tester.js';
import { ruleTester } from '../../testing/rule-tester.js';
import { modelServerImageUnpinned } from './model-server-image-unpinned.js';

const FIXTURES = 'src/rules/ml/__fixtures__/model-server-image-unpinned';

ruleTester(modelServerImageUnpinned, {
  fixtures: FIXTURES,
  valid: [{ name: 'digests (also from a mirror), a templated image, a non-server sidecar', file: 'pass-digests.yaml' }],
  invalid: [
    {
      name: 'vendor tag, a mirror tag, a custom image running vLLM, latest; the init container is not a server',
      file: 'fail-tags.yaml',
      errors: [
        { line: 18, messageId: 'unpinned', severity: 'medium' },
        { line: 20, messageId: 'unpinnedThirdParty' },
        { line: 22, messageId: 'unpinned' },
        { line: 25, messageId: 'unpinned' },
      ],
    },
  ],
});

test('IG-ML-071 takes over IG-K8S-113 on model-server images; other images stay with IG-K8S-113', () => {
  assert.deepEqual(summarize(mostSpecificFindings([imageNotPinned, modelServerImageUnpinned], `${FIXTURES}/fail-tags.yaml`)), [
    'IG-K8S-113@15 low',
    'IG-ML-071@18 medium [IG-K8S-113]',
    'IG-ML-071@20 medium [IG-K8S-113]',
    'IG-ML-071@22 medium [IG-K8S-113]',
    'IG-ML-071@25 high [IG-K8S-113]',
  ]);
});
