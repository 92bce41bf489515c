import { ruleTester } from '../../testing/rule-tester.js';
import { notebookPrivilegedServiceAccount } from './notebook-privileged-service-account.js';

ruleTester(notebookPrivilegedServiceAccount, {
  fixtures: 'src/rules/gcp/__fixtures__/notebook-privileged-service-account',
  valid: [{ name: 'a dedicated account with narrow and bucket-level roles, an account from the caller, Workbench without email', file: 'pass-notebooks.tf' }],
  invalid: [
    {
      name: 'default by omission, by email, by data source; an account with Vertex AI Admin on the project',
      file: 'fail-notebooks.tf',
      errors: [
        { line: 14, messageId: 'defaultNotSet' },
        { line: 29, messageId: 'defaultAccount' },
        { line: 42, messageId: 'defaultAccount' },
        { line: 53, messageId: 'adminAccount' },
      ],
    },
  ],
});
