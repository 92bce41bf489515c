import { ruleTester } from '../../testing/rule-tester.js';
import { sharedMemoryUnbounded } from './shared-memory-unbounded.js';

ruleTester(sharedMemoryUnbounded, {
  fixtures: 'src/rules/k8s/__fixtures__/shared-memory-unbounded',
  valid: [{ name: 'sizeLimit set, disk-backed, memory-backed elsewhere than /dev/shm, not mounted', file: 'pass-bounded.yaml' }],
  invalid: [
    {
      name: 'vLLM without sizeLimit or memory limit; Triton without sizeLimit but with a memory limit',
      file: 'fail-dshm.yaml',
      errors: [
        { line: 28, messageId: 'unboundedShm', severity: 'low' },
        { line: 53, messageId: 'shmWithoutSizeLimit', severity: 'low' },
      ],
    },
    {
      name: 'a LimitRange default memory limit does not bound the tmpfs by itself',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ml}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      volumeMounts: [{name: shm, mountPath: /dev/shm}]\n  volumes:\n    - name: shm\n      emptyDir: {medium: Memory}\n---\napiVersion: v1\nkind: LimitRange\nmetadata: {name: lr, namespace: ml}\nspec:\n  limits:\n    - type: Container\n      default: {memory: 4Gi}\n',
      errors: [{ line: 11, messageId: 'shmWithoutSizeLimit' }],
    },
  ],
});
