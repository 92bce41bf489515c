import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { clusterAdminBound } from './cluster-admin-bound.js';

ruleTester(clusterAdminBound, {
  fixtures: 'src/rules/k8s/__fixtures__/cluster-admin-bound',
  valid: [
    { name: 'system: subjects, other roles, a Role named cluster-admin, a binding without subjects', file: 'pass-bindings.yaml' },
    { name: 'kustomize `$patch: delete` bindings grant nothing', file: 'pass-delete-patch.yaml' },
  ],
  invalid: [
    {
      name: 'a ServiceAccount, a group beside system:masters, and a namespaced binding in a List',
      file: 'fail-bindings.yaml',
      errors: [
        { line: 8, messageId: 'serviceAccount', severity: 'critical' },
        { line: 18, messageId: 'userOrGroup', severity: 'critical' },
        { line: 34, messageId: 'serviceAccount', severity: 'critical' },
      ],
    },
    {
      name: 'a ServiceAccount without namespace, the ServiceAccount groups, unauthenticated callers, a ServiceAccount written as a user',
      file: 'fail-broad-and-unplaced.yaml',
      errors: [
        { line: 9, messageId: 'serviceAccount', severity: 'critical' },
        { line: 22, messageId: 'serviceAccount', severity: 'critical' },
        { line: 35, messageId: 'userOrGroup', severity: 'critical' },
        { line: 52, messageId: 'serviceAccount', severity: 'critical' },
      ],
    },
  ],
});

test('messages name only the namespaces that are written', () => {
  const path = 'src/rules/k8s/__fixtures__/cluster-admin-bound/fail-broad-and-unplaced.yaml';
  const messages = findingsOf(clusterAdminBound, new SourceFile(path, readFileSync(path, 'utf8'))).map((finding) => finding.message);
  assert.deepEqual(messages, [
    "ClusterRoleBinding 'manager-rolebinding' gives cluster-admin over the cluster to ServiceAccount 'controller-manager': code execution in a pod running as it controls the whole cluster.",
    "ClusterRoleBinding 'demo-all-serviceaccounts-admin' gives cluster-admin over the cluster to Group 'system:serviceaccounts': code execution in a pod running as it controls the whole cluster.",
    "ClusterRoleBinding 'dashboard-open' gives cluster-admin over the cluster to Group 'system:unauthenticated', User 'system:anonymous'.",
    "RoleBinding 'pipeline-runner-admin' gives cluster-admin in its namespace (set at deploy time) to User 'system:serviceaccount:pipelines:pipeline-runner': code execution in a pod running as it controls that namespace.",
  ]);
});
