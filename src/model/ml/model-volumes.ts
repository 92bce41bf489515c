// Where a model server reads its models (and code it loads) from, which volume backs that path,
// and who can write there: the server itself through a read-write mount, the node (hostPath), other
// pods (a ReadWriteMany claim), or another long-running container of the pod. Catalogue F.1 IG-ML-011 /
// IG-ML-018 and F.2 IG-K8S-012.
//
// Kubernetes facts used (https://kubernetes.io/docs/concepts/storage/volumes/): configMap, secret,
// downwardAPI and projected volumes, and image volumes, are always mounted read-only; `readOnly: true`
// on a volume source (persistentVolumeClaim, nfs, csi, …) forces every mount of it read-only.
import { DEPLOYMENT_MODE_ANNOTATION, KSERVE_GROUP } from '../adapt/crds/kserve.js';
import type { ContainerRef, K8sObject, KubernetesModel, Workload } from '../kubernetes.js';
import { findObject } from '../references.js';
import type { Node } from '../value.js';
import type { ModelServer } from './model-server.js';
import { mountedFile } from './settings.js';
import type { Setting } from './settings.js';
import { appendTo } from '../collections.js';

/** Someone besides the pod's own startup who can change the files under the path. */
export interface VolumeWriter {
  /**
   * server: the server container mounts it read-write on a volume that outlives the pod; node: a
   * hostPath, writable by whatever else runs on (or logs into) the node; other-pods: a ReadWriteMany
   * claim any pod of the namespace can mount read-write; sidecar: another long-running container of
   * the pod mounts it read-write.
   */
  readonly kind: 'server' | 'node' | 'other-pods' | 'sidecar';
  readonly at: Node;
  /** Who, for messages: `the server itself (read-write mount at /models)`, `container 'sync' (read-write mount at /models)`. */
  readonly description: string;
}

/** The volume behind one path of a container, and who can write there. */
export interface PathVolume {
  readonly path: string;
  /** The container's `volumeMounts[]` item (undefined when an operator adds the mount: KServe's `/mnt/models`). */
  readonly mount: Node | undefined;
  readonly mountPath: string;
  readonly volumeName: string | undefined;
  /** The pod's `volumes[]` item, or the StatefulSet's `volumeClaimTemplates[]` item; undefined when not written here. */
  readonly volume: Node | undefined;
  /** The volume source: `persistentVolumeClaim`, `hostPath`, `emptyDir`, `configMap`, …; undefined when unknown. */
  readonly source: string | undefined;
  /** The server container can write there; undefined when that cannot be read here. */
  readonly serverWrites: boolean | undefined;
  /** The data outlives the pod (not an emptyDir, an ephemeral claim or a read-only projection); undefined when unknown. */
  readonly persistent: boolean | undefined;
  /** Writers other than the pod's own startup (init containers that run to completion are not listed). */
  readonly writers: readonly VolumeWriter[];
  /** Where a finding about the mount goes: `readOnly: false` when written, else the mount item (the operator's setting for KServe). */
  readonly at: Node;
  /** For messages: `PersistentVolumeClaim fraud-models (volume models)`. */
  readonly description: string;
}

/** Volume sources Kubernetes always mounts read-only. */
const READ_ONLY_SOURCES = new Set(['configMap', 'secret', 'downwardAPI', 'projected', 'image']);
/** Volume sources whose data is gone with the pod. */
const POD_SCOPED_SOURCES = new Set(['emptyDir', 'ephemeral', 'gitRepo', ...READ_ONLY_SOURCES]);
const VOLUME_SOURCE_NAMES: Readonly<Record<string, string>> = {
  persistentVolumeClaim: 'PersistentVolumeClaim',
  hostPath: 'hostPath',
  emptyDir: 'emptyDir',
  ephemeral: 'ephemeral volume',
  configMap: 'ConfigMap',
  secret: 'Secret',
  projected: 'projected volume',
  downwardAPI: 'downwardAPI volume',
  image: 'image volume',
  csi: 'CSI volume',
  nfs: 'NFS export',
};

const CORE = new Set(['']);

