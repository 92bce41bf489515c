import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { modelServerFacts } from './model-server.js';
import { containerNamed, lineOfNode, modelOf } from './ml-testing.js';
import { cachePaths, describeWriters, localPath, modelPaths, mountStorage, pathStorage, pathVolume, persistentlyWritableByServer, sameStorage, tfServingBasePaths } from './model-volumes.js';
import type { MountStorage, PathVolume } from './model-volumes.js';

function volumeOf(yaml: string, container: string, path: string): PathVolume | undefined {
  const model = modelOf(yaml);
  return pathVolume(model, containerNamed(model, container), path);
}

function summary(volume: PathVolume | undefined): { source: string | undefined; serverWrites: boolean | undefined; persistent: boolean | undefined; writers: string[] } | undefined {
  return volume && { source: volume.source, serverWrites: volume.serverWrites, persistent: volume.persistent, writers: volume.writers.map((writer) => writer.kind) };
}

const POD = (volumes: string, mounts: string, extra = ''): string => `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: serving}
spec:
  volumes:
${volumes}
  containers:
    - name: server
      image: nvcr.io/nvidia/tritonserver:25.07-py3
      volumeMounts:
${mounts}
${extra}`;

describe('localPath', () => {
  test('absolute paths are normalised; URLs, relative paths and variables are not local paths', () => {
    assert.equal(localPath('/models//a/./b/'), '/models/a/b');
    assert.equal(localPath('file:///mnt/models'), '/mnt/models');
    assert.equal(localPath('/'), '/');
    assert.equal(localPath('s3://bucket/models'), undefined);
    assert.equal(localPath('meta-llama/Llama-3.1-8B'), undefined);
    assert.equal(localPath('$(MODEL_DIR)/a'), undefined);
    assert.equal(localPath('/models/${NAME}'), undefined);
    assert.equal(localPath('/models/../etc'), undefined);
  });
});

