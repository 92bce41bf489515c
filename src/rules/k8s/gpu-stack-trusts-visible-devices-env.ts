import type { ContainerRef, K8sObject } from '../../model/kubernetes.js';
import { commandWords, findFlags } from '../../model/ml/command-line.js';
import { parseImage } from '../../model/ml/images.js';
import { envSetting } from '../../model/ml/settings.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';
import type { RuleContext } from '../define-rule.js';

const DEVICE_PLUGIN_IMAGE = /(^|\/)nvidia\/(.+\/)?k8s-device-plugin$/;
const TOOLKIT_IMAGE = /(^|\/)nvidia\/(.+\/)?container-toolkit$/;
/** Programs of the device-plugin image that are not the plugin. */
const OTHER_PROGRAMS = /(^|\/)(gpu-feature-discovery|mps-control-daemon|config-manager)$/;
const ACCEPT_ENVVAR = 'ACCEPT_NVIDIA_VISIBLE_DEVICES_ENVVAR_WHEN_UNPRIVILEGED';
/** Device-list strategies that do not pass devices through NVIDIA_VISIBLE_DEVICES. */
const SAFE_STRATEGIES = new Set(['volume-mounts', 'cdi-annotations', 'cdi-cri']);

/** Whether a `--device-list-strategy` value (one or a comma-separated list) still passes devices by env var. */
export function strategyTrustsEnv(value: string): boolean {
  const strategies = value.split(',').map((part) => part.trim().toLowerCase()).filter((part) => part !== '');
  return strategies.length === 0 || strategies.some((strategy) => !SAFE_STRATEGIES.has(strategy));
}

/** The `value` node of the `name` entry of an env list (`[{name, value}]`). */
function envEntry(env: Node, name: string): Node | undefined {
  const entry = env.items().filter((item) => item.get('name').str() === name).pop();
  return entry?.get('value');
}

function imageRepository(container: ContainerRef): string {
  return parseImage(container.node.get('image').str() ?? '').repository;
}

export const gpuStackTrustsVisibleDevicesEnv = defineRule({
  meta: {
    id: 'IG-K8S-004',
    name: 'gpu-stack-trusts-visible-devices-env',
    title: 'GPU stack trusts the NVIDIA_VISIBLE_DEVICES env var',
    severity: 'medium',
    rationale:
      "With the device plugin's default `envvar` device-list strategy, the plugin tells the NVIDIA Container Toolkit which GPUs a container was allocated by setting `NVIDIA_VISIBLE_DEVICES` in its environment, so the toolkit has to honour that variable in unprivileged containers. It cannot tell the plugin's value from one the pod author wrote: any pod that sets `NVIDIA_VISIBLE_DEVICES=all`, or runs an image that does (Ollama, the CUDA base images), gets every GPU of its node without asking the scheduler (IG-K8S-003), on every GPU node of the cluster. The `volume-mounts` and CDI strategies pass the allocation through a channel the pod cannot forge.",
    remediation:
      'Device plugin: `DEVICE_LIST_STRATEGY=volume-mounts` (or `cdi-annotations` / `cdi-cri` with CDI enabled; GPU Operator: `cdi.enabled: true`). Container toolkit: `ACCEPT_NVIDIA_VISIBLE_DEVICES_ENVVAR_WHEN_UNPRIVILEGED=false` and `ACCEPT_NVIDIA_VISIBLE_DEVICES_AS_VOLUME_MOUNTS=true` (GPU Operator: `toolkit.env`). Change both together: the plugin and the toolkit must agree on the channel.',
    references: [
      'https://github.com/NVIDIA/k8s-device-plugin',
      'https://docs.nvidia.com/datacenter/cloud-native/gpu-operator/latest/getting-started.html',
      'https://bottlerocket.dev/en/os/1.54.x/api/settings/nvidia-container-runtime',
    ],
    mappings: { stride: ['E'], nist: ['CM-6', 'AC-6'] },
    targets: ['k8s:Workload', 'k8s:ClusterPolicy'],
    fix: 'none',
    messages: {
      envvarStrategy:
        '{{where}} sets the device-list strategy `{{value}}`: allocations travel in `NVIDIA_VISIBLE_DEVICES`, which any pod can set for itself to get every GPU of its node.',
      defaultEnvvarStrategy:
        '{{where}} leaves the device-list strategy at its default, `envvar`: allocations travel in `NVIDIA_VISIBLE_DEVICES`, which any pod can set for itself to get every GPU of its node.',
      toolkitAcceptsEnv:
        '{{where}} sets `ACCEPT_NVIDIA_VISIBLE_DEVICES_ENVVAR_WHEN_UNPRIVILEGED=true`: the toolkit hands GPUs to any unprivileged pod that names them in `NVIDIA_VISIBLE_DEVICES`.',
    },
    examples: {
      bad: `apiVersion: nvidia.com/v1
kind: ClusterPolicy
metadata: { name: cluster-policy }
spec:
  devicePlugin:
    env:
      - name: DEVICE_LIST_STRATEGY
        value: envvar
  toolkit:
    enabled: true
`,
      good: `apiVersion: nvidia.com/v1
kind: ClusterPolicy
metadata: { name: cluster-policy }
spec:
  devicePlugin:
    env:
      - name: DEVICE_LIST_STRATEGY
        value: volume-mounts
  toolkit:
    env:
      - name: ACCEPT_NVIDIA_VISIBLE_DEVICES_ENVVAR_WHEN_UNPRIVILEGED
        value: "false"
      - name: ACCEPT_NVIDIA_VISIBLE_DEVICES_AS_VOLUME_MOUNTS
        value: "true"
`,
    },
  },
  create(context) {
    return {
      object(object) {
        if (object.group === 'nvidia.com' && object.kind === 'ClusterPolicy') checkClusterPolicy(context, object);
      },
      container(container) {
        const repository = imageRepository(container);
        if (DEVICE_PLUGIN_IMAGE.test(repository)) checkDevicePlugin(context, container);
        else if (TOOLKIT_IMAGE.test(repository)) {
          const accept = envSetting(context.model, container, ACCEPT_ENVVAR);
          if (typeof accept?.value === 'string' && accept.value.trim().toLowerCase() === 'true') {
            context.report({ messageId: 'toolkitAcceptsEnv', data: { where: `Toolkit container '${container.name}'` }, at: accept.node });
          }
        }
      },
    };
  },
});

