import { ruleTester } from '../../testing/rule-tester.js';
import { hostNamespaceShared } from './host-namespace-shared.js';

ruleTester(hostNamespaceShared, {
  fixtures: 'src/rules/k8s/__fixtures__/host-namespace-shared',
  valid: [{ name: 'false, a string, a container-level key, annotations and a ConfigMap', file: 'pass-isolated.yaml' }],
  invalid: [
    {
      name: 'all three on a GPU vLLM StatefulSet, hostPID on a DaemonSet',
      file: 'fail-host-namespaces.yaml',
      errors: [
        { line: 15, messageId: 'hostNetwork', severity: 'critical' },
        { line: 16, messageId: 'hostPID', severity: 'critical' },
        { line: 17, messageId: 'hostIPC', severity: 'critical' },
        { line: 39, messageId: 'hostPID', severity: 'high' },
      ],
    },
  ],
});
