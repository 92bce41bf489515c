import { ruleTester } from '../../testing/rule-tester.js';
import { torchserveTokenAuthDisabled } from './torchserve-token-auth-disabled.js';

ruleTester(torchserveTokenAuthDisabled, {
  fixtures: 'src/rules/ml/__fixtures__/torchserve-token-auth-disabled',
  valid: [{ name: 'explicit false, env override without enable_envvars_config, a non-TorchServe flag', file: 'pass-token-auth.yaml' }],
  invalid: [
    {
      name: 'flag, env with enable_envvars_config=true, config.properties at the default path',
      file: 'fail-disabled.yaml',
      errors: [
        { line: 21, messageId: 'disabled', severity: 'high' },
        { line: 52, messageId: 'disabled', severity: 'high' },
        { line: 67, messageId: 'disabled', severity: 'high' },
      ],
    },
  ],
});
