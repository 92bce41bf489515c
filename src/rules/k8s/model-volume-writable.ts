import { modelServerFacts } from '../../model/ml/model-server.js';
import { KSERVE_STORAGE_READONLY_ANNOTATION, modelPaths, pathVolume, persistentlyWritableByServer } from '../../model/ml/model-volumes.js';
import { pointerOf } from '../../parse/kubernetes/types.js';
import { defineRule } from '../define-rule.js';
import type { RelatedHop } from '../define-rule.js';

export const modelVolumeWritable = defineRule({
  meta: {
    id: 'IG-K8S-012',
    name: 'model-volume-writable',
    title: 'Model weights volume mounted writable into the serving container',
    severity: 'medium',
    rationale:
      "A model server only needs to read its model directory. When that directory is on a volume that outlives the pod (a PersistentVolumeClaim, a hostPath, an NFS export, a CSI volume) and the server's mount is read-write, any code execution in the server (a pickle or a Python handler in a model file, a server CVE) can rewrite the weights, the model config or the handler code on the volume. The tampering survives restarts and redeploys, reaches every replica that mounts the same storage, and is loaded as the trusted model on the next start.\n\nThe rule reads where each recognised server keeps its models: Triton `--model-repository`, TorchServe `--model-store` / `model_store` (and the official image's `/home/model-server/model-store`), TF Serving `--model_base_path`, `--model_config_file` and its `base_path` entries (and the image's `${MODEL_BASE_PATH}/${MODEL_NAME}`), vLLM `--model`, TGI `MODEL_ID` when it is a local path, KServe `--model_dir` and `/mnt/models`. It finds the mount that backs the path (longest mount path, `subPath` aware) and reports when that mount lacks `readOnly: true` and neither the volume source forces read-only nor the volume is pod-scoped. ConfigMap, Secret, projected, downwardAPI and image volumes are always read-only; an emptyDir (for example one an init container fills) is gone with the pod and is not reported. For an InferenceService, KServe mounts the `pvc://` claim and the storage initializer's emptyDir read-only unless the annotation `storage.kserve.io/readonly: \"false\"` says otherwise; that annotation with a `pvc://` storage URI is reported. Hub ids, object-store URIs and Ollama's own model store (which `ollama pull` writes by design) are not local model paths and are not checked.",
    remediation:
      'Mount the model volume with `readOnly: true` (and `persistentVolumeClaim.readOnly: true`), and write models from a separate job or an init container with its own read-write mount, ideally under a different identity. For KServe, drop `storage.kserve.io/readonly: "false"`. If the server must write somewhere (a compile cache, a download cache), give it a separate emptyDir or cache volume that is not the model directory.',
    references: [
      'https://kubernetes.io/docs/concepts/storage/volumes/',
      'https://github.com/triton-inference-server/server/blob/main/docs/customization_guide/deploy.md',
      'https://github.com/kserve/kserve/blob/master/pkg/webhook/admission/pod/storage_initializer_injector.go',
      'https://github.com/tensorflow/serving/blob/master/tensorflow_serving/tools/docker/Dockerfile',
      'https://github.com/pytorch/serve/blob/master/docker/config.properties',
    ],
    mappings: { stride: ['T'], atlas: ['AML.T0018.000'], owasp: ['ML10'], nist: ['SI-7', 'AC-6'] },
    targets: ['k8s:Workload', 'k8s:InferenceService', 'k8s:PersistentVolumeClaim'],
    fix: 'none',
    messages: {
      modelVolumeWritable:
        "Container '{{container}}' ({{server}}) reads {{what}} from {{source}}, which is on {{volume}} mounted read-write at {{mountPath}}: code running in the server can rewrite the model, and the change outlives the pod.",
      kserveReadonlyDisabled:
        "Container '{{container}}' ({{server}}) reads its model from {{volume}}, and `{{annotation}}: \"false\"` makes KServe mount it read-write at {{mountPath}}: code running in the server can rewrite the model, and the change outlives the pod.",
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
          persistentVolumeClaim: { claimName: triton-models }
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
          persistentVolumeClaim: { claimName: triton-models }
`,
    },
  },
  create(context) {
    return {
      container(container) {
        const server = modelServerFacts(context.model, container);
        if (!server) return;
        const reported = new Set<string>();
        for (const modelPath of modelPaths(context.model, server)) {
          if (modelPath.role === 'libraries') continue;
          const volume = pathVolume(context.model, container, modelPath.path);
          if (!volume || !persistentlyWritableByServer(volume)) continue;
          // One finding per mount: several model paths on the same volume are one problem.
          const key = pointerOf(volume.at.path);
          if (reported.has(key)) continue;
          reported.add(key);
          const related: RelatedHop[] = [];
          if (modelPath.setting) related.push({ at: modelPath.setting.node, message: `model path: ${modelPath.description}` });
          if (volume.volume) related.push({ at: volume.volume, message: `the volume: ${volume.description}` });
          const data = {
            container: container.name || '(unnamed)',
            server: server.info.title,
            what: modelPath.role === 'model-config' ? 'its model config' : 'its models',
            source: `${modelPath.path} (${modelPath.description})`,
            volume: volume.description,
            mountPath: volume.mountPath,
            annotation: KSERVE_STORAGE_READONLY_ANNOTATION,
          };
          context.report({ messageId: volume.mount ? 'modelVolumeWritable' : 'kserveReadonlyDisabled', data, at: volume.at, related });
        }
      },
    };
  },
});
