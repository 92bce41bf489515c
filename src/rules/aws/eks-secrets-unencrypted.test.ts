import { ruleTester } from '../../testing/rule-tester.js';
import { eksSecretsUnencrypted } from './eks-secrets-unencrypted.js';

ruleTester(eksSecretsUnencrypted, {
  fixtures: 'src/rules/aws/__fixtures__/eks-secrets-unencrypted',
  valid: [{ name: 'secrets encrypted with a CMK, resources or blocks from unresolved variables', file: 'pass-clusters.tf' }],
  invalid: [
    {
      name: 'no encryption_config, resources without secrets from a variable default',
      file: 'fail-clusters.tf',
      errors: [
        { line: 6, messageId: 'noEncryptionConfig' },
        { line: 21, messageId: 'noSecrets' },
      ],
    },
  ],
});
