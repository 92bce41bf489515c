// What the MLflow rules share (catalogue A.8): whether a container is the tracking server and whether it
// authenticates anyone, and what a client's model URI names in the registry.
import { clusterServiceOfUrl } from '../cluster-dns.js';
import type { ContainerRef, K8sObject, KubernetesModel } from '../kubernetes.js';
import { exposureOfPort } from '../port-exposure.js';
import { findObject } from '../references.js';
import { workloadsSelectedBy } from '../selectors.js';
import type { Node } from '../value.js';
import { commandWords } from './command-line.js';
import { bindHostIn, isLocalBind, modelServerFacts } from './model-server.js';
import type { ModelServer } from './model-server.js';
import { serverBind } from './server-exposure.js';
import { envSetting } from './settings.js';
import type { Setting } from './settings.js';

/** `mlflow server` / `mlflow ui` (an alias of `server`), also as `python -m mlflow server`; not `mlflow models serve`. */
export function isTrackingServer(server: ModelServer): boolean {
  const words = server.words;
  return server.kind === 'mlflow' && words.some((word, i) => /(^|\/)mlflow$/.test(word.text) && (words[i + 1]?.text === 'server' || words[i + 1]?.text === 'ui'));
}

/** The address in a server-option string: gunicorn `--bind` / `-b`, uvicorn `--host`, waitress `--listen` / `--host`. */
function optionsBindHost(options: string): string | undefined {
  const words = options.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const inline = /^(--bind|--host|--listen)=(.+)$/.exec(word);
    const value = inline ? inline[2] : ['--bind', '-b', '--host', '--listen'].includes(word) ? words[i + 1] : undefined;
    if (value !== undefined) return bindHostIn(value.replace(/^['"]|['"]$/g, ''));
  }
  return undefined;
}

/**
 * Where the tracking server listens, when that is beyond its pod: `--host` / `-h` / `MLFLOW_HOST`
 * (default 127.0.0.1), or a bind address in the gunicorn / uvicorn / waitress options it forwards.
 * Undefined when it keeps to loopback, or when the address cannot be read.
 */
function reachableBind(server: ModelServer): Setting | undefined {
  const bind = serverBind(server, { flags: ['--host', '-h'], env: ['MLFLOW_HOST'] }, '127.0.0.1');
  if (bind.local === false) return bind.setting;
  for (const query of [{ flags: ['--gunicorn-opts'], env: ['MLFLOW_GUNICORN_OPTS'] }, { flags: ['--uvicorn-opts'], env: ['MLFLOW_UVICORN_OPTS'] }, { flags: ['--waitress-opts'] }]) {
    // click hands these options the next word whatever it starts with: `--gunicorn-opts "--bind 0.0.0.0:5000"`.
    const options = server.setting({ ...query, requiresValue: true });
    if (typeof options?.value !== 'string') continue;
    const host = optionsBindHost(options.value);
    if (host !== undefined && !isLocalBind(host)) return options;
  }
  return undefined;
}

/**
 * An MLflow tracking server that authenticates nobody and listens beyond its pod: the setting that binds it
 * there. MLflow authenticates only with an auth app (`--app-name basic-auth`, a plugin's `oidc-auth`); any
 * `--app-name`, even unreadable, is taken as one. Undefined for other containers, a loopback bind (only a
 * proxy in the pod reaches it) or an address that cannot be read.
 */
export function unauthenticatedTrackingServer(server: ModelServer): Setting | undefined {
  if (!isTrackingServer(server) || server.setting({ flags: ['--app-name'] })) return undefined;
  return reachableBind(server);
}

/**
 * What a `models:/` or `runs:/` URI names, as MLflow parses it (mlflow/store/artifact/utils/models.py
 * `_parse_model_uri`): `models:/<name>/<version>` (digits), `models:/<name>/latest`, `models:/<name>/<stage>`,
 * `models:/<name>@<alias>`, MLflow 3's `models:/<model_id>`, and `runs:/<run_id>/<path>`.
 */
export type MlflowModelReference =
  | { readonly kind: 'version'; readonly name: string; readonly version: string }
  | { readonly kind: 'latest'; readonly name: string }
  | { readonly kind: 'stage'; readonly name: string; readonly stage: string }
  | { readonly kind: 'alias'; readonly name: string; readonly alias: string }
  | { readonly kind: 'logged-model'; readonly id: string }
  | { readonly kind: 'run'; readonly runId: string };

/**
 * The reference a model URI makes; undefined for other schemes, a malformed URI, or one that names its own
 * registry (`models://<profile>@databricks/…`): then the client's tracking URI is not where it resolves.
 */
export function parseMlflowModelUri(text: string): MlflowModelReference | undefined {
  const match = /^(models|runs):(\/\/[^/]*)?(\/.*)$/.exec(text.trim());
  if (!match || match[2] !== undefined) return undefined;
  const parts = (match[3] as string).replace(/^\/+/, '').split('/');
  if (parts.some((part) => /[\s${}]/.test(part)) || (parts[0] ?? '') === '') return undefined;
  if (match[1] === 'runs') return parts.length >= 2 ? { kind: 'run', runId: parts[0] as string } : undefined;
  if (parts.length > 2) return undefined;
  const [name, suffix] = parts as [string, string | undefined];
  if (suffix !== undefined) {
    if (suffix === '') return undefined;
    if (/^\d+$/.test(suffix)) return { kind: 'version', name, version: suffix };
    return suffix.toLowerCase() === 'latest' ? { kind: 'latest', name } : { kind: 'stage', name, stage: suffix };
  }
  const at = name.lastIndexOf('@');
  if (at === -1) return { kind: 'logged-model', id: name };
  const alias = name.slice(at + 1);
  return alias === '' || at === 0 ? undefined : { kind: 'alias', name: name.slice(0, at), alias };
}

/** A stage, an alias or `latest` is a pointer the registry moves; a version, a logged model or a run is fixed. */
export function isMutableReference(reference: MlflowModelReference): boolean {
  return reference.kind === 'stage' || reference.kind === 'alias' || reference.kind === 'latest';
}

/** `models:/fraud/Production` → `stage 'Production' of model 'fraud'`. */
export function describeReference(reference: MlflowModelReference): string {
  switch (reference.kind) {
    case 'version':
      return `version ${reference.version} of model '${reference.name}'`;
    case 'latest':
      return `the latest version of model '${reference.name}'`;
    case 'stage':
      return `stage '${reference.stage}' of model '${reference.name}'`;
    case 'alias':
      return `alias '@${reference.alias}' of model '${reference.name}'`;
    case 'logged-model':
      return `logged model ${reference.id}`;
    case 'run':
      return `a model of run ${reference.runId}`;
  }
}

/** A model URI a container loads, where it is written. */
export interface MlflowModelUri {
  readonly text: string;
  readonly reference: MlflowModelReference;
  readonly node: Node;
}

/**
 * The MLflow model URIs a container names: a model server's model flag or env (`mlflow models serve -m`),
 * any env value (a custom server's `MODEL_URI`, MLServer's `MLSERVER_MODEL_URI`; literal or from a scanned
 * ConfigMap), any command-line word (`--model-uri=models:/…`). The scheme is MLflow's alone: naming one is
 * loading from the registry.
 */
export function mlflowModelUris(model: KubernetesModel, container: ContainerRef, server: ModelServer | undefined): MlflowModelUri[] {
  const out: MlflowModelUri[] = [];
  const add = (text: string | undefined, node: Node): void => {
    const value = text?.replace(/^--?[\w-]+=/, '');
    const reference = value === undefined ? undefined : parseMlflowModelUri(value);
    // A model flag is also a command-line word: one URI per place.
    if (reference && !out.some((known) => samePlace(known.node, node) && known.text === value)) out.push({ text: value as string, reference, node });
  };
  for (const source of server?.modelSources ?? []) add(typeof source.value === 'string' ? source.value : undefined, source.node);
  for (const entry of container.node.get('env').items()) {
    const name = entry.get('name').str();
    const setting = name === undefined ? undefined : envSetting(model, container, name);
    if (setting && typeof setting.value === 'string') add(setting.value, setting.node);
  }
  for (const word of commandWords(container)) add(word.text, word.node);
  return out;
}

function samePlace(a: Node, b: Node): boolean {
  return a.path.length === b.path.length && a.path.every((key, i) => key === b.path[i]);
}

/**
 * The server a client resolves a reference against: runs and logged models on the tracking server
 * (`MLFLOW_TRACKING_URI`), registry references on `MLFLOW_REGISTRY_URI`, which defaults to the tracking URI
 * (mlflow.get_registry_uri). Undefined when neither is written: the client then uses a local store.
 */
export function mlflowServerSetting(model: KubernetesModel, container: ContainerRef, reference: MlflowModelReference): Setting | undefined {
  const registry = reference.kind === 'run' || reference.kind === 'logged-model' ? undefined : envSetting(model, container, 'MLFLOW_REGISTRY_URI');
  return registry ?? envSetting(model, container, 'MLFLOW_TRACKING_URI');
}

/** An MLflow tracking server a URL reaches through a Service of the scan. */
export interface TrackingServerBehind {
  readonly server: ModelServer;
  readonly service: K8sObject;
  /** The Service's `ports[]` item the URL's port names. */
  readonly servicePort: Node;
}

const CORE = new Set(['']);

/**
 * The tracking servers behind an http(s) URL a client in `from` writes: the Service its cluster DNS name
 * names (by name and namespace, the nearest copy), the Service port of the URL's port, and the pods that
 * port sends to their MLflow HTTP port (port-exposure's Service paths, so `targetPort` by name or number
 * counts as Kubernetes counts it). Empty when any of it is not in the scan.
 */
export function trackingServersBehind(model: KubernetesModel, from: K8sObject, url: string): TrackingServerBehind[] {
  const address = clusterServiceOfUrl(url, from.namespace);
  const service = address && findObject(model, { kind: 'Service', groups: CORE, namespace: address.namespace, name: address.name, near: from });
  if (!address || !service) return [];
  const out: TrackingServerBehind[] = [];
  for (const workload of workloadsSelectedBy(model, service)) {
    for (const container of workload.containers) {
      const server = modelServerFacts(model, container);
      if (!server || !isTrackingServer(server)) continue;
      for (const port of server.ports) {
        const name = port.declared?.get('name').str();
        const exposure = exposureOfPort(model, workload, { number: port.number, ...(name !== undefined ? { name } : {}), ...(port.declared ? { containerPort: port.declared } : {}) });
        for (const path of exposure.paths) {
          const hop = path.hops.at(-1);
          if (hop?.object !== service || hop.at.get('port').value !== address.port) continue;
          if (!out.some((known) => known.server === server)) out.push({ server, service, servicePort: hop.at });
        }
      }
    }
  }
  return out;
}
