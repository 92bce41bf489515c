import { describeGpuUse, gpuUseOf } from '../../model/ml/gpu.js';
import { defineRule } from '../define-rule.js';

export const gpuPodHostIpc = defineRule({
  meta: {
    id: 'IG-K8S-006',
    name: 'gpu-pod-host-ipc',
    title: 'hostIPC used for GPU/NCCL shared memory',
    severity: 'high',
    rationale:
      "`hostIPC: true` is the usual workaround when NCCL, PyTorch DataLoader workers or Triton's shared-memory protocol run out of `/dev/shm` in a GPU pod. It puts the pod in the node's IPC namespace: it can read and write the System V and POSIX shared memory of every other host-IPC process on the node (other training and inference jobs, their tensors, prompts and results) and signal them through shared semaphores. A compromised model server then reaches its neighbours' data without any network access.\n\nThis rule replaces IG-K8S-108 (host-namespace-shared) for `hostIPC` on GPU and model-serving pods: one finding, at the higher severity.",
    remediation:
      'Remove `hostIPC: true`. Give the pod its own shared memory instead: an `emptyDir` with `medium: Memory` and a `sizeLimit` (a few GiB) mounted at `/dev/shm`, with a container memory limit that covers it (see IG-K8S-007).',
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://github.com/aquasecurity/kube-bench/blob/main/cfg/cis-1.10/policies.yaml',
      'https://kubernetes.io/docs/concepts/storage/volumes/#emptydir',
    ],
    mappings: { stride: ['E', 'I'], atlas: ['AML.T0105'], cis: ['5.2.4'], nist: ['SC-39'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    supersedes: ['IG-K8S-108'],
    messages: {
      hostIpcGpu:
        "{{kind}} '{{name}}' shares the node's IPC namespace while container '{{container}}' {{use}}: it can read the shared memory of other jobs on the node.",
    },
    examples: {
      bad: `apiVersion: batch/v1
kind: Job
metadata: { name: finetune, namespace: ml }
spec:
  template:
    spec:
      hostIPC: true
      restartPolicy: Never
      containers:
        - name: trainer
          image: nvcr.io/nvidia/pytorch:25.01-py3
          resources:
            limits: { nvidia.com/gpu: 8 }
`,
      good: `apiVersion: batch/v1
kind: Job
metadata: { name: finetune, namespace: ml }
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: trainer
          image: nvcr.io/nvidia/pytorch:25.01-py3
          resources:
            limits: { nvidia.com/gpu: 8, memory: 64Gi }
          volumeMounts: [{ name: dshm, mountPath: /dev/shm }]
      volumes:
        - name: dshm
          emptyDir: { medium: Memory, sizeLimit: 16Gi }
`,
    },
  },
  create(context) {
    return {
      workload(workload) {
        const hostIpc = workload.podSpec.get('hostIPC');
        if (!hostIpc.isTrue()) return;
        for (const container of workload.containers) {
          const use = gpuUseOf(context.model, container);
          if (!use) continue;
          context.report({
            messageId: 'hostIpcGpu',
            data: { kind: workload.object.kind, name: workload.object.name ?? '(unnamed)', container: container.name || '(unnamed)', use: describeGpuUse(use) },
            at: hostIpc,
          });
          return;
        }
      },
    };
  },
});
