import { ruleTester } from '../../testing/rule-tester.js';
import { defaultNamespaceUsed } from './default-namespace-used.js';

ruleTester(defaultNamespaceUsed, {
  fixtures: 'src/rules/k8s/__fixtures__/default-namespace-used',
  valid: [
    { name: 'kustomize patches: no selector, or containers without an image', file: 'pass-kustomize-patches.yaml' },
    { name: 'a namespace-less base (no object names a namespace)', file: 'pass-namespace-less-base.yaml' },
    { name: 'dedicated namespace; a ConfigMap in default is not a workload', file: 'pass-dedicated.yaml' },
    { name: 'a cluster-scoped ClusterServingRuntime beside a namespaced InferenceService', file: 'pass-cluster-scoped-runtime.yaml' },
    {
      name: 'a namespace of the wrong type is unknown',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: serving}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: [default]}\nspec:\n  containers:\n    - name: a\n      image: x:1\n',
    },
  ],
  invalid: [
    {
      name: 'an InferenceService in default (once for its two components); a RayCluster that omits it (once for head and workers)',
      file: 'fail-crd.yaml',
      errors: [
        { line: 6, messageId: 'defaultNamespace' },
        { line: 26, messageId: 'namespaceOmitted' },
      ],
    },
    {
      name: 'explicit default namespace on a model server and a Job',
      file: 'fail-explicit-default.yaml',
      errors: [
        { line: 5, messageId: 'defaultNamespace', severity: 'medium' },
        { line: 21, messageId: 'defaultNamespace', severity: 'low' },
      ],
    },
    {
      name: 'omitted and empty namespaces in a file whose other objects name one',
      file: 'fail-mixed-file.yaml',
      errors: [
        { line: 15, messageId: 'namespaceOmitted', severity: 'low' },
        { line: 33, messageId: 'namespaceOmitted', severity: 'low' },
      ],
    },
  ],
});