/** `/a//b/` → `/a/b`; `file:///a` → `/a`; undefined for a relative path, a URL or an unexpanded variable. */
export function localPath(text: string): string | undefined {
  let path = text.trim().replace(/^file:\/\//, '');
  if (!path.startsWith('/') || /\$[({A-Za-z_]/.test(path)) return undefined;
  path = path.replace(/\/+/g, '/').replace(/\/\.(?=\/|$)/g, '');
  if (path.split('/').includes('..')) return undefined;
  return path.length > 1 ? path.replace(/\/$/, '') : path;
}

function within(path: string, dir: string): boolean {
  return path === dir || dir === '/' || path.startsWith(`${dir}/`);
}

/** The path inside the volume, when the subPath can be read (`subPathExpr` cannot). */
function volumeRelative(mount: Node, mountPath: string, path: string): string | undefined {
  if (mount.get('subPathExpr').isWritten()) return undefined;
  const subPath = mount.get('subPath').str() ?? '';
  const rest = path === mountPath ? '' : path.slice(mountPath === '/' ? 1 : mountPath.length + 1);
  return [subPath.replace(/^\/+|\/+$/g, ''), rest].filter((part) => part !== '').join('/');
}

/** Two volume-relative paths overlap when one is inside the other. */
function overlaps(a: string, b: string): boolean {
  return a === '' || b === '' || a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}

/** The container's mount that backs `path`: the longest mount path containing it. */
export function backingMount(container: ContainerRef, path: string): { mount: Node; mountPath: string } | undefined {
  let best: { mount: Node; mountPath: string } | undefined;
  for (const mount of container.node.get('volumeMounts').items()) {
    const written = mount.get('mountPath').str();
    const mountPath = written === undefined ? undefined : localPath(written);
    if (mountPath === undefined || !within(path, mountPath)) continue;
    if (!best || mountPath.length > best.mountPath.length) best = { mount, mountPath };
  }
  return best;
}

/** The `volumes[]` item of that name, or a StatefulSet's claim template (its pods each get a claim). */
function volumeNamed(workload: Workload, name: string): { node: Node; source: string | undefined } | undefined {
  const volume = workload.podSpec.get('volumes').items().find((item) => item.get('name').str() === name);
  if (volume) {
    const source = volume.entries().find(([key, value]) => key !== 'name' && value.isWritten())?.[0];
    return { node: volume, source };
  }
  const object = workload.object;
  if (object.kind === 'StatefulSet' && object.group === 'apps') {
    const template = object.root.get('spec', 'volumeClaimTemplates').items().find((item) => item.get('metadata', 'name').str() === name);
    if (template) return { node: template, source: 'volumeClaimTemplate' };
  }
  return undefined;
}

/** `true` / `false` as written; undefined when written as anything else (a string the API server rejects). */
function readOnlyFlag(node: Node): boolean | undefined {
  if (!node.isWritten()) return false;
  if (node.isTrue()) return true;
  if (node.isFalse()) return false;
  return undefined;
}

interface ClaimFacts {
  /** The claim's spec (the PVC object, or the claim template). */
  readonly spec: Node | undefined;
  readonly label: string;
}

function claimOf(model: KubernetesModel, workload: Workload, volume: Node, source: string): ClaimFacts {
  if (source === 'volumeClaimTemplate') {
    return { spec: volume.get('spec'), label: `claim template ${volume.get('metadata', 'name').str() ?? '?'}` };
  }
  const name = volume.get('persistentVolumeClaim', 'claimName').str();
  const claim = name === undefined ? undefined : findObject(model, { kind: 'PersistentVolumeClaim', groups: CORE, namespace: workload.object.namespace, name, near: workload.object });
  return { spec: claim?.root.get('spec'), label: `PersistentVolumeClaim ${name ?? '?'}` };
}

function accessModes(spec: Node | undefined): string[] | undefined {
  if (!spec?.get('accessModes').isWritten()) return undefined;
  return spec.get('accessModes').items().flatMap((mode) => mode.str() ?? []);
}

function describeVolume(volume: Node, source: string | undefined, name: string, claim: ClaimFacts | undefined): string {
  if (claim) return `${claim.label} (volume ${name})`;
  if (source === 'hostPath') return `hostPath ${volume.get('hostPath', 'path').str() ?? '?'} (volume ${name})`;
  if (source === 'csi') return `CSI volume of driver ${volume.get('csi', 'driver').str() ?? '?'} (volume ${name})`;
  if (source === 'nfs') return `NFS export ${volume.get('nfs', 'server').str() ?? '?'}:${volume.get('nfs', 'path').str() ?? '?'} (volume ${name})`;
  return `${source === undefined ? 'volume' : (VOLUME_SOURCE_NAMES[source] ?? `${source} volume`)} ${source === undefined ? name : `(volume ${name})`}`;
}

/** Regular containers, and init containers that keep running beside the server (`restartPolicy: Always`). */
function longRunning(container: ContainerRef): boolean {
  if (container.role === 'container') return true;
  return container.role === 'initContainer' && container.node.get('restartPolicy').str() === 'Always';
}

/** The other long-running containers of the pod that mount the same part of the volume read-write. */
function sidecarWriters(container: ContainerRef, volumeName: string, relative: string | undefined, readOnlySource: boolean): VolumeWriter[] {
  if (readOnlySource || relative === undefined) return [];
  const out: VolumeWriter[] = [];
  for (const sibling of container.workload.containers) {
    if (sibling === container || !longRunning(sibling)) continue;
    for (const mount of sibling.node.get('volumeMounts').items()) {
      if (mount.get('name').str() !== volumeName || readOnlyFlag(mount.get('readOnly')) !== false) continue;
      const written = mount.get('mountPath').str();
      const mountPath = written === undefined ? undefined : localPath(written);
      if (mountPath === undefined) continue;
      const theirs = volumeRelative(mount, mountPath, mountPath);
      if (theirs === undefined || !overlaps(theirs, relative)) continue;
      out.push({ kind: 'sidecar', at: mount, description: `container '${sibling.name || '(unnamed)'}' (read-write mount at ${mountPath})` });
    }
  }
  return out;
}

/**
 * The volume behind `path` in `container`, and who can write there; undefined when no volume mount backs
 * the path (it is in the image: whatever the container writes there is gone with it).
 */
export function pathVolume(model: KubernetesModel, container: ContainerRef, path: string): PathVolume | undefined {
  const normalised = localPath(path);
  if (normalised === undefined) return undefined;
  const backing = backingMount(container, normalised);
  if (!backing) return kserveModelMount(container, normalised);
  const { mount, mountPath } = backing;
  const workload = container.workload;
  const volumeName = mount.get('name').str();
  const found = volumeName === undefined ? undefined : volumeNamed(workload, volumeName);
  const mountReadOnly = readOnlyFlag(mount.get('readOnly'));
  const at = mount.get('readOnly').isFalse() ? mount.get('readOnly') : mount;
  if (!found || volumeName === undefined) {
    // The volume is added elsewhere (an operator, a patch): only a read-only mount can be judged.
    return { path: normalised, mount, mountPath, volumeName, volume: undefined, source: undefined, serverWrites: mountReadOnly === true ? false : undefined, persistent: undefined, writers: [], at, description: `volume ${volumeName ?? '?'}` };
  }
  const { node: volume, source } = found;
  const claimSource = source === 'persistentVolumeClaim' || source === 'volumeClaimTemplate';
  const claim = claimSource ? claimOf(model, workload, volume, source) : undefined;
  const modes = accessModes(claim?.spec);
  const readOnlySource = source !== undefined && READ_ONLY_SOURCES.has(source);
  const sourceReadOnly = source === undefined || source === 'volumeClaimTemplate' ? false : readOnlyFlag(volume.get(source, 'readOnly'));

  let serverWrites: boolean | undefined;
  if (readOnlySource || mountReadOnly === true || sourceReadOnly === true) serverWrites = false;
  else if (mountReadOnly === undefined || sourceReadOnly === undefined || source === undefined) serverWrites = undefined;
  // A claim that only grants ReadOnlyMany: whether the mount is writable depends on the volume plugin.
  else if (modes !== undefined && modes.length > 0 && modes.every((mode) => mode === 'ReadOnlyMany')) serverWrites = undefined;
  else serverWrites = true;

  const persistent = source === undefined ? undefined : !POD_SCOPED_SOURCES.has(source);
  const description = describeVolume(volume, source, volumeName, claim);
  const relative = volumeRelative(mount, mountPath, normalised);
  const writers: VolumeWriter[] = [];
  if (serverWrites === true && persistent) writers.push({ kind: 'server', at, description: `the server itself (read-write mount at ${mountPath})` });
  if (source === 'hostPath') writers.push({ kind: 'node', at: volume.get('hostPath'), description: `anything on the node that writes ${volume.get('hostPath', 'path').str() ?? 'the host path'} (hostPath)` });
  // Other pods mount the claim as they like: this pod's read-only mount does not bind them.
  if (modes?.includes('ReadWriteMany')) {
    writers.push({ kind: 'other-pods', at: claim?.spec?.get('accessModes') ?? volume, description: `any pod that mounts ${claim?.label ?? 'the claim'} (ReadWriteMany)` });
  }
  writers.push(...sidecarWriters(container, volumeName, relative, readOnlySource || sourceReadOnly === true));
  return { path: normalised, mount, mountPath, volumeName, volume, source, serverWrites, persistent, writers, at, description };
}

/** KServe's model mount (`constants.DefaultModelLocalMountPath`). */
export const KSERVE_MODEL_PATH = '/mnt/models';
/** InferenceService annotation that turns the storage initializer's read-only mounts read-write (`"false"`). */
export const KSERVE_STORAGE_READONLY_ANNOTATION = 'storage.kserve.io/readonly';

/**
 * The mount KServe's storage initializer webhook adds to the predictor (pkg/webhook/admission/pod/
 * storage_initializer_injector.go): an emptyDir at `/mnt/models` the init container fills, and for a
 * `pvc://` URI the claim itself; both read-only unless the annotation says `"false"`.
 */
function kserveModelMount(container: ContainerRef, path: string): PathVolume | undefined {
  const object = container.workload.object;
  if (object.group !== KSERVE_GROUP || object.kind !== 'InferenceService' || container.server !== true || container.workload.role !== 'predictor') return undefined;
  if (!within(path, KSERVE_MODEL_PATH) || object.root.get('metadata', 'annotations', DEPLOYMENT_MODE_ANNOTATION).str() === 'ModelMesh') return undefined;
  const uriNode = storageUriOf(container);
  const uri = uriNode?.str();
  // `oci://` / `oci+…://` models come from an image (a modelcar or an image volume): not judged here.
  if (!uriNode || uri === undefined || /^oci(\+[a-z]+)?:\/\//i.test(uri)) return undefined;
  const annotation = [container.workload.podSpec.get('annotations', KSERVE_STORAGE_READONLY_ANNOTATION), object.root.get('metadata', 'annotations', KSERVE_STORAGE_READONLY_ANNOTATION)].find((node) => node.isWritten());
  // The webhook reads the annotation as a string: only "false" makes the mount writable.
  const writable = annotation?.str() === 'false';
  const pvc = /^pvc:\/\/([^/]+)/.exec(uri)?.[1];
  const at = annotation ?? uriNode;
  const description = pvc !== undefined ? `PersistentVolumeClaim ${pvc} (storageUri ${uri}, mounted by KServe)` : `KServe's emptyDir filled from ${uri}`;
  const writers: VolumeWriter[] = writable && pvc !== undefined ? [{ kind: 'server', at, description: `the server itself (KServe mounts it read-write because of ${KSERVE_STORAGE_READONLY_ANNOTATION}: "false")` }] : [];
  return { path, mount: undefined, mountPath: KSERVE_MODEL_PATH, volumeName: undefined, volume: undefined, source: pvc !== undefined ? 'persistentVolumeClaim' : 'emptyDir', serverWrites: writable, persistent: pvc !== undefined, writers, at, description };
}

function storageUriOf(container: ContainerRef): Node | undefined {
  const own = container.node.get('storageUri');
  if (own.isWritten()) return own;
  const env = container.node.get('env').items().find((entry) => entry.get('name').str() === 'STORAGE_URI');
  return env?.get('value').isWritten() ? env.get('value') : undefined;
}

/** One place a server reads models (or loads code) from. */
export interface ModelPath {
  readonly path: string;
  /** Where it comes from, for messages: `--model-repository=/models`, `the default of --backend-directory`. */
  readonly description: string;
  /** Where it is written; undefined for a server's built-in default. */
  readonly setting: Setting | undefined;
  readonly role: 'models' | 'model-config' | 'libraries';
}

/** A cache the server fills from a model hub and loads again (Hugging Face, vLLM, NIM, Ollama caches). */
export interface CachePath extends Omit<ModelPath, 'role'> {
  readonly role: 'cache';
}

function fromSetting<R extends ModelPath['role'] | 'cache'>(setting: Setting, role: R): { path: string; description: string; setting: Setting; role: R } | undefined {
  const path = typeof setting.value === 'string' ? localPath(setting.value) : undefined;
  return path === undefined ? undefined : { path, description: setting.description, setting, role };
}

/** The TF Serving image's entrypoint (tensorflow_serving/tools/docker/Dockerfile): `--model_base_path=${MODEL_BASE_PATH}/${MODEL_NAME}`, defaults /models and model. */
function tfServingImageDefault(server: ModelServer): ModelPath | undefined {
  if (!server.evidence.includes('image') || server.container.node.get('command').isWritten()) return undefined;
  const base = server.setting({ env: ['MODEL_BASE_PATH'] });
  const name = server.setting({ env: ['MODEL_NAME'] });
  if ((base && typeof base.value !== 'string') || (name && typeof name.value !== 'string')) return undefined;
  const path = localPath(`${typeof base?.value === 'string' ? base.value : '/models'}/${typeof name?.value === 'string' ? name.value : 'model'}`);
  if (path === undefined) return undefined;
  return { path, description: `the image's --model_base_path=\${MODEL_BASE_PATH}/\${MODEL_NAME}`, setting: base ?? name, role: 'models' };
}

/** `base_path: "/models/a"` entries of a TF Serving ModelServerConfig text proto. */
export function tfServingBasePaths(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/\bbase_path\s*:\s*(?:"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)')/g)) out.push(match[1] ?? match[2] ?? '');
  return out;
}

const TRITON_LIBRARY_DIRS: ReadonlyArray<readonly [string, string]> = [
  ['--backend-directory', '/opt/tritonserver/backends'],
  ['--repoagent-directory', '/opt/tritonserver/repoagents'],
  ['--cache-directory', '/opt/tritonserver/caches'],
];

/** The official TorchServe image's config.properties (docker/config.properties) sets this model store. */
const TORCHSERVE_IMAGE_MODEL_STORE = '/home/model-server/model-store';
const TORCHSERVE_IMAGE_CONFIG = '/home/model-server/config.properties';

/**
 * Where a server reads its models, its model config and (Triton) the libraries it loads: the flags and
 * env of the ModelServer fact that hold local paths, the server's config file, its image's defaults,
 * and KServe's `/mnt/models`. Hub ids, URLs and object-store URIs are not local paths and are left out.
 */
export function modelPaths(model: KubernetesModel, server: ModelServer): ModelPath[] {
  const out: ModelPath[] = [];
  const add = (entry: ModelPath | undefined): void => {
    if (entry && !out.some((other) => other.path === entry.path && other.role === entry.role)) out.push(entry);
  };
  switch (server.kind) {
    case 'tf-serving': {
      // `--model_config_file` makes `--model_base_path` ignored (main.cc flag help); the last flag wins.
      const config = server.settings({ flags: ['--model_config_file'] }).at(-1);
      const base = server.settings({ flags: ['--model_base_path'] }).at(-1);
      if (config) {
        const entry = fromSetting(config, 'model-config');
        add(entry);
        const file = entry ? mountedFile(model, server.container, entry.path) : undefined;
        for (const path of file ? tfServingBasePaths(file.text) : []) {
          const local = localPath(path);
          if (local !== undefined) add({ path: local, description: `base_path in ${entry?.path ?? 'the model config'} (ConfigMap ${file?.configMap.name ?? '?'})`, setting: { name: 'base_path', value: path, node: file?.node ?? config.node, source: 'config-file', description: `base_path in ConfigMap ${file?.configMap.name ?? '?'}` }, role: 'models' });
        }
      } else if (base) add(fromSetting(base, 'models'));
      else add(tfServingImageDefault(server));
      break;
    }
    case 'torchserve': {
      const store = server.setting({ flags: ['--model-store'], config: ['model_store'] });
      if (store) add(fromSetting(store, 'models'));
      else if (server.evidence.includes('image') && server.configFile === undefined && defaultTorchServeConfig(server)) {
        add({ path: TORCHSERVE_IMAGE_MODEL_STORE, description: `model_store of the image's config.properties`, setting: undefined, role: 'models' });
      }
      break;
    }
    case 'triton': {
      for (const setting of server.settings({ flags: ['--model-repository', '--model-store'] })) add(fromSetting(setting, 'models'));
      for (const [flag, fallback] of TRITON_LIBRARY_DIRS) {
        const setting = server.settings({ flags: [flag] }).at(-1);
        if (setting) add(fromSetting(setting, 'libraries'));
        else add({ path: fallback, description: `the default of ${flag}`, setting: undefined, role: 'libraries' });
      }
      break;
    }
    default:
      for (const setting of server.modelSources) add(fromSetting(setting, 'models'));
  }
  const object = server.container.workload.object;
  if (object.group === KSERVE_GROUP && server.container.server === true) {
    add({ path: KSERVE_MODEL_PATH, description: `KServe's model directory`, setting: undefined, role: 'models' });
  }
  return out;
}

/**
 * The image's own config.properties is read: no `--ts-config` / `TS_CONFIG_FILE`, the image's working
 * directory, and no mount over the file (a mount of `/home/model-server` hides it).
 */
function defaultTorchServeConfig(server: ModelServer): boolean {
  if (server.setting({ flags: ['--ts-config'], env: ['TS_CONFIG_FILE'] })) return false;
  if (server.container.node.get('workingDir').isWritten()) return false;
  return backingMount(server.container, TORCHSERVE_IMAGE_CONFIG) === undefined;
}

/** `a`, `a and b`, `a, b and c`: the writers for a message. */
export function describeWriters(writers: readonly VolumeWriter[]): string {
  const parts = writers.map((writer) => writer.description);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) as string}`;
}

/** The server can write there and the data outlives the pod: code run in the server can tamper with every later start (IG-K8S-012). */
export function persistentlyWritableByServer(volume: PathVolume): boolean {
  return volume.serverWrites === true && volume.persistent === true;
}

// What servers download and load again on the next start without checking it (catalogue F.6 IG-GRAPH-009).
// huggingface_hub: HF_HUB_CACHE, else $HF_HOME/hub with HF_HOME defaulting to ~/.cache/huggingface
// (HUGGINGFACE_HUB_CACHE, TRANSFORMERS_CACHE: older spellings; TGI's `--huggingface-hub-cache`); vLLM:
// VLLM_CACHE_ROOT, default ~/.cache/vllm (vllm/envs.py), and `--download-dir`; NIM: NIM_CACHE_PATH, default
// /opt/nim/.cache; Ollama: OLLAMA_MODELS, default ~/.ollama/models. The servers' images run as root.
const HF_CACHE_ENV = ['HF_HUB_CACHE', 'HUGGINGFACE_HUB_CACHE', 'TRANSFORMERS_CACHE', 'HF_HOME'];
const CACHE_SETTINGS: ReadonlyArray<{ readonly flags?: readonly string[]; readonly env: readonly string[] }> = [
  { flags: ['--download-dir', '--huggingface-hub-cache'], env: HF_CACHE_ENV },
  { env: ['VLLM_CACHE_ROOT'] },
  { env: ['NIM_CACHE_PATH'] },
  { env: ['OLLAMA_MODELS'] },
];
const CACHE_DEFAULTS: ReadonlyArray<{ readonly kinds: readonly ModelServer['kind'][]; readonly unless: readonly string[]; readonly path: string; readonly description: string; readonly imageOnly?: boolean }> = [
  { kinds: ['vllm', 'sglang'], unless: HF_CACHE_ENV, path: '/root/.cache/huggingface', description: "HF_HOME's default" },
  { kinds: ['vllm'], unless: ['VLLM_CACHE_ROOT'], path: '/root/.cache/vllm', description: "VLLM_CACHE_ROOT's default" },
  // TGI's image points its hub cache at /data.
  { kinds: ['tgi'], unless: [...HF_CACHE_ENV, '--huggingface-hub-cache'], path: '/data', description: "the image's Hugging Face cache", imageOnly: true },
  { kinds: ['nim'], unless: ['NIM_CACHE_PATH'], path: '/opt/nim/.cache', description: "NIM_CACHE_PATH's default" },
  { kinds: ['ollama'], unless: ['OLLAMA_MODELS'], path: '/root/.ollama/models', description: "OLLAMA_MODELS' default" },
];

/**
 * The caches a server fills from a model hub and loads from again: the cache variables and flags it is
 * given (any server: a Triton vLLM backend reads vLLM's), else its kind's default when it has one.
 */
export function cachePaths(server: ModelServer): CachePath[] {
  const out: CachePath[] = [];
  const written = new Set<string>();
  for (const query of CACHE_SETTINGS) {
    for (const setting of server.settings({ flags: query.flags ?? [], env: query.env })) {
      written.add(setting.name.replace(/=.*$/, ''));
      const entry = fromSetting(setting, 'cache');
      if (entry && !out.some((other) => other.path === entry.path)) out.push(entry);
    }
  }
  for (const fallback of CACHE_DEFAULTS) {
    if (!fallback.kinds.includes(server.kind) || fallback.unless.some((name) => written.has(name))) continue;
    if (fallback.imageOnly === true && !server.evidence.includes('image')) continue;
    out.push({ path: fallback.path, description: fallback.description, setting: undefined, role: 'cache' });
  }
  return out;
}

/**
 * Storage that pods of other workloads can mount too, and the part of it one mount reaches. Sharing is
 * by the backing storage: one PersistentVolumeClaim (namespace and name), the NFS export, CSI volume
 * handle or host path of the PersistentVolume bound to a claim, an inline NFS export or hostPath. A
 * PersistentVolume binds one claim only, so two claims naming one volume are not both mounted.
 * emptyDir, ephemeral and inline CSI volumes belong to one pod.
 */
export interface SharedStorage {
  /** Which storage: `pvc:<namespace>/<claim>`, `nfs:<server>`, `host`, `csi:<driver>:<handle>`. */
  readonly space: string;
  /** Where inside it, without a leading slash; '' is all of it. */
  readonly path: string;
  /** A claim without ReadWriteMany: attached to one node at a time, so only pods on that node share it. */
  readonly oneNode: boolean;
  /** For messages: `PersistentVolumeClaim models (ReadWriteMany)`, `NFS export nfs.example.com:/exports/models`. */
  readonly description: string;
  /** Where the sharing is written: the claim's access modes, the PersistentVolume's source, the volume source. */
  readonly at: Node;
}

/** What one mount reaches of shared storage, and whether the mount can write there (undefined: cannot tell). */
export interface MountStorage {
  readonly locations: readonly SharedStorage[];
  readonly writable: boolean | undefined;
}

/** Templates and variables (`{{ .Values.claim }}`, `$(NAME)`, `${NAME}`) are not names. */
function resolved(text: string | undefined): string | undefined {
  return text === undefined || text === '' || /\{\{|\$[({]/.test(text) ? undefined : text;
}

function join(base: string, relative: string): string {
  return [base.replace(/^\/+|\/+$/g, ''), relative].filter((part) => part !== '').join('/');
}

/**
 * The PersistentVolume a claim is bound to in the files: its `volumeName`, or a volume whose `claimRef`
 * names it. A volume binds one claim: when its `claimRef` names another claim, or another claim also
 * names it, which one binds is not known here (the other stays Pending).
 */
interface VolumeIndex {
  /** PersistentVolumes by the claim their `claimRef` names (`namespace/name`). */
  readonly byClaim: ReadonlyMap<string, readonly K8sObject[]>;
  /** Claims by the PersistentVolume their `volumeName` names. */
  readonly claimsOf: ReadonlyMap<string, readonly K8sObject[]>;
}

const volumeIndexes = new WeakMap<KubernetesModel, VolumeIndex>();

/** Volumes and claims indexed once per model: every mount of every workload asks. */
function volumeIndex(model: KubernetesModel): VolumeIndex {
  let index = volumeIndexes.get(model);
  if (index) return index;
  const byClaim = new Map<string, K8sObject[]>();
  for (const volume of model.byType('k8s:PersistentVolume')) {
    if (volume.group !== '') continue;
    const ref = volume.root.get('spec', 'claimRef');
    const name = ref.get('name').str();
    if (name === undefined) continue;
    const key = `${ref.get('namespace').str() ?? ''}/${name}`;
    appendTo(byClaim, key, volume);
  }
  const claimsOf = new Map<string, K8sObject[]>();
  for (const claim of model.byType('k8s:PersistentVolumeClaim')) {
    const volumeName = claim.root.get('spec', 'volumeName').str();
    if (volumeName !== undefined) appendTo(claimsOf, volumeName, claim);
  }
  volumeIndexes.set(model, (index = { byClaim, claimsOf }));
  return index;
}

function boundVolume(model: KubernetesModel, claim: K8sObject): K8sObject | undefined {
  const refersTo = (volume: K8sObject, other: K8sObject): boolean => {
    const ref = volume.root.get('spec', 'claimRef');
    return ref.get('name').str() === other.name && (ref.get('namespace').str() ?? '') === (other.namespace ?? '');
  };
  const index = volumeIndex(model);
  const named = resolved(claim.root.get('spec', 'volumeName').str());
  const volume =
    named !== undefined
      ? findObject(model, { kind: 'PersistentVolume', groups: CORE, namespace: undefined, name: named, near: claim })
      : index.byClaim.get(`${claim.namespace ?? ''}/${claim.name ?? ''}`)?.[0];
  if (!volume) return undefined;
  if (volume.root.get('spec', 'claimRef').isWritten() && !refersTo(volume, claim)) return undefined;
  const rival = (volume.name === undefined ? [] : (index.claimsOf.get(volume.name) ?? [])).some((other) => other.name !== claim.name || other.namespace !== claim.namespace);
  return rival ? undefined : volume;
}

/** The storage behind a PersistentVolume (NFS, hostPath / local, CSI handle). */
function volumeBacking(volume: K8sObject, relative: string, oneNode: boolean): { locations: SharedStorage[]; readOnly: boolean } {
  const spec = volume.root.get('spec');
  const label = `PersistentVolume ${volume.name ?? '?'}`;
  const nfsServer = resolved(spec.get('nfs', 'server').str()?.toLowerCase());
  const nfsPath = resolved(spec.get('nfs', 'path').str());
  if (nfsServer !== undefined && nfsPath !== undefined && localPath(nfsPath) !== undefined) {
    return { locations: [{ space: `nfs:${nfsServer}`, path: join(localPath(nfsPath) as string, relative), oneNode, description: `NFS export ${nfsServer}:${nfsPath} (${label})`, at: spec.get('nfs') }], readOnly: spec.get('nfs', 'readOnly').isTrue() };
  }
  for (const source of ['hostPath', 'local']) {
    const path = resolved(spec.get(source, 'path').str());
    const local = path === undefined ? undefined : localPath(path);
    if (local !== undefined) return { locations: [{ space: 'host', path: join(local, relative), oneNode, description: `host path ${local} (${label})`, at: spec.get(source) }], readOnly: false };
  }
  const driver = resolved(spec.get('csi', 'driver').str());
  const handle = resolved(spec.get('csi', 'volumeHandle').str());
  if (driver !== undefined && handle !== undefined) {
    return { locations: [{ space: `csi:${driver}:${handle}`, path: relative, oneNode, description: `CSI volume ${handle} of ${driver} (${label})`, at: spec.get('csi') }], readOnly: spec.get('csi', 'readOnly').isTrue() };
  }
  return { locations: [], readOnly: false };
}

/**
 * A claim in the files with readable access modes: the claim itself and what its PersistentVolume is
 * backed by. A ReadWriteOncePod claim is one pod's; a claim not in the files is unknown (nothing).
 */
function claimStorage(model: KubernetesModel, owner: K8sObject, claimName: string | undefined, relative: string): { locations: SharedStorage[]; readOnly: boolean } {
  const name = resolved(claimName);
  const namespace = owner.namespace;
  if (name === undefined || (namespace !== undefined && resolved(namespace) === undefined)) return { locations: [], readOnly: false };
  const claim = findObject(model, { kind: 'PersistentVolumeClaim', groups: CORE, namespace, name, near: owner });
  const modes = accessModes(claim?.root.get('spec'));
  if (!claim || modes === undefined || modes.length === 0) return { locations: [], readOnly: false };
  const shared = modes.filter((mode) => mode !== 'ReadWriteOncePod');
  if (shared.length === 0) return { locations: [], readOnly: false };
  const oneNode = !shared.includes('ReadWriteMany') && !shared.includes('ReadOnlyMany');
  const description = `PersistentVolumeClaim ${namespace === undefined ? '' : `${namespace}/`}${name} (${shared.join(', ')})`;
  const own: SharedStorage = { space: `pvc:${namespace ?? ''}/${name}`, path: relative, oneNode, description, at: claim.root.get('spec', 'accessModes') };
  const volume = boundVolume(model, claim);
  const backing = volume ? volumeBacking(volume, relative, oneNode) : { locations: [], readOnly: false };
  // Only ReadOnlyMany: no pod gets to write it (the volume plugin may refuse, or mount it read-only).
  const readOnly = backing.readOnly || shared.every((mode) => mode === 'ReadOnlyMany');
  return { locations: [own, ...backing.locations], readOnly };
}

/**
 * The shared storage a container's `volumeMounts[]` item reaches (at `path` inside the container, the
 * mount path by default) and whether the mount can write it. Undefined when the volume is not written
 * in the pod, or the path inside the volume cannot be read (`subPathExpr`).
 */
export function mountStorage(model: KubernetesModel, workload: Workload, mount: Node, path?: string): MountStorage | undefined {
  const volumeName = mount.get('name').str();
  const written = mount.get('mountPath').str();
  const mountPath = written === undefined ? undefined : localPath(written);
  const found = volumeName === undefined ? undefined : volumeNamed(workload, volumeName);
  if (!found || mountPath === undefined || found.source === undefined) return undefined;
  const relative = volumeRelative(mount, mountPath, path === undefined ? mountPath : path);
  if (relative === undefined) return undefined;
  const { node: volume, source } = found;
  const mountReadOnly = readOnlyFlag(mount.get('readOnly'));
  let locations: SharedStorage[] = [];
  let backingReadOnly = false;
  if (source === 'persistentVolumeClaim') {
    ({ locations, readOnly: backingReadOnly } = claimStorage(model, workload.object, volume.get('persistentVolumeClaim', 'claimName').str(), relative));
  } else if (source === 'hostPath') {
    const hostPath = resolved(volume.get('hostPath', 'path').str());
    const local = hostPath === undefined ? undefined : localPath(hostPath);
    if (local !== undefined) locations = [{ space: 'host', path: join(local, relative), oneNode: false, description: `hostPath ${local}`, at: volume.get('hostPath') }];
  } else if (source === 'nfs') {
    const server = resolved(volume.get('nfs', 'server').str()?.toLowerCase());
    const exported = resolved(volume.get('nfs', 'path').str());
    const local = exported === undefined ? undefined : localPath(exported);
    if (server !== undefined && local !== undefined) locations = [{ space: `nfs:${server}`, path: join(local, relative), oneNode: false, description: `NFS export ${server}:${local}`, at: volume.get('nfs') }];
  }
  const sourceReadOnly = source === 'volumeClaimTemplate' ? false : readOnlyFlag(volume.get(source, 'readOnly'));
  let writable: boolean | undefined;
  if (READ_ONLY_SOURCES.has(source) || mountReadOnly === true || sourceReadOnly === true || backingReadOnly) writable = false;
  else if (mountReadOnly === undefined || sourceReadOnly === undefined) writable = undefined;
  else writable = true;
  return { locations, writable };
}

/**
 * The shared storage behind one path of a container (see pathVolume), KServe's `pvc://` mount included;
 * undefined when no volume backs the path or it cannot be resolved.
 */
export function pathStorage(model: KubernetesModel, container: ContainerRef, path: string): { volume: PathVolume; storage: MountStorage } | undefined {
  const volume = pathVolume(model, container, path);
  if (!volume) return undefined;
  if (volume.mount) {
    const storage = mountStorage(model, container.workload, volume.mount, volume.path);
    return storage && { volume, storage };
  }
  // KServe mounts `pvc://<claim>/<path>` at /mnt/models (read-only unless its annotation says otherwise).
  const uri = storageUriOf(container)?.str();
  const match = uri === undefined ? null : /^pvc:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match || volume.source !== 'persistentVolumeClaim') return undefined;
  const rest = volume.path === KSERVE_MODEL_PATH ? '' : volume.path.slice(KSERVE_MODEL_PATH.length + 1);
  const { locations } = claimStorage(model, container.workload.object, match[1], join(match[2] ?? '', rest));
  return { volume, storage: { locations, writable: volume.serverWrites } };
}

/** The same storage, and one path inside the other (or equal). */
export function sameStorage(a: SharedStorage, b: SharedStorage): boolean {
  return a.space === b.space && overlaps(a.path, b.path);
}
