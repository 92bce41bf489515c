import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { SourceFile } from '../../source/source-file.js';
import { tritonRepositoryWritable } from './triton-repository-writable.js';

const FIXTURES = 'src/rules/ml/__fixtures__/triton-repository-writable';

ruleTester(tritonRepositoryWritable, {
  fixtures: FIXTURES,
  valid: [
    { name: 'read-only NFS export, ReadWriteOnce claim mounted read-only, ConfigMap config file', file: 'pass-read-only-repositories.yaml' },
    { name: 'emptyDir filled by init containers, a sibling writing another volume, s3 repository, KServe read-only default', file: 'pass-pod-scoped.yaml' },
  ],
  invalid: [
    { name: 'the Triton chart: an NFS export mounted read-write, poll mode', file: 'fail-nfs-repository.yaml', errors: [{ line: 38, messageId: 'repositoryWritable', severity: 'high' }] },
    {
      name: 'ReadWriteMany claim and hostPath backends mounted read-only; a sync sidecar writing the polled repository',
      file: 'fail-shared-writers.yaml',
      errors: [
        { line: 36, messageId: 'repositoryWritable' },
        { line: 39, messageId: 'libraryDirectoryWritable' },
        { line: 73, messageId: 'repositoryWritable' },
      ],
    },
    { name: 'KServe Triton predictor with pvc:// and storage.kserve.io/readonly "false"', file: 'fail-kserve-writable-claim.yaml', errors: [{ line: 7, messageId: 'repositoryWritable' }] },
  ],
});

test('IG-ML-011 names who can write and when Triton reads it again', () => {
  const read = (name: string): string[] => {
    const path = `${FIXTURES}/${name}`;
    return findingsOf(tritonRepositoryWritable, new SourceFile(path, readFileSync(path, 'utf8'))).map((finding) => finding.message);
  };
  assert.deepEqual(read('fail-nfs-repository.yaml'), [
    "Container 'triton-inference-server' (Triton) serves the model repository /models (--model-store=/models) from NFS export 10.0.0.4:/exports/model_repository (volume models), writable by the server itself (read-write mount at /models): Triton polls the repository and loads what changes, and Python-backend models run their code.",
  ]);
  const shared = read('fail-shared-writers.yaml');
  assert.ok(shared.some((message) => message.includes('writable by any pod that mounts PersistentVolumeClaim model-repository (ReadWriteMany): Triton loads it on its next start')), shared.join('\n'));
  assert.ok(shared.some((message) => message.includes("loads shared libraries from /mnt/backends (--backend-directory=/mnt/backends), on hostPath /opt/triton-backends (volume custom-backends), writable by anything on the node that writes /opt/triton-backends (hostPath)")), shared.join('\n'));
  assert.ok(shared.some((message) => message.includes("writable by container 'model-sync' (read-write mount at /models)")), shared.join('\n'));
});
