import { ruleTester } from '../../testing/rule-tester.js';
import { ollamaVersionVulnerable } from './ollama-version-vulnerable.js';

ruleTester(ollamaVersionVulnerable, {
  fixtures: 'src/rules/ml/__fixtures__/ollama-version-vulnerable',
  valid: [{ name: 'fixed releases, a digest, a custom build running ollama serve, another image with an old tag', file: 'pass-fixed-and-pinned.yaml' }],
  invalid: [
    {
      name: 'below each floor, latest, a rolling variant tag and no tag',
      file: 'fail-images.yaml',
      errors: [
        { line: 16, messageId: 'vulnerable', severity: 'high' },
        { line: 18, messageId: 'vulnerable', severity: 'high' },
        { line: 20, messageId: 'vulnerable', severity: 'high' },
        { line: 22, messageId: 'versionUnknown', severity: 'medium' },
        { line: 24, messageId: 'versionUnknown', severity: 'medium' },
        { line: 26, messageId: 'versionUnknown', severity: 'medium' },
      ],
    },
    {
      name: 'critical when the vulnerable API is exposed with nothing authenticating in front; high behind an Istio JWT policy or bound to loopback',
      file: 'fail-exposed.yaml',
      errors: [
        { line: 12, messageId: 'vulnerableExposed', severity: 'critical' },
        { line: 41, messageId: 'vulnerable', severity: 'high' },
        { line: 70, messageId: 'vulnerable', severity: 'high' },
      ],
    },
  ],
});
