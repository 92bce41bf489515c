import { describeContainers, effectiveSecurityField, mergeByNode, podSecurityWrittenElsewhere } from '../../model/containers.js';
import { isFragmentContainer } from '../../model/fragments.js';
import type { ContainerRef } from '../../model/kubernetes.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import type { ModelServerKind } from '../../model/ml/server-kinds.js';
import type { KubernetesModel } from '../../model/kubernetes.js';
import type { Node } from '../../model/value.js';
import { defineRule } from '../define-rule.js';

/**
 * Vendor images that ship a non-root user. Triton's build creates `triton-server` with UID 1000 but
 * leaves the image user root; TorchServe's Dockerfile ends with `USER model-server` (UID not pinned).
 */
const NON_ROOT_USERS: ReadonlyMap<ModelServerKind, { readonly user: string; readonly uid?: number; readonly imageRunsAsRoot: boolean }> = new Map([
  ['triton', { user: 'triton-server', uid: 1000, imageRunsAsRoot: true }],
  ['torchserve', { user: 'model-server', imageRunsAsRoot: false }],
]);

interface Verdict {
  readonly messageId: 'rootUser' | 'nonRootDisabled' | 'nonRootNotRequired';
  readonly at: Node;
  readonly server: string;
  readonly user: string;
}

function verdictOf(model: KubernetesModel, container: ContainerRef): Verdict | undefined {
  const server = modelServerFacts(model, container);
  // Only the vendor image is known to hold the user; a server started from another image may not.
  const known = server && server.evidence.includes('image') ? NON_ROOT_USERS.get(server.kind) : undefined;
  if (!server || !known || isFragmentContainer(container)) return undefined;
  const base = { server: server.info.title, user: known.uid === undefined ? `\`${known.user}\`` : `\`${known.user}\` (UID ${known.uid})` };
  const user = effectiveSecurityField(container, 'runAsUser');
  if (user.value === 0) return { messageId: 'rootUser', at: user, ...base };
  // Another UID, or a value that cannot be read; an image whose own user is not root needs no more.
  if (user.isWritten() || !known.imageRunsAsRoot) return undefined;
  const nonRoot = effectiveSecurityField(container, 'runAsNonRoot');
  if (nonRoot.isFalse()) return { messageId: 'nonRootDisabled', at: nonRoot, ...base };
  // A ServingRuntime's pod securityContext comes from each InferenceService: absence proves nothing.
  if (nonRoot.isWritten() || podSecurityWrittenElsewhere(container)) return undefined;
  return { messageId: 'nonRootNotRequired', at: nonRoot, ...base };
}

export const modelServerRunsAsRoot = defineRule({
  meta: {
    id: 'IG-K8S-010',
    name: 'model-server-runs-as-root',
    title: 'Model server runs as root although a non-root user exists',
    severity: 'medium',
    rationale:
      "Triton's images ship a `triton-server` user (UID 1000) but start as root unless told otherwise; TorchServe's images run as `model-server` unless the manifest forces UID 0. A model server executes code that arrives with models (Triton's Python backend, TorchServe handlers in `.mar` archives) and parses untrusted requests: as root, that code can rewrite the server and its model repository, read every mounted credential, and attack the node's kernel and GPU driver from the strongest position. The user the vendor already provides removes that for free.\n\nThis rule replaces IG-K8S-103 (runs-as-root) on the same field for these servers: one finding, at the higher severity.",
    remediation:
      'Run as the image\'s own user: `runAsNonRoot: true` with `runAsUser: 1000` for Triton; for TorchServe remove `runAsUser: 0` (keep `runAsNonRoot: true`). Add `allowPrivilegeEscalation: false`, and `readOnlyRootFilesystem: true` with `emptyDir` volumes for scratch paths where the server allows it.',
    references: [
      'https://github.com/triton-inference-server/server/blob/main/docs/customization_guide/deploy.md',
      'https://github.com/triton-inference-server/server/blob/main/build.py',
      'https://github.com/pytorch/serve/blob/master/docker/Dockerfile',
    ],
    mappings: { stride: ['E'], cis: ['5.2.6', '5.2.7'], nist: ['AC-6'] },
    targets: ['k8s:Workload'],
    fix: 'none',
    supersedes: ['IG-K8S-103'],
    messages: {
      rootUser: '{{containers}} ({{server}}): `runAsUser: 0` runs the server as root although its image ships the non-root user {{user}}.',
      nonRootDisabled: '{{containers}} ({{server}}): `runAsNonRoot: false` and no `runAsUser`, so the image starts the server as root although it ships the non-root user {{user}}.',
      nonRootNotRequired: '{{containers}} ({{server}}): no `runAsUser` or `runAsNonRoot`, so the image starts the server as root although it ships the non-root user {{user}}.',
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:25.08-py3
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 1000
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:25.08-py3
`,
    },
  },
  create(context) {
    return {
      workload(workload) {
        for (const { verdict, containers } of mergeByNode(workload.containers, (container) => verdictOf(context.model, container))) {
          context.report({
            messageId: verdict.messageId,
            data: { containers: describeContainers(containers), server: verdict.server, user: verdict.user },
            at: verdict.at,
          });
        }
      },
    };
  },
});
