import { ruleTester } from '../../testing/rule-tester.js';
import { resourceLimitsMissing } from './resource-limits-missing.js';

ruleTester(resourceLimitsMissing, {
  fixtures: 'src/rules/k8s/__fixtures__/resource-limits-missing',
  valid: [
    { name: 'kustomize patches: no selector, or containers without an image', file: 'pass-kustomize-patches.yaml' },
    { name: 'container, pod-level and LimitRange limits; ephemeral container skipped', file: 'pass-bounded.yaml' },
    { name: 'resources given as template strings are unknown', file: 'pass-unknown.yaml' },
    { name: 'KServe defaults the first container of a component; a model spec leaves resources to the runtime', file: 'pass-crd-defaults.yaml' },
    {
      name: 'a LimitRange max becomes the default limit',
      code: 'apiVersion: v1\nkind: LimitRange\nmetadata: {name: caps}\nspec:\n  limits:\n    - type: Container\n      max: {cpu: "4", memory: 8Gi}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n',
    },
  ],
  invalid: [
    {
      name: 'a second KServe container is not defaulted; a Ray worker group without limits',
      file: 'fail-crd.yaml',
      errors: [
        { line: 15, messageId: 'missingCpuLimit' },
        { line: 41, messageId: 'missingLimits' },
      ],
    },
    {
      name: 'init container, GPU model server and sidecar of a Deployment',
      file: 'fail-deployment.yaml',
      errors: [
        { line: 23, messageId: 'missingCpuLimit', severity: 'medium' },
        { line: 33, messageId: 'missingLimits', severity: 'high' },
        { line: 35, messageId: 'missingLimits', severity: 'medium' },
      ],
    },
    {
      name: 'GPU in requests only; a null limit counts as missing',
      file: 'fail-gpu-requests-only.yaml',
      errors: [
        { line: 21, messageId: 'acceleratorOnlyRequested', severity: 'high' },
        { line: 44, messageId: 'missingCpuLimit', severity: 'medium' },
      ],
    },
    {
      name: 'CronJob and model-server Pod inside a List',
      file: 'fail-cronjob-list.yaml',
      errors: [
        { line: 20, messageId: 'missingMemoryLimit', severity: 'medium' },
        { line: 28, messageId: 'missingLimits', severity: 'high' },
      ],
    },
    {
      name: 'a LimitRange of another namespace does not apply',
      code: 'apiVersion: v1\nkind: LimitRange\nmetadata: {name: caps, namespace: other}\nspec:\n  limits:\n    - type: Container\n      default: {cpu: "1", memory: 1Gi}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: serving}\nspec:\n  containers:\n    - name: a\n      image: x:1\n',
      errors: [{ line: 14, messageId: 'missingLimits' }],
    },
  ],
});
