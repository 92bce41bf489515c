// Every way traffic reaches a model server's container (port-exposure, catalogue F.0): for the rules
// about what stands in front of a model server (load balancers, routes without TLS), whichever port.
import type { KubernetesModel } from '../kubernetes.js';
import { exposureOfPort } from '../port-exposure.js';
import type { ExposurePath } from '../port-exposure.js';
import type { Node } from '../value.js';
import type { ModelServer } from './model-server.js';

export interface ServerPath {
  /** The pod port the path ends on. */
  readonly port: number;
  /** The server container's `ports[]` item declaring it, when one does. */
  readonly declared: Node | undefined;
  readonly path: ExposurePath;
}

/**
 * The exposure paths of the server's own ports (by role, moved by its flags / env / config) and of
 * every port its container declares. Ports only a sidecar declares are not the server's: a proxy in
 * front of the server (oauth2-proxy, kube-rbac-proxy) is what such a path reaches.
 */
export function serverExposurePaths(model: KubernetesModel, server: ModelServer): ServerPath[] {
  const ports = new Map<number, Node | undefined>();
  for (const entry of server.container.node.get('ports').items()) {
    const number = entry.get('containerPort').value;
    if (typeof number === 'number' && !ports.has(number)) ports.set(number, entry);
  }
  // A default port a sidecar declares (and the server container does not) is the sidecar's.
  const sidecars = new Set(
    server.container.workload.containers
      .filter((container) => container !== server.container)
      .flatMap((container) => container.node.get('ports').items().map((entry) => entry.get('containerPort').value)),
  );
  for (const port of server.ports) if (!ports.has(port.number) && (port.setBy !== undefined || !sidecars.has(port.number))) ports.set(port.number, port.declared);
  const out: ServerPath[] = [];
  for (const [number, declared] of ports) {
    const name = declared?.get('name').str();
    const exposure = exposureOfPort(model, server.container.workload, { number, ...(name !== undefined ? { name } : {}), ...(declared ? { containerPort: declared } : {}) });
    for (const path of exposure.paths) out.push({ port: number, declared, path });
  }
  return out;
}

/** A model-server port some front reaches. */
export interface ServerReach {
  readonly server: ModelServer;
  readonly port: number;
  readonly declared: Node | undefined;
}

/** "Triton ports 8000 and 8002 (container 'triton' of Deployment 'triton'), vLLM port 8000 (…)": each container once. */
export function describeReaches(reaches: readonly ServerReach[]): string {
  const byContainer = new Map<ModelServer['container'], { server: ModelServer; ports: number[] }>();
  for (const { server, port } of reaches) {
    const entry = byContainer.get(server.container) ?? { server, ports: [] };
    if (!entry.ports.includes(port)) entry.ports.push(port);
    byContainer.set(server.container, entry);
  }
  // Look-alike workloads in different files (a test copy of an example) read the same: name them once.
  const described = [...byContainer.values()].map(({ server, ports }) => {
    const workload = server.container.workload.object;
    const list = ports.length === 1 ? `port ${ports[0]}` : `ports ${ports.slice(0, -1).join(', ')} and ${ports[ports.length - 1]}`;
    return `${server.info.title} ${list} (container '${server.container.name || '(unnamed)'}' of ${workload.kind} '${workload.name ?? '(unnamed)'}')`;
  });
  return [...new Set(described)].join(', ');
}
