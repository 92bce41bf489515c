import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import { imageNotPinned } from '../k8s/image-not-pinned.js';
import { mostSpecificFindings, summarize } from '../../testing/most-specific-tester.js';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { modelServerImageUnpinned } from './model-server-image-unpinned.js';

const FIXTURES = 'src/rules/ml/__fixtures__/model-server-image-unpinned';

ruleTester(modelServerImageUnpinned, {
  fixtures: FIXTURES,
  valid: [
    { name: 'digests (also from a mirror), a templated image, a non-server sidecar', file: 'pass-digests.yaml' },
    { name: 'allowedRegistries lists the mirror: a digest from it is silent', file: 'pass-digests.yaml', options: { allowedRegistries: ['mirror.example.com'] } },
    {
      name: 'an allowlisted prefix spelled with a trailing slash, upper case and Docker Hub alias',
      code: `apiVersion: v1
kind: Pod
metadata: { name: tgi, namespace: serving }
spec:
  containers:
    - name: tgi
      image: Registry.Corp.Example/Mirror/huggingface/text-generation-inference:3.3.4@sha256:${'6'.repeat(64)}
    - name: ollama
      image: index.docker.io/corpmirror/ollama/ollama:0.12.6@sha256:${'7'.repeat(64)}
`,
      options: { allowedRegistries: ['REGISTRY.corp.example/mirror/', 'index.docker.io/corpmirror'] },
    },
  ],
  invalid: [
    {
      name: 'vendor tag, a mirror tag, a custom image running vLLM, latest; the init container is not a server',
      file: 'fail-tags.yaml',
      errors: [
        { line: 18, messageId: 'unpinned', severity: 'medium' },
        { line: 20, messageId: 'unpinnedThirdParty' },
        { line: 22, messageId: 'unpinned' },
        { line: 25, messageId: 'unpinned' },
      ],
    },
    {
      name: 'with the mirror allowlisted, its unpinned image is only unpinned',
      file: 'fail-tags.yaml',
      options: { allowedRegistries: ['mirror.example.com/nvidia'] },
      errors: [
        { line: 18, messageId: 'unpinned' },
        { line: 20, messageId: 'unpinned' },
        { line: 22, messageId: 'unpinned' },
        { line: 25, messageId: 'unpinned' },
      ],
    },
    {
      name: 'allowedRegistries set: other registries are reported, digest or not; allowed mirrors, the vendor and custom builds are not',
      file: 'fail-mirrors.yaml',
      options: { allowedRegistries: ['registry.corp.example/mirror', 'harbor.corp.example:8443'] },
      errors: [
        { line: 17, messageId: 'unpinned', severity: 'medium' },
        { line: 20, messageId: 'unpinnedThirdParty', severity: 'medium' },
        { line: 23, messageId: 'unexpectedRegistry', severity: 'medium' },
      ],
    },
    {
      name: 'no allowlist: a digest is enough from any registry; tags are reported as before',
      file: 'fail-mirrors.yaml',
      errors: [
        { line: 17, messageId: 'unpinnedThirdParty' },
        { line: 20, messageId: 'unpinnedThirdParty' },
      ],
    },
  ],
});

test('IG-ML-071 messages name the allowed mirrors', () => {
  const findings = findingsOf(modelServerImageUnpinned, new SourceFile(`${FIXTURES}/fail-mirrors.yaml`, readFileSync(`${FIXTURES}/fail-mirrors.yaml`, 'utf8')), {
    allowedRegistries: ['registry.corp.example/mirror', 'harbor.corp.example:8443'],
  });
  assert.deepEqual(
    findings.map((finding) => finding.message),
    [
      "Container 'vllm' runs vLLM from `registry.corp.example/mirror/vllm/vllm-openai:v0.11.0` without a digest: whoever can move the tag changes the server's code.",
      "Container 'tgi' runs Hugging Face Text Generation Inference from `registry.corp.example/scratch/huggingface/text-generation-inference:3.3.4`, a registry outside the vendor's own (ghcr.io/huggingface) and the allowed mirrors (registry.corp.example/mirror, harbor.corp.example:8443), without a digest: whoever controls that registry decides the server's code.",
      "Container 'triton' runs NVIDIA Triton Inference Server from `mirror.example.com/nvidia/tritonserver:25.08-py3@sha256:2222222222222222222222222222222222222222222222222222222222222222`, a registry outside the vendor's own (nvcr.io/nvidia) and the allowed mirrors (registry.corp.example/mirror, harbor.corp.example:8443): the digest fixes the bytes, not who built them.",
    ],
  );
});

test('IG-ML-071 takes over IG-K8S-113 on model-server images; other images stay with IG-K8S-113', () => {
  assert.deepEqual(summarize(mostSpecificFindings([imageNotPinned, modelServerImageUnpinned], `${FIXTURES}/fail-tags.yaml`)), [
    'IG-K8S-113@15 low',
    'IG-ML-071@18 medium [IG-K8S-113]',
    'IG-ML-071@20 medium [IG-K8S-113]',
    'IG-ML-071@22 medium [IG-K8S-113]',
    'IG-ML-071@25 high [IG-K8S-113]',
  ]);
});
