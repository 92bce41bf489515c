// The Kubernetes ServiceAccounts model servers run as: the bridge from a pod to its cloud identity
// (IRSA, EKS Pod Identity, GKE Workload Identity, Azure Workload Identity).
import type { K8sObject, KubernetesModel } from '../kubernetes.js';
import type { ModelServer } from './model-server.js';
import { modelServersIn } from './model-server.js';

export interface ModelServiceAccount {
  readonly namespace: string;
  readonly name: string;
  /** The ServiceAccount object, when it is in the scan (YAML or a `kubernetes_service_account`). */
  readonly object: K8sObject | undefined;
  /** The model servers whose pods run as it. */
  readonly servers: readonly ModelServer[];
}

const cache = new WeakMap<KubernetesModel, readonly ModelServiceAccount[]>();

/**
 * One entry per `<namespace>/<name>` that a recognised model server runs as. A pod without
 * `serviceAccountName` runs as `default`; a name the scan cannot resolve (a Helm value left open)
 * names no ServiceAccount, so it links nowhere.
 */
export function modelServiceAccounts(model: KubernetesModel): readonly ModelServiceAccount[] {
  let cached = cache.get(model);
  if (!cached) cache.set(model, (cached = compute(model)));
  return cached;
}

function compute(model: KubernetesModel): ModelServiceAccount[] {
  const byKey = new Map<string, { namespace: string; name: string; object: K8sObject | undefined; servers: ModelServer[] }>();
  for (const server of modelServersIn(model)) {
    const written = server.serviceAccount.node;
    if (written.exists && written.str() === undefined) continue;
    const workload = server.container.workload.object;
    const namespace = workload.namespace ?? server.serviceAccount.object?.namespace ?? 'default';
    const key = `${namespace}/${server.serviceAccount.name}`;
    const entry = byKey.get(key);
    if (entry) entry.servers.push(server);
    else byKey.set(key, { namespace, name: server.serviceAccount.name, object: server.serviceAccount.object, servers: [server] });
  }
  return [...byKey.values()];
}

/** `vLLM in Deployment 'llm'` (`and 2 other model servers`), for messages. */
export function describeServers(servers: readonly ModelServer[]): string {
  const first = servers[0];
  if (first === undefined) return 'no model server';
  const workload = first.container.workload.object;
  const head = `${first.info.title} in ${workload.kind} '${workload.name ?? '(unnamed)'}'`;
  const others = new Set(servers.map((server) => server.container.workload.object)).size - 1;
  return others > 0 ? `${head} and ${others} other workload${others === 1 ? '' : 's'}` : head;
}
