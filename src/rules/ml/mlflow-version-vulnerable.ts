import type { ContainerRef, KubernetesModel } from '../../model/kubernetes.js';
import { commandWords } from '../../model/ml/command-line.js';
import { formatVersion } from '../../model/ml/images.js';
import type { Version } from '../../model/ml/images.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { pinnedPackages } from '../../model/ml/pinned-packages.js';
import { floorMatch } from '../../model/ml/version-floors.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

const RULE = 'IG-ML-048';

/** Where an MLflow server's release is written: its own image's tag, or a pinned `pip install` at start (which wins). */
export function serverReleases(model: KubernetesModel, container: ContainerRef, kind: 'mlflow' | 'bentoml'): Array<{ version: Version; node: Node; written: string; source: 'image' | 'pip' }> {
  const server = modelServerFacts(model, container);
  if (server?.kind !== kind) return [];
  const pinned = pinnedPackages(commandWords(container), kind);
  if (pinned.length > 0) return pinned.map((pin) => ({ version: pin.version, node: pin.word.node, written: `pip install ${pin.text}`, source: 'pip' as const }));
  const image = server.image;
  if (!server.evidence.includes('image') || !image?.version) return [];
  return [{ version: image.version, node: image.node, written: image.text, source: 'image' }];
}

export const mlflowVersionVulnerable = defineRule({
  meta: {
    id: RULE,
    name: 'mlflow-version-vulnerable',
    title: 'MLflow version with known traversal/deserialization CVEs',
    severity: 'high',
    rationale:
      "An MLflow tracking server holds the registry that serving pulls models from, and its artifact store credentials. Before 2.2.1 a model version's `source` can point at any local path, so anyone who can call the API reads arbitrary files from the server (CVE-2023-1177: cloud keys, SSH keys). Before 2.9.2 further path-traversal bugs in artifact and model-version handling give the same file read (CVE-2023-6909, CVE-2023-6975, CVE-2023-6976, CVE-2023-6977). MLflow has no authentication by default, so reaching the port is enough. The floors live in `data/version-floors.json`.",
    remediation:
      'Upgrade to a current MLflow release (at least 2.9.2; prefer the latest 3.x, which also adds host and origin checks), pin it by tag and digest or by `mlflow==<version>` in the image build, and keep the tracking server behind authentication (`--app-name basic-auth` or an authenticating proxy).',
    references: ['https://github.com/mlflow/mlflow/security/advisories/GHSA-xg73-94fp-g449', 'https://nvd.nist.gov/vuln/detail/CVE-2023-6977', 'https://mlflow.org/docs/latest/ml/tracking/server/security'],
    mappings: { stride: ['I', 'T'], atlas: ['AML.T0049', 'AML.T0037'], nist: ['SI-2'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    messages: {
      vulnerable: "Container '{{container}}' runs MLflow {{version}} ({{written}}), below {{floor}} ({{advisories}}): anyone who reaches the server can read files from it.",
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: mlflow, namespace: mlops }
spec:
  containers:
    - name: mlflow
      image: ghcr.io/mlflow/mlflow:v2.8.1
      command: [mlflow, server, --host, 0.0.0.0]
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: mlflow, namespace: mlops }
spec:
  containers:
    - name: mlflow
      image: ghcr.io/mlflow/mlflow:v3.5.0
      command: [mlflow, server, --host, 0.0.0.0]
`,
    },
  },
  create(context) {
    return {
      container(container) {
        for (const release of serverReleases(context.model, container, 'mlflow')) {
          const match = floorMatch(RULE, 'mlflow', release.version);
          if (!match) continue;
          context.report({ messageId: 'vulnerable', data: { container: container.name || '(unnamed)', version: formatVersion(release.version), written: release.written, floor: match.upgradeTo, advisories: match.advisories }, at: release.node, severity: match.severity });
        }
      },
    };
  },
});