/** GPU Operator ClusterPolicy: `spec.devicePlugin.env`, `spec.cdi.enabled`, `spec.toolkit.env`. */
function checkClusterPolicy(context: RuleContext, object: K8sObject): void {
  const spec = object.root.get('spec');
  const where = `ClusterPolicy '${object.name ?? '(unnamed)'}'`;
  const accept = envEntry(spec.get('toolkit', 'env'), ACCEPT_ENVVAR);
  const acceptText = accept?.str()?.trim().toLowerCase();
  if (accept && acceptText === 'true') context.report({ messageId: 'toolkitAcceptsEnv', data: { where }, at: accept });
  // A toolkit that refuses the variable in unprivileged containers closes the hole whatever the plugin does.
  if (acceptText === 'false' || spec.get('devicePlugin', 'enabled').isFalse()) return;
  const strategy = envEntry(spec.get('devicePlugin', 'env'), 'DEVICE_LIST_STRATEGY');
  if (strategy) {
    const value = strategy.str();
    if (value !== undefined && strategyTrustsEnv(value)) context.report({ messageId: 'envvarStrategy', data: { where, value }, at: strategy });
    return;
  }
  // Without CDI the operator deploys the plugin with `envvar`; with CDI it picks a CDI strategy. An unset
  // `cdi.enabled` depends on the operator version, and a plugin config file may set the strategy: unknown.
  const cdi = spec.get('cdi', 'enabled');
  if (cdi.isFalse() && !spec.get('devicePlugin', 'config', 'name').str()) context.report({ messageId: 'defaultEnvvarStrategy', data: { where }, at: cdi });
}

/** A device-plugin container: `--device-list-strategy` / `DEVICE_LIST_STRATEGY`, default `envvar`. */
function checkDevicePlugin(context: RuleContext, container: ContainerRef): void {
  const where = `Device plugin container '${container.name}'`;
  const words = commandWords(container);
  // The same image runs GPU feature discovery, the MPS control daemon and the config manager.
  if (words.some((word) => OTHER_PROGRAMS.test(word.text))) return;
  const flag = findFlags(words, ['--device-list-strategy']).pop();
  const env = envSetting(context.model, container, 'DEVICE_LIST_STRATEGY');
  const value = flag ? flag.value : env?.value;
  if (flag || env) {
    if (typeof value === 'string' && strategyTrustsEnv(value)) context.report({ messageId: 'envvarStrategy', data: { where, value }, at: flag ? flag.node : (env as NonNullable<typeof env>).node });
    return;
  }
  // A config file (mounted from a ConfigMap, or switched per node by the config manager) may set it.
  if (findFlags(words, ['--config-file']).length > 0 || envSetting(context.model, container, 'CONFIG_FILE')) return;
  context.report({ messageId: 'defaultEnvvarStrategy', data: { where }, at: container.node.get('image') });
}
