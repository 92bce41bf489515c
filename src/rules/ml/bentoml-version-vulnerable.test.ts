import { ruleTester } from '../../testing/rule-tester.js';
import { bentomlVersionVulnerable } from './bentoml-version-vulnerable.js';

ruleTester(bentomlVersionVulnerable, {
  fixtures: 'src/rules/ml/__fixtures__/bentoml-version-vulnerable',
  valid: [{ name: 'a fixed pip pin, a built Bento image whose tag is not BentoML’s, a BentoML client that serves nothing', file: 'pass-fixed.yaml' }],
  invalid: [
    {
      name: 'a pinned install with extras before 1.4.3, and a BentoML image before the runner fix',
      file: 'fail-old-bentoml.yaml',
      errors: [
        { line: 16, messageId: 'vulnerable', severity: 'high' },
        { line: 18, messageId: 'vulnerable', severity: 'high' },
      ],
    },
  ],
});