describe('pathVolume', () => {
  test('a claim mounted without readOnly: the server writes a volume that outlives the pod', () => {
    const volume = volumeOf(POD('    - {name: models, persistentVolumeClaim: {claimName: repo}}', '        - {name: models, mountPath: /models}'), 'server', '/models/resnet');
    assert.deepEqual(summary(volume), { source: 'persistentVolumeClaim', serverWrites: true, persistent: true, writers: ['server'] });
    assert.equal(volume?.description, 'PersistentVolumeClaim repo (volume models)');
    assert.equal(volume && persistentlyWritableByServer(volume), true);
  });

  test('readOnly on the mount or on the claim source makes it read-only; `readOnly: false` is where a finding goes', () => {
    assert.equal(volumeOf(POD('    - {name: models, persistentVolumeClaim: {claimName: repo}}', '        - {name: models, mountPath: /models, readOnly: true}'), 'server', '/models')?.serverWrites, false);
    assert.equal(volumeOf(POD('    - {name: models, persistentVolumeClaim: {claimName: repo, readOnly: true}}', '        - {name: models, mountPath: /models}'), 'server', '/models')?.serverWrites, false);
    const model = modelOf(POD('    - {name: models, persistentVolumeClaim: {claimName: repo}}', '        - name: models\n          mountPath: /models\n          readOnly: false'));
    const volume = pathVolume(model, containerNamed(model, 'server'), '/models/a');
    assert.deepEqual(volume?.at.path.slice(-1), ['readOnly']);
    assert.equal(volume && lineOfNode(volume.at), 13);
  });

  test('readOnly written as a string is not readable: unknown', () => {
    assert.equal(volumeOf(POD('    - {name: models, persistentVolumeClaim: {claimName: repo}}', '        - {name: models, mountPath: /models, readOnly: "true"}'), 'server', '/models')?.serverWrites, undefined);
  });

  test('ConfigMap, Secret, projected, downwardAPI and image volumes are always read-only and pod-scoped', () => {
    for (const source of ['configMap: {name: c}', 'secret: {secretName: s}', 'projected: {sources: []}', 'downwardAPI: {items: []}', 'image: {reference: "registry.example.com/models/resnet:1"}']) {
      const volume = volumeOf(POD(`    - {name: models, ${source}}`, '        - {name: models, mountPath: /models}'), 'server', '/models');
      assert.equal(volume?.serverWrites, false, source);
      assert.equal(volume?.persistent, false, source);
      assert.deepEqual(volume?.writers, [], source);
    }
  });

  test('an emptyDir filled by an init container: writable by the server but gone with the pod, no other writer', () => {
    const yaml = POD('    - {name: models, emptyDir: {}}', '        - {name: models, mountPath: /models}', '  initContainers:\n    - name: fetch\n      image: amazon/aws-cli:2.17.0\n      volumeMounts:\n        - {name: models, mountPath: /models}\n');
    assert.deepEqual(summary(volumeOf(yaml, 'server', '/models')), { source: 'emptyDir', serverWrites: true, persistent: false, writers: [] });
  });

  test('an emptyDir a long-running sibling writes (a sync sidecar, a native sidecar init container) has other writers', () => {
    const sidecar = POD('    - {name: models, emptyDir: {}}', '        - {name: models, mountPath: /models, readOnly: true}', '    - name: sync\n      image: amazon/aws-cli:2.17.0\n      volumeMounts:\n        - {name: models, mountPath: /data}\n');
    assert.deepEqual(summary(volumeOf(sidecar, 'server', '/models/a')), { source: 'emptyDir', serverWrites: false, persistent: false, writers: ['sidecar'] });
    const native = POD('    - {name: models, emptyDir: {}}', '        - {name: models, mountPath: /models, readOnly: true}', '  initContainers:\n    - name: sync\n      image: amazon/aws-cli:2.17.0\n      restartPolicy: Always\n      volumeMounts:\n        - {name: models, mountPath: /data}\n');
    assert.deepEqual(summary(volumeOf(native, 'server', '/models/a'))?.writers, ['sidecar']);
    const readOnlySidecar = sidecar.replace('{name: models, mountPath: /data}', '{name: models, mountPath: /data, readOnly: true}');
    assert.deepEqual(summary(volumeOf(readOnlySidecar, 'server', '/models/a'))?.writers, []);
  });

  test('a sibling writing another subPath of the volume does not write the model directory', () => {
    const yaml = POD('    - {name: data, emptyDir: {}}', '        - {name: data, mountPath: /models, subPath: models, readOnly: true}', '    - name: logger\n      image: fluent/fluent-bit:3.1\n      volumeMounts:\n        - {name: data, mountPath: /logs, subPath: logs}\n');
    assert.deepEqual(summary(volumeOf(yaml, 'server', '/models/a'))?.writers, []);
    const overlapping = yaml.replace('subPath: logs', 'subPath: models/a');
    assert.deepEqual(summary(volumeOf(overlapping, 'server', '/models/a'))?.writers, ['sidecar']);
  });

  test('hostPath: anything on the node can write it, even through a read-only mount', () => {
    const volume = volumeOf(POD('    - {name: models, hostPath: {path: /srv/models}}', '        - {name: models, mountPath: /models, readOnly: true}'), 'server', '/models');
    assert.deepEqual(summary(volume), { source: 'hostPath', serverWrites: false, persistent: true, writers: ['node'] });
    assert.equal(volume?.description, 'hostPath /srv/models (volume models)');
    const writable = volumeOf(POD('    - {name: models, hostPath: {path: /srv/models}}', '        - {name: models, mountPath: /models}'), 'server', '/models');
    assert.equal(describeWriters(writable?.writers ?? []), 'the server itself (read-write mount at /models) and anything on the node that writes /srv/models (hostPath)');
  });

  test('a ReadWriteMany claim in the scan: other pods write it even when this mount is read-only; ReadOnlyMany only is unknown', () => {
    const claim = (modes: string): string => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: repo, namespace: serving}\nspec:\n  accessModes: [${modes}]\n---\n`;
    const pod = POD('    - {name: models, persistentVolumeClaim: {claimName: repo, readOnly: true}}', '        - {name: models, mountPath: /models, readOnly: true}');
    assert.deepEqual(summary(volumeOf(claim('ReadWriteMany') + pod, 'server', '/models')), { source: 'persistentVolumeClaim', serverWrites: false, persistent: true, writers: ['other-pods'] });
    assert.deepEqual(summary(volumeOf(claim('ReadWriteOnce') + pod, 'server', '/models'))?.writers, []);
    const writable = POD('    - {name: models, persistentVolumeClaim: {claimName: repo}}', '        - {name: models, mountPath: /models}');
    assert.equal(volumeOf(claim('ReadOnlyMany') + writable, 'server', '/models')?.serverWrites, undefined);
  });

  test('the longest mount path wins, subPath file mounts included', () => {
    const yaml = POD('    - {name: models, persistentVolumeClaim: {claimName: repo}}\n    - {name: config, configMap: {name: triton-config}}', '        - {name: models, mountPath: /models}\n        - {name: config, mountPath: /models/resnet/config.pbtxt, subPath: config.pbtxt}');
    assert.equal(volumeOf(yaml, 'server', '/models/resnet/config.pbtxt')?.source, 'configMap');
    assert.equal(volumeOf(yaml, 'server', '/models/resnet/1')?.source, 'persistentVolumeClaim');
    assert.equal(volumeOf(yaml, 'server', '/opt/tritonserver/backends'), undefined);
  });

  test('a StatefulSet claim template is a persistent claim; a mount of a volume not written here is unknown', () => {
    const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: s, namespace: serving}
spec:
  selector: {matchLabels: {app: s}}
  template:
    metadata: {labels: {app: s}}
    spec:
      containers:
        - name: server
          image: vllm/vllm-openai:v0.6.3
          volumeMounts:
            - {name: weights, mountPath: /weights}
            - {name: elsewhere, mountPath: /other}
  volumeClaimTemplates:
    - metadata: {name: weights}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 100Gi}}}
`;
    const volume = volumeOf(statefulSet, 'server', '/weights/llama');
    assert.deepEqual(summary(volume), { source: 'volumeClaimTemplate', serverWrites: true, persistent: true, writers: ['server'] });
    assert.equal(volume?.description, 'claim template weights (volume weights)');
    assert.deepEqual(summary(volumeOf(statefulSet, 'server', '/other')), { source: undefined, serverWrites: undefined, persistent: undefined, writers: [] });
  });

  test("KServe's /mnt/models: read-only unless storage.kserve.io/readonly is \"false\"; a pvc:// claim is persistent, the initializer's emptyDir is not", () => {
    const isvc = (annotation: string, uri: string): string => `apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata:
  name: resnet
  namespace: serving
${annotation}spec:
  predictor:
    model:
      modelFormat: {name: onnx}
      storageUri: ${uri}
`;
    const writable = '  annotations:\n    storage.kserve.io/readonly: "false"\n';
    const pvc = volumeOf(isvc(writable, 'pvc://models/resnet'), 'kserve-container', '/mnt/models');
    assert.deepEqual(summary(pvc), { source: 'persistentVolumeClaim', serverWrites: true, persistent: true, writers: ['server'] });
    assert.deepEqual(pvc?.at.path.slice(-1), ['storage.kserve.io/readonly']);
    assert.deepEqual(summary(volumeOf(isvc('', 'pvc://models/resnet'), 'kserve-container', '/mnt/models')), { source: 'persistentVolumeClaim', serverWrites: false, persistent: true, writers: [] });
    assert.deepEqual(summary(volumeOf(isvc(writable, 's3://models/resnet'), 'kserve-container', '/mnt/models')), { source: 'emptyDir', serverWrites: true, persistent: false, writers: [] });
    assert.equal(volumeOf(isvc(writable, 'oci://registry.example.com/models/resnet:1'), 'kserve-container', '/mnt/models'), undefined);
    assert.equal(volumeOf(isvc(writable, 'oci+native://registry.example.com/models/resnet:1'), 'kserve-container', '/mnt/models'), undefined);
  });
});

