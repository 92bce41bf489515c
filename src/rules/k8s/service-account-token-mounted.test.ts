import { ruleTester } from '../../testing/rule-tester.js';
import { serviceAccountTokenMounted } from './service-account-token-mounted.js';

ruleTester(serviceAccountTokenMounted, {
  fixtures: 'src/rules/k8s/__fixtures__/service-account-token-mounted',
  valid: [
    { name: 'kustomize patches: no selector, or containers without an image', file: 'pass-kustomize-patches.yaml' },
    { name: 'disabled on the pod or its ServiceAccount; pod false wins over SA true; unknown values', file: 'pass-disabled.yaml' },
    { name: 'a ClusterServingRuntime cannot write it; an InferenceService predictor that disables it', file: 'pass-crd.yaml' },
  ],
  invalid: [
    { name: 'an InferenceService predictor that leaves it on', file: 'fail-crd.yaml', errors: [{ line: 8, messageId: 'notDisabled' }] },
    {
      name: 'SA in scope that does not disable it; pod true overriding SA false',
      file: 'fail-deployments.yaml',
      errors: [
        { line: 18, messageId: 'notDisabledAnywhere', severity: 'medium' },
        { line: 44, messageId: 'overridesServiceAccount', severity: 'low' },
      ],
    },
    {
      name: 'explicit true on a Ray pod; CronJob whose SA is not scanned',
      file: 'fail-pod-cronjob.yaml',
      errors: [
        { line: 7, messageId: 'explicitlyMounted', severity: 'medium' },
        { line: 22, messageId: 'notDisabled', severity: 'low' },
      ],
    },
    {
      name: 'an SA of the same name in another namespace does not count',
      code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: app, namespace: other}\nautomountServiceAccountToken: false\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: serving}\nspec:\n  serviceAccountName: app\n  containers:\n    - name: a\n      image: x:1\n',
      errors: [{ line: 9, messageId: 'notDisabled' }],
    },
  ],
});
