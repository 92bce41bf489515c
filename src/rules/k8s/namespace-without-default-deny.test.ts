import { ruleTester } from '../../testing/rule-tester.js';
import { namespaceWithoutDefaultDeny } from './namespace-without-default-deny.js';

ruleTester(namespaceWithoutDefaultDeny, {
  fixtures: 'src/rules/k8s/__fixtures__/namespace-without-default-deny',
  valid: [
    { name: 'one policy for both directions, two split policies, unnamespaced workloads, patches, empty namespaces', file: 'pass-default-deny.yaml' },
    { name: 'namespace-wide allow lists in both directions; namespaces the operator fills in', file: 'pass-allow-lists.yaml' },
    {
      name: 'a namespace that is a template placeholder is unknown',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: "${namespace}"}\nspec:\n  containers: [{name: a, image: busybox:1.36}]\n',
    },
  ],
  invalid: [
    {
      name: 'reported at the Namespace when it is in the files, else at the first workload of the namespace',
      file: 'fail-namespaces.yaml',
      errors: [
        { line: 4, messageId: 'noDefaultDeny', severity: 'high' },
        { line: 27, messageId: 'noDefaultDenyEgress', severity: 'medium' },
        { line: 66, messageId: 'noDefaultDenyIngress', severity: 'medium' },
      ],
    },
    {
      name: 'egress rules without policyTypes add Egress, and an empty egress rule allows everything',
      code: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: ns}\nspec:\n  podSelector: {}\n  egress:\n    - {}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: ns}\nspec:\n  containers: [{name: a, image: busybox:1.36}]\n',
      errors: [{ line: 11, messageId: 'noDefaultDenyEgress', severity: 'low' }],
    },
    {
      name: 'same-namespace allow list isolates ingress only; open allow lists deny nothing; a deleted Namespace is not the location',
      file: 'fail-allow-lists.yaml',
      errors: [
        { line: 20, messageId: 'noDefaultDenyEgress', severity: 'low' },
        { line: 50, messageId: 'noDefaultDeny', severity: 'medium' },
        { line: 67, messageId: 'noDefaultDeny', severity: 'medium' },
      ],
    },
  ],
});
