import { ruleTester } from '../../testing/rule-tester.js';
import { writableRootFilesystem } from './writable-root-filesystem.js';

ruleTester(writableRootFilesystem, {
  fixtures: 'src/rules/k8s/__fixtures__/writable-root-filesystem',
  valid: [
    { name: 'read-only roots, a Windows pod, a kustomize patch and a look-alike ConfigMap key', file: 'pass-read-only.yaml' },
    {
      name: 'a string is unknown',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext: {readOnlyRootFilesystem: "false"}\n',
    },
  ],
  invalid: [
    {
      name: 'explicitly false on an init container, absent on a GPU vLLM server and on a bare Pod',
      file: 'fail-writable.yaml',
      errors: [
        { line: 18, messageId: 'writable', severity: 'low' },
        { line: 20, messageId: 'notReadOnly', severity: 'medium' },
        { line: 35, messageId: 'notReadOnly', severity: 'low' },
      ],
    },
  ],
});
