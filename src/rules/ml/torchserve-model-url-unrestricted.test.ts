import { ruleTester } from '../../testing/rule-tester.js';
import { torchserveModelUrlUnrestricted } from './torchserve-model-url-unrestricted.js';

ruleTester(torchserveModelUrlUnrestricted, {
  fixtures: 'src/rules/ml/__fixtures__/torchserve-model-url-unrestricted',
  valid: [{ name: 'anchored https allowlist, env ignored without use_env_allowed_urls, config file not in the scan', file: 'pass-anchored.yaml' }],
  invalid: [
    {
      name: 'any-URL pattern with the model API on, absent on 0.10 (API on by default), cleartext from env with use_env_allowed_urls',
      file: 'fail-allowed-urls.yaml',
      errors: [
        { line: 8, messageId: 'anyUrl', severity: 'critical' },
        { line: 45, messageId: 'absent', severity: 'critical' },
        { line: 100, messageId: 'cleartext', severity: 'medium' },
      ],
    },
  ],
});
