// A Ray head node as the Ray rules see it: the Ray container of a KubeRay head group, or any container
// whose command runs `ray start --head`; where its dashboard (and Jobs API), Ray Client and GCS listen,
// whether the dashboard runs and on which address, and whether Ray token authentication is on.
//
// `ray start` options come from the command line when the container starts Ray itself, else from
// KubeRay's `rayStartParams` (the operator writes the command then: ray-operator/controllers/ray/common
// pod.go BuildPod / generateRayStartCommand). KubeRay sets `dashboard-host: 0.0.0.0` on the head when it
// is not written (setMissingRayStartParams); `ray start` alone binds the dashboard to localhost.
import { RAY_GROUP, rayClusterFacts } from '../adapt/crds/ray.js';
import type { ContainerRef, K8sObject, KubernetesModel, Workload } from '../kubernetes.js';
import { exposureOfPort } from '../port-exposure.js';
import type { ExposurePath, PortExposure } from '../port-exposure.js';
import type { Node } from '../value.js';
import { compareVersions, formatVersion, parseVersion } from './images.js';
import type { Version } from './images.js';
import { bindHostIn, isLocalBind, modelServerFacts } from './model-server.js';
import type { ModelServer } from './model-server.js';
import { envSetting, hiddenEnvSource } from './settings.js';
import { VERSION_FLOORS } from './version-floors.js';

const RAY_KINDS = new Set(['RayCluster', 'RayService', 'RayJob']);
const DEFAULTS = { dashboard: 8265, client: 10001, gcs: 6379 } as const;

/** A `ray start` option as written: `--dashboard-host=0.0.0.0` or `rayStartParams.dashboard-host`. */
export interface RayOption {
  /** Undefined when written but not readable here. */
  readonly value: string | undefined;
  readonly node: Node;
  /** `--dashboard-host=0.0.0.0`, `rayStartParams dashboard-host: 0.0.0.0`. */
  readonly description: string;
}

export interface RayHeadPort {
  /** Undefined when the option that moves it cannot be read. */
  readonly number: number | undefined;
  /** The option that moved it off its default. */
  readonly option: RayOption | undefined;
  /** The Ray container's `ports[]` item for it, when declared. */
  readonly declared: Node | undefined;
  readonly name: string | undefined;
}

export interface RayDashboard extends RayHeadPort {
  /** False with `include-dashboard: false`; undefined when that option cannot be read. */
  readonly enabled: boolean | undefined;
  /** The bind address: written, or the default (KubeRay `0.0.0.0`, `ray start` localhost); undefined when unreadable. */
  readonly host: string | undefined;
  readonly hostOption: RayOption | undefined;
  /** Bound to loopback only: nothing outside the pod reaches it; undefined when the address cannot be read. */
  readonly local: boolean | undefined;
}

export interface RayHead {
  readonly workload: Workload;
  readonly container: ContainerRef;
  readonly server: ModelServer;
  /** The RayCluster, RayService or RayJob whose head group this is; undefined for a plain pod running `ray start --head`. */
  readonly cluster: K8sObject | undefined;
  readonly dashboard: RayDashboard;
  readonly client: RayHeadPort;
  readonly gcs: RayHeadPort;
}

function isKubeRayHead(workload: Workload): boolean {
  return workload.object.group === RAY_GROUP && RAY_KINDS.has(workload.object.kind) && workload.role === 'head';
}

const heads = new WeakMap<Workload, RayHead | null>();

/** The Ray head of a pod template, or undefined when none of its containers is one. */
export function rayHeadOf(model: KubernetesModel, workload: Workload): RayHead | undefined {
  const cached = heads.get(workload);
  if (cached !== undefined) return cached ?? undefined;
  const head = findHead(model, workload);
  heads.set(workload, head ?? null);
  return head;
}

