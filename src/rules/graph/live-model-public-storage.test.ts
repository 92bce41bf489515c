import { ruleTester } from '../../testing/rule-tester.js';
import { liveModelPublicStorage } from './live-model-public-storage.js';

ruleTester(liveModelPublicStorage, {
  fixtures: 'src/rules/graph/__fixtures__/live-model-public-storage',
  valid: [
    { name: 'S3: a public bucket whose model no endpoint serves; a served model behind a bucket whose public access block only leaves a protection off', file: 'pass-sagemaker.tf' },
    { name: 'S3: the KServe model bucket with a private ACL', file: 'pass-s3-kserve-private' },
    { name: 'Azure: an anonymous-read container of a workspace without an online endpoint in the scan', file: 'pass-azure.tf' },
    { name: "Azure: two roots whose workspaces share an address: the other root's online endpoint does not serve from this root's public container", file: 'pass-azure-two-roots' },
  ],
  invalid: [
    { name: 'S3: a bucket policy open to everyone, the bucket of an endpoint\'s model', file: 'fail-sagemaker.tf', errors: [{ line: 12, messageId: 'publicLiveModel', severity: 'critical' }] },
    { name: 'S3: a public-read ACL on the bucket a KServe InferenceService loads from', file: 'fail-s3-kserve', errors: [{ file: 'main.tf', line: 8, messageId: 'publicLiveModel', severity: 'critical' }] },
    { name: 'Cloud Storage: allUsers may read the bucket a KServe model loads from', file: 'fail-gcs.tf', errors: [{ line: 10, messageId: 'publicLiveModel', severity: 'critical' }] },
    { name: 'Azure: an anonymous-read container in the storage of a workspace with an online endpoint', file: 'fail-azure.tf', errors: [{ line: 14, messageId: 'publicLiveModel', severity: 'critical' }] },
  ],
});
