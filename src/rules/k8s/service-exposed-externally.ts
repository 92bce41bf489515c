import { isInternalLoadBalancer, loadBalancerSourceRanges } from '../../model/exposure.js';
import type { ContainerRef, K8sObject, KubernetesModel } from '../../model/kubernetes.js';
import { modelServerOf } from '../../model/model-servers.js';
import { acceleratorResources } from '../../model/resources.js';
import { workloadsSelectedBy } from '../../model/selectors.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';
import { severityForPod } from '../severity.js';

/** What the Service's pods run, for the severity and the path shown with the finding. */
function exposedPods(model: KubernetesModel, service: K8sObject): { containers: ContainerRef[]; related: RelatedHop[] } {
  const workloads = workloadsSelectedBy(model, service);
  const related: RelatedHop[] = [];
  for (const workload of workloads) {
    for (const container of workload.containers) {
      const server = modelServerOf(container);
      const accelerators = acceleratorResources(container);
      if (server === undefined && accelerators.length === 0) continue;
      // Name the resource: a TPU or Neuron core is not a GPU.
      const what = server ? `runs ${server}` : `requests ${accelerators.map((name) => `\`${name}\``).join(', ')}`;
      related.push({ at: container.node, message: `selects ${workload.object.kind} '${workload.object.name ?? '(unnamed)'}', whose container '${container.name}' ${what}` });
    }
  }
  return { containers: workloads.flatMap((workload) => workload.containers), related };
}

export const serviceExposedExternally = defineRule({
  meta: {
    id: 'IG-K8S-118',
    name: 'service-exposed-externally',
    title: 'Service exposed outside the cluster',
    severity: 'medium',
    rationale:
      'A LoadBalancer without source ranges or an internal-LB annotation gets a public address; a NodePort opens the port on every node; `externalIPs` routes an address straight to the pods. Model servers ship with no authentication by default (Triton, TorchServe, TF Serving, Ollama, Ray) and expose model-management and metrics endpoints next to inference: published this way, anyone who finds the address can query, extract or replace the model and burn GPU time. ShadowRay (AML.CS0023) began with exactly such an exposed port.',
    remediation:
      'Keep model Services `ClusterIP` and publish only the inference route through an authenticating gateway or Ingress. When a LoadBalancer is needed, make it internal (`service.beta.kubernetes.io/aws-load-balancer-scheme: internal`, `networking.gke.io/load-balancer-type: "Internal"`, `service.beta.kubernetes.io/azure-load-balancer-internal: "true"`) or restrict `spec.loadBalancerSourceRanges` to known client CIDRs. Remove `externalIPs`.',
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer',
      'https://kubernetes.io/docs/tasks/access-application-cluster/configure-cloud-provider-firewall/',
      'https://kubernetes.io/docs/concepts/services-networking/service/#external-ips',
      'https://docs.ray.io/en/latest/ray-security/index.html',
    ],
    mappings: { stride: ['S', 'I'], nist: ['SC-7'] },
    targets: ['k8s:Service'],
    fix: 'none',
    messages: {
      loadBalancerOpen:
        "Service '{{name}}' is a LoadBalancer with no `loadBalancerSourceRanges` and no internal-load-balancer annotation: it gets an address reachable from the internet.",
      loadBalancerOpenRange: "Service '{{name}}' is a LoadBalancer whose source ranges include `{{range}}`: every address may connect.",
      nodePort: "Service '{{name}}' is a NodePort: its ports are opened on every node's address.",
      externalIps: "Service '{{name}}' sets `externalIPs`: traffic to {{addresses}} on any node is sent to its pods.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Service
metadata: { name: triton, namespace: serving }
spec:
  type: LoadBalancer
  selector: { app: triton }
  ports:
    - { name: http, port: 8000 }
`,
      good: `apiVersion: v1
kind: Service
metadata:
  name: triton
  namespace: serving
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-scheme: internal
spec:
  type: LoadBalancer
  selector: { app: triton }
  ports:
    - { name: http, port: 8000 }
`,
    },
  },
  create(context) {
    return {
      object(service) {
        if (service.kind !== 'Service' || service.group !== '') return;
        const spec = service.root.get('spec');
        const type = spec.get('type');
        const externalIps = spec.get('externalIPs');
        const addresses = externalIps.items().map((item) => item.str()).filter((address): address is string => address !== undefined);
        const exposes = type.str() === 'LoadBalancer' || type.str() === 'NodePort' || addresses.length > 0;
        if (!exposes) return;
        const { containers, related } = exposedPods(context.model, service);
        const severity = severityForPod(serviceExposedExternally.meta.severity, containers);
        const data = { name: service.name ?? '(unnamed)' };
        if (type.str() === 'LoadBalancer') {
          const loadBalancerClass = spec.get('loadBalancerClass').str();
          const ranges = loadBalancerSourceRanges(service);
          if (!isInternalLoadBalancer(service.annotations, loadBalancerClass)) {
            if (ranges.kind === 'none') context.report({ messageId: 'loadBalancerOpen', data, at: type, severity, related });
            if (ranges.kind === 'open') context.report({ messageId: 'loadBalancerOpenRange', data: { ...data, range: ranges.range }, at: ranges.at, severity, related });
          }
        }
        if (type.str() === 'NodePort') context.report({ messageId: 'nodePort', data, at: type, severity, related });
        if (addresses.length > 0) context.report({ messageId: 'externalIps', data: { ...data, addresses: addresses.join(', ') }, at: externalIps, severity, related });
      },
    };
  },
});
