import { ruleTester } from '../../testing/rule-tester.js';
import { seccompNotEnforced } from './seccomp-not-enforced.js';

const pod = (podContext: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: ${podContext}\n  containers:\n    - name: a\n      image: x:1\n`;

ruleTester(seccompNotEnforced, {
  fixtures: 'src/rules/k8s/__fixtures__/seccomp-not-enforced',
  valid: [
    { name: 'RuntimeDefault inherited, Localhost per container, Windows pod, kustomize patch', file: 'pass-enforced.yaml' },
    { name: 'a type that is not a string is unknown', code: pod('{seccompProfile: {type: [Unconfined]}}') },
    {
      name: 'a ServingRuntime leaves the pod-level profile to the InferenceService that selects it',
      code: 'apiVersion: serving.kserve.io/v1alpha1\nkind: ServingRuntime\nmetadata: {name: rt, namespace: models}\nspec:\n  supportedModelFormats: [{name: sklearn, autoSelect: true}]\n  containers:\n    - name: kserve-container\n      image: kserve/sklearnserver:v0.14.0\n',
    },
  ],
  invalid: [
    {
      name: 'a ServingRuntime container that writes Unconfined',
      code: 'apiVersion: serving.kserve.io/v1alpha1\nkind: ServingRuntime\nmetadata: {name: rt, namespace: models}\nspec:\n  containers:\n    - name: kserve-container\n      image: kserve/sklearnserver:v0.14.0\n      securityContext:\n        seccompProfile: {type: Unconfined}\n',
      errors: [{ line: 9, messageId: 'unconfined' }],
    },
    {
      name: 'no profile anywhere: one finding per container',
      file: 'fail-missing.yaml',
      errors: [
        { line: 21, messageId: 'notSet', severity: 'high' },
        { line: 23, messageId: 'notSet', severity: 'medium' },
      ],
    },
    {
      name: 'pod-level Unconfined reported once for the containers inheriting it; a container opting out',
      file: 'fail-unconfined.yaml',
      errors: [
        { line: 17, messageId: 'unconfined', severity: 'high' },
        { line: 46, messageId: 'unconfined', severity: 'medium' },
      ],
    },
    {
      name: 'legacy annotations at pod and container level; an unconfined container annotation',
      file: 'fail-legacy-annotation.yaml',
      errors: [
        { line: 16, messageId: 'legacyAnnotation', severity: 'high' },
        { line: 17, messageId: 'legacyAnnotation', severity: 'medium' },
        { line: 27, messageId: 'notSet', severity: 'medium' },
      ],
    },
  ],
});
