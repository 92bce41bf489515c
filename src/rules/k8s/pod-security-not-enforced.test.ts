import { ruleTester } from '../../testing/rule-tester.js';
import { podSecurityNotEnforced } from './pod-security-not-enforced.js';

ruleTester(podSecurityNotEnforced, {
  fixtures: 'src/rules/k8s/__fixtures__/pod-security-not-enforced',
  valid: [
    { name: 'restricted, baseline, an unreadable level, a template value, the label on a ConfigMap', file: 'pass-namespaces.yaml' },
    { name: 'kustomize `$patch: delete` Namespaces are removed, not created', file: 'pass-delete-patch.yaml' },
    {
      name: 'a level given as a boolean is unknown',
      code: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n  labels: {pod-security.kubernetes.io/enforce: true}\n',
    },
  ],
  invalid: [
    {
      name: 'no labels (raised: it runs vLLM on a GPU), privileged, warn and audit only',
      file: 'fail-namespaces.yaml',
      errors: [
        { line: 3, messageId: 'notEnforced', severity: 'medium' },
        { line: 28, messageId: 'privilegedLevel', severity: 'low' },
        { line: 35, messageId: 'notEnforced', severity: 'low' },
      ],
    },
  ],
});
