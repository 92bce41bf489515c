// TorchServe's own precedence for a property (docs/configuration.md, token_authorization_api.md,
// model_api_control.md): a `TS_<PROPERTY>` environment variable is read only when
// `enable_envvars_config=true` is in config.properties, and then wins over the command line, which
// wins over config.properties.
import type { KubernetesModel } from '../kubernetes.js';
import { exposureOfPort } from '../port-exposure.js';
import type { PortExposure } from '../port-exposure.js';
import type { Node } from '../value.js';
import { compareVersions, formatVersion, type Version } from './images.js';
import { findFlags } from './command-line.js';
import { bindHostIn, configFilePath, isLocalBind, portNumberIn } from './model-server.js';
import type { ModelServer } from './model-server.js';
import { isEnabledValue } from './serving-options.js';
import type { MountedFile, Setting } from './settings.js';

/** `enable_envvars_config=true` in the config file (only readable when the file is in the scan). */
export function torchServeReadsEnv(server: ModelServer): boolean {
  return isEnabledValue(server.setting({ config: ['enable_envvars_config'] })?.value);
}

/**
 * The effective value of a TorchServe property: `TS_<KEY>` when the server reads env config (or
 * `extraEnv` says it does for this key), then the switch `flag`, then config.properties.
 */
export function torchServeSetting(server: ModelServer, options: { readonly key: string; readonly flag?: string; readonly envEnabled?: boolean }): Setting | undefined {
  if (options.envEnabled ?? torchServeReadsEnv(server)) {
    const env = server.setting({ env: [`TS_${options.key.toUpperCase()}`] });
    if (env) return env;
  }
  if (options.flag !== undefined) {
    const flag = server.setting({ flags: [options.flag], switch: true });
    if (flag) return flag;
  }
  return server.setting({ config: [options.key] });
}

/** Model register / delete API: off by default from 0.11.0, on before. */
export const TORCHSERVE_SECURE_DEFAULTS: Version = [0, 11];

/** The model API is on: written so, or the image predates 0.11 and nothing turns it off. */
export function torchServeModelApi(server: ModelServer): { readonly enabled: boolean; readonly setting: Setting | undefined } {
  const setting = torchServeSetting(server, { key: 'enable_model_api', flag: '--enable-model-api' });
  if (setting) return { enabled: isEnabledValue(setting.value), setting };
  const version = server.image?.version;
  return { enabled: version !== undefined && compareVersions(version, TORCHSERVE_SECURE_DEFAULTS) < 0, setting: undefined };
}

/**
 * The gRPC servers (7070 inference, 7071 management) listen on every interface before 0.11.0 and on
 * 127.0.0.1 from it, unless `grpc_inference_address` / `grpc_management_address` say otherwise
 * (pytorch/serve PR #3083; ConfigManager.getGRPCAddress).
 */
export const TORCHSERVE_GRPC_LOCALHOST: Version = [0, 11];

/** Where `pytorch/torchserve` and `-nightly` (docker/Dockerfile) put their config.properties, which is also their WORKDIR's. */
export const TORCHSERVE_IMAGE_CONFIG = '/home/model-server/config.properties';
const IMAGES_WITH_OPEN_CONFIG = /(^|\/)pytorch\/torchserve(-nightly)?$/;
/** What that file binds (docker/config.properties): every HTTP API on every interface. */
const IMAGE_CONFIG: ReadonlyMap<string, string> = new Map([
  ['inference_address', 'http://0.0.0.0:8080'],
  ['management_address', 'http://0.0.0.0:8081'],
  ['metrics_address', 'http://0.0.0.0:8082'],
]);

/**
 * The config.properties TorchServe reads: its content in the scanned set, the file baked into the
 * official image (nothing mounted over it), or not readable here (a path on a volume, a custom image).
 */
export type TorchServeConfig = { readonly kind: 'scanned'; readonly file: MountedFile } | { readonly kind: 'image'; readonly path: string } | { readonly kind: 'unknown' };

