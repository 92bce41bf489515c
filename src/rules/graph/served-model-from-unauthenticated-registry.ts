import type { Severity } from '../../findings/finding.js';
import type { K8sObject } from '../../model/kubernetes.js';
import type { MlflowModelReference } from '../../model/ml/mlflow.js';
import { describeReference, isMutableReference, mlflowModelUris, mlflowServerSetting, trackingServersBehind, unauthenticatedTrackingServer } from '../../model/ml/mlflow.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { reportsOf } from '../compose.js';
import type { Locatable, RelatedHop, Rule } from '../define-rule.js';
import { defineRule } from '../define-rule.js';
import { mlflowSecurityMiddlewareDisabled } from '../ml/mlflow-security-middleware-disabled.js';
import { mlflowServerUnauthenticated } from '../ml/mlflow-server-unauthenticated.js';

/** Where a per-server rule found the tracking server open, and how. */
interface Opened {
  readonly rule: Rule;
  readonly at: Locatable;
  readonly how: string;
}

/** IG-ML-046's two verdicts and IG-ML-047's, in the words of this rule's message. */
const HOW: Readonly<Record<string, string>> = {
  exposed: 'to clients outside its namespace',
  inCluster: 'to every pod of the cluster (no NetworkPolicy selects it)',
  middlewareDisabled: 'to web pages its users open (security middleware disabled)',
  anyHost: 'to web pages its users open (any Host header: DNS rebinding)',
  anyOrigin: 'to web pages its users open (CORS allows any origin)',
};

function display(object: K8sObject): string {
  return `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name ?? '(unnamed)'}`;
}

/** What a client of the registry can do to the model the workload loads (the message goes on "can …"). */
function threatOf(reference: MlflowModelReference): string {
  switch (reference.kind) {
    case 'stage':
    case 'alias':
      return `can register a model version of their own and move the ${reference.kind} to it, and the next pod start serves it.`;
    case 'latest':
      return 'can register a newer model version of their own, and the next pod start serves it.';
    default:
      // Versions are immutable in the registry API (only description and tags change); their files are not.
      return `can write the registry, and replace the ${reference.kind === 'run' ? "run's" : reference.kind === 'logged-model' ? "logged model's" : "version's"} files where the server fronts the artifact store.`;
  }
}

