// Where a model server's settings come from besides its command line: environment variables
// (literal, or from a ConfigMap that is in the scanned set) and configuration files mounted from
// ConfigMaps (TorchServe `config.properties`, MLServer `settings.json`).
import type { ContainerRef, K8sObject, KubernetesModel } from '../kubernetes.js';
import { findObject } from '../references.js';
import type { Node } from '../value.js';

/** One setting of a server, wherever it was written. */
export interface Setting {
  /** The flag, variable or key as written: `--model-control-mode`, `TS_ENABLE_MODEL_API`, `enable_model_api`. */
  readonly name: string;
  /** `true` for a switch; undefined when set but not readable here (a Secret, a ConfigMap not scanned). */
  readonly value: string | true | undefined;
  /** Where it is written: the argument, the env entry's value, the ConfigMap entry. */
  readonly node: Node;
  /** `resource`: a field of the custom resource that runs the server (an LLMInferenceService's `spec.model.uri`). */
  readonly source: 'argument' | 'env' | 'config-file' | 'resource';
  /** For messages: `env TS_ENABLE_MODEL_API`, `config.properties of ConfigMap ts-config`. */
  readonly description: string;
}

const CORE = new Set(['']);

function configMap(model: KubernetesModel, owner: K8sObject, name: string | undefined): K8sObject | undefined {
  if (name === undefined) return undefined;
  return findObject(model, { kind: 'ConfigMap', groups: CORE, namespace: owner.namespace, name, near: owner });
}

/**
 * The effective value of an environment variable: the last `env` entry with that name wins, then
 * `envFrom` ConfigMaps (with their prefix), as the kubelet resolves them.
 */
export function envSetting(model: KubernetesModel, container: ContainerRef, name: string): Setting | undefined {
  const owner = container.workload.object;
  const entries = container.node.get('env').items();
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i] as Node;
    if (entry.get('name').str() !== name) continue;
    const literal = entry.get('value');
    if (literal.isWritten() || !entry.get('valueFrom').isWritten()) {
      return { name, value: literal.str() ?? (literal.isWritten() ? undefined : ''), node: literal.isWritten() ? literal : entry, source: 'env', description: `env ${name}` };
    }
    const ref = entry.get('valueFrom', 'configMapKeyRef');
    const key = ref.get('key').str();
    const map = configMap(model, owner, ref.get('name').str());
    const data = key === undefined ? undefined : map?.root.get('data', key);
    if (map && data?.isWritten()) return { name, value: data.str(), node: data, source: 'env', description: `env ${name} (ConfigMap ${map.name} key ${key})` };
    return { name, value: undefined, node: entry.get('valueFrom'), source: 'env', description: `env ${name}` };
  }
  const sources = container.node.get('envFrom').items();
  for (let i = sources.length - 1; i >= 0; i--) {
    const source = sources[i] as Node;
    const prefix = source.get('prefix').str() ?? '';
    if (!name.startsWith(prefix)) continue;
    const map = configMap(model, owner, source.get('configMapRef', 'name').str());
    const data = map?.root.get('data', name.slice(prefix.length));
    if (map && data?.isWritten()) return { name, value: data.str(), node: data, source: 'env', description: `env ${name} (envFrom ConfigMap ${map.name})` };
  }
  return undefined;
}

/**
 * The first `envFrom` entry whose variables are not in the scan (a Secret, or a ConfigMap that is
 * not scanned): any variable envSetting did not find may still be set there, so its absence is not
 * evidence. Undefined when every `envFrom` source is readable.
 */
export function hiddenEnvSource(model: KubernetesModel, container: ContainerRef): Node | undefined {
  const owner = container.workload.object;
  return container.node
    .get('envFrom')
    .items()
    .find((source) => {
      if (source.get('secretRef').isWritten()) return true;
      if (!source.get('configMapRef').isWritten()) return false;
      return configMap(model, owner, source.get('configMapRef', 'name').str()) === undefined;
    });
}

/** A file inside the container whose content is in the scanned set (a ConfigMap volume). */
export interface MountedFile {
  readonly path: string;
  readonly text: string;
  /** The ConfigMap `data` entry holding it. */
  readonly node: Node;
  readonly configMap: K8sObject;
}

/** Reads `path` when a mounted ConfigMap (plain or projected volume, `items` and `subPath` honoured) provides it. */
export function mountedFile(model: KubernetesModel, container: ContainerRef, path: string): MountedFile | undefined {
  const podSpec = container.workload.podSpec;
  for (const mount of container.node.get('volumeMounts').items()) {
    const mountPath = mount.get('mountPath').str()?.replace(/\/+$/, '');
    const volumeName = mount.get('name').str();
    if (mountPath === undefined || volumeName === undefined) continue;
    const subPath = mount.get('subPath').str();
    let relative: string | undefined;
    if (subPath !== undefined) relative = path === mountPath ? subPath : path.startsWith(`${mountPath}/`) ? `${subPath}/${path.slice(mountPath.length + 1)}` : undefined;
    else relative = path.startsWith(`${mountPath}/`) ? path.slice(mountPath.length + 1) : undefined;
    if (relative === undefined) continue;
    const volume = podSpec.get('volumes').items().find((candidate) => candidate.get('name').str() === volumeName);
    if (!volume) continue;
    const projections = volume.get('configMap').isWritten() ? [volume.get('configMap')] : volume.get('projected', 'sources').items().map((source) => source.get('configMap')).filter((source) => source.isWritten());
    for (const projection of projections) {
      const map = configMap(model, container.workload.object, projection.get('name').str());
      if (!map) continue;
      // `items` renames keys to paths; without it every key is a file named after it.
      const items = projection.get('items').items();
      const key = items.length > 0 ? items.find((item) => item.get('path').str() === relative)?.get('key').str() : relative;
      const data = key === undefined ? undefined : map.root.get('data', key);
      const text = data?.str();
      if (data && text !== undefined) return { path, text, node: data, configMap: map };
    }
  }
  return undefined;
}

/** Java `.properties` (TorchServe `config.properties`): `key=value`, `key: value`, `#` / `!` comments, `\` continuations. */
export function parseProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = (lines[i] as string).replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) line = line.slice(0, -1) + (lines[++i] as string).replace(/^\s+/, '');
    const match = /^((?:\\.|[^=:\s\\])+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (match) out.set((match[1] as string).replace(/\\(.)/g, '$1'), (match[2] as string).trimEnd());
    else out.set(line.replace(/\\(.)/g, '$1'), '');
  }
  return out;
}

/** Settings from a key → value file, as Settings located at the ConfigMap entry. */
export function fileSettings(file: MountedFile, values: ReadonlyMap<string, string>): Map<string, Setting> {
  const fileName = file.path.slice(file.path.lastIndexOf('/') + 1);
  const out = new Map<string, Setting>();
  for (const [key, value] of values) out.set(key, { name: key, value, node: file.node, source: 'config-file', description: `${key} in ${fileName} (ConfigMap ${file.configMap.name})` });
  return out;
}
