import { loadBalancerSourceRanges } from '../../model/exposure.js';
import type { K8sObject } from '../../model/kubernetes.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { describeReaches, serverExposurePaths } from '../../model/ml/server-paths.js';
import type { ServerReach } from '../../model/ml/server-paths.js';
import type { ExposurePath } from '../../model/port-exposure.js';
import type { Node } from '../../model/value.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

/** A load balancer or node port in front of model-server pods: a Service, or the head Service KubeRay makes from a RayCluster's `serviceType`. */
interface Front {
  readonly object: K8sObject;
  readonly type: 'LoadBalancer' | 'NodePort';
  /** Where the type is decided: `spec.type`, or KubeRay's `serviceType` / `headService.spec.type`. */
  readonly typeAt: Node;
  /** `Service 'triton'`, `the KubeRay head Service of RayCluster 'ray'`. */
  readonly subject: string;
  /** The model-server ports it reaches. */
  readonly reaches: ServerReach[];
}

/** The Service hop of a load-balancer / node-port path: the only hop, the Service port (or KubeRay's type field). */
function frontOf(path: ExposurePath): Omit<Front, 'reaches'> | undefined {
  if (path.kind !== 'node-port' && !(path.kind === 'load-balancer' && path.internetFacing)) return undefined;
  const hop = path.hops[0];
  if (!hop) return undefined;
  const type = path.kind === 'load-balancer' ? 'LoadBalancer' : 'NodePort';
  const object = hop.object;
  if (object.kind === 'Service' && object.group === '') return { object, type, typeAt: object.root.get('spec', 'type'), subject: `Service '${object.name ?? '(unnamed)'}'` };
  // KubeRay's head Service is not in the files: the hop is located at the field that asks for its type.
  return { object, type, typeAt: hop.at, subject: `The head Service KubeRay creates for ${object.kind} '${object.name ?? '(unnamed)'}'` };
}