export const servedModelFromUnauthenticatedRegistry = defineRule({
  meta: {
    id: 'IG-GRAPH-012',
    name: 'served-model-from-unauthenticated-registry',
    title: 'Served model resolved from an MLflow registry that authenticates nobody',
    severity: 'high',
    rationale:
      "A workload that loads `models:/fraud/Production`, `models:/fraud@champion` or `runs:/<id>/model` asks the MLflow server in `MLFLOW_TRACKING_URI` (or `MLFLOW_REGISTRY_URI`) which files to load, at every start. MLflow authenticates nobody unless it runs an auth app (`--app-name basic-auth`, `oidc-auth`), so whoever reaches that server can register a model version of their own and move the stage or alias to it — one REST call — and the next pod start serves the attacker's model, with its pickled code running in the serving pod. A pinned version cannot be re-pointed through the registry API, but its files can still be replaced by whoever writes the artifact store the server fronts, so it is reported one level lower. The per-server rules say whether the tracking server is open: IG-ML-046 (reachable from outside its namespace, or from every pod) and IG-ML-047 (drivable from a user's browser); this rule follows the serving workload's URI to that server, and also reports a server without authentication that the scan does not show open, one level lower: every client the network lets reach it can write the registry, the serving pods among them.",
    remediation:
      'Run the tracking server with authentication (`mlflow server --app-name basic-auth`, an OIDC plugin, or an authenticating proxy with MLflow bound to 127.0.0.1 behind it), give the serving workload read-only registry credentials (`MLFLOW_TRACKING_USERNAME` / `MLFLOW_TRACKING_PASSWORD` or a token from a Secret) and the training pipeline the only write access. Deploy models by immutable version (`models:/fraud/7`), check their signature or digest before loading, and keep the artifact store writable only by the publisher.',
    references: [
      'https://mlflow.org/docs/3.3.2/ml/auth',
      'https://github.com/mlflow/mlflow/blob/master/mlflow/store/artifact/utils/models.py',
      'https://mlflow.org/docs/latest/python_api/mlflow.config.html',
      'https://atlas.mitre.org/techniques/AML.T0010.003',
      'https://atlas.mitre.org/techniques/AML.T0018',
    ],
    mappings: { stride: ['T'], atlas: ['AML.T0010.003', 'AML.T0018'], owasp: ['ML06'], nist: ['SI-7', 'SR-4'] },
    targets: ['k8s:Workload', 'k8s:Service', 'model:Server'],
    fix: 'none',
    messages: {
      openRegistry:
        '{{workload}} loads {{reference}} ({{uri}}) from the MLflow server behind {{service}} ({{setting}}), which authenticates nobody and is open {{how}}: whoever reaches it {{threat}}',
      unauthenticatedRegistry:
        '{{workload}} loads {{reference}} ({{uri}}) from the MLflow server behind {{service}} ({{setting}}), which authenticates nobody (no --app-name): every client the network lets reach it {{threat}}',
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: mlflow, namespace: mlops }
spec:
  selector: { matchLabels: { app: mlflow } }
  template:
    metadata: { labels: { app: mlflow } }
    spec:
      containers:
        - name: mlflow
          image: ghcr.io/mlflow/mlflow:v3.5.0
          command: [mlflow, server, --host, 0.0.0.0, --port, "5000"]
          ports: [{ containerPort: 5000 }]
---
apiVersion: v1
kind: Service
metadata: { name: mlflow, namespace: mlops }
spec:
  type: LoadBalancer
  selector: { app: mlflow }
  ports: [{ port: 5000 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: fraud, namespace: serving }
spec:
  selector: { matchLabels: { app: fraud } }
  template:
    metadata: { labels: { app: fraud } }
    spec:
      containers:
        - name: model
          image: ghcr.io/mlflow/mlflow:v3.5.0
          command: [mlflow, models, serve, -m, "models:/fraud/Production", --host, 0.0.0.0]
          env:
            - { name: MLFLOW_TRACKING_URI, value: "http://mlflow.mlops:5000" }
`,
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: mlflow, namespace: mlops }
spec:
  selector: { matchLabels: { app: mlflow } }
  template:
    metadata: { labels: { app: mlflow } }
    spec:
      containers:
        - name: mlflow
          image: ghcr.io/mlflow/mlflow:v3.5.0
          command: [mlflow, server, --host, 0.0.0.0, --port, "5000", --app-name, basic-auth]
          ports: [{ containerPort: 5000 }]
---
apiVersion: v1
kind: Service
metadata: { name: mlflow, namespace: mlops }
spec:
  type: LoadBalancer
  selector: { app: mlflow }
  ports: [{ port: 5000 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: fraud, namespace: serving }
spec:
  selector: { matchLabels: { app: fraud } }
  template:
    metadata: { labels: { app: fraud } }
    spec:
      containers:
        - name: model
          image: ghcr.io/mlflow/mlflow:v3.5.0
          command: [mlflow, models, serve, -m, "models:/fraud/Production", --host, 0.0.0.0]
          env:
            - { name: MLFLOW_TRACKING_URI, value: "http://mlflow.mlops:5000" }
`,
    },
  },
  create(context) {
    const { model, terraform } = context;
    // The workloads each per-server rule found open, with its first report there.
    const opened = new Map<K8sObject, Opened>();
    let judged = false;
    const openedOf = (workload: K8sObject): Opened | undefined => {
      if (!judged) {
        judged = true;
        // IG-ML-047 counts only for a server without authentication (below): with it, a page still needs the user's credentials.
        for (const rule of [mlflowServerUnauthenticated, mlflowSecurityMiddlewareDisabled] as Rule[]) {
          for (const { report, subject } of reportsOf(rule, model, terraform)) {
            if (subject && !('address' in subject) && !opened.has(subject)) opened.set(subject, { rule, at: report.at, how: HOW[report.messageId] ?? 'to its network' });
          }
        }
      }
      return opened.get(workload);
    };
    return {
      container(container) {
        if (container.role === 'ephemeralContainer') return;
        const client = modelServerFacts(model, container);
        for (const uri of mlflowModelUris(model, container, client)) {
          const setting = mlflowServerSetting(model, container, uri.reference);
          if (typeof setting?.value !== 'string') continue;
          for (const { server, service, servicePort } of trackingServersBehind(model, container.workload.object, setting.value)) {
            const bind = unauthenticatedTrackingServer(server);
            if (!bind) continue;
            const open = openedOf(server.container.workload.object);
            const mutable = isMutableReference(uri.reference);
            const severity: Severity = open ? (mutable ? 'high' : 'medium') : mutable ? 'medium' : 'low';
            const reference = describeReference(uri.reference);
            const serverWorkload = server.container.workload.object;
            const listening = `${display(serverWorkload)} container '${server.container.name || '(unnamed)'}' runs it without --app-name, listening on ${bind.source === 'argument' ? bind.description : `${bind.description}=${String(bind.value)}`}`;
            // IG-ML-046 reports at the bind setting: one hop says both.
            const judgedAtBind = open?.rule === mlflowServerUnauthenticated;
            const related: RelatedHop[] = [
              { at: setting.node, message: `${setting.description} names the ${uri.reference.kind === 'run' || uri.reference.kind === 'logged-model' ? 'tracking server' : 'registry'}` },
              { at: servicePort, message: `${display(service)} port ${String(servicePort.get('port').value)} sends to the MLflow tracking server` },
              { at: bind.node, message: judgedAtBind && open ? `${listening}; open ${open.how} (${open.rule.meta.id} ${open.rule.meta.name})` : listening },
              ...(open && !judgedAtBind ? [{ at: open.at, message: `open ${open.how} (${open.rule.meta.id} ${open.rule.meta.name})` }] : []),
            ];
            context.report({
              messageId: open ? 'openRegistry' : 'unauthenticatedRegistry',
              data: {
                workload: `${display(container.workload.object)} (container '${container.name || '(unnamed)'}')`,
                reference,
                uri: uri.text,
                service: display(service),
                setting: `${setting.description}=${setting.value}`,
                how: open?.how ?? '',
                threat: threatOf(uri.reference),
              },
              at: uri.node,
              severity,
              related,
            });
          }
        }
      },
    };
  },
});
