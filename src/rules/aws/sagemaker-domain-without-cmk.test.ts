import { ruleTester } from '../../testing/rule-tester.js';
import { sagemakerDomainWithoutCmk } from './sagemaker-domain-without-cmk.js';

ruleTester(sagemakerDomainWithoutCmk, {
  fixtures: 'src/rules/aws/__fixtures__/sagemaker-domain-without-cmk',
  valid: [{ name: 'a key, a key from an unresolved variable', file: 'pass-domains.tf' }],
  invalid: [
    {
      name: 'no key, a key variable defaulting to null',
      file: 'fail-domains.tf',
      errors: [
        { line: 6, messageId: 'noKey' },
        { line: 21, messageId: 'noKey' },
      ],
    },
  ],
});
