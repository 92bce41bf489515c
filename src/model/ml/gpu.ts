// GPU facts the GPU rules (IG-K8S-001…017) share: which pods are the NVIDIA GPU stack itself (node
// agents that need host access by design), which containers use GPUs and how, and the
// NVIDIA_VISIBLE_DEVICES variable the NVIDIA Container Toolkit reads.
import type { ContainerRef, K8sObject, KubernetesModel, Workload } from '../kubernetes.js';
import { acceleratorResources } from '../resources.js';
import type { Node } from '../value.js';
import { parseImage } from './images.js';
import { modelServerFacts } from './model-server.js';
import type { ModelServer } from './model-server.js';
import { envSetting } from './settings.js';
import type { Setting } from './settings.js';
import { yaml } from '../../parse/kubernetes/full-yaml.js';

/**
 * Images of the NVIDIA GPU stack: device plugin, container toolkit, driver, DCGM, MIG manager, GPU
 * feature discovery, the GPU Operator and its validator, the DRA driver (`nvcr.io/nvidia/k8s/container-toolkit`,
 * `nvcr.io/nvidia/cloud-native/gpu-operator-validator`, …).
 */
const GPU_STACK_IMAGE =
  /(^|\/)nvidia\/(.+\/)?(k8s-device-plugin|container-toolkit|gpu-operator|gpu-operator-validator|driver|dcgm|dcgm-exporter|k8s-mig-manager|gpu-feature-discovery|k8s-dra-driver|k8s-dra-driver-gpu|k8s-driver-manager|vgpu-device-manager|k8s-kata-manager|k8s-cc-manager|kubevirt-gpu-device-plugin)$/;

/** ServiceAccounts the GPU Operator creates for its operands (their pod templates leave the image to the operator). */
const GPU_STACK_ACCOUNT =
  /^nvidia-(operator-validator|device-plugin|container-toolkit|driver|dcgm|dcgm-exporter|mig-manager|gpu-feature-discovery|vgpu-device-manager|vgpu-manager|kata-manager|cc-manager|sandbox-validator|sandbox-device-plugin|vfio-manager|node-status-exporter)$/;

/** Where device plugins (NVIDIA, AMD, Intel, HAMi, …) register with the kubelet. */
const DEVICE_PLUGIN_DIR = '/var/lib/kubelet/device-plugins';

/**
 * Whether a pod template is part of the GPU stack itself: an NVIDIA stack image, a GPU Operator
 * operand (scheduled by a `nvidia.com/gpu.deploy.<component>` node selector), or a DaemonSet that
 * registers a device plugin. These run privileged, on the host's devices, by design.
 */
export function isGpuStackComponent(workload: Workload): boolean {
  if (workload.containers.some((container) => GPU_STACK_IMAGE.test(parseImage(container.node.get('image').str() ?? '').repository))) return true;
  if (workload.podSpec.get('nodeSelector').entries().some(([key]) => key.startsWith('nvidia.com/gpu.deploy.'))) return true;
  if (GPU_STACK_ACCOUNT.test(workload.podSpec.get('serviceAccountName').str() ?? '')) return true;
  return (
    workload.object.kind === 'DaemonSet' &&
    workload.podSpec
      .get('volumes')
      .items()
      .some((volume) => volume.get('hostPath', 'path').str()?.replace(/\/+$/, '') === DEVICE_PLUGIN_DIR)
  );
}

/** NVIDIA Container Toolkit variables that only mean something to a container that wants GPUs. */
const NVIDIA_RUNTIME_ENV = /^NVIDIA_(VISIBLE_DEVICES|DRIVER_CAPABILITIES|REQUIRE_|DISABLE_REQUIRE|MIG_|GDRCOPY|NVSWITCH|GDS|MOFED|IMEX_)/;

/**
 * Whether an `NVIDIA_VISIBLE_DEVICES` value hands GPUs to the container. The toolkit reads `void`
 * and an empty value as "behave like runc" and `none` as "driver, no GPU"; anything else (`all`,
 * indexes, UUIDs) selects devices. Undefined when the value cannot be read here.
 */
export function visibleDevicesGrant(value: string | true | undefined): boolean | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().toLowerCase();
  return trimmed !== '' && trimmed !== 'void' && trimmed !== 'none';
}

/** The effective `NVIDIA_VISIBLE_DEVICES` of a container (env, or a ConfigMap in the scan). */
export function visibleDevicesSetting(model: KubernetesModel, container: ContainerRef): Setting | undefined {
  return envSetting(model, container, 'NVIDIA_VISIBLE_DEVICES');
}

/**
 * Images whose own environment sets `NVIDIA_VISIBLE_DEVICES=all`: Ollama's (its Dockerfile; the
 * `-rocm` variant does not) and NVIDIA's CUDA base images. Returns the repository, or undefined.
 */
