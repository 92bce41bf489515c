import { ruleTester } from '../../testing/rule-tester.js';
import { vllmLocalMediaPathAllowed } from './vllm-local-media-path-allowed.js';

ruleTester(vllmLocalMediaPathAllowed, {
  fixtures: 'src/rules/ml/__fixtures__/vllm-local-media-path-allowed',
  valid: [{ name: 'no local media path; a path from an unreadable variable', file: 'pass-no-local-media.yaml' }],
  invalid: [
    {
      name: '/ (critical), a media directory (high), a parent of a Secret mount and the token directory (critical)',
      file: 'fail-media-paths.yaml',
      errors: [
        { line: 18, messageId: 'sensitivePath', severity: 'critical' },
        { line: 21, messageId: 'mediaPath', severity: 'high' },
        { line: 24, messageId: 'sensitivePath', severity: 'critical' },
        { line: 31, messageId: 'sensitivePath', severity: 'critical' },
      ],
    },
  ],
});