describe('modelPaths', () => {
  const pathsOf = (yaml: string, name: string): string[] => {
    const model = modelOf(yaml);
    const server = modelServerFacts(model, containerNamed(model, name));
    assert.ok(server);
    return modelPaths(model, server).map((entry) => `${entry.role} ${entry.path} <- ${entry.description}`);
  };

  test('Triton: every --model-repository, and the library directories with their defaults', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata: {name: t}\nspec:\n  containers:\n    - name: triton\n      image: nvcr.io/nvidia/tritonserver:25.07-py3\n      args: [tritonserver, --model-repository=/models/a, --model-repository=s3://bucket/b, --backend-directory=/backends]\n';
    assert.deepEqual(pathsOf(yaml, 'triton'), [
      'models /models/a <- --model-repository=/models/a',
      'libraries /backends <- --backend-directory=/backends',
      'libraries /opt/tritonserver/repoagents <- the default of --repoagent-directory',
      'libraries /opt/tritonserver/caches <- the default of --cache-directory',
    ]);
  });

  test("TF Serving: --model_config_file with its base_path entries from a scanned ConfigMap, else --model_base_path, else the image's default", () => {
    const config = `apiVersion: v1
kind: ConfigMap
metadata: {name: tfs-config}
data:
  models.config: |
    model_config_list {
      config { name: 'fraud' base_path: '/models/fraud' model_platform: 'tensorflow' }
      config { name: "churn" base_path: "gs://models/churn" }
    }
---
apiVersion: v1
kind: Pod
metadata: {name: t}
spec:
  volumes:
    - {name: config, configMap: {name: tfs-config}}
  containers:
    - name: tfs
      image: tensorflow/serving:2.15.0
      args: [--model_config_file=/config/models.config, --model_base_path=/ignored]
      volumeMounts:
        - {name: config, mountPath: /config}
`;
    assert.deepEqual(pathsOf(config, 'tfs'), ['model-config /config/models.config <- --model_config_file=/config/models.config', 'models /models/fraud <- base_path in /config/models.config (ConfigMap tfs-config)']);
    const defaults = 'apiVersion: v1\nkind: Pod\nmetadata: {name: t}\nspec:\n  containers:\n    - name: tfs\n      image: tensorflow/serving:2.15.0\n      env: [{name: MODEL_NAME, value: fraud}]\n';
    assert.deepEqual(pathsOf(defaults, 'tfs'), ["models /models/fraud <- the image's --model_base_path=${MODEL_BASE_PATH}/${MODEL_NAME}"]);
    const ownCommand = defaults.replace('      env:', '      command: [tensorflow_model_server, --port=8500]\n      env:');
    assert.deepEqual(pathsOf(ownCommand, 'tfs'), []);
  });

  test('tfServingBasePaths reads both quote styles', () => {
    assert.deepEqual(tfServingBasePaths(`config { base_path: "/a" }\nconfig {\n  base_path :'/b/c'\n}`), ['/a', '/b/c']);
  });

  test("TorchServe: --model-store, else the official image's model store when its config.properties is the one read", () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata: {name: t}\nspec:\n  containers:\n    - name: ts\n      image: pytorch/torchserve:0.12.0-cpu\n';
    assert.deepEqual(pathsOf(yaml, 'ts'), ["models /home/model-server/model-store <- model_store of the image's config.properties"]);
    const flag = yaml.replace('-cpu\n', '-cpu\n      args: [torchserve, --start, --model-store=/mnt/store]\n');
    assert.deepEqual(pathsOf(flag, 'ts'), ['models /mnt/store <- --model-store=/mnt/store']);
    const ownConfig = yaml.replace('-cpu\n', '-cpu\n      args: [torchserve, --start, --ts-config=/config/config.properties]\n');
    assert.deepEqual(pathsOf(ownConfig, 'ts'), []);
  });

  test('vLLM and TGI: local model paths only, hub ids are not paths', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata: {name: t}\nspec:\n  containers:\n    - name: vllm\n      image: vllm/vllm-openai:v0.6.3\n      args: [--model, /data/llama]\n    - name: tgi\n      image: ghcr.io/huggingface/text-generation-inference:2.4.0\n      env: [{name: MODEL_ID, value: bigscience/bloom-560m}]\n';
    assert.deepEqual(pathsOf(yaml, 'vllm'), ['models /data/llama <- --model=/data/llama']);
    assert.deepEqual(pathsOf(yaml, 'tgi'), []);
  });
});