export function imageSettingVisibleDevices(container: ContainerRef): { readonly repository: string; readonly node: Node } | undefined {
  const node = container.node.get('image');
  const text = node.str();
  if (text === undefined) return undefined;
  const image = parseImage(text);
  if (/(^|\/)ollama\/ollama$/.test(image.repository) && !/rocm/i.test(image.tag ?? '')) return { repository: image.repository, node };
  if (/(^|\/)nvidia\/cuda$/.test(image.repository)) return { repository: image.repository, node };
  return undefined;
}

/** GPU extended resources: NVIDIA GPUs and MIG slices (and renamed shared GPUs), AMD and Intel GPUs. */
const GPU_RESOURCE = /^(nvidia\.com\/.+|amd\.com\/gpu|gpu\.intel\.com\/.+)$/;

/** Resource names under `nvidia.com/` (GPUs, MIG slices, renamed shared GPUs) in limits or requests. */
export function nvidiaResources(container: ContainerRef): string[] {
  const names = new Set<string>();
  for (const section of ['limits', 'requests']) {
    for (const [name] of container.node.get('resources', section).entries()) if (name.startsWith('nvidia.com/')) names.add(name);
  }
  return [...names].sort();
}

/** Why a container counts as a GPU / model-serving container, for the message. */
export type GpuUse =
  | { readonly kind: 'resource'; readonly resource: string }
  | { readonly kind: 'server'; readonly server: ModelServer }
  | { readonly kind: 'env'; readonly name: string; readonly node: Node };

/**
 * How a container uses GPUs or serves models: it asks for an accelerator, it is a model server,
 * or it sets NVIDIA Container Toolkit variables. Undefined for other containers and for the GPU
 * stack's own pods.
 */
export function gpuUseOf(model: KubernetesModel, container: ContainerRef, accelerators: 'any' | 'gpu' = 'any'): GpuUse | undefined {
  if (isGpuStackComponent(container.workload)) return undefined;
  // `gpu`: GPUs only; TPUs and Neuron devices have their own needs (older GKE TPU nodes required privileged pods).
  const [resource] = acceleratorResources(container).filter((name) => accelerators === 'any' || GPU_RESOURCE.test(name));
  if (resource !== undefined) return { kind: 'resource', resource };
  const server = modelServerFacts(model, container);
  if (server) return { kind: 'server', server };
  for (const entry of container.node.get('env').items()) {
    const name = entry.get('name').str();
    if (name === undefined || !NVIDIA_RUNTIME_ENV.test(name)) continue;
    if (name === 'NVIDIA_VISIBLE_DEVICES' && visibleDevicesGrant(entry.get('value').str()) === false) continue;
    return { kind: 'env', name, node: entry.get('name') };
  }
  return undefined;
}

/** `asks for nvidia.com/gpu`, `is Triton`, `sets NVIDIA_VISIBLE_DEVICES`: the reason, for messages. */
export function describeGpuUse(use: GpuUse): string {
  switch (use.kind) {
    case 'resource':
      return `asks for \`${use.resource}\``;
    case 'server':
      return `runs ${use.server.info.title}`;
    case 'env':
      return `sets \`${use.name}\``;
  }
}

/** A device-plugin configuration that shares GPUs between pods (`sharing.timeSlicing` / `sharing.mps`). */
export interface GpuSharingConfig {
  readonly configMap: K8sObject;
  /** The ConfigMap `data` entry holding the config file. */
  readonly node: Node;
  readonly key: string;
  readonly mode: 'timeSlicing' | 'mps';
  /** Resource names pods request to get a shared GPU (`nvidia.com/gpu`, or its `.shared` / renamed form). */
  readonly resources: readonly string[];
}

/**
 * NVIDIA device-plugin config files in ConfigMaps (`version: v1`, `sharing.timeSlicing.resources` or
 * `sharing.mps.resources`, as the plugin's `--config-file` and the GPU Operator's `devicePlugin.config` read them).
 */
export function gpuSharingConfigs(model: KubernetesModel): GpuSharingConfig[] {
  const out: GpuSharingConfig[] = [];
  for (const configMap of model.byType('k8s:ConfigMap')) {
    for (const [key, node] of configMap.root.get('data').entries()) {
      const text = node.str();
      if (text === undefined || !/\bsharing\s*:/.test(text)) continue;
      let parsed: unknown;
      try {
        parsed = yaml().parse(text);
      } catch {
        continue;
      }
      const sharing = isRecord(parsed) ? parsed['sharing'] : undefined;
      if (!isRecord(sharing)) continue;
      for (const mode of ['timeSlicing', 'mps'] as const) {
        const section = sharing[mode];
        const entries = isRecord(section) && Array.isArray(section['resources']) ? section['resources'].filter(isRecord) : [];
        if (entries.length === 0) continue;
        const renameByDefault = isRecord(section) && section['renameByDefault'] === true;
        const resources = entries.flatMap((entry) => {
          const name = entry['name'];
          if (typeof name !== 'string') return [];
          const rename = entry['rename'];
          return [typeof rename === 'string' ? rename : renameByDefault ? `${name}.shared` : name];
        });
        if (resources.length > 0) out.push({ configMap, node, key, mode, resources: [...new Set(resources)].sort() });
      }
    }
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
