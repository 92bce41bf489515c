import type { ContainerRef, KubernetesModel, Workload } from '../../model/kubernetes.js';
import { modelServerFacts } from '../../model/ml/model-server.js';
import { cachePaths, localPath, modelPaths, mountStorage, pathStorage, sameStorage } from '../../model/ml/model-volumes.js';
import type { SharedStorage } from '../../model/ml/model-volumes.js';
import type { Node } from '../../model/value.js';
import { pointerOf } from '../../parse/kubernetes/types.js';
import type { RelatedHop } from '../define-rule.js';
import { defineRule } from '../define-rule.js';

/** Who a workload's pods are: another namespace or another ServiceAccount is another tenant. */
interface Tenant {
  /** One workload whatever its copies (a kustomize base and overlay, a chart vendored twice) and templates. */
  readonly key: string;
  /** As written; undefined when not written or templated. */
  readonly namespace: string | undefined;
  /** undefined when templated, or when another object sets it (a KServe ServingRuntime's InferenceServices). */
  readonly account: string | undefined;
  readonly label: string;
}

/** A long-running container's read-write mount of storage other pods can mount. */
interface Writer {
  readonly tenant: Tenant;
  readonly container: string;
  readonly mountPath: string;
  readonly at: Node;
  readonly locations: readonly SharedStorage[];
}

