import { ruleTester } from '../../testing/rule-tester.js';
import { vllmMediaFetchUnrestricted } from './vllm-media-fetch-unrestricted.js';

ruleTester(vllmMediaFetchUnrestricted, {
  fixtures: 'src/rules/ml/__fixtures__/vllm-media-fetch-unrestricted',
  valid: [{ name: 'allowlisted domains with redirects off, a text model, media switched off, a server that is not vLLM', file: 'pass-restricted-or-text.yaml' }],
  invalid: [
    {
      name: 'a VL model with an IRSA ServiceAccount (high), --limit_mm_per_prompt without domains, domains with default and explicit redirects',
      file: 'fail-multimodal.yaml',
      errors: [
        { line: 26, messageId: 'noAllowlist', severity: 'medium' },
        { line: 46, messageId: 'noAllowlist', severity: 'medium' },
        { line: 52, messageId: 'redirectsFollowed', severity: 'medium' },
        { line: 61, messageId: 'redirectsFollowed', severity: 'medium' },
      ],
    },
  ],
});
