import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mostSpecificFindings, summarize } from '../../testing/most-specific-tester.js';
import { ruleTester } from '../../testing/rule-tester.js';
import { hostPathMounted } from './host-path-mounted.js';
import { nvidiaHostPath, nvidiaHostPathMounted } from './nvidia-host-path-mounted.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/nvidia-host-path-mounted';

ruleTester(nvidiaHostPathMounted, {
  fixtures: FIXTURES,
  valid: [{ name: 'the toolkit DaemonSet, and a model pod with other hostPaths and look-alike paths', file: 'pass-gpu-stack-and-other-paths.yaml' }],
  invalid: [
    {
      name: 'Ollama with device nodes, a driver library and the driver root',
      file: 'fail-ollama-devices.yaml',
      errors: [
        { line: 43, messageId: 'nvidiaHostPath', severity: 'high' },
        { line: 46, messageId: 'nvidiaHostPath' },
        { line: 49, messageId: 'nvidiaHostPath' },
        { line: 52, messageId: 'nvidiaHostPath' },
      ],
    },
  ],
});

test('NVIDIA host paths are recognised after normalisation', () => {
  assert.ok(nvidiaHostPath('/dev/nvidia-uvm'));
  assert.ok(nvidiaHostPath('/dev/dri/renderD128'));
  assert.ok(nvidiaHostPath('/usr/lib64/libnvidia-ml.so.1'));
  assert.ok(nvidiaHostPath('//run/nvidia/'));
  assert.equal(nvidiaHostPath('/dev/null'), undefined);
  assert.equal(nvidiaHostPath('/usr/lib/x86_64-linux-gnu'), undefined);
  assert.equal(nvidiaHostPath('/usr/local/nvidia-docs'), undefined);
});

test('IG-K8S-002 replaces IG-K8S-109 on the same volume; IG-K8S-109 stays on other hostPaths', () => {
  const rules = [hostPathMounted, nvidiaHostPathMounted];
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/fail-ollama-devices.yaml`)), [
    'IG-K8S-002@43 critical [IG-K8S-109]',
    'IG-K8S-002@46 critical [IG-K8S-109]',
    'IG-K8S-002@49 critical [IG-K8S-109]',
    'IG-K8S-002@52 high [IG-K8S-109]',
  ]);
  assert.deepEqual(summarize(mostSpecificFindings(rules, `${FIXTURES}/pass-gpu-stack-and-other-paths.yaml`)), [
    'IG-K8S-109@24 high',
    'IG-K8S-109@27 high',
    'IG-K8S-109@48 high',
    'IG-K8S-109@50 high',
  ]);
});
