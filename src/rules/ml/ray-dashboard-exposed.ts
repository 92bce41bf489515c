import { unauthenticatedPaths } from '../../model/auth-front.js';
import { dashboardExposure, exposureFindingPlace, exposureHops, rayAuthOf, rayHeadOf, rayHeadSubject, worstPath } from '../../model/ml/ray.js';
import { defineRule } from '../define-rule.js';

export const rayDashboardExposed = defineRule({
  meta: {
    id: 'IG-ML-040',
    name: 'ray-dashboard-exposed',
    title: 'Ray dashboard / Jobs API exposed',
    severity: 'critical',
    rationale:
      "The Ray dashboard port (8265) also serves the Jobs API: `POST /api/jobs/` runs its `entrypoint` as a shell command on the head node, and the job can schedule code on every worker. Without Ray token authentication nothing asks who is calling. This is ShadowRay (CVE-2023-48022, MITRE ATLAS case study AML.CS0023): attackers scanned for exposed dashboards, submitted jobs, stole cloud credentials, Hugging Face tokens and model weights, and mined cryptocurrency on the GPUs. Ray's own security guide says anyone who can reach the dashboard, Jobs or Ray Client port can execute arbitrary code, and that isolation must come from outside Ray.\n\nThe rule finds the head of a KubeRay RayCluster, RayService or RayJob (`headGroupSpec`) or any container that runs `ray start --head` with the dashboard on a non-loopback address (KubeRay sets `dashboard-host: 0.0.0.0` by default; `ray start` alone binds localhost), and reports when its dashboard port is exposed (catalogue F.0): the head Service KubeRay creates with `serviceType: LoadBalancer` or `NodePort` (or a custom `headService` of that type), the dashboard Ingress of `enableIngress: true`, any Service, Ingress, Gateway API route, OpenShift Route or Istio VirtualService in the files that reaches port 8265 of the head pods (selected by the labels KubeRay gives them, such as `ray.io/node-type: head`, or naming `<cluster>-head-svc`), a `hostPort` or `hostNetwork` — and Ray token authentication is off and no authenticating proxy is recognised on that path (ingress-nginx / ALB / Traefik / Kong / Envoy Gateway authentication, an Istio AuthorizationPolicy).",
    remediation:
      "Keep the head Service `ClusterIP` (`headGroupSpec.serviceType` unset or `ClusterIP`), drop `enableIngress` and any Service / Ingress / route to port 8265, and reach the dashboard with `kubectl port-forward` or through an authenticating proxy (oauth2-proxy behind the Ingress, an Istio AuthorizationPolicy). Turn on Ray token authentication: `spec.authOptions.mode: token` with KubeRay 1.5.1+ and Ray 2.52+ (or `RAY_AUTH_MODE=token` with `RAY_AUTH_TOKEN` from a Secret). Add a NetworkPolicy that admits 8265, 10001 and 6379 only from the Ray pods and the operator.",
    references: [
      'https://docs.ray.io/en/latest/ray-security/index.html',
      'https://docs.ray.io/en/latest/cluster/kubernetes/user-guides/kuberay-auth.html',
      'https://github.com/ray-project/kuberay/blob/master/ray-operator/controllers/ray/common/service.go',
      'https://github.com/ray-project/kuberay/blob/master/ray-operator/controllers/ray/common/ingress.go',
      'https://atlas.mitre.org/studies/AML.CS0023',
    ],
    mappings: { stride: ['E', 'T', 'I'], atlas: ['AML.T0049', 'AML.T0050', 'AML.T0035', 'AML.T0055'], nist: ['AC-3', 'SC-7', 'IA-2'] },
    targets: ['k8s:RayCluster', 'k8s:RayService', 'k8s:RayJob', 'k8s:Workload'],
    fix: 'none',
    messages: {
      dashboardExposed:
        '{{subject}} serves the Ray dashboard and Jobs API on port {{port}} beyond its namespace ({{via}}) and Ray token authentication is off ({{auth}}): anyone who reaches it can submit a job, which runs shell commands on the cluster.',
      dashboardPublic:
        '{{subject}} serves the Ray dashboard and Jobs API on port {{port}} to the internet ({{via}}) and Ray token authentication is off ({{auth}}): anyone can submit a job, which runs shell commands on the cluster (ShadowRay).',
    },
    examples: {
      bad: `apiVersion: ray.io/v1
kind: RayCluster
metadata: { name: serving, namespace: ray }
spec:
  rayVersion: '2.52.0'
  headGroupSpec:
    serviceType: LoadBalancer
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
    serviceType: ClusterIP
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
    const { model } = context;
    return {
      workload(workload) {
        const head = rayHeadOf(model, workload);
        if (!head) return;
        const exposure = dashboardExposure(model, head);
        if (!exposure?.exposed) return;
        const auth = rayAuthOf(model, head);
        if (auth.state !== 'off') return;
        const open = unauthenticatedPaths(model, workload, exposure);
        const path = worstPath(open);
        if (!path) return;
        context.report({
          messageId: path.internetFacing ? 'dashboardPublic' : 'dashboardExposed',
          data: { subject: rayHeadSubject(head), port: exposure.port, via: path.hops[0]?.description ?? '', auth: auth.description },
          ...exposureFindingPlace(workload, head.dashboard.declared, path),
          related: exposureHops(path, open),
        });
      },
    };
  },
});
