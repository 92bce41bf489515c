import { ruleTester } from '../../testing/rule-tester.js';
import { runsAsRoot } from './runs-as-root.js';

const pod = (podContext: string, containerContext: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: ${podContext}\n  containers:\n    - name: a\n      image: x:1\n      securityContext: ${containerContext}\n`;

ruleTester(runsAsRoot, {
  fixtures: 'src/rules/k8s/__fixtures__/runs-as-root',
  valid: [
    { name: 'runAsNonRoot, a non-zero UID at pod or container level, a kustomize patch, look-alike keys', file: 'pass-non-root.yaml' },
    { name: 'a KServe model spec leaves it to the runtime; a runtime leaves the pod level to the InferenceService', file: 'pass-crd.yaml' },
    { name: 'runAsNonRoot given as a string is unknown', code: pod('{}', '{runAsNonRoot: "true"}') },
    { name: 'runAsUser given as a string is unknown', code: pod('{}', '{runAsUser: "0"}') },
    { name: 'a container UID overrides a pod-level root UID', code: pod('{runAsUser: 0}', '{runAsUser: 1000}') },
  ],
  invalid: [
    {
      name: 'nothing set on a TorchServe pod and its init container',
      file: 'fail-pod-defaults.yaml',
      errors: [
        { line: 9, messageId: 'nonRootNotRequired', severity: 'medium' },
        { line: 17, messageId: 'nonRootNotRequired', severity: 'high' },
      ],
    },
    {
      name: 'container runAsNonRoot false over a pod true; pod-level UID 0 reported once; UID 0 despite runAsNonRoot',
      file: 'fail-overrides.yaml',
      errors: [
        { line: 25, messageId: 'nonRootDisabled', severity: 'medium' },
        { line: 42, messageId: 'rootUser', severity: 'high' },
        { line: 72, messageId: 'rootUser', severity: 'medium' },
      ],
    },
    { name: 'runAsNonRoot false at pod level', code: pod('{runAsNonRoot: false}', '{}'), errors: [{ line: 5, messageId: 'nonRootDisabled' }] },
    {
      name: 'UID 0 written in a KServe model spec; a Ray head with nothing set',
      file: 'fail-crd.yaml',
      errors: [
        { line: 14, messageId: 'rootUser' },
        { line: 27, messageId: 'nonRootNotRequired' },
      ],
    },
  ],
});
