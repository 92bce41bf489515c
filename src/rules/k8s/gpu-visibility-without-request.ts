import { imageSettingVisibleDevices, isGpuStackComponent, nvidiaResources, visibleDevicesGrant, visibleDevicesSetting } from '../../model/ml/gpu.js';
import { defineRule } from '../define-rule.js';

export const gpuVisibilityWithoutRequest = defineRule({
  meta: {
    id: 'IG-K8S-003',
    name: 'gpu-visibility-without-request',
    title: 'GPU visibility env without a GPU request',
    severity: 'high',
    rationale:
      "The NVIDIA Container Toolkit decides which GPUs a container gets from `NVIDIA_VISIBLE_DEVICES`. On nodes where it honours that variable for unprivileged containers (its default, and what the device plugin's default `envvar` strategy relies on), a pod that sets `NVIDIA_VISIBLE_DEVICES=all` without asking for `nvidia.com/gpu` gets every GPU of the node: outside the scheduler and the quota, sharing memory and compute with the model servers the GPUs were allocated to, and able to read what they leave in GPU memory. Ollama's image and NVIDIA's CUDA base images set the variable themselves, so a pod built on them needs no env line to do it. `CUDA_VISIBLE_DEVICES` alone only hides GPUs from a process; it grants nothing. `void` and `none` select no GPU.",
    remediation:
      'Request GPUs through `resources.limits` (`nvidia.com/gpu: 1`). For a pod that must not use GPUs, set `NVIDIA_VISIBLE_DEVICES=void` (this also overrides the image default). Cluster-wide, stop the toolkit from trusting the variable (IG-K8S-004): device plugin `DEVICE_LIST_STRATEGY=volume-mounts` (or CDI) and toolkit `ACCEPT_NVIDIA_VISIBLE_DEVICES_ENVVAR_WHEN_UNPRIVILEGED=false`.',
    references: [
      'https://bottlerocket.dev/en/os/1.54.x/api/settings/nvidia-container-runtime',
      'https://github.com/NVIDIA/k8s-device-plugin',
      'https://github.com/ollama/ollama/blob/main/Dockerfile',
    ],
    mappings: { stride: ['E', 'D'], atlas: ['AML.T0034'], nist: ['AC-6', 'SC-39'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      visibleDevicesEnv:
        "Container '{{container}}' sets `NVIDIA_VISIBLE_DEVICES` to a device list ({{setting}}) but requests no `nvidia.com/gpu`: where the runtime trusts the variable it gets the node's GPUs outside the scheduler.",
      imageSetsVisibleDevices:
        "Container '{{container}}' runs `{{image}}`, whose image sets `NVIDIA_VISIBLE_DEVICES=all`, and requests no `nvidia.com/gpu`: where the runtime trusts the variable it gets every GPU of the node.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: embedder, namespace: serving }
spec:
  containers:
    - name: embedder
      image: registry.example.com/ml/embedder:1.2.0
      env:
        - name: NVIDIA_VISIBLE_DEVICES
          value: all
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: embedder, namespace: serving }
spec:
  containers:
    - name: embedder
      image: registry.example.com/ml/embedder:1.2.0
      env:
        - name: NVIDIA_VISIBLE_DEVICES
          value: all
      resources:
        limits: { nvidia.com/gpu: 1 }
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const workload = container.workload;
        // GPUs can also come from a DRA claim; the GPU stack's own agents set the variable by design.
        if (isGpuStackComponent(workload) || workload.podSpec.get('resourceClaims').items().length > 0) return;
        if (nvidiaResources(container).length > 0 || container.node.get('securityContext', 'privileged').isTrue()) return;
        const name = container.name || '(unnamed)';
        const setting = visibleDevicesSetting(context.model, container);
        if (setting) {
          if (visibleDevicesGrant(setting.value) !== true) return;
          context.report({ messageId: 'visibleDevicesEnv', data: { container: name, setting: `${setting.description}=${String(setting.value)}` }, at: setting.node });
          return;
        }
        const image = imageSettingVisibleDevices(container);
        if (image) context.report({ messageId: 'imageSetsVisibleDevices', data: { container: name, image: image.repository }, at: image.node });
      },
    };
  },
});
