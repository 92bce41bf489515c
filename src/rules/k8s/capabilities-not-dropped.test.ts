import { ruleTester } from '../../testing/rule-tester.js';
import { capabilitiesNotDropped } from './capabilities-not-dropped.js';

const pod = (capabilities: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext:\n        capabilities: ${capabilities}\n`;

ruleTester(capabilitiesNotDropped, {
  fixtures: 'src/rules/k8s/__fixtures__/capabilities-not-dropped',
  valid: [
    { name: 'ALL and all dropped; a non-list drop, a Windows pod and a kustomize patch are not judged', file: 'pass-dropped.yaml' },
    { name: 'privileged containers have every capability: left to IG-K8S-101', file: 'pass-privileged.yaml' },
    { name: 'a non-string item makes the list unknown', code: pod('{drop: [NET_RAW, {name: ALL}]}') },
  ],
  invalid: [
    {
      name: 'partial drop, no securityContext capabilities, empty list, GPU Job',
      file: 'fail-containers.yaml',
      errors: [
        { line: 20, messageId: 'allNotDropped', severity: 'low' },
        { line: 25, messageId: 'notDropped', severity: 'medium' },
        { line: 31, messageId: 'notDropped', severity: 'low' },
        { line: 43, messageId: 'notDropped', severity: 'medium' },
      ],
    },
    { name: 'CAP_ALL is not ALL to any runtime', code: pod('{drop: [CAP_ALL]}'), errors: [{ line: 9, messageId: 'allNotDropped' }] },
    { name: 'dropping ALL in add does nothing', code: pod('{add: [ALL]}'), errors: [{ line: 9, messageId: 'notDropped' }] },
  ],
});
