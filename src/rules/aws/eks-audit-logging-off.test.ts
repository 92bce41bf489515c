import { ruleTester } from '../../testing/rule-tester.js';
import { eksAuditLoggingOff } from './eks-audit-logging-off.js';

ruleTester(eksAuditLoggingOff, {
  fixtures: 'src/rules/aws/__fixtures__/eks-audit-logging-off',
  valid: [{ name: 'audit enabled, the list or one of its elements from unresolved variables', file: 'pass-clusters.tf' }],
  invalid: [
    {
      name: 'no log types, a list without audit, a variable default without audit',
      file: 'fail-clusters.tf',
      errors: [
        { line: 6, messageId: 'notSet' },
        { line: 17, messageId: 'noAudit' },
        { line: 26, messageId: 'noAudit' },
      ],
    },
  ],
});
