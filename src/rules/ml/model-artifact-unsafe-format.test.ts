import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleTester } from '../../testing/rule-tester.js';
import { modelArtifactUnsafeFormat, unsafeArtifact } from './model-artifact-unsafe-format.js';

ruleTester(modelArtifactUnsafeFormat, {
  fixtures: 'src/rules/ml/__fixtures__/model-artifact-unsafe-format',
  valid: [{ name: 'a directory URI, ONNX, safetensors in model-settings.json, a pickle in a key MLServer does not read, a Hub id, an OpenVINO .bin', file: 'pass-safe-formats.yaml' }],
  invalid: [
    {
      name: 'joblib and .pth storage URIs, a pickle in MLServer model-settings.json, a TorchServe .mar, a Hugging Face pytorch_model.bin',
      file: 'fail-pickles.yaml',
      errors: [
        { line: 9, messageId: 'storageUri', severity: 'medium' },
        { line: 20, messageId: 'storageUri' },
        { line: 28, messageId: 'modelSettings' },
        { line: 50, messageId: 'modelSource' },
        { line: 53, messageId: 'modelSource' },
      ],
    },
  ],
});

test('only references that name a code-executing file count', () => {
  assert.equal(unsafeArtifact('s3://b/m/')?.format, undefined);
  assert.equal(unsafeArtifact('s3://b/m/model.safetensors'), undefined);
  assert.equal(unsafeArtifact('s3://b/m/model.bin'), undefined);
  assert.equal(unsafeArtifact('hf://org/repo/pytorch_model-00001-of-00002.bin')?.file, 'pytorch_model-00001-of-00002.bin');
  assert.equal(unsafeArtifact('gs://b/x.PKL#frag')?.format, 'Python pickle');
  assert.equal(unsafeArtifact('resnet=resnet-18.mar')?.file, 'resnet-18.mar');
  assert.equal(unsafeArtifact('s3://b/model.ckpt.index'), undefined);
});
