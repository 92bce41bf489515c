import { RAY_GROUP, rayClusterFacts } from '../../model/adapt/crds/ray.js';
import type { ContainerRef, K8sObject, KubernetesModel, Workload } from '../../model/kubernetes.js';
import { compareVersions, formatVersion, parseVersion } from '../../model/ml/images.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import type { Version } from '../../model/ml/images.js';
import { envSetting, hiddenEnvSource } from '../../model/ml/settings.js';
import { VERSION_FLOORS } from '../../model/ml/version-floors.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

const RAY_KINDS = new Set(['RayCluster', 'RayService', 'RayJob']);

/** IG-ML-043's floor "token authentication unavailable" (data/version-floors.json): below it, that rule reports instead. */
function tokenAuthFloor(): Version | undefined {
  return VERSION_FLOORS.find((floor) => floor.rule === 'IG-ML-043' && floor.component === 'ray' && floor.advisories.includes('token authentication unavailable'))?.below;
}

/** The Ray version as IG-ML-043 reads it: the head's `rayproject/ray` image tag (what runs), else `rayVersion`. */
function rayVersionOf(model: KubernetesModel, rayVersion: Node, head: ContainerRef | undefined): Version | undefined {
  const server = head ? modelServerFacts(model, head) : undefined;
  const image = server?.kind === 'ray' && server.evidence.includes('image') ? server.image?.version : undefined;
  if (image) return image;
  const written = typeof rayVersion.value === 'number' ? String(rayVersion.value) : rayVersion.str();
  return written === undefined ? undefined : parseVersion(written);
}

type AuthEnv = { state: 'token' | 'other' | 'unknown'; node?: Node; value?: string } | undefined;

/** `RAY_AUTH_MODE` of a Ray container: token, another value, unknown (a Secret, an unscanned ConfigMap), or not set. */
function authModeEnv(model: KubernetesModel, container: ContainerRef): AuthEnv {
  const setting = envSetting(model, container, 'RAY_AUTH_MODE');
  if (setting) {
    if (typeof setting.value !== 'string') return { state: 'unknown' };
    return { state: setting.value.trim().toLowerCase() === 'token' ? 'token' : 'other', node: setting.node, value: setting.value };
  }
  // envFrom a Secret, or a ConfigMap outside the scan, may set it: not evidence either way.
  return hiddenEnvSource(model, container) ? { state: 'unknown' } : undefined;
}

/** The Ray container of a group (index 0, marked as the server by the KubeRay adapter). */
function rayContainer(workload: Workload): ContainerRef | undefined {
  return workload.containers.find((container) => container.server === true && container.role === 'container');
}

