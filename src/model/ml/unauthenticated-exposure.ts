// "Port P of server S is exposed AND no auth proxy / gateway auth is recognised" (catalogue F.1,
// IG-ML-036, IG-ML-037, IG-ML-052): port-exposure's paths that auth-front finds nothing in front of.
import { unauthenticatedPaths } from '../auth-front.js';
import type { KubernetesModel } from '../kubernetes.js';
import type { ExposureKind, ExposurePath, PortExposure } from '../port-exposure.js';
import type { Node } from '../value.js';
import type { ModelServer, ServerPort, SettingQuery } from './model-server.js';
import { serverBind, serverPortExposures } from './server-exposure.js';
import type { PortRole } from './server-kinds.js';

export interface UnauthenticatedPort {
  readonly port: ServerPort;
  readonly exposure: PortExposure;
  /** Where a finding about the port goes (its `containerPort`, else the setting that moved it). */
  readonly at: Node;
  /** The exposed paths without recognised authentication, internet-facing first. */
  readonly open: readonly ExposurePath[];
  readonly internetFacing: boolean;
}

export interface UnauthenticatedPortOptions {
  /** The server's bind-address setting: a loopback bind keeps every port inside the pod (silent); an unreadable one is not evidence. */
  readonly bind?: { readonly query: SettingQuery; readonly defaultHost: string };
  /** Paths another rule owns (IG-ML-060 reports KServe's own routes). */
  readonly skip?: readonly ExposureKind[];
}

/** The server's ports with one of `roles` that some exposed path reaches with no recognised authentication in front. */
export function unauthenticatedServerPorts(model: KubernetesModel, server: ModelServer, roles: readonly PortRole[], options: UnauthenticatedPortOptions = {}): UnauthenticatedPort[] {
  if (options.bind && serverBind(server, options.bind.query, options.bind.defaultHost).local !== false) return [];
  const skip = new Set(options.skip ?? []);
  const out: UnauthenticatedPort[] = [];
  for (const { port, exposure, at } of serverPortExposures(model, server, ...roles)) {
    if (!exposure.exposed) continue;
    const open = unauthenticatedPaths(model, server.container.workload, exposure).filter((path) => !skip.has(path.kind));
    if (open.length === 0) continue;
    const sorted = [...open.filter((path) => path.internetFacing), ...open.filter((path) => !path.internetFacing)];
    out.push({ port, exposure, at, open: sorted, internetFacing: sorted.some((path) => path.internetFacing) });
  }
  return out;
}
