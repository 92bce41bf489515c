// The ModelServer fact (catalogue A.0): for a container that is a model server, which server, how
// it was recognised, its image and version, its ports by role, its effective settings (command
// line, env, mounted config file), the model it serves, its accelerators and its identity.
import type { ContainerRef, K8sObject, KubernetesModel } from '../kubernetes.js';
import { acceleratorResources } from '../resources.js';
import { collectingUnknownReads, replayUnknownReads } from '../value.js';
import type { Node, UnknownRead } from '../value.js';
import { commandSegment, commandWords, findFlags, shellWords } from './command-line.js';
import type { CommandWord } from './command-line.js';
import { isFloatingTag, parseImage, versionOfTag } from './images.js';
import type { ImageReference, Version } from './images.js';
import { SERVER_KINDS, serverKindInfo } from './server-kinds.js';
import type { ModelServerKind, PortRole, PortSpec, ServerKindInfo } from './server-kinds.js';
import { envSetting, fileSettings, mountedFile, parseProperties } from './settings.js';
import type { MountedFile, Setting } from './settings.js';

export type Evidence = 'image' | 'command' | 'crd';

export interface ServerImage extends ImageReference {
  readonly node: Node;
  /** From the tag; undefined for `latest`, a digest only, or a tag that names no release. */
  readonly version: Version | undefined;
  /** `latest`, `nightly` or no tag (and no digest). */
  readonly floating: boolean;
}

export interface ServerPort {
  readonly number: number;
  readonly spec: PortSpec;
  readonly roles: readonly PortRole[];
  /** The `ports[]` entry of the container that declares it, when it does. */
  readonly declared: Node | undefined;
  /** The flag, env or config entry that moved it off its default. */
  readonly setBy: Setting | undefined;
}

/** Which names to look a setting up under, in the server's own spellings. */
export interface SettingQuery {
  readonly flags?: readonly string[];
  readonly env?: readonly string[];
  /** Keys of the server's config file (TorchServe `config.properties`). */
  readonly config?: readonly string[];
  /** The flag is a switch (`--trust-remote-code`): it never takes the next word as its value. */
  readonly switch?: boolean;
  /** The flag always takes the next word, even one starting with `-` (MLflow `--gunicorn-opts "--bind …"`). */
  readonly requiresValue?: boolean;
}

export interface ModelServer {
  readonly kind: ModelServerKind;
  readonly info: ServerKindInfo;
  /** How it was recognised; the first is the strongest. */
  readonly evidence: readonly Evidence[];
  readonly container: ContainerRef;
  readonly image: ServerImage | undefined;
  /** The server's words of the command line (its own command segment when it is in a script). */
  readonly words: readonly CommandWord[];
  readonly ports: readonly ServerPort[];
  /** The config file the server reads, when its content is in the scanned set. */
  readonly configFile: MountedFile | undefined;
  /** `--model-repository`, `MODEL_ID`, … as written. */
  readonly modelSources: readonly Setting[];
  /** `nvidia.com/gpu`, `amd.com/gpu`, … requested in limits or requests. */
  readonly accelerators: readonly string[];
  readonly serviceAccount: { readonly name: string; readonly node: Node; readonly object: K8sObject | undefined };
  /**
   * The effective setting, by the server's precedence: command line, then environment, then the
   * config file. Undefined when none is written.
   */
  setting(query: SettingQuery): Setting | undefined;
  /** Every occurrence (a flag given twice, a flag and an env variable), command line first. */
  settings(query: SettingQuery): Setting[];
  /** Ports with one of these roles. */
  portsWith(...roles: PortRole[]): ServerPort[];
}

/** Custom resources whose pods are a given server whatever their image (a RayCluster's head runs Ray). */
const CRD_SERVERS: ReadonlyMap<string, ModelServerKind> = new Map([
  ['ray.io/RayCluster', 'ray'],
  ['ray.io/RayService', 'ray'],
  ['ray.io/RayJob', 'ray'],
  ['apps.nvidia.com/NIMService', 'nim'],
  ['machinelearning.seldon.io/SeldonDeployment', 'seldon'],
  ['mlops.seldon.io/Server', 'mlserver'],
  ['serving.kserve.io/InferenceService', 'kserve'],
  ['serving.kserve.io/ServingRuntime', 'kserve'],
  ['serving.kserve.io/ClusterServingRuntime', 'kserve'],
]);

