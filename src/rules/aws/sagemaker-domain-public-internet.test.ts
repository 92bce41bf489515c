import { ruleTester } from '../../testing/rule-tester.js';
import { sagemakerDomainPublicInternet } from './sagemaker-domain-public-internet.js';

ruleTester(sagemakerDomainPublicInternet, {
  fixtures: 'src/rules/aws/__fixtures__/sagemaker-domain-public-internet',
  valid: [{ name: 'VpcOnly, decided by an unresolved variable', file: 'pass-domains.tf' }],
  invalid: [
    {
      name: 'default, explicit',
      file: 'fail-domains.tf',
      errors: [
        { line: 1, messageId: 'notSet' },
        { line: 16, messageId: 'publicInternet' },
      ],
    },
  ],
});
