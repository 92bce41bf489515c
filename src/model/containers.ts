import { pointerOf } from '../parse/kubernetes/types.js';
import type { ContainerRef, Workload } from './kubernetes.js';
import type { Node } from './value.js';

/**
 * A securityContext field as it applies to a container: the container's own setting wins over the
 * pod's (for the fields PodSecurityContext also has). Returns the node that decides, or the
 * container-level absent node when neither sets it.
 */
export function effectiveSecurityField(container: ContainerRef, field: string): Node {
  const own = container.node.get('securityContext', field);
  if (own.exists || !POD_LEVEL_FIELDS.has(field)) return own;
  const podLevel = container.workload.podSpec.get('securityContext', field);
  return podLevel.exists ? podLevel : own;
}

/**
 * Whether the pod-level securityContext a container inherits is written elsewhere (a KServe
 * ServingRuntime's pod comes from each InferenceService that selects it): a field that neither the
 * container nor this template sets may still be set there, so its absence proves nothing.
 */
export function podSecurityWrittenElsewhere(container: ContainerRef): boolean {
  return container.workload.podFieldsFrom !== undefined;
}

/** Fields that PodSecurityContext also has and containers inherit. */
const POD_LEVEL_FIELDS = new Set(['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seLinuxOptions', 'seccompProfile', 'appArmorProfile', 'windowsOptions']);

/** Windows pods: Linux-only settings (capabilities, seccomp, privilege escalation) do not apply to them. */
export function isWindowsPod(workload: Workload): boolean {
  return workload.podSpec.get('os', 'name').str() === 'windows';
}

/**
 * A capability as runtimes read it: upper case, without the `CAP_` prefix (`cap_sys_admin` → `SYS_ADMIN`).
 * `ALL` has no prefixed form: runtimes reject `CAP_ALL` as an unknown capability.
 */
export function normalizeCapability(name: string): string {
  const upper = name.toUpperCase();
  return upper.startsWith('CAP_') && upper !== 'CAP_ALL' ? upper.slice('CAP_'.length) : upper;
}

/** The string items of `securityContext.capabilities.<add|drop>`, each with its normalised name. */
export function capabilityItems(container: ContainerRef, list: 'add' | 'drop'): Array<{ readonly name: string; readonly node: Node }> {
  return container.node
    .get('securityContext', 'capabilities', list)
    .items()
    .flatMap((node) => {
      const text = node.str();
      return text === undefined ? [] : [{ name: normalizeCapability(text), node }];
    });
}

/**
 * Per-container verdicts of a pod, merged when they point at the same node: a pod-level value that
 * several containers inherit is one problem, not one per container.
 */
export function mergeByNode<T extends { readonly at: Node }>(
  containers: readonly ContainerRef[],
  verdictOf: (container: ContainerRef) => T | undefined,
): Array<{ readonly verdict: T; readonly containers: ContainerRef[] }> {
  const merged = new Map<string, { verdict: T; containers: ContainerRef[] }>();
  for (const container of containers) {
    const verdict = verdictOf(container);
    if (!verdict) continue;
    const key = pointerOf(verdict.at.path);
    const entry = merged.get(key);
    if (entry) entry.containers.push(container);
    else merged.set(key, { verdict, containers: [container] });
  }
  return [...merged.values()];
}

/** `Container 'a'` or `Containers 'a', 'b'`, for messages about one or several containers. */
export function describeContainers(containers: readonly ContainerRef[]): string {
  const names = containers.map((container) => `'${container.name || '(unnamed)'}'`).join(', ');
  return `${containers.length === 1 ? 'Container' : 'Containers'} ${names}`;
}

/** Where a hostPath source names the node directory (`path`); the source itself when it has none. */
export function hostPathLocation(hostPath: Node): Node {
  const path = hostPath.get('path');
  return path.exists ? path : hostPath;
}
