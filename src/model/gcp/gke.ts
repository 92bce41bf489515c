import type { TfResource } from '../terraform.js';

/**
 * Whether a `google_container_cluster` may be an Autopilot cluster: `enable_autopilot = true`, or a value
 * the scan cannot resolve. Autopilot pre-configures Workload Identity and Dataplane V2 (NetworkPolicy
 * enforcement), so rules about a Standard cluster's defaults stay silent on it.
 */
export function mayBeAutopilot(cluster: TfResource): boolean {
  const autopilot = cluster.root.get('enable_autopilot');
  return autopilot.isWritten() && !autopilot.isFalse();
}