export function torchServeConfig(model: KubernetesModel, server: ModelServer): TorchServeConfig {
  if (server.configFile) return { kind: 'scanned', file: server.configFile };
  const spec = server.info.configFile;
  const path = spec && configFilePath(model, server.container, server.words, spec);
  if (path !== TORCHSERVE_IMAGE_CONFIG || !server.evidence.includes('image') || !server.image || !IMAGES_WITH_OPEN_CONFIG.test(server.image.repository)) return { kind: 'unknown' };
  // Started by the container's own command without a config path, TorchServe reads ./config.properties:
  // the image's file only from its WORKDIR. (The image's entrypoint passes the path itself.)
  const ownCommand = server.words.some((word) => /(^|\/)torchserve$/.test(word.text));
  const explicit = findFlags(server.words, spec?.flags ?? []).length > 0 || (spec?.env ?? []).some((name) => server.container.node.get('env').items().some((entry) => entry.get('name').str() === name));
  const workingDir = server.container.node.get('workingDir');
  if (ownCommand && !explicit && workingDir.isWritten() && workingDir.str()?.replace(/\/+$/, '') !== TORCHSERVE_IMAGE_CONFIG.slice(0, TORCHSERVE_IMAGE_CONFIG.lastIndexOf('/'))) return { kind: 'unknown' };
  // A volume on the file, or on a directory holding it, hides the image's file.
  const hidden = server.container.node
    .get('volumeMounts')
    .items()
    .some((mount) => {
      const mountPath = mount.get('mountPath').str()?.replace(/\/+$/, '');
      return mountPath === undefined || mountPath === '' || path === mountPath || path.startsWith(`${mountPath}/`);
    });
  return hidden ? { kind: 'unknown' } : { kind: 'image', path };
}

export type TorchServeApi = 'management' | 'grpc-inference' | 'grpc-management';

/** Where one TorchServe API listens, and how that is known. */
export interface TorchServeListener {
  readonly api: TorchServeApi;
  /** The bind host; `unix` for a socket; undefined when it cannot be read here. */
  readonly host: string | undefined;
  /** Undefined when it cannot be read (or for a socket). */
  readonly port: number | undefined;
  /** The address setting, when one is written (config.properties, `TS_*` env). */
  readonly setting: Setting | undefined;
  /** For messages: the setting as written, the image's file, or TorchServe's default. */
  readonly description: string;
}

const LISTENERS: Readonly<Record<TorchServeApi, { readonly address: string; readonly port?: string; readonly defaultPort: number; readonly label: string }>> = {
  management: { address: 'management_address', defaultPort: 8081, label: 'management API' },
  'grpc-inference': { address: 'grpc_inference_address', port: 'grpc_inference_port', defaultPort: 7070, label: 'gRPC inference API' },
  'grpc-management': { address: 'grpc_management_address', port: 'grpc_management_port', defaultPort: 7071, label: 'gRPC management API' },
};

export function torchServeApiLabel(api: TorchServeApi): string {
  return LISTENERS[api].label;
}

/** A setting with its value, for messages: `management_address=http://0.0.0.0:8081 in config.properties (ConfigMap ts)`, `env TS_X=y`, `--flag`. */
export function describeTorchServeSetting(setting: Setting): string {
  if (setting.value === true) return setting.description;
  const value = setting.value === undefined ? '(not readable here)' : setting.value.trim();
  if (setting.source === 'config-file' && setting.description.startsWith(`${setting.name} `)) return `${setting.name}=${value}${setting.description.slice(setting.name.length)}`;
  if (setting.source === 'env' && setting.description.startsWith(`env ${setting.name}`)) return `env ${setting.name}=${value}${setting.description.slice(`env ${setting.name}`.length)}`;
  return setting.description.includes('=') ? setting.description : `${setting.description}=${value}`;
}

/** A config value TorchServe fills from the environment at start (`$$VAR$$`) cannot be read here. */
function readable(setting: Setting | undefined): string | undefined {
  return typeof setting?.value === 'string' && !setting.value.includes('$$') ? setting.value.trim() : undefined;
}

