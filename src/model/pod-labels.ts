import { inferenceServicePodLabels } from './adapt/crds/kserve.js';
import type { IsvcComponentName } from './adapt/crds/kserve.js';
import type { Workload } from './kubernetes.js';
import { kubeRayPodLabels } from './kuberay.js';
import { podLabelsOf } from './selectors.js';
import type { Labels } from './selectors.js';

const ISVC_COMPONENTS: ReadonlySet<string> = new Set(['predictor', 'transformer', 'explainer']);

/**
 * The labels the pods of a template run with: what the template writes, plus what the operator adds
 * (KServe copies the InferenceService's labels and adds `serving.kserve.io/inferenceservice` and
 * `component`; KubeRay adds `ray.io/node-type`, `ray.io/group`, `ray.io/cluster`, …). What a
 * NetworkPolicy's `podSelector` is matched against.
 */
export function runningPodLabels(workload: Workload): Labels {
  const object = workload.object;
  const written = podLabelsOf(workload);
  if (object.group === 'serving.kserve.io' && object.kind === 'InferenceService' && ISVC_COMPONENTS.has(workload.role)) {
    return { ...inferenceServicePodLabels(object, workload.role as IsvcComponentName), ...written };
  }
  // The LeaderWorkerSet controller labels every pod with its set's name (SetNameLabelKey, kubernetes-sigs/lws
  // api/leaderworkerset/v1/leaderworkerset_types.go); its per-pod index labels are left out.
  if (object.group === 'leaderworkerset.x-k8s.io' && object.kind === 'LeaderWorkerSet') return { ...written, 'leaderworkerset.sigs.k8s.io/name': object.name ?? '' };
  return kubeRayPodLabels(workload, written) ?? written;
}
