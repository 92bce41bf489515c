import { posix } from 'node:path';
import { describeContainers, hostPathLocation } from '../../model/containers.js';
import { isGpuStackComponent } from '../../model/ml/gpu.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

/** Node paths that hold NVIDIA GPU devices or driver files, with what they give the pod. */
const GPU_PATHS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\/dev\/nvidia/, 'an NVIDIA device node'],
  [/^\/dev\/dri(\/|$)/, 'the GPU render devices'],
  [/^\/run\/nvidia(\/|$)/, "the NVIDIA driver root and the GPU stack's runtime state"],
  [/^\/usr\/local\/nvidia(\/|$)/, 'the NVIDIA driver and container-toolkit files'],
  [/^\/usr\/lib[^/]*\/(.+\/)?lib(nvidia|cuda)[^/]*$/, 'an NVIDIA driver library'],
];

/** What a hostPath gives access to when it is an NVIDIA device or driver path. */
export function nvidiaHostPath(rawPath: string): string | undefined {
  const path = posix.normalize(rawPath).replace(/(.)\/+$/, '$1');
  return GPU_PATHS.find(([pattern]) => pattern.test(path))?.[1];
}

export const nvidiaHostPathMounted = defineRule({
  meta: {
    id: 'IG-K8S-002',
    name: 'nvidia-host-path-mounted',
    title: 'hostPath to NVIDIA devices or driver files',
    severity: 'high',
    rationale:
      "A `hostPath` to `/dev/nvidia*`, `/dev/dri`, `/run/nvidia`, `/usr/local/nvidia` or the driver's `libnvidia*` / `libcuda*` libraries gives the pod the node's GPUs outside the scheduler: no `nvidia.com/gpu` accounting, no quota, and every GPU of the node, including the ones the device plugin gave to other tenants, whose memory it can then read or disturb. A writable driver path is also a way to plant code that every GPU container on the node loads. The NVIDIA GPU stack's own agents (device plugin, toolkit, driver, GPU Operator operands) are left to IG-K8S-109: they mount these paths by design.\n\nThis rule replaces IG-K8S-109 (host-path-mounted) on the same volume: one finding, at the higher severity.",
    remediation:
      'Remove the hostPath volume. Request GPUs through `resources.limits` (`nvidia.com/gpu: 1`) and let the device plugin and the NVIDIA Container Toolkit (or CDI) inject exactly the allocated devices and the matching driver libraries.',
    references: ['https://github.com/NVIDIA/k8s-device-plugin', 'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath'],
    mappings: { stride: ['E', 'D'], atlas: ['AML.T0105'], cis: ['5.2.12'], nist: ['AC-6', 'SC-39'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    supersedes: ['IG-K8S-109'],
    messages: {
      nvidiaHostPath: "Volume '{{volume}}' mounts `{{path}}` from the node, {{what}}: the pod reaches the node's GPUs without asking the scheduler for them.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: trainer, namespace: ml }
spec:
  containers:
    - name: trainer
      image: nvcr.io/nvidia/pytorch:25.01-py3
      volumeMounts: [{ name: nvidia0, mountPath: /dev/nvidia0 }]
  volumes:
    - name: nvidia0
      hostPath: { path: /dev/nvidia0 }
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: trainer, namespace: ml }
spec:
  containers:
    - name: trainer
      image: nvcr.io/nvidia/pytorch:25.01-py3
      resources:
        limits: { nvidia.com/gpu: 1 }
`,
    },
  },
  create(context) {
    return {
      workload(workload) {
        if (isGpuStackComponent(workload)) return;
        for (const volume of workload.podSpec.get('volumes').items()) {
          const hostPath = volume.get('hostPath');
          const path = hostPath.get('path').str();
          const what = path === undefined ? undefined : nvidiaHostPath(path);
          if (path === undefined || what === undefined) continue;
          const name = volume.get('name').str() ?? '(unnamed)';
          const related: RelatedHop[] = workload.containers.flatMap((container) =>
            container.node
              .get('volumeMounts')
              .items()
              .filter((mount) => mount.get('name').str() === name)
              .map((mount) => ({ at: mount, message: `${describeContainers([container])} mounts it at ${mount.get('mountPath').str() ?? '?'}` })),
          );
          context.report({ messageId: 'nvidiaHostPath', data: { volume: name, path, what }, at: hostPathLocation(hostPath), related });
        }
      },
    };
  },
});
