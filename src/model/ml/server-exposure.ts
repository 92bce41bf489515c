// How a model server's own ports are reachable (port-exposure, catalogue F.0), and whether the
// server listens only inside its pod: what the "exposed without …" rules share.
import type { KubernetesModel } from '../kubernetes.js';
import { exposureOfPort } from '../port-exposure.js';
import type { ExposurePath, PortExposure } from '../port-exposure.js';
import type { Node } from '../value.js';
import type { ModelServer, ServerPort, SettingQuery } from './model-server.js';
import { bindHostIn, isLocalBind } from './model-server.js';
import type { PortRole } from './server-kinds.js';
import type { Setting } from './settings.js';

export interface ServerPortExposure {
  readonly port: ServerPort;
  readonly exposure: PortExposure;
  /** Where a finding about the port goes: its `containerPort`, else the setting that moved it, else the container's `ports` (the container when absent). */
  readonly at: Node;
}

/** The exposure of each of the server's ports with one of `roles` (each number once). */
export function serverPortExposures(model: KubernetesModel, server: ModelServer, ...roles: PortRole[]): ServerPortExposure[] {
  const seen = new Set<number>();
  const out: ServerPortExposure[] = [];
  for (const port of server.portsWith(...roles)) {
    if (seen.has(port.number)) continue;
    seen.add(port.number);
    const name = port.declared?.get('name').str();
    const exposure = exposureOfPort(model, server.container.workload, { number: port.number, ...(name !== undefined ? { name } : {}), ...(port.declared ? { containerPort: port.declared } : {}) });
    const at = port.declared?.get('containerPort') ?? port.setBy?.node ?? server.container.node.get('ports');
    out.push({ port, exposure, at });
  }
  return out;
}

/** Where a server listens: the address setting (or the default), and whether that keeps it inside the pod. */
export interface ServerBind {
  /** The setting that chose the address; undefined when the default applies. */
  readonly setting: Setting | undefined;
  readonly host: string | undefined;
  /** Loopback or a unix socket; undefined when the address cannot be read (a Secret, a ConfigMap not scanned). */
  readonly local: boolean | undefined;
}

/** The server's bind address from its host flag / env (command line first), else `defaultHost` (all interfaces when omitted). */
export function serverBind(server: ModelServer, query: SettingQuery, defaultHost = '0.0.0.0'): ServerBind {
  const setting = server.setting(query);
  if (setting === undefined) return { setting, host: defaultHost, local: isLocalBind(defaultHost) };
  // A variable the kubelet could not expand (`$(HOST)` from a Secret) or a template is not an address.
  if (typeof setting.value !== 'string' || /\$[({]|\{\{/.test(setting.value)) return { setting, host: undefined, local: undefined };
  const host = hostOf(setting.value);
  return { setting, host, local: host === undefined ? undefined : isLocalBind(host) };
}

/** A host flag's value (`127.0.0.1`, `::1`, `localhost`) or an address with a port (`127.0.0.1:5000`, `[::1]:5000`). */
export function hostOf(value: string): string | undefined {
  const trimmed = value.trim();
  // A bare IPv6 address has several colons and no brackets.
  if (!trimmed.startsWith('[') && (trimmed.match(/:/g) ?? []).length > 1 && !/^[a-z]+:\/\//i.test(trimmed)) return trimmed;
  return bindHostIn(trimmed);
}

/** The hops of some paths, outermost first, as related locations of a finding. */
export function hopsOf(paths: readonly ExposurePath[]): Array<{ at: Node; message: string }> {
  const seen = new Set<Node>();
  const out: Array<{ at: Node; message: string }> = [];
  for (const path of paths) {
    for (const hop of path.hops) {
      if (seen.has(hop.at)) continue;
      seen.add(hop.at);
      out.push({ at: hop.at, message: hop.description });
    }
  }
  return out;
}

/** The outermost hop of the path most worth naming: internet-facing first. */
export function outermostHop(paths: readonly ExposurePath[]): string {
  const path = paths.find((candidate) => candidate.internetFacing) ?? paths[0];
  return path?.hops[0]?.description ?? 'an exposure path';
}
