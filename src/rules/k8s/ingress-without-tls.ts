import { hostCovered, ingressTls } from '../../model/ingress-tls.js';
import type { ContainerRef, K8sObject, KubernetesModel, Workload } from '../../model/kubernetes.js';
import type { Backend } from '../../model/routes.js';
import { ingressBackends, isIngress, routeBackends, routesOf } from '../../model/routes.js';
import { labelSelectorMatches, podLabelsOf, workloadsSelectedBy } from '../../model/selectors.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';
import { severityForPod } from '../severity.js';
import { appendTo } from '../../model/collections.js';

function backendContainers(backends: readonly Backend[]): ContainerRef[] {
  return backends.flatMap((backend) => backend.workloads.flatMap((workload) => workload.containers));
}

/** The Services that select a pod template, computed once per scan. */
type ServicesOf = (workload: Workload) => readonly K8sObject[];

function servicesIndex(model: KubernetesModel): ServicesOf {
  let index: Map<Workload, K8sObject[]> | undefined;
  return (workload) => {
    if (!index) {
      index = new Map();
      for (const service of model.byType('k8s:Service')) {
        if (service.group !== '') continue;
        for (const selected of workloadsSelectedBy(model, service)) appendTo(index, selected, service);
      }
    }
    return index.get(workload) ?? [];
  };
}

/**
 * Whether an Istio Gateway server on `port` is reachable only from inside the cluster: the Services in
 * front of the gateway pods its selector picks (any namespace, as Istio does; the pods themselves may
 * be installed by an operator) that carry the port are all ClusterIP without `externalIPs`. Knative's `knative-local-gateway` is such a server. When no
 * Service carrying the port is in the scanned files, the exposure is unknown and taken as external.
 */
function clusterInternalServer(model: KubernetesModel, servicesOf: ServicesOf, gateway: K8sObject, port: number | undefined): boolean {
  const selector = gateway.root.get('spec', 'selector');
  if (port === undefined || !selector.isMap() || selector.entries().length === 0) return false;
  // The Services in front of the gateway pods in the files, and those whose selector only asks for labels the gateway's selector names (they select the same pods).
  const gatewayLabels = selector.stringRecord();
  const services = new Set([
    ...model.workloads.filter((workload) => labelSelectorMatches(selector, podLabelsOf(workload))).flatMap((workload) => servicesOf(workload)),
    ...model.byType('k8s:Service').filter((service) => {
      const serviceSelector = service.root.get('spec', 'selector');
      return service.group === '' && serviceSelector.isMap() && serviceSelector.entries().length > 0 && labelSelectorMatches(serviceSelector, gatewayLabels);
    }),
  ]);
  const carrying = [...services].filter((service) =>
    service.root.get('spec', 'ports').items().some((item) => item.get('port').value === port || item.get('targetPort').value === port),
  );
  return (
    carrying.length > 0 &&
    carrying.every((service) => {
      const type = service.root.get('spec', 'type').str() ?? 'ClusterIP';
      return type === 'ClusterIP' && service.root.get('spec', 'externalIPs').items().length === 0;
    })
  );
}

/** Gateway API listeners, or Istio Gateway servers, that carry cleartext HTTP; undefined when TLS is also served. */
function cleartextOnlyListener(model: KubernetesModel, servicesOf: ServicesOf, gateway: K8sObject): Node | undefined {
  let firstCleartext: Node | undefined;
  let encrypted = false;
  if (gateway.group === 'gateway.networking.k8s.io') {
    for (const listener of gateway.root.get('spec', 'listeners').items()) {
      const protocol = listener.get('protocol');
      if (protocol.str() === 'HTTP') firstCleartext ??= protocol;
      if (protocol.str() === 'HTTPS' || protocol.str() === 'TLS') encrypted = true;
    }
  } else {
    for (const server of gateway.root.get('spec', 'servers').items()) {
      const protocol = server.get('port', 'protocol');
      const name = protocol.str()?.toUpperCase();
      // An HTTP server that only redirects to HTTPS serves nothing in clear; one behind ClusterIP Services only serves the cluster.
      const redirects = server.get('tls', 'httpsRedirect').isTrue();
      const number = server.get('port', 'number').value;
      const cleartext = (name === 'HTTP' || name === 'HTTP2' || name === 'GRPC' || name === 'GRPC-WEB') && !redirects;
      if (cleartext && !clusterInternalServer(model, servicesOf, gateway, typeof number === 'number' ? number : undefined)) firstCleartext ??= protocol;
      if (name === 'HTTPS' || name === 'TLS') encrypted = true;
    }
  }
  return encrypted ? undefined : firstCleartext;
}

