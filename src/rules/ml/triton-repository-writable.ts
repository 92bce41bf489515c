import { modelServerFacts } from '../../model/ml/model-server.js';
import { describeWriters, modelPaths, pathVolume } from '../../model/ml/model-volumes.js';
import { pointerOf } from '../../parse/kubernetes/types.js';
import { defineRule } from '../define-rule.js';
import type { RelatedHop } from '../define-rule.js';

/** When Triton reads the repository again: `--model-control-mode` (the last one wins; default none). */
function reloadPhrase(mode: string | true | undefined): string {
  const value = typeof mode === 'string' ? mode.trim().toLowerCase() : undefined;
  if (value === 'poll') return 'Triton polls the repository and loads what changes';
  if (value === 'explicit') return 'a load request makes Triton read it again';
  return 'Triton loads it on its next start';
}

export const tritonRepositoryWritable = defineRule({
  meta: {
    id: 'IG-ML-011',
    name: 'triton-repository-writable',
    title: 'Triton model repository or backend directories writable by the server',
    severity: 'high',
    rationale:
      "Triton runs code from the directories it loads: the Python backend executes the `model.py` shipped in each model directory, custom backends, repository agents and cache implementations are shared libraries loaded from `--backend-directory`, `--repoagent-directory` and `--cache-directory`, and Triton has no sandbox. NVIDIA's deployment guide says write access to the model repository and these directories must be restricted, because adding files there leads to arbitrary code execution. Whoever can write there runs code in the server on its next start (with `--model-control-mode=poll`, within seconds; with `explicit`, on the next load request).\n\nThe rule finds the mount that backs each `--model-repository` (or `--model-store`) and each of the three library directories (their defaults under `/opt/tritonserver` included) and reports when someone other than the pod's own startup can write there: the server through a read-write mount of a volume that outlives the pod (PersistentVolumeClaim, NFS, CSI…), anyone on the node for a `hostPath` (even mounted read-only), any pod of the namespace for a claim with `ReadWriteMany` access, or another long-running container of the pod (a sync sidecar) that mounts the same volume read-write. An emptyDir filled by an init container and mounted read-only, ConfigMap / Secret / projected volumes and remote repositories (`s3://`, `gs://`) are not reported. It replaces IG-K8S-012 for Triton (one finding per problem).",
    remediation:
      'Mount the repository and the backend, repoagent and cache directories read-only (`readOnly: true` on the mount and `persistentVolumeClaim.readOnly: true`), from storage that only a deployment job writes: a ReadWriteOnce / ReadOnlyMany claim populated by a separate job, an emptyDir filled by an init container, an image, or object storage reached with read-only credentials. Do not serve from `hostPath`. Keep `--model-control-mode=none` unless dynamic loading is required.',
    references: [
      'https://github.com/triton-inference-server/server/blob/main/docs/customization_guide/deploy.md',
      'https://github.com/triton-inference-server/server/blob/main/docs/user_guide/model_repository.md',
      'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes',
    ],
    mappings: { stride: ['T', 'E'], atlas: ['AML.T0018.002', 'AML.T0011.000'], owasp: ['ML10'], cis: ['5.2.12'], nist: ['SI-7', 'CM-5'] },
    targets: ['k8s:Workload', 'k8s:PersistentVolumeClaim'],
    fix: 'none',
    supersedes: ['IG-K8S-012'],
    messages: {
      repositoryWritable:
        "Container '{{container}}' (Triton) serves the model repository {{path}} ({{setting}}) from {{volume}}, writable by {{writers}}: {{reload}}, and Python-backend models run their code.",
      libraryDirectoryWritable:
        "Container '{{container}}' (Triton) loads shared libraries from {{path}} ({{setting}}), on {{volume}}, writable by {{writers}}: a library placed there runs inside the server.",
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
          image: nvcr.io/nvidia/tritonserver:25.07-py3
          args: ["tritonserver", "--model-repository=/models"]
          volumeMounts:
            - { name: models, mountPath: /models }
      volumes:
        - name: models
          nfs: { server: nfs.storage.svc, path: /exports/triton }
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
          image: nvcr.io/nvidia/tritonserver:25.07-py3
          args: ["tritonserver", "--model-repository=/models"]
          volumeMounts:
            - { name: models, mountPath: /models, readOnly: true }
      volumes:
        - name: models
          nfs: { server: nfs.storage.svc, path: /exports/triton, readOnly: true }
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (server?.kind !== 'triton') return;
        const reload = reloadPhrase(server.settings({ flags: ['--model-control-mode'] }).at(-1)?.value);
        const reported = new Set<string>();
        for (const modelPath of modelPaths(context.model, server)) {
          if (modelPath.role === 'model-config') continue;
          const volume = pathVolume(context.model, container, modelPath.path);
          if (!volume || volume.writers.length === 0) continue;
          // At the mount, as IG-K8S-012 reports it: several directories on one mount are one problem.
          const key = pointerOf(volume.at.path);
          if (reported.has(key)) continue;
          reported.add(key);
          const related: RelatedHop[] = [];
          if (modelPath.setting) related.push({ at: modelPath.setting.node, message: `set here: ${modelPath.description}` });
          for (const writer of volume.writers) if (writer.at !== volume.at) related.push({ at: writer.at, message: `can write it: ${writer.description}` });
          context.report({
            messageId: modelPath.role === 'libraries' ? 'libraryDirectoryWritable' : 'repositoryWritable',
            data: {
              container: container.name || '(unnamed)',
              path: modelPath.path,
              setting: modelPath.description,
              volume: volume.description,
              writers: describeWriters(volume.writers),
              reload,
            },
            at: volume.at,
            related,
          });
        }
      },
    };
  },
});
