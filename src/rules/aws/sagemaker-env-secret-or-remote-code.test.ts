import { ruleTester } from '../../testing/rule-tester.js';
import { sagemakerEnvSecretOrRemoteCode } from './sagemaker-env-secret-or-remote-code.js';

ruleTester(sagemakerEnvSecretOrRemoteCode, {
  fixtures: 'src/rules/aws/__fixtures__/sagemaker-env-secret-or-remote-code',
  valid: [
    {
      name: 'commit-pinned trust, secrets from unresolved variables, look-alike names, caller revision, staged model with a placeholder token',
      file: 'pass-models.tf',
    },
  ],
  invalid: [
    {
      name: 'unpinned trust, a token from a variable default, a password literal, a branch revision in an inference pipeline',
      file: 'fail-models.tf',
      errors: [
        { line: 13, messageId: 'trustUnpinned' },
        { line: 15, messageId: 'secretInEnv' },
        { line: 26, messageId: 'secretInEnv' },
        { line: 34, messageId: 'trustBranchPinned' },
      ],
    },
  ],
});
