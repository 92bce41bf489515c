import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { SourceFile } from '../../source/source-file.js';
import { modelVolumeWritable } from './model-volume-writable.js';

const FIXTURES = 'src/rules/k8s/__fixtures__/model-volume-writable';

ruleTester(modelVolumeWritable, {
  fixtures: FIXTURES,
  valid: [
    { name: 'readOnly on the mount or the claim source, ConfigMap-held config, a read-only home directory', file: 'pass-read-only-mounts.yaml' },
    { name: 'emptyDir filled by an init container, hub ids with cache claims, Ollama, a volume not in the manifest', file: 'pass-pod-scoped-and-unknown.yaml' },
    { name: 'KServe read-only defaults, an object-store URI with readonly "false", a ServingRuntime', file: 'pass-kserve-defaults.yaml' },
  ],
  invalid: [
    { name: "TorchServe's image model store on a hostPath", file: 'fail-torchserve-hostpath.yaml', errors: [{ line: 31, messageId: 'modelVolumeWritable', severity: 'medium' }] },
    { name: 'vLLM serving a local path from a StatefulSet claim template', file: 'fail-vllm-statefulset.yaml', errors: [{ line: 37, messageId: 'modelVolumeWritable' }] },
    { name: 'TF Serving on a CSI bucket mount with readOnly: false written (no polling: still persistent tampering)', file: 'fail-tf-serving-readonly-false.yaml', errors: [{ line: 26, messageId: 'modelVolumeWritable' }] },
    {
      name: 'KServe pvc:// with storage.kserve.io/readonly "false"; TGI with the same local path twice on one claim',
      file: 'fail-kserve-pvc-writable.yaml',
      errors: [
        { line: 8, messageId: 'kserveReadonlyDisabled' },
        { line: 35, messageId: 'modelVolumeWritable' },
      ],
    },
  ],
});

test('IG-K8S-012 names the path, where it is set and the volume', () => {
  const path = `${FIXTURES}/fail-torchserve-hostpath.yaml`;
  const [finding] = findingsOf(modelVolumeWritable, new SourceFile(path, readFileSync(path, 'utf8')));
  assert.equal(
    finding?.message,
    "Container 'torchserve' (TorchServe) reads its models from /home/model-server/model-store (model_store of the image's config.properties), which is on hostPath /host/model_store (volume model-store) mounted read-write at /home/model-server/model-store: code running in the server can rewrite the model, and the change outlives the pod.",
  );
  const kserve = `${FIXTURES}/fail-kserve-pvc-writable.yaml`;
  const messages = findingsOf(modelVolumeWritable, new SourceFile(kserve, readFileSync(kserve, 'utf8'))).map((each) => each.message);
  assert.ok(messages.includes("Container 'kserve-container' (TorchServe) reads its model from PersistentVolumeClaim model-store-claim (storageUri pvc://model-store-claim/bert, mounted by KServe), and `storage.kserve.io/readonly: \"false\"` makes KServe mount it read-write at /mnt/models: code running in the server can rewrite the model, and the change outlives the pod."), messages.join('\n'));
});
