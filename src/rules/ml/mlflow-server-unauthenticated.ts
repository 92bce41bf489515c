import { authOnPath } from '../../model/auth-front.js';
import { isDeletionPatch, isFragment } from '../../model/fragments.js';
import { unauthenticatedTrackingServer } from '../../model/ml/mlflow.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { hopsOf } from '../../model/ml/server-exposure.js';
import { unauthenticatedServerPorts } from '../../model/ml/unauthenticated-exposure.js';
import type { Setting } from '../../model/ml/settings.js';
import type { KubernetesModel, Workload } from '../../model/kubernetes.js';
import type { ExposurePath } from '../../model/port-exposure.js';
import { labelSelectorMatches, podLabelsOf } from '../../model/selectors.js';
import { defineRule } from '../define-rule.js';

/** A namespace name as the API accepts it: anything else is a placeholder the deploy tool fills in. */
function isNamespaceName(name: string | undefined): name is string {
  return name !== undefined && name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name);
}

/**
 * The namespace, when the scan shows that no NetworkPolicy selects the pods for ingress. Undefined
 * when that cannot be told — the namespace is a placeholder, or none of its policies is in the scan
 * (they may be applied from elsewhere) — or when a policy selects them (its rules are not second-guessed).
 */
function unguardedNamespace(model: KubernetesModel, workload: Workload): string | undefined {
  const namespace = workload.object.namespace;
  if (!isNamespaceName(namespace) || isFragment(workload)) return undefined;
  const policies = model.byType('k8s:NetworkPolicy').filter((policy) => policy.group === 'networking.k8s.io' && policy.namespace === namespace && !isDeletionPatch(policy));
  if (policies.length === 0) return undefined;
  const labels = podLabelsOf(workload);
  const selecting = policies.some((policy) => {
    const spec = policy.root.get('spec');
    const selector = spec.get('podSelector');
    const selects = !selector.isWritten() || labelSelectorMatches(selector, labels);
    const types = spec.get('policyTypes');
    const ingress = !types.isWritten() || types.items().some((type) => type.str() === 'Ingress');
    return selects && ingress;
  });
  return selecting ? undefined : namespace;
}

/** In-cluster callers reach the pods directly or through a ClusterIP Service: only policies on the pods guard that. */
const IN_CLUSTER: ExposurePath = { kind: 'service', exposed: false, internetFacing: false, hops: [] };

function written(setting: Setting): string {
  return setting.source === 'argument' ? setting.description : `${setting.description}=${String(setting.value)}`;
}

export const mlflowServerUnauthenticated = defineRule({
  meta: {
    id: 'IG-ML-046',
    name: 'mlflow-server-unauthenticated',
    title: 'MLflow server without authentication reachable by clients',
    severity: 'high',
    rationale:
      "An MLflow tracking server authenticates nobody unless it runs MLflow's basic-auth app (`--app-name basic-auth`) or an auth plugin such as `oidc-auth`. It holds the model registry that serving pipelines pull from and proxies the artifact store with its own credentials. Whoever reaches it can read every experiment, run and artifact, register a poisoned model version or move a registry alias so that the next deployment serves the attacker's model, delete runs, and exercise the server's path-traversal history (CVE-2023-1177 and later). By default it listens on 127.0.0.1 only; a manifest that binds it to `0.0.0.0` and publishes it through a LoadBalancer, NodePort, Ingress or route without authentication in front, or leaves it open to every pod of the cluster where the namespace's NetworkPolicies do not select it, hands all of that to the network.",
    remediation:
      "Start the server with `--app-name basic-auth` (`pip install mlflow[auth]`, `MLFLOW_FLASK_SERVER_SECRET_KEY` from a Secret, and change the default `admin` / `password1234` at once), or with the `oidc-auth` plugin, or put an authenticating proxy (oauth2-proxy, an OIDC-enforcing Ingress or Gateway) in front and bind MLflow to 127.0.0.1 behind it. Add a NetworkPolicy admitting only the clients that need the tracking server.",
    references: ['https://mlflow.org/docs/3.3.2/ml/auth', 'https://mlflow.org/docs/latest/self-hosting/security/basic-http-auth', 'https://www.mlflow.org/docs/latest/self-hosting/security/sso', 'https://mlflow.org/docs/latest/self-hosting/security/network'],
    mappings: { stride: ['S', 'T', 'I'], atlas: ['AML.T0049', 'AML.T0035', 'AML.T0010.003'], owasp: ['ML06'], nist: ['IA-2', 'AC-3'] },
    targets: ['k8s:Workload', 'k8s:Service', 'k8s:NetworkPolicy'],
    fix: 'none',
    messages: {
      exposed:
        "Container '{{container}}' runs the MLflow tracking server without authentication (no --app-name) on {{setting}}, and port {{port}} is reachable from outside the namespace ({{hop}}) with no authentication in front: anyone can read experiments and artifacts and register model versions.",
      inCluster:
        "Container '{{container}}' runs the MLflow tracking server without authentication (no --app-name) on {{setting}}, and no NetworkPolicy in namespace '{{namespace}}' selects its pods: any pod in the cluster can read experiments and artifacts and register model versions.",
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
  ports: [{ port: 80, targetPort: 5000 }]
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
  ports: [{ port: 80, targetPort: 5000 }]
`,
    },
  },
  create(context) {
    const { model } = context;
    return {
      container(container) {
        const server = modelServerFacts(model, container);
        // An auth app (basic-auth, a plugin's oidc-auth, or a value that cannot be read), a loopback or unreadable bind: silent.
        const bind = server && unauthenticatedTrackingServer(server);
        if (!server || !bind) return;
        const data = { container: container.name || '(unnamed)', setting: written(bind) };
        const open = unauthenticatedServerPorts(model, server, ['inference']);
        for (const { port, open: paths } of open) {
          context.report({ messageId: 'exposed', data: { ...data, port: port.number, hop: paths[0]?.hops[0]?.description ?? 'an exposure path' }, at: bind.node, related: hopsOf(paths) });
        }
        if (open.length > 0) return;
        const namespace = unguardedNamespace(model, container.workload);
        if (namespace === undefined || authOnPath(model, container.workload, IN_CLUSTER)) return;
        context.report({ messageId: 'inCluster', data: { ...data, namespace }, at: bind.node });
      },
    };
  },
});