function templated(text: string | undefined): boolean {
  return text !== undefined && /\{\{|\$[({]/.test(text);
}

function tenantOf(workload: Workload): Tenant {
  const object = workload.object;
  const namespace = templated(object.namespace) ? undefined : object.namespace;
  let account: string | undefined;
  if (workload.podFieldsFrom === undefined) {
    const written = [workload.podSpec.get('serviceAccountName'), workload.podSpec.get('serviceAccount')].find((node) => node.isWritten());
    const name = written ? written.str() : 'default';
    account = name === undefined || templated(name) ? undefined : name;
  }
  const name = object.name ?? '(unnamed)';
  return {
    key: `${object.group}/${object.kind}/${object.namespace ?? ''}/${name}`,
    namespace,
    account,
    label: `${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${name}`,
  };
}

/** Another namespace, or another ServiceAccount; what is not known does not make them different. */
function differentTenants(a: Tenant, b: Tenant): boolean {
  if (a.key === b.key) return false;
  if (a.namespace !== undefined && b.namespace !== undefined && a.namespace !== b.namespace) return true;
  return a.account !== undefined && b.account !== undefined && a.account !== b.account;
}

/** Containers that keep running: a compromised one writes whenever it likes. Jobs and one-shot pods populate storage and exit. */
function runsOn(workload: Workload, container: ContainerRef): boolean {
  if (workload.runsToCompletion === true || workload.object.kind === 'Job' || workload.object.kind === 'CronJob') return false;
  const restartPolicy = workload.podSpec.get('restartPolicy').str();
  if (restartPolicy === 'Never' || restartPolicy === 'OnFailure') return false;
  return container.role === 'container' || (container.role === 'initContainer' && container.node.get('restartPolicy').str() === 'Always');
}

/** Where the kubelet keeps every pod's volumes: a host mount that contains it (the node's root) writes them all. */
const POD_VOLUMES_ON_HOST = 'var/lib/kubelet/pods';

/**
 * A node agent with the host's root (or /var) mounted reaches every volume on the node, emptyDirs and
 * per-workload claims included: that is the node's compromise (IG-K8S hostPath rules), not a shared cache.
 */
function nodeWide(location: SharedStorage): boolean {
  return location.space === 'host' && (location.path === '' || POD_VOLUMES_ON_HOST === location.path || POD_VOLUMES_ON_HOST.startsWith(`${location.path}/`));
}

function writersIn(model: KubernetesModel): Writer[] {
  const out: Writer[] = [];
  for (const workload of model.workloads) {
    const tenant = tenantOf(workload);
    for (const container of workload.containers) {
      if (!runsOn(workload, container)) continue;
      for (const mount of container.node.get('volumeMounts').items()) {
        const storage = mountStorage(model, workload, mount);
        const locations = storage?.writable === true ? storage.locations.filter((location) => !nodeWide(location)) : [];
        if (locations.length === 0) continue;
        const readOnly = mount.get('readOnly');
        out.push({ tenant, container: container.name || '(unnamed)', mountPath: localPath(mount.get('mountPath').str() ?? '') ?? '?', at: readOnly.isFalse() ? readOnly : mount, locations });
      }
    }
  }
  return out;
}

function bySpace(writers: readonly Writer[]): Map<string, Writer[]> {
  const index = new Map<string, Writer[]>();
  for (const writer of writers) {
    for (const space of new Set(writer.locations.map((location) => location.space))) {
      const list = index.get(space);
      if (list) list.push(writer);
      else index.set(space, [writer]);
    }
  }
  return index;
}

const WHAT: Readonly<Record<string, string>> = { models: 'its models', libraries: 'the libraries it loads', cache: 'its model cache' };

export const sharedWritableModelCache = defineRule({
  meta: {
    id: 'IG-GRAPH-009',
    name: 'shared-writable-model-cache',
    title: 'Model or cache volume writable by another tenant',
    severity: 'high',
    rationale:
      "Model servers load what is in their model directory and their download caches without checking it: vLLM and the Hugging Face libraries take the weights, tokenizer and config files (and, with `trust_remote_code`, Python code) found in `HF_HOME` / `HF_HUB_CACHE`, vLLM reuses the compiled artifacts under `VLLM_CACHE_ROOT`, NIM its model profiles under `NIM_CACHE_PATH`, Triton runs the `model.py` of Python-backend models in its repository and the libraries of its backend directories. When that storage is also mounted read-write by a workload of another tenant (another namespace or another ServiceAccount), code running in that workload replaces what this server loads on its next start or reload: one compromised pod poisons the models of every server sharing the cache, and the server's own read-only mount does not help.\n\n" +
      "The rule reads, for each recognised server, its model paths (Triton repository and backend directories, `--model`, `--model-store`, `--model_base_path`, KServe's `/mnt/models` from a `pvc://` URI) and its caches (`HF_HOME`, `HF_HUB_CACHE`, `HUGGINGFACE_HUB_CACHE`, `TRANSFORMERS_CACHE`, vLLM `--download-dir` and `VLLM_CACHE_ROOT`, TGI `--huggingface-hub-cache`, `NIM_CACHE_PATH`, `OLLAMA_MODELS`, and their defaults under `/root` or `/opt/nim/.cache`, `/data` for TGI's image) and finds the storage that backs them. It reports when a long-running container of another workload mounts the same storage read-write: the same PersistentVolumeClaim, a claim whose PersistentVolume is backed by the same NFS export, host path or CSI volume handle, the same inline NFS export, or the same hostPath (one path inside the other counts; `subPath`s that do not overlap do not). A PersistentVolume binds one claim, so two claims naming one volume are not counted; a node agent that mounts the host's root (anything containing the kubelet's pod directories) reaches every volume on the node, per-workload ones included, which is the node's compromise (the hostPath rules), not a shared cache. A mount is read-only with `readOnly: true`, with `readOnly: true` on the volume source, or when the claim grants only ReadOnlyMany. Replicas and templates of one object, and identical copies of it in the scan, are one workload; two workloads with the same namespace and ServiceAccount are one tenant; Jobs and one-shot pods that populate the storage and exit are the recommended pattern and are not writers here. Claims not in the scan, templated names and `subPathExpr` are not judged.\n\n" +
      'Severity is high, and medium when the storage is a claim without ReadWriteMany / ReadOnlyMany: a ReadWriteOnce volume is attached to one node at a time, so the two workloads share it only while their pods run on that node (a pod elsewhere cannot start). A ReadWriteOncePod claim is never shared. A hostPath stays high: nothing stops the scheduler from placing both on a node, and GPU nodes run many servers.',
    remediation:
      "Give each workload its own cache (a per-workload claim or an emptyDir), or keep one shared repository read-only for every consumer (`readOnly: true` on the mount and `persistentVolumeClaim.readOnly: true`, or a ReadOnlyMany claim) and let a separate, trusted Job populate it. Do not share a hostPath cache between tenants. Verify what is loaded where the server allows it (pinned revisions, checksums or signed model artifacts).",
    references: [
      'https://docs.vllm.ai/en/stable/usage/security/',
      'https://huggingface.co/docs/huggingface_hub/package_reference/environment_variables',
      'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#access-modes',
      'https://docs.nvidia.com/nim-operator/latest/cache.html',
    ],
    mappings: { stride: ['T', 'E'], atlas: ['AML.T0018.002', 'AML.T0010.003'], owasp: ['ML10'], nist: ['SC-39', 'SI-7'] },
    targets: ['k8s:Workload', 'k8s:PersistentVolumeClaim', 'k8s:PersistentVolume'],
    fix: 'none',
    messages: {
      sharedWritable:
        "Container '{{container}}' ({{server}}) loads {{what}} from {{path}} ({{source}}) on {{storage}}, which {{writers}} also {{verb}} read-write: code running there can replace what this server loads.",
    },
    examples: {
      bad: `apiVersion: apps/v1
kind: Deployment
metadata: { name: vllm, namespace: serving }
spec:
  selector: { matchLabels: { app: vllm } }
  template:
    metadata: { labels: { app: vllm } }
    spec:
      serviceAccountName: vllm
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.10.1
          args: ["--model", "meta-llama/Llama-3.1-8B-Instruct"]
          volumeMounts:
            - { name: hf-cache, mountPath: /root/.cache/huggingface, readOnly: true }
      volumes:
        - name: hf-cache
          nfs: { server: nfs.storage.example.com, path: /exports/hf-cache }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: notebook, namespace: research }
spec:
  selector: { matchLabels: { app: notebook } }
  template:
    metadata: { labels: { app: notebook } }
    spec:
      containers:
        - name: jupyter
          image: quay.io/jupyter/pytorch-notebook:2024-10-07
          volumeMounts:
            - { name: shared, mountPath: /home/jovyan/hf }
      volumes:
        - name: shared
          nfs: { server: nfs.storage.example.com, path: /exports/hf-cache }
`,
      good: `apiVersion: apps/v1
kind: Deployment
metadata: { name: vllm, namespace: serving }
spec:
  selector: { matchLabels: { app: vllm } }
  template:
    metadata: { labels: { app: vllm } }
    spec:
      serviceAccountName: vllm
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.10.1
          args: ["--model", "meta-llama/Llama-3.1-8B-Instruct"]
          volumeMounts:
            - { name: hf-cache, mountPath: /root/.cache/huggingface, readOnly: true }
      volumes:
        - name: hf-cache
          nfs: { server: nfs.storage.example.com, path: /exports/hf-cache }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: notebook, namespace: research }
spec:
  selector: { matchLabels: { app: notebook } }
  template:
    metadata: { labels: { app: notebook } }
    spec:
      containers:
        - name: jupyter
          image: quay.io/jupyter/pytorch-notebook:2024-10-07
          volumeMounts:
            - { name: shared, mountPath: /home/jovyan/hf, readOnly: true }
      volumes:
        - name: shared
          nfs: { server: nfs.storage.example.com, path: /exports/hf-cache }
`,
    },
  },
  create(context) {
    // Writers by the storage they reach (`space`): a large scan has many servers and many writers.
    let writers: Map<string, Writer[]> | undefined;
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (!server) return;
        const tenant = tenantOf(container.workload);
        const paths = [...modelPaths(context.model, server).filter((entry) => entry.role !== 'model-config'), ...cachePaths(server)];
        const reported = new Set<string>();
        for (const modelPath of paths) {
          const found = pathStorage(context.model, container, modelPath.path);
          if (!found || found.storage.locations.length === 0) continue;
          const at = found.volume.mount ?? found.volume.at;
          // One finding per mount: the model directory and the cache on one volume are one problem.
          const key = pointerOf(at.path);
          if (reported.has(key)) continue;
          writers ??= bySpace(writersIn(context.model));
          const matches: Array<{ writer: Writer; ours: SharedStorage; theirs: SharedStorage }> = [];
          const seen = new Set<string>();
          const candidates = [...new Set(found.storage.locations.flatMap((location) => writers?.get(location.space) ?? []))];
          for (const writer of candidates) {
            if (!differentTenants(tenant, writer.tenant)) continue;
            for (const ours of found.storage.locations) {
              const theirs = writer.locations.find((location) => sameStorage(location, ours));
              // Copies of one writer in the scan are one writer.
              const id = `${writer.tenant.key}#${writer.container}#${writer.mountPath}`;
              if (!theirs || seen.has(id)) continue;
              seen.add(id);
              matches.push({ writer, ours, theirs });
            }
          }
          const first = matches[0];
          if (!first) continue;
          reported.add(key);
          const describe = ({ writer, ours, theirs }: (typeof matches)[number]): string =>
            `${writer.tenant.label} (container '${writer.container}' at ${writer.mountPath}${writer.tenant.account !== undefined ? `, ServiceAccount ${writer.tenant.account}` : ''}${theirs.description !== ours.description ? `, through ${theirs.description}` : ''})`;
          const shown = matches.slice(0, 3).map(describe);
          const writersText = shown.length === 1 ? (shown[0] as string) : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1) as string}${matches.length > 3 ? ` (and ${matches.length - 3} more)` : ''}`;
          const related: RelatedHop[] = [];
          if (modelPath.setting) related.push({ at: modelPath.setting.node, message: `set here: ${modelPath.description}` });
          related.push({ at: first.ours.at, message: `shared storage: ${first.ours.description}` });
          for (const match of matches.slice(0, 3)) related.push({ at: match.writer.at, message: `writes it: ${describe(match)}` });
          context.report({
            messageId: 'sharedWritable',
            data: {
              container: container.name || '(unnamed)',
              server: server.info.title,
              what: WHAT[modelPath.role] ?? 'its models',
              path: modelPath.path,
              source: modelPath.description,
              storage: first.ours.description,
              writers: writersText,
              verb: matches.length === 1 ? 'mounts' : 'mount',
            },
            at,
            related,
            // A ReadWriteOnce claim is shared only by pods on the node it is attached to.
            ...(matches.every((match) => match.ours.oneNode || match.theirs.oneNode) ? { severity: 'medium' as const } : {}),
          });
        }
      },
    };
  },
});
