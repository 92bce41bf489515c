import { ruleTester } from '../../testing/rule-tester.js';
import { hostPortBound } from './host-port-bound.js';

ruleTester(hostPortBound, {
  fixtures: 'src/rules/k8s/__fixtures__/host-port-bound',
  valid: [{ name: 'no host ports, hostPort 0, hostPort as a string, a Service in a List', file: 'pass-no-host-ports.yaml' }],
  invalid: [
    {
      name: 'each host port at its line; raised on a Triton server',
      file: 'fail-host-ports.yaml',
      errors: [
        { line: 20, messageId: 'hostPort', severity: 'high' },
        { line: 23, messageId: 'hostPort', severity: 'high' },
        { line: 43, messageId: 'hostPort', severity: 'medium' },
      ],
    },
    {
      name: 'an init container',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n    - name: a\n      image: x:1\n      ports: [{containerPort: 53, hostPort: 53}]\n  containers:\n    - name: b\n      image: x:1\n',
      errors: [{ line: 8, messageId: 'hostPort' }],
    },
  ],
});