describe('cachePaths', () => {
  const cachesOf = (yaml: string, name: string): string[] => {
    const model = modelOf(yaml);
    const server = modelServerFacts(model, containerNamed(model, name));
    assert.ok(server);
    return cachePaths(server).map((entry) => `${entry.path} <- ${entry.description}`);
  };
  const pod = (containers: string): string => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${containers}`;

  test("vLLM: the Hugging Face and vLLM caches' defaults under /root, replaced by what is set", () => {
    assert.deepEqual(cachesOf(pod('    - {name: vllm, image: vllm/vllm-openai:v0.10.1}\n'), 'vllm'), ["/root/.cache/huggingface <- HF_HOME's default", "/root/.cache/vllm <- VLLM_CACHE_ROOT's default"]);
    const set = pod('    - name: vllm\n      image: vllm/vllm-openai:v0.10.1\n      args: [--download-dir, /weights]\n      env:\n        - {name: HF_HOME, value: /hf}\n        - {name: VLLM_CACHE_ROOT, value: /compile}\n');
    assert.deepEqual(cachesOf(set, 'vllm'), ['/weights <- --download-dir=/weights', '/hf <- env HF_HOME', '/compile <- env VLLM_CACHE_ROOT']);
  });

  test("a cache variable set from a Secret is unknown: no default either", () => {
    const yaml = pod('    - name: vllm\n      image: vllm/vllm-openai:v0.10.1\n      env:\n        - {name: HF_HOME, valueFrom: {secretKeyRef: {name: s, key: k}}}\n');
    assert.deepEqual(cachesOf(yaml, 'vllm'), ["/root/.cache/vllm <- VLLM_CACHE_ROOT's default"]);
  });

  test("TGI's image cache /data, NIM's /opt/nim/.cache, Ollama's model store; a Triton container given vLLM's variable", () => {
    assert.deepEqual(cachesOf(pod('    - {name: tgi, image: ghcr.io/huggingface/text-generation-inference:3.0.1}\n'), 'tgi'), ["/data <- the image's Hugging Face cache"]);
    assert.deepEqual(cachesOf(pod('    - {name: tgi, image: ghcr.io/huggingface/text-generation-inference:3.0.1, args: [--huggingface-hub-cache, /hub]}\n'), 'tgi'), ['/hub <- --huggingface-hub-cache=/hub']);
    assert.deepEqual(cachesOf(pod('    - {name: nim, image: nvcr.io/nim/meta/llama-3.1-8b-instruct:1.3.3}\n'), 'nim'), ["/opt/nim/.cache <- NIM_CACHE_PATH's default"]);
    assert.deepEqual(cachesOf(pod('    - {name: ollama, image: ollama/ollama:0.5.7}\n'), 'ollama'), ["/root/.ollama/models <- OLLAMA_MODELS' default"]);
    const triton = pod('    - name: triton\n      image: nvcr.io/nvidia/tritonserver:25.07-vllm-python-py3\n      env: [{name: VLLM_CACHE_ROOT, value: /cache/vllm}]\n');
    assert.deepEqual(cachesOf(triton, 'triton'), ['/cache/vllm <- env VLLM_CACHE_ROOT']);
  });
});

describe('mountStorage and pathStorage', () => {
  const POD2 = (volumes: string, mounts: string, namespace = 'serving'): string => `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ${namespace}}
spec:
  volumes:
${volumes}
  containers:
    - name: c
      image: busybox:1.36
      volumeMounts:
${mounts}
`;
  const storageOf = (yaml: string, index = 0): MountStorage | undefined => {
    const model = modelOf(yaml);
    const container = containerNamed(model, 'c');
    const mount = container.node.get('volumeMounts').items()[index];
    assert.ok(mount);
    return mountStorage(model, container.workload, mount);
  };
  const spaces = (storage: MountStorage | undefined): string[] => (storage?.locations ?? []).map((location) => `${location.space} ${location.path}${location.oneNode ? ' one-node' : ''}`);
  const claim = (name: string, modes: string, extra = ''): string => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: ${name}, namespace: serving}\nspec:\n  accessModes: [${modes}]\n${extra}---\n`;

  test('a claim in the scan: its namespace and name, the subPath, ReadWriteOnce shared on one node only', () => {
    const pod = POD2('    - {name: v, persistentVolumeClaim: {claimName: cache}}', '        - {name: v, mountPath: /data, subPath: a/b}');
    assert.deepEqual(spaces(storageOf(claim('cache', 'ReadWriteMany') + pod)), ['pvc:serving/cache a/b']);
    assert.deepEqual(spaces(storageOf(claim('cache', 'ReadWriteOnce') + pod)), ['pvc:serving/cache a/b one-node']);
    assert.equal(storageOf(claim('cache', 'ReadWriteMany') + pod)?.writable, true);
  });

  test('nothing for a claim not in the scan, a templated claim, ReadWriteOncePod, subPathExpr; ReadOnlyMany only is not writable', () => {
    const pod = (name: string, mount = '{name: v, mountPath: /data}'): string => POD2(`    - {name: v, persistentVolumeClaim: {claimName: "${name}"}}`, `        - ${mount}`);
    assert.deepEqual(spaces(storageOf(pod('cache'))), []);
    assert.deepEqual(spaces(storageOf(claim('cache', 'ReadWriteMany') + pod('{{ .Values.claim }}'))), []);
    assert.deepEqual(spaces(storageOf(claim('cache', 'ReadWriteOncePod') + pod('cache'))), []);
    assert.equal(storageOf(claim('cache', 'ReadWriteMany') + pod('cache', '{name: v, mountPath: /data, subPathExpr: $(POD)}')), undefined);
    const readOnlyMany = storageOf(claim('cache', 'ReadOnlyMany') + pod('cache'));
    assert.deepEqual([spaces(readOnlyMany), readOnlyMany?.writable], [['pvc:serving/cache '], false]);
  });

  test('read-only on the mount or the source; readOnly written as a string is unknown; ConfigMaps are never writable', () => {
    const nfs = (source: string, mount: string): MountStorage | undefined => storageOf(POD2(`    - {name: v, nfs: {server: NFS.example.com, path: /exports/${source}}}`, `        - {name: v, mountPath: /data${mount}}`));
    assert.deepEqual(spaces(nfs('a/', '')), ['nfs:nfs.example.com exports/a']);
    assert.equal(nfs('a', '')?.writable, true);
    assert.equal(nfs('a', ', readOnly: true')?.writable, false);
    assert.equal(nfs('a, readOnly: true', '')?.writable, false);
    assert.equal(nfs('a', ', readOnly: "true"')?.writable, undefined);
    assert.equal(storageOf(POD2('    - {name: v, configMap: {name: m}}', '        - {name: v, mountPath: /data}'))?.writable, false);
  });

  test('hostPath: the host directory, one inside the other overlaps; emptyDir and inline CSI are the pod\'s own', () => {
    const host = storageOf(POD2('    - {name: v, hostPath: {path: /mnt/models/}}', '        - {name: v, mountPath: /data, subPath: llama}'));
    const wider = storageOf(POD2('    - {name: v, hostPath: {path: /mnt}}', '        - {name: v, mountPath: /data}'));
    const sibling = storageOf(POD2('    - {name: v, hostPath: {path: /mnt/other}}', '        - {name: v, mountPath: /data}'));
    assert.deepEqual(spaces(host), ['host mnt/models/llama']);
    const [a, b, c] = [host?.locations[0], wider?.locations[0], sibling?.locations[0]];
    assert.ok(a && b && c);
    assert.equal(sameStorage(a, b), true);
    assert.equal(sameStorage(a, c), false);
    assert.deepEqual(spaces(storageOf(POD2('    - {name: v, emptyDir: {}}', '        - {name: v, mountPath: /data}'))), []);
    assert.deepEqual(spaces(storageOf(POD2('    - {name: v, csi: {driver: secrets-store.csi.k8s.io}}', '        - {name: v, mountPath: /data}'))), []);
  });

  test("a claim's PersistentVolume: its NFS export, host path or CSI handle; not when another claim names the same volume", () => {
    const pv = (name: string, source: string): string => `apiVersion: v1\nkind: PersistentVolume\nmetadata: {name: ${name}}\nspec:\n  accessModes: [ReadWriteMany]\n  ${source}\n---\n`;
    const pod = POD2('    - {name: v, persistentVolumeClaim: {claimName: cache}}', '        - {name: v, mountPath: /data, subPath: x}');
    const bound = claim('cache', 'ReadWriteMany', '  volumeName: pv-a\n');
    assert.deepEqual(spaces(storageOf(pv('pv-a', 'nfs: {server: nfs.example.com, path: /exports}') + bound + pod)), ['pvc:serving/cache x', 'nfs:nfs.example.com exports/x']);
    assert.deepEqual(spaces(storageOf(pv('pv-a', 'csi: {driver: efs.csi.aws.com, volumeHandle: fs-123}') + bound + pod)), ['pvc:serving/cache x', 'csi:efs.csi.aws.com:fs-123 x']);
    const preBound = pv('pv-b', 'hostPath: {path: /srv}\n  claimRef: {name: cache, namespace: serving}');
    assert.deepEqual(spaces(storageOf(preBound + claim('cache', 'ReadWriteMany') + pod)), ['pvc:serving/cache x', 'host srv/x']);
    const rival = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: other, namespace: elsewhere}\nspec:\n  accessModes: [ReadWriteMany]\n  volumeName: pv-a\n---\n';
    assert.deepEqual(spaces(storageOf(pv('pv-a', 'nfs: {server: nfs.example.com, path: /exports}') + rival + bound + pod)), ['pvc:serving/cache x']);
  });

  test("pathStorage: the mount behind a model path, and KServe's pvc:// claim with the path inside it", () => {
    const yaml = `${claim('cache', 'ReadWriteMany')}${POD2('    - {name: v, persistentVolumeClaim: {claimName: cache}}', '        - {name: v, mountPath: /data, readOnly: true}')}`;
    const model = modelOf(yaml);
    const found = pathStorage(model, containerNamed(model, 'c'), '/data/hf/hub');
    assert.deepEqual([spaces(found?.storage), found?.storage.writable], [['pvc:serving/cache hf/hub'], false]);
    const isvc = `${claim('models', 'ReadWriteMany')}apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: iris, namespace: serving}
spec:
  predictor:
    model:
      modelFormat: {name: sklearn}
      storageUri: pvc://models/iris/v1
`;
    const kserve = modelOf(isvc);
    assert.deepEqual(spaces(pathStorage(kserve, containerNamed(kserve, 'kserve-container'), '/mnt/models')?.storage), ['pvc:serving/models iris/v1']);
  });
});