/**
 * The server an LLMInferenceService's `main` container runs. KServe's well-known presets
 * (config/llmisvcconfig/config-llm-template.yaml, -decode-, -prefill-, -worker-data-parallel) start
 * `exec vllm serve /mnt/models … ${VLLM_ADDITIONAL_ARGS} $@` in an llm-d vLLM image, the template's
 * `args` being `$@`: vLLM, unless the template writes its own `command` (the llm-d inference simulator).
 */
function llmInferenceServiceServer(container: ContainerRef): ModelServerKind {
  return container.node.get('command').isWritten() ? 'kserve' : 'vllm';
}

function isLlmInferenceService(object: K8sObject): boolean {
  return object.group === 'serving.kserve.io' && object.kind === 'LLMInferenceService';
}

export interface Recognition {
  readonly kind: ModelServerKind;
  readonly evidence: readonly Evidence[];
  /** Index in `words` of the server's command, -1 when the image's entrypoint starts it. */
  readonly start: number;
  /** The container's whole command line. */
  readonly words: readonly CommandWord[];
}

// Every rule asks (severity, probes, the ML rules): computed once per container, with the unknown
// values read to compute it, replayed on a hit (strict mode).
const RECOGNITIONS = new WeakMap<ContainerRef, { value: Recognition | undefined; reads: readonly UnknownRead[] }>();

/** Which server a container runs, from its image, its command line or the custom resource holding it. */
export function recogniseServer(container: ContainerRef): Recognition | undefined {
  const cached = RECOGNITIONS.get(container);
  if (cached !== undefined) {
    replayUnknownReads(cached.reads);
    return cached.value;
  }
  const computed = collectingUnknownReads(() => recognise(container, commandWords(container)));
  RECOGNITIONS.set(container, computed);
  return computed.value;
}

function recognise(container: ContainerRef, words: readonly CommandWord[]): Recognition | undefined {
  const evidence: Evidence[] = [];
  let kind: ModelServerKind | undefined;
  const imageText = container.node.get('image').str();
  if (imageText !== undefined) {
    const image = parseImage(imageText);
    // Triton's `-sdk` tag is the client SDK image (perf_analyzer, clients), not a server.
    const clientImage = /-sdk$/i.test(image.tag ?? '');
    const byImage = clientImage ? undefined : SERVER_KINDS.find((info) => info.images.some((pattern) => pattern.test(image.repository)));
    if (byImage) {
      kind = byImage.kind;
      evidence.push('image');
    }
  }
  const command = commandStart(words, kind);
  if (command) {
    if (kind === undefined || kind === command.kind) {
      kind = command.kind;
      evidence.push('command');
    } else if (kind === 'seldon' && command.kind === 'mlserver') {
      // A seldonio image running `mlserver start` is MLServer.
      kind = 'mlserver';
      evidence.push('command');
    }
  }
  const object = container.workload.object;
  const crdKind = isLlmInferenceService(object) ? llmInferenceServiceServer(container) : CRD_SERVERS.get(`${object.group}/${object.kind}`);
  // Where the resource says which container is the server, its siblings (log shippers, redis) are not.
  const isServerContainer = container.server === true || (container.role === 'container' && !container.workload.containers.some((sibling) => sibling.server === true));
  if (crdKind !== undefined && isServerContainer && (kind === undefined || kind === crdKind || crdKind === 'kserve')) {
    kind ??= (object.kind === 'InferenceService' ? kserveRuntimeServer(container) : undefined) ?? crdKind;
    evidence.push('crd');
  }
  if (kind === undefined) return undefined;
  return { kind, evidence, start: command && command.kind === kind ? command.index : -1, words };
}

// KServe's default ClusterServingRuntimes (config/runtimes): the auto-selected runtime of each model
// format, by priority — pytorch → kserve-torchserve (priority 2; Triton lists pytorch without
// autoSelect), tensorflow → kserve-tensorflow-serving (2 over Triton's 1), onnx / tensorrt → Triton.
// sklearn, xgboost, lightgbm, huggingface … are KServe's own Python servers.
const KSERVE_FORMAT_SERVERS: ReadonlyMap<string, ModelServerKind> = new Map([
  ['pytorch', 'torchserve'],
  ['tensorflow', 'tf-serving'],
  ['onnx', 'triton'],
  ['tensorrt', 'triton'],
  ['triton', 'triton'],
]);

