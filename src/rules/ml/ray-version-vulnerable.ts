import { RAY_GROUP, rayClusterFacts } from '../../model/adapt/crds/ray.js';
import type { ContainerRef, K8sObject, KubernetesModel } from '../../model/kubernetes.js';
import { formatVersion, parseVersion } from '../../model/ml/images.js';
import type { Severity } from '../../findings/finding.js';
import { severityRank } from '../../findings/finding.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { dashboardExposure, kubeRayHeadOf, rayHeadOf, worstPath } from '../../model/ml/ray.js';
import type { RayHead } from '../../model/ml/ray.js';
import { floorMatch } from '../../model/ml/version-floors.js';
import { defineRule } from '../define-rule.js';

const RULE = 'IG-ML-043';
const RAY_KINDS = new Set(['RayCluster', 'RayService', 'RayJob']);

/** A Ray release from the image of a container that runs Ray's own image (`rayproject/ray:2.9.0-py310-gpu`). */
function imageVersion(model: KubernetesModel, container: ContainerRef): ReturnType<typeof parseVersion> {
  // A RayJob submitter is a client (`ray job submit`): the dashboard it talks to is the cluster's.
  if (container.workload.runsToCompletion === true) return undefined;
  const server = modelServerFacts(model, container);
  return server?.kind === 'ray' && server.evidence.includes('image') ? server.image?.version : undefined;
}

function isRayObject(object: K8sObject): boolean {
  return object.group === RAY_GROUP && RAY_KINDS.has(object.kind);
}

/**
 * The outermost hop through which the dashboard of the cluster the container belongs to leaves its
 * namespace (catalogue F.0): the KubeRay resource's head, or the container itself when it runs
 * `ray start --head`. Undefined when the dashboard is not exposed.
 */
function exposedDashboard(model: KubernetesModel, head: RayHead | undefined): string | undefined {
  const exposure = head ? dashboardExposure(model, head) : undefined;
  if (!exposure?.exposed) return undefined;
  return worstPath(exposure.paths.filter((path) => path.exposed))?.hops[0]?.description;
}

/** "medium (high if dashboard exposed)": at least high. */
function raised(severity: Severity): Severity {
  return severityRank(severity) >= severityRank('high') ? severity : 'high';
}

