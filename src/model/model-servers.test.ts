import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imageRepository, modelServerOf } from './model-servers.js';
import { loadYamlStream } from '../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../source/source-file.js';
import { adaptKubernetes } from './adapt/kubernetes.js';
import type { ContainerRef } from './kubernetes.js';

function containerFromYaml(containerYaml: string): ContainerRef {
  const indented = containerYaml.trimEnd().split('\n').map((line, index) => (index === 0 ? `    - ${line}` : `      ${line}`)).join('\n');
  const pod = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${indented}\n`;
  const container = adaptKubernetes(loadYamlStream(new SourceFile('pod.yaml', pod))).model.workloads[0]?.containers[0];
  assert.ok(container, pod);
  return container;
}

const cases: ReadonlyArray<[string, string, ReturnType<typeof modelServerOf>]> = [
  ['triton server', 'image: nvcr.io/nvidia/tritonserver:24.01-py3', 'triton'],
  ['triton client SDK is not a server', 'image: nvcr.io/nvidia/tritonserver:24.01-py3-sdk', undefined],
  ['mirror prefix ignored', 'image: mirror.example.com:5000/proxy/vllm/vllm-openai:v0.6.0', 'vllm'],
  ['digest only', 'image: tensorflow/serving@sha256:' + 'a'.repeat(64), 'tf-serving'],
  ['command signature', 'image: python:3.11\ncommand: [tensorflow_model_server]', 'tf-serving'],
  ['vllm entrypoint in args', 'image: python:3.11\nargs: ["python", "-m", "vllm.entrypoints.openai.api_server"]', 'vllm'],
  ['plain web server', 'image: nginx:1.27', undefined],
];

for (const [name, yaml, expected] of cases) {
  test(`modelServerOf: ${name}`, () => {
    const container: ContainerRef = containerFromYaml(`name: c\n${yaml}\n`);
    assert.equal(modelServerOf(container), expected);
  });
}

test('imageRepository drops registry host, tag and digest', () => {
  assert.equal(imageRepository('ghcr.io/a/b:1.0@sha256:abc'), 'a/b');
  assert.equal(imageRepository('localhost:5000/x'), 'x');
  assert.equal(imageRepository('ollama/ollama'), 'ollama/ollama');
});
