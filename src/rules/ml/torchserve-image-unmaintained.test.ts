import { ruleTester } from '../../testing/rule-tester.js';
import { torchserveImageUnmaintained } from './torchserve-image-unmaintained.js';

ruleTester(torchserveImageUnmaintained, {
  fixtures: 'src/rules/ml/__fixtures__/torchserve-image-unmaintained',
  valid: [{ name: 'Triton, a custom image running torchserve, a look-alike name', file: 'pass-other-servers.yaml' }],
  invalid: [
    {
      name: 'below the ShellTorch floor (critical) and the allowed_urls-bypass floor (high), latest, untagged, releases at or above the floors',
      file: 'fail-images.yaml',
      errors: [
        { line: 16, messageId: 'vulnerable', severity: 'critical' },
        { line: 18, messageId: 'floating', severity: 'medium' },
        { line: 20, messageId: 'floating', severity: 'medium' },
        { line: 22, messageId: 'unmaintained', severity: 'medium' },
        { line: 24, messageId: 'vulnerable', severity: 'high' },
        { line: 26, messageId: 'floating', severity: 'medium' },
        { line: 28, messageId: 'unmaintained', severity: 'medium' },
      ],
    },
  ],
});
