import { posix } from 'node:path';
import { describeContainers } from '../../model/containers.js';
import type { ContainerRef } from '../../model/kubernetes.js';
import { missingComputeResources } from '../../model/resources.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

export const sharedMemoryUnbounded = defineRule({
  meta: {
    id: 'IG-K8S-007',
    name: 'shared-memory-unbounded',
    title: 'Unbounded memory-backed /dev/shm',
    severity: 'low',
    rationale:
      "GPU and model-serving pods mount an `emptyDir` with `medium: Memory` at `/dev/shm` because NCCL, PyTorch DataLoader workers, vLLM and Triton's shared-memory protocol need more than the runtime's 64 MiB. That tmpfs lives in RAM. Without a `sizeLimit` it grows until the container's memory limit, and without a memory limit until the node runs out: one runaway batch, or a client that registers large shared-memory regions, takes the node's memory from every other model on it.",
    remediation:
      'Give the volume an explicit `sizeLimit` (a few GiB, sized for the batch) and give every container that mounts it a memory limit that covers the limit plus the working set: `emptyDir: { medium: Memory, sizeLimit: 8Gi }`.',
    references: ['https://kubernetes.io/docs/concepts/storage/volumes/#emptydir', 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'],
    mappings: { stride: ['D'], atlas: ['AML.T0029'], nist: ['SC-5'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      unboundedShm:
        "Volume '{{volume}}' is a memory-backed /dev/shm without `sizeLimit`, and {{containers}} has no memory limit: the tmpfs can take the node's memory.",
      shmWithoutSizeLimit:
        "Volume '{{volume}}' is a memory-backed /dev/shm without `sizeLimit`: only the memory limit of {{containers}} bounds it, so a shared-memory burst gets the server OOM-killed instead of failing the write.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      volumeMounts: [{ name: dshm, mountPath: /dev/shm }]
  volumes:
    - name: dshm
      emptyDir: { medium: Memory }
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: vllm, namespace: serving }
spec:
  containers:
    - name: vllm
      image: vllm/vllm-openai:v0.11.0
      resources:
        limits: { cpu: "8", memory: 48Gi }
      volumeMounts: [{ name: dshm, mountPath: /dev/shm }]
  volumes:
    - name: dshm
      emptyDir: { medium: Memory, sizeLimit: 8Gi }
`,
    },
  },
  create(context) {
    return {
      workload(workload) {
        for (const volume of workload.podSpec.get('volumes').items()) {
          const emptyDir = volume.get('emptyDir');
          if (emptyDir.get('medium').str() !== 'Memory' || emptyDir.get('sizeLimit').isWritten()) continue;
          const name = volume.get('name').str();
          const mounts = workload.containers.flatMap((container) =>
            container.node
              .get('volumeMounts')
              .items()
              .filter((mount) => mount.get('name').str() === name && posix.normalize(mount.get('mountPath').str() ?? '').replace(/(.)\/+$/, '$1') === '/dev/shm')
              .map((mount) => ({ container, mount })),
          );
          if (mounts.length === 0) continue;
          const containers = [...new Set(mounts.map(({ container }) => container))];
          // Undefined (resources not readable) is unknown: only a known missing limit counts.
          const unlimited = containers.filter((container: ContainerRef) => missingComputeResources(context.model, container, 'limits')?.includes('memory') === true);
          const related: RelatedHop[] = mounts.map(({ container, mount }) => ({ at: mount, message: `${describeContainers([container])} mounts it at /dev/shm` }));
          context.report({
            messageId: unlimited.length > 0 ? 'unboundedShm' : 'shmWithoutSizeLimit',
            data: { volume: name ?? '(unnamed)', containers: describeContainers(unlimited.length > 0 ? unlimited : containers).replace(/^C/, 'c') },
            at: emptyDir,
            related,
          });
        }
      },
    };
  },
});
