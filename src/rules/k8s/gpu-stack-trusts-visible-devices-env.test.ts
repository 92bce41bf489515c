import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleTester } from '../../testing/rule-tester.js';
import { gpuStackTrustsVisibleDevicesEnv, strategyTrustsEnv } from './gpu-stack-trusts-visible-devices-env.js';

ruleTester(gpuStackTrustsVisibleDevicesEnv, {
  fixtures: 'src/rules/k8s/__fixtures__/gpu-stack-trusts-visible-devices-env',
  valid: [
    {
      name: 'GPU feature discovery runs from the device-plugin image',
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: gfd, namespace: kube-system}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers:\n        - name: gpu-feature-discovery\n          image: nvcr.io/nvidia/k8s-device-plugin:v0.17.1\n          command: ["/usr/bin/gpu-feature-discovery"]\n',
    },
    { name: 'volume-mounts, CDI, an unknown operator default, a toolkit that refuses the variable, a plugin config file', file: 'pass-isolated-or-unknown.yaml' },
  ],
  invalid: [
    {
      name: 'ClusterPolicy with the envvar strategy and a trusting toolkit; ClusterPolicy with CDI off',
      file: 'fail-cluster-policies.yaml',
      errors: [
        { line: 14, messageId: 'envvarStrategy', severity: 'medium' },
        { line: 19, messageId: 'toolkitAcceptsEnv' },
        { line: 27, messageId: 'defaultEnvvarStrategy' },
      ],
    },
    {
      name: 'static device plugin on its default, a mixed strategy list, a toolkit container that accepts the variable',
      file: 'fail-static-daemonsets.yaml',
      errors: [
        { line: 18, messageId: 'defaultEnvvarStrategy' },
        { line: 50, messageId: 'envvarStrategy' },
        { line: 69, messageId: 'toolkitAcceptsEnv' },
      ],
    },
  ],
});

test('strategy lists: any envvar entry still trusts the variable', () => {
  assert.equal(strategyTrustsEnv('volume-mounts'), false);
  assert.equal(strategyTrustsEnv('cdi-annotations,cdi-cri'), false);
  assert.equal(strategyTrustsEnv('envvar,cdi-annotations'), true);
  assert.equal(strategyTrustsEnv('envvar'), true);
});