export const modelServerLoadBalancerUnrestricted = defineRule({
  meta: {
    id: 'IG-K8S-014',
    name: 'model-server-load-balancer-unrestricted',
    title: 'Model server on a LoadBalancer/NodePort without source restriction',
    severity: 'high',
    rationale:
      "A LoadBalancer Service without `loadBalancerSourceRanges` or an internal-load-balancer annotation gets an address anyone on the internet can connect to, and a NodePort opens the port on every node's address; either way the traffic goes straight to the model server's pods, past any ingress controller, gateway authentication or WAF. Model servers answer whoever connects: Triton, TF Serving, Ollama, Ray and MLServer have no authentication of their own, TorchServe's token and vLLM's `--api-key` cover only some endpoints, and next to inference they serve model management (load / unload, Ollama `pull` / `delete`, TorchServe registration), metrics and, for Ray, job submission that runs arbitrary code (ShadowRay, AML.CS0023). An exposed model server is then free GPU time, a model to extract, a model to replace, or a foothold in the cluster.\n\nThis rule replaces IG-K8S-118 (service-exposed-externally) for a Service in front of a model server: one finding, at the higher severity. `externalIPs` stays IG-K8S-118's.",
    remediation:
      "Make the Service `type: ClusterIP` and publish only the inference route through an Ingress or Gateway that authenticates callers (and rate-limits them). When a load balancer is needed, make it internal (`service.beta.kubernetes.io/aws-load-balancer-scheme: internal`, `networking.gke.io/load-balancer-type: \"Internal\"`, `service.beta.kubernetes.io/azure-load-balancer-internal: \"true\"`) or list the client networks in `spec.loadBalancerSourceRanges`. For KubeRay, leave `headGroupSpec.serviceType` at its ClusterIP default and reach the dashboard with `kubectl port-forward`.",
    references: [
      'https://github.com/triton-inference-server/server/blob/main/docs/customization_guide/deploy.md',
      'https://kubernetes.io/docs/concepts/services-networking/service/#loadbalancer',
      'https://kubernetes.io/docs/tasks/access-application-cluster/configure-cloud-provider-firewall/',
      'https://docs.ray.io/en/latest/ray-security/index.html',
    ],
    mappings: { stride: ['S', 'D'], atlas: ['AML.T0006', 'AML.T0049'], nist: ['SC-7'] },
    targets: ['k8s:Service', 'k8s:RayCluster', 'k8s:RayService', 'k8s:RayJob'],
    fix: 'none',
    supersedes: ['IG-K8S-118'],
    messages: {
      loadBalancerOpen:
        '{{subject}} is a LoadBalancer that neither `loadBalancerSourceRanges` nor an internal-load-balancer annotation restricts, and it sends traffic to {{reaches}}: the model server answers anyone on the internet, past any ingress authentication.',
      loadBalancerOpenRange: '{{subject}} is a LoadBalancer whose source ranges include `{{range}}`, and it sends traffic to {{reaches}}: the model server answers anyone on the internet.',
      nodePort: "{{subject}} is a NodePort and sends traffic to {{reaches}}: the model server's port is open on every node's address, past any ingress authentication.",
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: triton, namespace: serving }
spec:
  selector: { matchLabels: { app: triton } }
  template:
    metadata: { labels: { app: triton } }
    spec:
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:25.08-py3
          args: ["tritonserver", "--model-repository=/models"]
          ports: [{ containerPort: 8000, name: http }]
---
apiVersion: v1
kind: Service
metadata: { name: triton, namespace: serving }
spec:
  type: LoadBalancer
  selector: { app: triton }
  ports: [{ name: http, port: 8000, targetPort: http }]
`,
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: triton, namespace: serving }
spec:
  selector: { matchLabels: { app: triton } }
  template:
    metadata: { labels: { app: triton } }
    spec:
      containers:
        - name: triton
          image: nvcr.io/nvidia/tritonserver:25.08-py3
          args: ["tritonserver", "--model-repository=/models"]
          ports: [{ containerPort: 8000, name: http }]
---
apiVersion: v1
kind: Service
metadata:
  name: triton
  namespace: serving
  annotations:
    service.beta.kubernetes.io/aws-load-balancer-scheme: internal
spec:
  type: LoadBalancer
  selector: { app: triton }
  ports: [{ name: http, port: 8000, targetPort: http }]
`,
    },
  },
  create(context) {
    const { model } = context;
    return {
      end() {
        // One finding per Service (or per KubeRay type field), whatever servers and ports it reaches.
        const fronts = new Map<string, Front>();
        for (const workload of model.workloads) {
          for (const container of workload.containers) {
            // An init container that pulls a model (`ollama pull`) serves nothing.
            const server = container.role === 'container' ? modelServerFacts(model, container) : undefined;
            if (!server) continue;
            for (const { port, declared, path } of serverExposurePaths(model, server)) {
              const found = frontOf(path);
              if (!found) continue;
              const key = `${found.object.file.path}\u0000${found.object.doc.start}\u0000${found.object.root.path.join('/')}\u0000${found.typeAt.path.join('/')}`;
              let front = fronts.get(key);
              if (!front) fronts.set(key, (front = { ...found, reaches: [] }));
              if (!front.reaches.some((reach) => reach.server === server && reach.port === port)) front.reaches.push({ server, port, declared });
            }
          }
        }
        for (const front of fronts.values()) {
          const reaches = describeReaches(front.reaches);
          const related: RelatedHop[] = front.reaches.map((reach) => ({ at: reach.declared ?? reach.server.container.node, message: `reaches ${describeReaches([reach])}` }));
          const data = { subject: front.subject, reaches };
          if (front.type === 'NodePort') {
            context.report({ messageId: 'nodePort', data, at: front.typeAt, object: front.object, related });
            continue;
          }
          // Where IG-K8S-118 reports the same problem: the open range when one is written, else the type.
          const ranges = front.object.kind === 'Service' ? loadBalancerSourceRanges(front.object) : undefined;
          if (ranges?.kind === 'open') context.report({ messageId: 'loadBalancerOpenRange', data: { ...data, range: ranges.range }, at: ranges.at, object: front.object, related });
          else context.report({ messageId: 'loadBalancerOpen', data, at: front.typeAt, object: front.object, related });
        }
      },
    };
  },
});
