import { ruleTester } from '../../testing/rule-tester.js';
import { servingIdentityModelStorageAccess } from './serving-identity-model-storage-access.js';

ruleTester(servingIdentityModelStorageAccess, {
  fixtures: 'src/rules/graph/__fixtures__/serving-identity-model-storage-access',
  valid: [
    { name: 'each role reads its own prefix; a Deny cancels a write; the publisher that may write everything serves no model', file: 'pass-eks' },
    { name: "two roots (two deployments): one root's role that may write anything is not another root's neighbour", file: 'pass-two-roots' },
    {
      name: 'GKE: reads its own bucket; writes an unrelated bucket; lists (cannot read) another model; a conditional grant; a project-wide grant on buckets of unknown project; a publisher no pod runs as; a member unknown until apply; an account not created in the scan with no grant',
      file: 'pass-gke',
    },
    {
      name: 'AKS: reads its own container; writes an account no model uses; an ABAC condition; a control-plane role; a literal resource-group scope; a principal the scan cannot name; a client id of an identity not in the scan',
      file: 'pass-aks',
    },
  ],
  invalid: [
    {
      name: 'IRSA roles: one writes its own model (a bucket ARN reference) and reads the whole bucket, the other writes the first one’s model (policy document)',
      file: 'fail-eks',
      errors: [
        { file: 'main.tf', line: 16, messageId: 'writesOwn', severity: 'high' },
        { file: 'main.tf', line: 17, messageId: 'readsOther', severity: 'medium' },
        { file: 'main.tf', line: 35, messageId: 'writesOther', severity: 'high' },
      ],
    },
    {
      name: 'GKE Workload Identity (annotation, and a workloadIdentityUser grant alone): objectAdmin on its own bucket, objectViewer (a binding member) on the other model’s bucket, objectUser on the whole project (both models)',
      file: 'fail-gke',
      errors: [
        { file: 'main.tf', line: 33, messageId: 'writesOwn', severity: 'high' },
        { file: 'main.tf', line: 43, messageId: 'readsOther', severity: 'medium' },
        { file: 'main.tf', line: 50, messageId: 'writesOther', severity: 'high' },
        { file: 'main.tf', line: 50, messageId: 'writesOwn', severity: 'high' },
      ],
    },
    {
      name: 'GKE basic roles: Editor writes through the default projectEditor binding and through projectEditor in a replaced bucket policy; Viewer reads through the default projectViewer binding (uniform access)',
      file: 'fail-gke-basic',
      errors: [
        { file: 'main.tf', line: 32, messageId: 'writesOwn', severity: 'high' },
        { file: 'main.tf', line: 32, messageId: 'writesOther', severity: 'high' },
        { file: 'main.tf', line: 40, messageId: 'readsOther', severity: 'medium' },
      ],
    },
    {
      name: 'AKS Workload Identity (client-id annotation by reference, federated credential): Blob Data Contributor on its container, Blob Data Reader on the account (literal id), Blob Data Owner by definition id on the resource group',
      file: 'fail-aks',
      errors: [
        { file: 'main.tf', line: 44, messageId: 'writesOwn', severity: 'high' },
        { file: 'main.tf', line: 51, messageId: 'readsOther', severity: 'medium' },
        { file: 'main.tf', line: 73, messageId: 'writesOther', severity: 'high' },
        { file: 'main.tf', line: 73, messageId: 'writesOwn', severity: 'high' },
      ],
    },
  ],
});