/**
 * Where the HTTP management API or a gRPC server listens, by TorchServe's precedence (env with
 * `enable_envvars_config`, config.properties), else its defaults: the HTTP APIs on 127.0.0.1 (the
 * official image's file binds them to 0.0.0.0), gRPC on every interface before 0.11.0 (no address
 * setting existed) and on 127.0.0.1 from it.
 */
export function torchServeListener(model: KubernetesModel, server: ModelServer, api: TorchServeApi): TorchServeListener {
  const spec = LISTENERS[api];
  const config = torchServeConfig(model, server);
  const version = server.evidence.includes('image') ? server.image?.version : undefined;
  if (api === 'management') {
    const setting = torchServeSetting(server, { key: spec.address });
    if (setting) {
      const value = readable(setting);
      const host = value === undefined ? undefined : bindHostIn(value);
      const port = value === undefined || host === 'unix' ? undefined : portNumberIn(value);
      return { api, host, port, setting, description: describeTorchServeSetting(setting) };
    }
    if (config.kind === 'scanned') return { api, host: '127.0.0.1', port: spec.defaultPort, setting, description: `TorchServe's default ${spec.address} (http://127.0.0.1:${spec.defaultPort})` };
    if (config.kind === 'image') return { api, host: '0.0.0.0', port: spec.defaultPort, setting, description: `${spec.address}=${IMAGE_CONFIG.get(spec.address) ?? ''} in the image's ${config.path}` };
    return { api, host: undefined, port: undefined, setting, description: spec.address };
  }
  const portSetting = spec.port === undefined ? undefined : torchServeSetting(server, { key: spec.port });
  const portText = portSetting ? readable(portSetting) : String(spec.defaultPort);
  const port = portText !== undefined && /^\d+$/.test(portText) ? Number(portText) : undefined;
  if (version !== undefined && compareVersions(version, TORCHSERVE_GRPC_LOCALHOST) < 0) {
    return { api, host: '0.0.0.0', port, setting: undefined, description: `TorchServe ${formatVersion(version)} binds gRPC to every interface; 0.11.0 made it 127.0.0.1` };
  }
  const setting = torchServeSetting(server, { key: spec.address });
  if (setting) {
    const value = readable(setting);
    return { api, host: value === undefined ? undefined : bindHostIn(value), port, setting, description: describeTorchServeSetting(setting) };
  }
  // 0.11.0 or later (or a version the tag does not give): 127.0.0.1 unless a config we cannot read says otherwise.
  const known = version !== undefined && config.kind !== 'unknown';
  return { api, host: known ? '127.0.0.1' : undefined, port, setting, description: known ? `TorchServe's default ${spec.address} (127.0.0.1)` : spec.address };
}

/** One TorchServe API's listener and how its port is reachable (catalogue F.0). */
export interface TorchServeApiExposure {
  readonly listener: TorchServeListener;
  readonly exposure: PortExposure;
  /** The container's `ports[]` item declaring the port, when one does. */
  readonly containerPort: Node | undefined;
}

/** The exposure of the port an API listens on; undefined when the port cannot be read (a unix socket, a `$$VAR$$`). */
export function torchServeApiExposure(model: KubernetesModel, server: ModelServer, api: TorchServeApi): TorchServeApiExposure | undefined {
  const listener = torchServeListener(model, server, api);
  if (listener.port === undefined) return undefined;
  const number = listener.port;
  const containerPort = server.container.node
    .get('ports')
    .items()
    .find((item) => item.get('containerPort').value === number);
  const name = containerPort?.get('name').str();
  const exposure = exposureOfPort(model, server.container.workload, { number, ...(name !== undefined ? { name } : {}), ...(containerPort ? { containerPort } : {}) });
  return { listener, exposure, containerPort };
}

/**
 * IG-ML-001's condition for one management API: it listens on an address other pods can reach and a
 * Service (or any other path) publishes its port. IG-ML-005 leaves 7071 to it when this holds.
 */
export function torchServeManagementReachable(found: TorchServeApiExposure | undefined): found is TorchServeApiExposure {
  return found !== undefined && found.listener.host !== undefined && !isLocalBind(found.listener.host) && found.exposure.published;
}
