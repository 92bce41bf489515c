import { ruleTester } from '../../testing/rule-tester.js';
import { sharedWritableModelCache } from './shared-writable-model-cache.js';

ruleTester(sharedWritableModelCache, {
  fixtures: 'src/rules/graph/__fixtures__/shared-writable-model-cache',
  valid: [
    { name: 'every other mount read-only: on the mount, the claim source, the NFS source, a ReadOnlyMany claim', file: 'pass-read-only.yaml' },
    { name: "one workload: replicas and a sidecar, a claim only one server uses, identical copies of one object", file: 'pass-one-workload.yaml' },
    { name: 'same tenant, a populating Job, disjoint subPaths, ReadWriteOncePod, unscanned or templated claims, subPathExpr, one volume named by two claims', file: 'pass-not-shared.yaml' },
  ],
  invalid: [
    {
      name: 'a ReadWriteMany cache another ServiceAccount writes (high); a ReadWriteOnce Triton repository (medium)',
      file: 'fail-claim.yaml',
      errors: [
        { line: 28, messageId: 'sharedWritable', severity: 'high' },
        { line: 75, messageId: 'sharedWritable', severity: 'medium' },
      ],
    },
    {
      name: "hostPath: a directory inside another tenant's host path, both ways between two servers",
      file: 'fail-host-path.yaml',
      errors: [
        { line: 17, messageId: 'sharedWritable', severity: 'high' },
        { line: 34, messageId: 'sharedWritable', severity: 'high' },
        { line: 53, messageId: 'sharedWritable', severity: 'high' },
      ],
    },
    {
      name: "NFS: an inline export a PersistentVolume in another namespace reaches; KServe's pvc:// model",
      file: 'fail-nfs.yaml',
      errors: [
        { line: 17, messageId: 'sharedWritable', severity: 'high' },
        { line: 74, messageId: 'sharedWritable', severity: 'high' },
      ],
    },
  ],
});
