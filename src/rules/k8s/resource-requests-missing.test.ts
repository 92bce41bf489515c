import { ruleTester } from '../../testing/rule-tester.js';
import { resourceRequestsMissing } from './resource-requests-missing.js';

ruleTester(resourceRequestsMissing, {
  fixtures: 'src/rules/k8s/__fixtures__/resource-requests-missing',
  valid: [
    { name: 'kustomize patches: no selector, or containers without an image', file: 'pass-kustomize-patches.yaml' },
    { name: 'requests written, copied from limits, from pod-level limits or a LimitRange', file: 'pass-defaulted.yaml' },
    {
      name: 'requests given as a template string are unknown',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      resources:\n        requests: "{{ .Values.requests }}"\n',
    },
  ],
  invalid: [
    {
      name: 'model server without resources and a sidecar without a memory request; init container covered by its limit',
      file: 'fail-deployment.yaml',
      errors: [
        { line: 23, messageId: 'missingRequests', severity: 'medium' },
        { line: 29, messageId: 'missingMemoryRequest', severity: 'low' },
      ],
    },
    { name: 'Job with a memory limit only', file: 'fail-job.yaml', errors: [{ line: 14, messageId: 'missingCpuRequest', severity: 'low' }] },
  ],
});