const KSERVE_RUNTIME_NAMES: ReadonlyArray<readonly [RegExp, ModelServerKind]> = [
  [/torchserve/, 'torchserve'],
  [/triton/, 'triton'],
  [/tensorflow-serving|tfserving/, 'tf-serving'],
  [/mlserver/, 'mlserver'],
  [/vllm/, 'vllm'],
];

/**
 * The server behind an InferenceService predictor written as `model` / a framework key, which
 * has no image of its own: from the runtime it names, else from its model format.
 */
function kserveRuntimeServer(container: ContainerRef): ModelServerKind | undefined {
  const key = container.node.path[container.node.path.length - 1];
  if (typeof key !== 'string' || container.node.path[container.node.path.length - 2] !== 'predictor') return undefined;
  const runtime = container.node.get('runtime').str()?.toLowerCase();
  if (runtime !== undefined) return KSERVE_RUNTIME_NAMES.find(([pattern]) => pattern.test(runtime))?.[1];
  const format = key === 'model' ? container.node.get('modelFormat', 'name').str()?.toLowerCase() : key;
  return format === undefined ? undefined : KSERVE_FORMAT_SERVERS.get(format);
}

/** The index of the word that starts the server (the program, or the first word of its phrase). */
function commandStart(words: readonly CommandWord[], preferred: ModelServerKind | undefined): { kind: ModelServerKind; index: number } | undefined {
  if (words.length === 0) return undefined;
  const candidates = preferred ? [serverKindInfo(preferred), ...SERVER_KINDS.filter((info) => info.kind !== preferred)] : SERVER_KINDS;
  const phrases: (string | undefined)[] = [];
  const phraseAt = (i: number): string => (phrases[i] ??= words.slice(i, i + 4).map((word) => word.text).join(' '));
  for (const info of candidates) {
    for (let i = 0; i < words.length; i++) {
      const text = (words[i] as CommandWord).text;
      if (info.programs.some((pattern) => pattern.test(text))) return { kind: info.kind, index: i };
      if (info.phrases && info.phrases.some((pattern) => matchStartsAtFirstWord(pattern, phraseAt(i), text))) return { kind: info.kind, index: i };
    }
  }
  return undefined;
}

function matchStartsAtFirstWord(pattern: RegExp, phrase: string, first: string): boolean {
  const match = pattern.exec(phrase);
  return match !== null && match.index < first.length;
}

// With the unknown values read to build it, replayed on a hit: every rule asking depends on them (strict mode).
const CACHE = new WeakMap<ContainerRef, { server: ModelServer | undefined; reads: readonly UnknownRead[] }>();

/** The ModelServer fact of a container, or undefined when it is not a model server. */
export function modelServerFacts(model: KubernetesModel, container: ContainerRef): ModelServer | undefined {
  const cached = CACHE.get(container);
  if (cached !== undefined) {
    replayUnknownReads(cached.reads);
    return cached.server;
  }
  const { value: server, reads } = collectingUnknownReads(() => buildModelServer(model, container));
  CACHE.set(container, { server, reads });
  return server;
}

/** Every model server of the model, in model order. */
export function modelServersIn(model: KubernetesModel): ModelServer[] {
  return model.workloads.flatMap((workload) => workload.containers.flatMap((container) => modelServerFacts(model, container) ?? []));
}

