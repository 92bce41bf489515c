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
    {
      name: 'published: a runner server whose port a ClusterIP Service lists, an API server behind a LoadBalancer; a loopback-bound server stays high',
      file: 'fail-published.yaml',
      errors: [
        { line: 17, messageId: 'vulnerablePublished', severity: 'critical' },
        { line: 48, messageId: 'vulnerablePublished', severity: 'critical' },
        { line: 78, messageId: 'vulnerable', severity: 'high' },
      ],
    },
  ],
});
