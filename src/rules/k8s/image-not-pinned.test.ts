import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { runRules } from '../../engine/run-rules.js';
import { adaptKubernetes } from '../../model/adapt/kubernetes.js';
import { loadYamlStream } from '../../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../../source/source-file.js';
import { ruleTester } from '../../testing/rule-tester.js';
import { imageNotPinned, isRollingTag, parseImageReference } from './image-not-pinned.js';

const fixtures = 'src/rules/k8s/__fixtures__/image-not-pinned';

ruleTester(imageNotPinned, {
  fixtures,
  valid: [
    { name: 'digests, tool-substituted images, non-string image, ConfigMap look-alike', file: 'pass-pinned.yaml' },
    { name: 'a kustomization alone has no container to judge', file: 'kustomization.yaml' },
    { name: 'a KServe model spec takes its image from the runtime; pinned Ray image', file: 'pass-crd.yaml' },
  ],
  invalid: [
    {
      name: 'ClusterServingRuntime on latest, Ray head by tag, Ray worker on nightly, image override in a KServe model spec',
      file: 'fail-crd.yaml',
      errors: [
        { line: 13, messageId: 'mutableTag' },
        { line: 35, messageId: 'notDigest' },
        { line: 43, messageId: 'rollingTag' },
        { line: 55, messageId: 'notDigest' },
      ],
    },
    {
      name: 'registry with a port, latest on a model server, no tag, pinned sidecar',
      file: 'fail-deployment.yaml',
      errors: [
        { line: 15, messageId: 'notDigest', severity: 'low' },
        { line: 18, messageId: 'mutableTag', severity: 'high' },
        { line: 21, messageId: 'mutableTag', severity: 'medium' },
      ],
    },
    {
      name: 'model server pinned by tag only, untagged ephemeral container',
      file: 'fail-pod.yaml',
      errors: [
        { line: 9, messageId: 'notDigest', severity: 'medium' },
        { line: 12, messageId: 'mutableTag', severity: 'medium' },
      ],
    },
    {
      name: 'a latest variant is as rolling as latest (raised on a model server)',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: "ollama/ollama:latest-rocm"\n',
      errors: [{ line: 7, messageId: 'rollingTag', severity: 'high' }],
    },
    {
      name: 'rolling tags (latest-gpu, latest-cpu, -latest, main, nightly) move like latest; dated nightly and commit builds do not',
      file: 'fail-rolling-tags.yaml',
      errors: [
        { line: 13, messageId: 'rollingTag', severity: 'high' },
        { line: 34, messageId: 'rollingTag', severity: 'high' },
        { line: 37, messageId: 'rollingTag', severity: 'medium' },
        { line: 39, messageId: 'rollingTag', severity: 'medium' },
        { line: 41, messageId: 'rollingTag', severity: 'medium' },
        { line: 43, messageId: 'notDigest', severity: 'low' },
        { line: 45, messageId: 'notDigest', severity: 'low' },
      ],
    },
    {
      name: 'a kustomize base scanned without its kustomization is judged as written',
      file: 'kustomize-base-deployments.yaml',
      errors: [
        { line: 18, messageId: 'notDigest', severity: 'low' },
        { line: 20, messageId: 'mutableTag', severity: 'medium' },
        { line: 22, messageId: 'mutableTag', severity: 'medium' },
        { line: 24, messageId: 'notDigest', severity: 'low' },
        { line: 26, messageId: 'mutableTag', severity: 'medium' },
      ],
    },
  ],
});