function gatewayContainers(model: KubernetesModel, gateway: K8sObject): ContainerRef[] {
  if (gateway.group !== 'gateway.networking.k8s.io') return [];
  return backendContainers(routesOf(model, gateway).flatMap((route) => routeBackends(model, route)));
}

export const ingressWithoutTls = defineRule({
  meta: {
    id: 'IG-K8S-119',
    name: 'ingress-without-tls',
    title: 'Ingress without TLS',
    severity: 'medium',
    rationale:
      'Without TLS, prompts, completions, uploaded documents and the API keys that clients send to a model endpoint cross the network in clear text, readable and alterable by anyone on the path. For model serving that is the user data itself (often personal or confidential) plus the credentials that meter GPU spend; a tampered response is also indistinguishable from a real one.',
    remediation:
      'Add `spec.tls` with a certificate (e.g. cert-manager) covering every host in `spec.rules` (or a load-balancer certificate annotation such as `alb.ingress.kubernetes.io/certificate-arn` or `networking.gke.io/managed-certificates`), and redirect HTTP to HTTPS. On a Gateway API `Gateway`, add an `HTTPS` listener with `tls.certificateRefs` and keep port 80 only for a redirect. Istio Gateway servers that only ClusterIP Services expose (cluster-local gateways) serve in-cluster traffic and are not reported.',
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/ingress/#tls',
      'https://gateway-api.sigs.k8s.io/guides/tls/',
      'https://istio.io/latest/docs/tasks/traffic-management/ingress/secure-ingress/',
    ],
    mappings: { stride: ['I'], nist: ['SC-8'] },
    targets: ['k8s:Ingress', 'k8s:Gateway'],
    fix: 'none',
    messages: {
      noTls: "Ingress '{{name}}' has no `spec.tls`: its traffic is served as plain HTTP.",
      hostNotCovered: "Ingress '{{name}}' serves host '{{host}}', which no `spec.tls` entry covers: it is served as plain HTTP.",
      gatewayHttpOnly: "{{kind}} '{{name}}' has only plain-HTTP listeners: no HTTPS or TLS listener.",
    },
    examples: {
      bad: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: torchserve, namespace: serving }
spec:
  ingressClassName: nginx
  rules:
    - host: models.example.com
      http:
        paths:
          - path: /predictions
            pathType: Prefix
            backend:
              service: { name: torchserve, port: { number: 8080 } }
`,
      good: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: torchserve, namespace: serving }
spec:
  ingressClassName: nginx
  tls:
    - hosts: [models.example.com]
      secretName: models-tls
  rules:
    - host: models.example.com
      http:
        paths:
          - path: /predictions
            pathType: Prefix
            backend:
              service: { name: torchserve, port: { number: 8080 } }
`,
    },
  },
  create(context) {
    const { model } = context;
    const servicesOf = servicesIndex(model);
    return {
      object(object) {
        const data = { name: object.name ?? '(unnamed)', kind: object.kind };
        if (object.kind === 'Gateway' && (object.group === 'gateway.networking.k8s.io' || object.group === 'networking.istio.io')) {
          const listener = cleartextOnlyListener(model, servicesOf, object);
          if (!listener) return;
          const severity = severityForPod(ingressWithoutTls.meta.severity, gatewayContainers(model, object));
          context.report({ messageId: 'gatewayHttpOnly', data, at: listener, severity });
          return;
        }
        if (!isIngress(object)) return;
        const tls = ingressTls(object);
        // A certificate by annotation, the controller's default certificate, or a `tls` that cannot be read.
        if (tls.kind === 'annotation' || tls.kind === 'all' || tls.kind === 'unknown') return;
        const severity = severityForPod(ingressWithoutTls.meta.severity, backendContainers(ingressBackends(model, object)));
        if (tls.kind === 'none') {
          context.report({ messageId: 'noTls', data, at: tls.at, severity });
          return;
        }
        // A rule without a host is the catch-all: which certificate it gets is the controller's choice.
        for (const rule of object.root.get('spec', 'rules').items()) {
          const host = rule.get('host');
          const name = host.str();
          if (name === undefined || tls.hosts.some((tlsHost) => hostCovered(name, tlsHost))) continue;
          context.report({ messageId: 'hostNotCovered', data: { ...data, host: name }, at: host, severity });
        }
      },
    };
  },
});