function buildModelServer(model: KubernetesModel, container: ContainerRef): ModelServer | undefined {
  if (container.role === 'ephemeralContainer') return undefined;
  const recognised = recogniseServer(container);
  if (!recognised) return undefined;
  const allWords = recognised.words;
  const info = serverKindInfo(recognised.kind);
  const words = withAdditionalArgs(model, container, recognised.kind, recognised.start >= 0 ? commandSegment(allWords, recognised.start) : allWords);

  const imageNode = container.node.get('image');
  const imageText = imageNode.str();
  const parsed = imageText === undefined ? undefined : parseImage(imageText);
  const rebuilt = parsed !== undefined && (info.rebuiltImages ?? []).some((pattern) => pattern.test(parsed.repository));
  const image: ServerImage | undefined = parsed && { ...parsed, node: imageNode, version: rebuilt ? undefined : versionOfTag(parsed.tag), floating: parsed.digest === undefined && isFloatingTag(parsed.tag) };

  const configFile = info.configFile ? configFileOf(model, container, words, info.configFile) : undefined;
  const fileValues = configFile && info.configFile?.format === 'properties' ? fileSettings(configFile, parseProperties(configFile.text)) : new Map<string, Setting>();

  const settings = (query: SettingQuery): Setting[] => {
    const out: Setting[] = [];
    if (query.flags && query.flags.length > 0) {
      for (const flag of findFlags(words, query.flags, { switch: query.switch === true, requiresValue: query.requiresValue === true })) {
        const written = flag.value === true ? flag.name : `${flag.name}=${flag.value}`;
        out.push({ name: flag.name, value: flag.value, node: flag.node, source: 'argument', description: flag.origin === undefined ? written : `${written} in ${flag.origin}` });
      }
    }
    for (const name of query.env ?? []) {
      const setting = envSetting(model, container, name);
      if (setting) out.push(setting);
    }
    for (const key of query.config ?? []) {
      const setting = fileValues.get(key);
      if (setting) out.push(setting);
    }
    return out;
  };

  const ports = info.ports.map((spec) => serverPort(container, spec, settings));
  const modelSources = [
    ...settings({ flags: info.modelFlags ?? [], env: info.modelEnv ?? [] }),
    ...positionalModel(recognised.kind, words),
    ...llmInferenceServiceModel(container),
  ];
  const serviceAccountNode = container.workload.podSpec.get('serviceAccountName');
  const server: ModelServer = {
    kind: recognised.kind,
    info,
    evidence: recognised.evidence,
    container,
    image,
    words,
    ports,
    configFile,
    modelSources,
    accelerators: acceleratorResources(container),
    serviceAccount: { name: serviceAccountNode.str() ?? 'default', node: serviceAccountNode, object: model.serviceAccountOf(container.workload) },
    setting: (query) => settings(query)[0],
    settings,
    portsWith: (...roles) => ports.filter((port) => port.roles.some((role) => roles.includes(role))),
  };
  return server;
}

const VLLM_ADDITIONAL_ARGS = 'VLLM_ADDITIONAL_ARGS';

/**
 * vLLM's words with those of env `VLLM_ADDITIONAL_ARGS` (a literal or a scanned ConfigMap's value; a
 * Secret's is unknown and adds none), located at the env value: where the script expands
 * `$VLLM_ADDITIONAL_ARGS`, or, for an LLMInferenceService container that leaves the presets' command
 * (see llmInferenceServiceServer), before the template's `args` as the presets' `eval` does.
 */
function withAdditionalArgs(model: KubernetesModel, container: ContainerRef, kind: ModelServerKind, words: readonly CommandWord[]): readonly CommandWord[] {
  if (kind !== 'vllm') return words;
  const at = words.findIndex((word) => word.fromScript && /^\$(VLLM_ADDITIONAL_ARGS|\{VLLM_ADDITIONAL_ARGS(:?-)?\})$/.test(word.text));
  const preset = at === -1 && container.server === true && isLlmInferenceService(container.workload.object) && !container.node.get('command').isWritten();
  if (at === -1 && !preset) return words;
  const setting = envSetting(model, container, VLLM_ADDITIONAL_ARGS);
  const value = setting?.value;
  const extra: CommandWord[] = setting && typeof value === 'string' ? shellWords(value).map((text) => ({ text, node: setting.node, fromScript: true, origin: setting.description })) : [];
  return at === -1 ? [...extra, ...words] : [...words.slice(0, at), ...extra, ...words.slice(at + 1)];
}

/** An LLMInferenceService's `spec.model.uri`: what KServe downloads to `/mnt/models`, which the presets serve. */
function llmInferenceServiceModel(container: ContainerRef): Setting[] {
  const object = container.workload.object;
  if (container.server !== true || !isLlmInferenceService(object)) return [];
  const uri = object.root.get('spec', 'model', 'uri');
  if (!uri.isWritten()) return [];
  return [{ name: 'spec.model.uri', value: uri.str(), node: uri, source: 'resource', description: `spec.model.uri of LLMInferenceService ${object.name ?? '(unnamed)'}` }];
}

