import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mostSpecificFindings, summarize } from '../../testing/most-specific-tester.js';
import { ruleTester } from '../../testing/rule-tester.js';
import { modelServerRunsAsRoot } from './model-server-runs-as-root.js';
import { runsAsRoot } from './runs-as-root.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/model-server-runs-as-root';

ruleTester(modelServerRunsAsRoot, {
  fixtures: FIXTURES,
  valid: [{ name: 'Triton as UID 1000, TorchServe on its image user, vLLM, a custom image running tritonserver', file: 'pass-non-root.yaml' }],
  invalid: [
    {
      name: 'Triton on the image default, Triton with runAsNonRoot false, TorchServe forced to UID 0',
      file: 'fail-triton-torchserve.yaml',
      errors: [
        { line: 16, messageId: 'nonRootNotRequired', severity: 'medium' },
        { line: 36, messageId: 'nonRootDisabled' },
        { line: 57, messageId: 'rootUser' },
      ],
    },
  ],
});

test('IG-K8S-010 replaces IG-K8S-103 on the same field for Triton and TorchServe; IG-K8S-103 stays where the user is not known', () => {
  const rules = [runsAsRoot, modelServerRunsAsRoot];
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/fail-triton-torchserve.yaml`)), [
    'IG-K8S-010@16 high [IG-K8S-103]',
    'IG-K8S-010@36 high [IG-K8S-103]',
    'IG-K8S-010@57 high [IG-K8S-103]',
  ]);
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/pass-non-root.yaml`)), ['IG-K8S-103@30 high']);
});