function findHead(model: KubernetesModel, workload: Workload): RayHead | undefined {
  const kubeRay = isKubeRayHead(workload);
  for (const container of workload.containers) {
    if (container.role !== 'container') continue;
    const server = modelServerFacts(model, container);
    if (server?.kind !== 'ray') continue;
    // `ray start` on the command line: KubeRay then leaves the command as written.
    const ownCommand = server.evidence.includes('command');
    if (kubeRay ? container.server !== true : !ownCommand || server.setting({ flags: ['--head'], switch: true }) === undefined) continue;
    const params = kubeRay && !ownCommand ? rayClusterFacts(workload.object).headRayStartParams : undefined;
    const option = (name: string): RayOption | undefined => {
      if (params) {
        const node = params.get(name);
        if (!node.isWritten()) return undefined;
        const value = typeof node.value === 'string' || typeof node.value === 'number' || typeof node.value === 'boolean' ? String(node.value) : undefined;
        return { value, node, description: `rayStartParams ${name}: ${value ?? '(unreadable)'}` };
      }
      const setting = server.setting({ flags: [`--${name}`] });
      if (!setting) return undefined;
      const value = setting.value === true ? 'true' : setting.value;
      return { value, node: setting.node, description: setting.description };
    };
    const port = (name: string, fallback: number): RayHeadPort => {
      const written = option(name);
      const number = written === undefined ? fallback : portNumber(written.value);
      const declared = number === undefined ? undefined : container.node.get('ports').items().find((entry) => entry.get('containerPort').value === number);
      return { number, option: written, declared, name: declared?.get('name').str() };
    };
    const include = option('include-dashboard');
    const hostOption = option('dashboard-host');
    const written = hostOption ? hostOption.value : kubeRay && !ownCommand ? '0.0.0.0' : 'localhost';
    // `$(VAR)` the kubelet could not expand here, `${VAR}` in a script: not readable.
    const host = written === undefined || /\$[({]/.test(written) ? undefined : written;
    return {
      workload,
      container,
      server,
      cluster: kubeRay ? workload.object : undefined,
      dashboard: { ...port('dashboard-port', DEFAULTS.dashboard), enabled: include === undefined ? true : booleanOption(include.value), host, hostOption, local: host === undefined ? undefined : isLocalBind(bindHostIn(host)) },
      client: port('ray-client-server-port', DEFAULTS.client),
      gcs: port('port', DEFAULTS.gcs),
    };
  }
  return undefined;
}

function portNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  const number = Number(value.trim());
  return number > 0 && number < 65536 ? number : undefined;
}

/** Click's boolean: true / false, 1 / 0, yes / no, on / off; undefined otherwise. */
function booleanOption(value: string | undefined): boolean | undefined {
  const text = value?.trim().toLowerCase();
  if (text === 'true' || text === '1' || text === 'yes' || text === 'on' || text === 'y' || text === 't') return true;
  if (text === 'false' || text === '0' || text === 'no' || text === 'off' || text === 'n' || text === 'f') return false;
  return undefined;
}

/** The head of a KubeRay resource (its head group's template). */
export function kubeRayHeadOf(model: KubernetesModel, object: K8sObject): RayHead | undefined {
  const workload = model.workloads.find((candidate) => candidate.object === object && candidate.role === 'head');
  return workload ? rayHeadOf(model, workload) : undefined;
}

/**
 * How the dashboard (and its Jobs API) of a head is reachable, or undefined when nothing outside the
 * pod can reach it: the dashboard is off, bound to loopback, or its port or address cannot be read.
 */
export function dashboardExposure(model: KubernetesModel, head: RayHead): PortExposure | undefined {
  const dashboard = head.dashboard;
  if (dashboard.enabled !== true || dashboard.local !== false || dashboard.number === undefined) return undefined;
  return portExposure(model, head, dashboard);
}

export function portExposure(model: KubernetesModel, head: RayHead, port: RayHeadPort): PortExposure | undefined {
  if (port.number === undefined) return undefined;
  return exposureOfPort(model, head.workload, { number: port.number, ...(port.name !== undefined ? { name: port.name } : {}), ...(port.declared ? { containerPort: port.declared } : {}) });
}

// ---------------------------------------------------------------- reporting an exposed port

/** `RayCluster 'demo' (head container 'ray-head')`, `Deployment 'ray-head' (container 'ray')`. */
export function rayHeadSubject(head: RayHead): string {
  const object = head.workload.object;
  return `${object.kind} '${object.name ?? '(unnamed)'}' (${head.cluster ? 'head container' : 'container'} '${head.container.name || '(unnamed)'}')`;
}

/** The path a finding names: an internet-facing one first, else the first. */
export function worstPath(paths: readonly ExposurePath[]): ExposurePath | undefined {
  return paths.find((path) => path.internetFacing) ?? paths[0];
}

/**
 * Where a finding about an exposed port points: the container's `ports[]` item when it declares the
 * port; else the field of the resource or pod that exposes it (KubeRay's `serviceType` or
 * `enableIngress`, `hostNetwork`, a `hostPort`); else the outermost hop in the files (a Service port,
 * an Ingress backend), reported on its own object.
 */
export function exposureFindingPlace(workload: Workload, declared: Node | undefined, path: ExposurePath): { at: Node; object?: K8sObject } {
  if (declared) return { at: declared };
  const outer = path.hops[0];
  if (!outer || outer.object === workload.object) return { at: outer?.at ?? workload.podSpec };
  return { at: outer.at, object: outer.object };
}

/** Every hop of the named path, then the outermost hop of each other path, as related locations. */
export function exposureHops(path: ExposurePath, others: readonly ExposurePath[]): Array<{ at: Node; message: string }> {
  const outer = others.filter((other) => other !== path).flatMap((other) => (other.hops[0] ? [other.hops[0]] : []));
  const seen = new Set<string>();
  return [...path.hops, ...outer]
    .filter((hop) => {
      const key = `${hop.object.file.path}#${hop.at.path.join('/')}#${hop.description}`;
      return !seen.has(key) && seen.add(key) !== undefined;
    })
    .map((hop) => ({ at: hop.at, message: hop.description }));
}

// ---------------------------------------------------------------- token authentication

export interface RayAuth {
  /** `token`: required; `off`: not required; `unknown`: decided by a value not readable here. */
  readonly state: 'token' | 'off' | 'unknown';
  /** What decides it, for messages: `authOptions.mode: disabled`, `no token authentication configured`. */
  readonly description: string;
  readonly at: Node;
}

/** IG-ML-043's floor "token authentication unavailable" (data/version-floors.json). */
function tokenAuthFloor(): Version | undefined {
  return VERSION_FLOORS.find((floor) => floor.rule === 'IG-ML-043' && floor.component === 'ray' && floor.advisories.includes('token authentication unavailable'))?.below;
}

/** The Ray release a head runs: its `rayproject/ray` image tag, else the KubeRay resource's `rayVersion`. */
export function rayVersionOf(head: RayHead): Version | undefined {
  const image = head.server.evidence.includes('image') ? head.server.image?.version : undefined;
  if (image) return image;
  if (!head.cluster) return undefined;
  const written = rayClusterFacts(head.cluster).rayVersion;
  const text = typeof written.value === 'number' ? String(written.value) : written.str();
  return text === undefined ? undefined : parseVersion(text);
}

/**
 * Whether the head requires Ray's token (`RAY_AUTH_MODE=token`, which KubeRay ≥ 1.5.1 sets with
 * `authOptions.mode: token`). A release before 2.52 has no token authentication whatever is set.
 */
export function rayAuthOf(model: KubernetesModel, head: RayHead): RayAuth {
  const version = rayVersionOf(head);
  const floor = tokenAuthFloor();
  const envAt = head.container.node.get('env');
  if (version && floor && compareVersions(version, floor) < 0) {
    return { state: 'off', description: `Ray ${formatVersion(version)} predates token authentication (${formatVersion(floor)})`, at: head.server.image?.node ?? envAt };
  }
  const mode = head.cluster ? rayClusterFacts(head.cluster).authMode : undefined;
  if (mode?.isWritten()) {
    const text = mode.str();
    if (text === 'token') return { state: 'token', description: 'authOptions.mode: token', at: mode };
    if (text !== 'disabled') return { state: 'unknown', description: `authOptions.mode ${text ?? '(not readable here)'}`, at: mode };
  }
  const env = envSetting(model, head.container, 'RAY_AUTH_MODE');
  if (env) {
    if (typeof env.value !== 'string') return { state: 'unknown', description: `${env.description} (not readable here)`, at: env.node };
    if (env.value.trim().toLowerCase() === 'token') return { state: 'token', description: `${env.description}=token`, at: env.node };
    if (!mode?.isWritten()) return { state: 'off', description: `${env.description}=${env.value}`, at: env.node };
  } else if (hiddenEnvSource(model, head.container)) {
    return { state: 'unknown', description: 'RAY_AUTH_MODE possibly set by envFrom (not readable here)', at: head.container.node.get('envFrom') };
  }
  if (mode?.isWritten()) return { state: 'off', description: 'authOptions.mode: disabled', at: mode };
  return { state: 'off', description: head.cluster ? 'no `authOptions.mode: token`' : 'no `RAY_AUTH_MODE=token`', at: head.cluster ? rayClusterFacts(head.cluster).clusterSpec.get('authOptions', 'mode') : envAt };
}

/**
 * Ray's TLS (`RAY_USE_TLS=1` with `RAY_TLS_SERVER_CERT` / `RAY_TLS_SERVER_KEY` / `RAY_TLS_CA_CERT`) is
 * mutual: a client of the GCS or the Ray Client needs a certificate the cluster's CA signed. It covers the
 * gRPC channels only, not the dashboard's HTTP. `unknown` when the variable cannot be read.
 */
export function rayTlsOf(model: KubernetesModel, head: RayHead): { readonly state: 'on' | 'off' | 'unknown'; readonly description: string } {
  const env = envSetting(model, head.container, 'RAY_USE_TLS');
  if (!env) return hiddenEnvSource(model, head.container) ? { state: 'unknown', description: 'RAY_USE_TLS possibly set by envFrom (not readable here)' } : { state: 'off', description: 'no RAY_USE_TLS' };
  if (typeof env.value !== 'string') return { state: 'unknown', description: `${env.description} (not readable here)` };
  const on = /^(1|true)$/i.test(env.value.trim());
  return { state: on ? 'on' : 'off', description: `${env.description}=${env.value} (mutual TLS)` };
}