/** `vllm serve MODEL`, `bentoml serve BENTO`: the first word after the phrase that is not a flag. */
function positionalModel(kind: ModelServerKind, words: readonly CommandWord[]): Setting[] {
  if (kind !== 'vllm' && kind !== 'bentoml') return [];
  const index = words.findIndex((word, i) => word.text === 'serve' && i > 0 && /(^|\/)(vllm|bentoml)$/.test(words[i - 1]?.text ?? ''));
  const next = index === -1 ? undefined : words[index + 1];
  if (!next || next.text.startsWith('-')) return [];
  return [{ name: 'serve', value: next.text, node: next.node, source: 'argument', description: `serve ${next.text}` }];
}

function configFileOf(model: KubernetesModel, container: ContainerRef, words: readonly CommandWord[], spec: NonNullable<ServerKindInfo['configFile']>): MountedFile | undefined {
  const path = configFilePath(model, container, words, spec);
  return path === undefined ? undefined : mountedFile(model, container, path);
}

/** The path of the server's config file: from its env variable, else its flag, else the default; undefined when not readable. */
export function configFilePath(model: KubernetesModel, container: ContainerRef, words: readonly CommandWord[], spec: NonNullable<ServerKindInfo['configFile']>): string | undefined {
  const env = (spec.env ?? []).map((name) => envSetting(model, container, name)).find((setting) => setting !== undefined);
  if (env) return typeof env.value === 'string' && env.value.trim() !== '' ? absolutePath(env.value.trim(), container) : undefined;
  const flag = findFlags(words, spec.flags)[0];
  if (flag) return typeof flag.value === 'string' && !/\$[({]/.test(flag.value) ? absolutePath(flag.value, container) : undefined;
  return spec.defaultPath;
}

/** A relative path resolved against the container's `workingDir` (left as written without one). */
function absolutePath(path: string, container: ContainerRef): string {
  if (path.startsWith('/')) return path;
  const dir = container.node.get('workingDir').str();
  return dir === undefined ? path : `${dir.replace(/\/+$/, '')}/${path.replace(/^\.\//, '')}`;
}

/** A port's number: its flag / env / config value when readable, else the default. */
function serverPort(container: ContainerRef, spec: PortSpec, settings: (query: SettingQuery) => Setting[]): ServerPort {
  const setBy = settings({ flags: spec.flags ?? [], env: spec.env ?? [], config: spec.configKey ? [spec.configKey] : [] })[0];
  const moved = typeof setBy?.value === 'string' ? portNumberIn(setBy.value) : undefined;
  const number = moved ?? spec.default;
  const declared = container.node
    .get('ports')
    .items()
    .find((port) => port.get('containerPort').number().value === number);
  return { number, spec, roles: spec.roles, declared, setBy: moved === undefined ? undefined : setBy };
}

/** `8085`, `0.0.0.0:8085`, `http://127.0.0.1:8081`, `[::]:8081` → the port; undefined without one. */
export function portNumberIn(text: string): number | undefined {
  const trimmed = text.trim();
  const match = /^(\d+)$/.exec(trimmed) ?? /:(\d+)\/?$/.exec(trimmed);
  const number = match ? Number(match[1]) : NaN;
  return Number.isInteger(number) && number > 0 && number < 65536 ? number : undefined;
}

/** The host part of a bind address (`127.0.0.1:8081`, `http://0.0.0.0:8081`, `unix:/tmp/s`). */
export function bindHostIn(text: string): string | undefined {
  const trimmed = text.trim().replace(/^[a-z]+:\/\//i, '');
  if (/^unix:/i.test(trimmed)) return 'unix';
  const bracket = /^\[([^\]]+)\]/.exec(trimmed);
  if (bracket) return bracket[1];
  const host = trimmed.split(/[:/]/)[0];
  return host === '' ? undefined : host;
}

/** Loopback or a unix socket: reachable only from inside the pod. */
export function isLocalBind(host: string | undefined): boolean {
  return host !== undefined && (host === 'unix' || host === 'localhost' || host === '::1' || /^127\./.test(host));
}