export const rayVersionVulnerable = defineRule({
  meta: {
    id: RULE,
    name: 'ray-version-vulnerable',
    title: 'Ray version without token auth or with known dashboard CVEs',
    severity: 'medium',
    rationale:
      "Whoever reaches a Ray head (dashboard and Jobs API on 8265, GCS, Ray Client) runs code on the cluster: Ray is built to execute submitted jobs and expects the network to keep strangers out. Releases before 2.52 cannot turn on token authentication (`RAY_AUTH_MODE=token`), so that network boundary is the only control. Before 2.54 the dashboard's browser-origin check skips DELETE, so a web page (DNS rebinding) can stop Serve applications and delete jobs (CVE-2026-27482). Up to 2.8.0 the dashboard also has a command injection and file-read bugs with public exploits (CVE-2023-6019, CVE-2023-6020, CVE-2023-6021). The version comes from the `rayproject/ray` image tag, or from a KubeRay object's `spec.rayVersion` when its images name no release; the floors live in `data/version-floors.json`.\n\nThe finding is high (instead of medium) when the cluster's dashboard is reachable beyond its namespace (a LoadBalancer or NodePort head Service, `enableIngress`, an Ingress or route to port 8265, a host port; see IG-ML-040): the dashboard CVEs are then one request away from anyone who can reach that address.",
    remediation:
      'Run Ray 2.54 or later (image `rayproject/ray:2.54.0` or newer, and `spec.rayVersion` to match), enable token authentication (`spec.authOptions.mode: token` with KubeRay 1.5.1+, or `RAY_AUTH_MODE=token`), and keep the head Service `ClusterIP` with a NetworkPolicy limiting 6379, 8265 and 10001 to Ray pods and operators.',
    references: [
      'https://docs.ray.io/en/latest/ray-security/token-auth.html',
      'https://github.com/ray-project/ray/security/advisories/GHSA-q5fh-2hc8-f6rq',
      'https://www.anyscale.com/blog/update-on-ray-cves-cve-2023-6019-cve-2023-6020-cve-2023-6021-cve-2023-48022-cve-2023-48023',
      'https://docs.ray.io/en/latest/cluster/kubernetes/user-guides/kuberay-auth.html',
    ],
    mappings: { stride: ['E', 'D'], atlas: ['AML.T0049'], nist: ['SI-2'] },
    targets: ['k8s:Workload', 'k8s:RayCluster', 'k8s:RayService', 'k8s:RayJob'],
    fix: 'none',
    messages: {
      imageVulnerable: "Container '{{container}}' runs Ray {{version}} ({{image}}), below {{floor}}: {{advisories}}.",
      imageVulnerableDashboardExposed:
        "Container '{{container}}' runs Ray {{version}} ({{image}}), below {{floor}}: {{advisories}}; its cluster's dashboard is reachable beyond the namespace ({{via}}).",
      rayVersionVulnerable: '{{kind}} {{name}} declares Ray {{version}} (spec.rayVersion), below {{floor}}: {{advisories}}.',
      rayVersionVulnerableDashboardExposed: '{{kind}} {{name}} declares Ray {{version}} (spec.rayVersion), below {{floor}}: {{advisories}}; its dashboard is reachable beyond the namespace ({{via}}).',
    },
    examples: {
      bad: `apiVersion: ray.io/v1
kind: RayCluster
metadata: { name: raycluster, namespace: ray }
spec:
  rayVersion: '2.46.0'
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.46.0
`,
      good: `apiVersion: ray.io/v1
kind: RayCluster
metadata: { name: raycluster, namespace: ray }
spec:
  rayVersion: '2.54.0'
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.54.0
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const version = imageVersion(context.model, container);
        const match = version && floorMatch(RULE, 'ray', version);
        if (!version || !match) return;
        const image = container.node.get('image');
        const object = container.workload.object;
        const via = exposedDashboard(context.model, isRayObject(object) ? kubeRayHeadOf(context.model, object) : rayHeadOf(context.model, container.workload));
        context.report({
          messageId: via === undefined ? 'imageVulnerable' : 'imageVulnerableDashboardExposed',
          data: { container: container.name || '(unnamed)', version: formatVersion(version), image: image.str() ?? '', floor: match.upgradeTo, advisories: match.advisories, via: via ?? '' },
          at: image,
          severity: via === undefined ? match.severity : raised(match.severity),
        });
      },
      object(object) {
        if (!isRayObject(object)) return;
        // The image is what runs: `rayVersion` speaks only where no Ray image of the object names a release.
        const containers = context.model.workloads.filter((workload) => workload.object === object).flatMap((workload) => workload.containers);
        if (containers.some((container) => imageVersion(context.model, container) !== undefined)) return;
        const node = rayClusterFacts(object).rayVersion;
        const text = node.str() ?? (typeof node.value === 'number' ? String(node.value) : undefined);
        const version = text === undefined ? undefined : parseVersion(text);
        const match = version && floorMatch(RULE, 'ray', version);
        if (!version || !match) return;
        const via = exposedDashboard(context.model, kubeRayHeadOf(context.model, object));
        context.report({
          messageId: via === undefined ? 'rayVersionVulnerable' : 'rayVersionVulnerableDashboardExposed',
          data: { kind: object.kind, name: object.name ?? '(unnamed)', version: formatVersion(version), floor: match.upgradeTo, advisories: match.advisories, via: via ?? '' },
          at: node,
          severity: via === undefined ? match.severity : raised(match.severity),
        });
      },
    };
  },
});