test('IG-K8S-113 judges the image kustomize deploys when the kustomization is scanned with its base', () => {
  const files = ['kustomize-base-deployments.yaml', 'kustomization.yaml'].map((name) => new SourceFile(`${fixtures}/${name}`, readFileSync(`${fixtures}/${name}`, 'utf8')));
  const { model } = adaptKubernetes(files.flatMap((file) => loadYamlStream(file)));
  const { findings } = runRules(model, [imageNotPinned]);
  const seen = findings.map((finding) => `${finding.location.file.split('/').pop()}:${finding.location.startLine} ${finding.messageId} ${finding.severity}`).sort();
  assert.deepEqual(seen, [
    // pipeline-api:dummy → :2.16.0, still a tag only
    'kustomize-base-deployments.yaml:18 notDigest low',
    // example/dashboard (no tag) → ghcr.io/example/dashboard:v1.10.0
    'kustomize-base-deployments.yaml:20 notDigest low',
    // postgres is pinned by the kustomization's digest: no finding at line 22
    // agent:dummy → :nightly
    'kustomize-base-deployments.yaml:24 rollingTag medium',
    // an entry that changes nothing leaves the image as written
    'kustomize-base-deployments.yaml:26 mutableTag medium',
  ]);
  const dashboard = findings.find((finding) => finding.location.startLine === 20);
  assert.match(dashboard?.message ?? '', /`ghcr\.io\/example\/dashboard:v1\.10\.0` \(as kustomization\.yaml sets it\)/);
  assert.equal(dashboard?.related.length, 1);
});

test('kustomize rewrites only the files its kustomization builds', () => {
  const base = new SourceFile(`${fixtures}/kustomize-base-deployments.yaml`, readFileSync(`${fixtures}/kustomize-base-deployments.yaml`, 'utf8'));
  const elsewhere = new SourceFile('other/dir/kustomization.yaml', readFileSync(`${fixtures}/kustomization.yaml`, 'utf8'));
  const { model } = adaptKubernetes([base, elsewhere].flatMap((file) => loadYamlStream(file)));
  const { findings } = runRules(model, [imageNotPinned]);
  assert.equal(findings.find((finding) => finding.location.startLine === 22)?.messageId, 'mutableTag');
});

test('the kustomization nearest the base decides, even when it keeps the image as written', () => {
  const read = (name: string): SourceFile => new SourceFile(`${fixtures}/${name}`, readFileSync(`${fixtures}/${name}`, 'utf8'));
  const overlay = new SourceFile(
    `${fixtures}/overlays/dev/kustomization.yaml`,
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../..\nimages:\n  - name: ghcr.io/example/agent\n    newTag: latest\n  - name: postgres\n    newTag: "16"\n',
  );
  const { model } = adaptKubernetes([overlay, read('kustomize-base-deployments.yaml'), read('kustomization.yaml')].flatMap((file) => loadYamlStream(file)));
  const { findings } = runRules(model, [imageNotPinned]);
  // agent: the base's own kustomization says nightly; the overlay's latest applies only to the overlay's build.
  assert.equal(findings.find((finding) => finding.location.startLine === 24)?.messageId, 'rollingTag');
  // postgres: the base pins a digest.
  assert.equal(findings.find((finding) => finding.location.startLine === 22), undefined);
});

test('isRollingTag tells release streams from fixed builds', () => {
  for (const tag of ['latest-gpu', 'latest-cpu', 'nightly', 'v1.31-latest', 'main', 'master', 'latest-py3', 'NIGHTLY']) assert.ok(isRollingTag(tag), tag);
  for (const tag of ['2.16.0', 'v0.6.3', 'nightly-20240501', 'main-4f2a9c1', 'domain-1.0', 'latestfix', 'v0.8.2-20230829', 'mainline']) assert.equal(isRollingTag(tag), false, tag);
});

test('parseImageReference tells a registry port from a tag', () => {
  assert.deepEqual(parseImageReference('localhost:5000/x'), { name: 'localhost:5000/x' });
  assert.deepEqual(parseImageReference('localhost:5000/x:1.2'), { name: 'localhost:5000/x', tag: '1.2' });
  assert.deepEqual(parseImageReference('busybox'), { name: 'busybox' });
  assert.deepEqual(parseImageReference('nvcr.io/nvidia/tritonserver:24.05-py3@sha256:abc'), {
    name: 'nvcr.io/nvidia/tritonserver',
    tag: '24.05-py3',
    digest: 'sha256:abc',
  });
  assert.deepEqual(parseImageReference('repo@sha256:abc'), { name: 'repo', digest: 'sha256:abc' });
});
