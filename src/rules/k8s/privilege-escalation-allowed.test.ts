import { ruleTester } from '../../testing/rule-tester.js';
import { privilegeEscalationAllowed } from './privilege-escalation-allowed.js';

const pod = (securityContext: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext: ${securityContext}\n`;

ruleTester(privilegeEscalationAllowed, {
  fixtures: 'src/rules/k8s/__fixtures__/privilege-escalation-allowed',
  valid: [
    { name: 'disabled in a List-wrapped CronJob, Windows pod, kustomize patch, look-alike keys', file: 'pass-hardened.yaml' },
    { name: 'a string is not known to be true', code: pod('{allowPrivilegeEscalation: "true"}') },
    { name: 'a string is not known to be false either, but is not absent', code: pod('{allowPrivilegeEscalation: "false"}') },
  ],
  invalid: [
    {
      name: 'absent on an init container and a sidecar, explicitly true on a GPU server',
      file: 'fail-deployment.yaml',
      errors: [
        { line: 17, messageId: 'notDisabled', severity: 'medium' },
        { line: 28, messageId: 'allowed', severity: 'high' },
        { line: 33, messageId: 'notDisabled', severity: 'medium' },
      ],
    },
    {
      name: 'forced by privileged, CAP_SYS_ADMIN (even with the field false) and lower-case sys_admin',
      file: 'fail-forced.yaml',
      errors: [
        { line: 18, messageId: 'forced', severity: 'medium' },
        { line: 22, messageId: 'forced', severity: 'medium' },
        { line: 45, messageId: 'forced', severity: 'high' },
      ],
    },
    { name: 'null is not written', code: pod('{allowPrivilegeEscalation: null}'), errors: [{ line: 8, messageId: 'notDisabled' }] },
  ],
});
