import { ruleTester } from '../../testing/rule-tester.js';
import { torchserveModelApiEnabled } from './torchserve-model-api-enabled.js';

ruleTester(torchserveModelApiEnabled, {
  fixtures: 'src/rules/ml/__fixtures__/torchserve-model-api-enabled',
  valid: [{ name: 'config false, env ignored without enable_envvars_config, default off', file: 'pass-disabled.yaml' }],
  invalid: [
    {
      name: 'flag, env overriding config false with enable_envvars_config=true, config.properties',
      file: 'fail-enabled.yaml',
      errors: [
        { line: 17, messageId: 'enabled', severity: 'high' },
        { line: 41, messageId: 'enabled', severity: 'high' },
        { line: 53, messageId: 'enabled', severity: 'high' },
      ],
    },
  ],
});