export const rayTokenAuthDisabled = defineRule({
  meta: {
    id: 'IG-ML-041',
    name: 'ray-token-auth-disabled',
    title: 'Ray token authentication not enabled',
    severity: 'high',
    rationale:
      "Ray executes code by design: whoever reaches the dashboard / Jobs API (8265), the Ray Client (10001) or the GCS (6379) can submit a job, which is a shell on the head and every worker, with their service account, model weights and credentials (ShadowRay, CVE-2023-48022, exploited in the wild). Since Ray 2.52 every one of these entry points can require a bearer token (`RAY_AUTH_MODE=token`), but it is off by default: without it, any pod in the cluster — a compromised model server, a notebook, a CI runner — and anything that a misrouted Service or Ingress lets in can take the Ray cluster over. KubeRay 1.5.1 and later generate the token and set it on every Ray container with `authOptions.mode: token`.\n\nClusters on Ray older than 2.52 cannot enable it: IG-ML-043 reports those instead.",
    remediation:
      "Set `spec.authOptions.mode: token` on the RayCluster (`spec.rayClusterConfig.authOptions` of a RayService, `spec.rayClusterSpec.authOptions` of a RayJob; KubeRay ≥ 1.5.1, Ray ≥ 2.52). With an older operator, set `RAY_AUTH_MODE=token` and `RAY_AUTH_TOKEN` from a Secret (`valueFrom.secretKeyRef`) on the head and every worker container. Clients then need the token (`RAY_AUTH_TOKEN`, or the `Authorization: Bearer` header). The token is not encryption: keep Ray on a private network or behind TLS, and NetworkPolicies limiting 6379 / 8265 / 10001 to the Ray pods and their operators.",
    references: [
      'https://docs.ray.io/en/latest/cluster/kubernetes/user-guides/kuberay-auth.html',
      'https://docs.ray.io/en/latest/ray-security/token-auth.html',
      'https://docs.ray.io/en/master/ray-core/internals/token-authentication.html',
      'https://docs.ray.io/en/latest/ray-security/index.html',
    ],
    mappings: { stride: ['S', 'E'], atlas: ['AML.T0012', 'AML.T0050'], nist: ['IA-2', 'IA-9', 'AC-3'] },
    targets: ['k8s:RayCluster', 'k8s:RayService', 'k8s:RayJob'],
    fix: 'none',
    messages: {
      authNotConfigured:
        "{{kind}} '{{name}}' ({{version}}) enables no Ray token authentication: neither `authOptions.mode: token` nor `RAY_AUTH_MODE=token` on its head, so any pod that reaches the dashboard, Jobs API, Ray Client or GCS can run code on the cluster.",
      authModeDisabled: "{{kind}} '{{name}}' ({{version}}) sets `authOptions.mode: disabled`: any pod that reaches the dashboard, Jobs API, Ray Client or GCS can run code on the cluster.",
      authEnvNotToken:
        "{{kind}} '{{name}}' ({{version}}) sets `RAY_AUTH_MODE={{value}}` on its head container '{{container}}': token authentication is off, so any pod that reaches the dashboard, Jobs API, Ray Client or GCS can run code on the cluster.",
    },
    examples: {
      bad: `apiVersion: ray.io/v1
kind: RayCluster
metadata: { name: serving, namespace: ray }
spec:
  rayVersion: '2.52.0'
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.52.0
`,
      good: `apiVersion: ray.io/v1
kind: RayCluster
metadata: { name: serving, namespace: ray }
spec:
  rayVersion: '2.52.0'
  authOptions:
    mode: token
  headGroupSpec:
    rayStartParams: {}
    template:
      spec:
        containers:
          - name: ray-head
            image: rayproject/ray:2.52.0
`,
    },
  },
  create(context) {
    const floor = tokenAuthFloor();
    const check = (object: K8sObject): void => {
      const facts = rayClusterFacts(object);
      // A RayJob on an existing cluster (`clusterSelector`) creates none: that cluster's own object is judged.
      if (!facts.clusterSpec.isMap()) return;
      const workloads = context.model.workloads.filter((workload) => workload.object === object);
      const head = workloads.find((workload) => workload.role === 'head');
      const headRay = head ? rayContainer(head) : undefined;
      const version = rayVersionOf(context.model, facts.rayVersion, headRay);
      if (version && floor && compareVersions(version, floor) < 0) return;
      const data = { kind: object.kind, name: object.name ?? '(unnamed)', version: version ? `Ray ${formatVersion(version)}` : 'Ray version not written' };
      const mode = facts.authMode.str();
      if (facts.authMode.isWritten() && mode === undefined) return; // not a string: cannot be read
      if (mode === 'token') return;
      const env = headRay ? authModeEnv(context.model, headRay) : undefined;
      // A token set by hand on the head (KubeRay before 1.5.1), or one that cannot be read, is not evidence against.
      if (env?.state === 'token' || env?.state === 'unknown') return;
      if (mode === 'disabled') {
        context.report({ messageId: 'authModeDisabled', data, at: facts.authMode });
        return;
      }
      if (mode !== undefined) return; // a mode this rule does not know
      if (env?.state === 'other' && env.node && headRay) {
        context.report({ messageId: 'authEnvNotToken', data: { ...data, value: env.value ?? '', container: headRay.name || '(unnamed)' }, at: env.node });
        return;
      }
      context.report({ messageId: 'authNotConfigured', data, at: facts.clusterSpec.get('authOptions', 'mode') });
    };
    return {
      object(object) {
        if (object.group !== RAY_GROUP || !RAY_KINDS.has(object.kind)) return;
        check(object);
      },
    };
  },
});
