import type { Severity } from '../findings/finding.js';
import { raiseSeverity } from '../findings/finding.js';
import type { ContainerRef } from '../model/kubernetes.js';
import { modelServerOf } from '../model/model-servers.js';
import { requestsAccelerator } from '../model/resources.js';
import { ignoringUnknownReads } from '../model/value.js';

/**
 * Catalogue F.7: a baseline finding is one level more severe on a model server or a GPU container.
 * Severity never decides whether a rule fires, so its unknown reads are not unresolved values (strict mode).
 */
export function severityForContainer(base: Severity, container: ContainerRef): Severity {
  return ignoringUnknownReads(() => (requestsAccelerator(container) || modelServerOf(container) !== undefined ? raiseSeverity(base) : base));
}

/** The same, for a pod-level finding: raised when any container of the pod is a model server or uses GPUs. */
export function severityForPod(base: Severity, containers: readonly ContainerRef[]): Severity {
  return containers.some((container) => severityForContainer(base, container) !== base) ? raiseSeverity(base) : base;
}
