import assert from 'node:assert/strict';
import test from 'node:test';
import { loadYamlStream } from '../../parse/kubernetes/load-yaml.js';
import { SourceFile } from '../../source/source-file.js';
import { adaptKubernetes } from '../adapt/kubernetes.js';
import { evaluateSources } from '../adapt/terraform/test-helpers.js';
import { gcsBucketOf, modelBuckets } from './buckets.js';
import { iamGrants, targetsOf } from './iam.js';
import { bucketRoleAccess, defaultConvenienceAccess, projectRoleAccess } from './storage-roles.js';

const kubernetes = (text: string) => adaptKubernetes(loadYamlStream(new SourceFile('inline.yaml', text))).model;

test('gcsBucketOf reads the bucket of a gs:// URI only', () => {
  assert.equal(gcsBucketOf('gs://models-prod/llama/3'), 'models-prod');
  assert.equal(gcsBucketOf('gs://models-prod'), 'models-prod');
  assert.equal(gcsBucketOf('s3://models-prod/x'), undefined);
  assert.equal(gcsBucketOf('gs://'), undefined);
});

test('buckets are linked by the storageUri of an InferenceService and the model flag of a model server', () => {
  const { model: terraform } = evaluateSources({
    'main.tf': `
variable "unknown_name" { type = string }
resource "google_storage_bucket" "models" {
  name     = "acme-models"
  location = "EU"
}
resource "google_storage_bucket" "llm" {
  name     = "acme-llm"
  location = "EU"
}
resource "google_storage_bucket" "logs" {
  name     = "acme-logs"
  location = "EU"
}
resource "google_storage_bucket" "unresolved" {
  name     = var.unknown_name
  location = "EU"
}
`,
  });
  const model = kubernetes(`apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: { name: churn, namespace: models }
spec:
  predictor:
    model:
      modelFormat: { name: sklearn }
      storageUri: gs://acme-models/churn/v3
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: llm, namespace: models }
spec:
  selector: { matchLabels: { app: llm } }
  template:
    metadata: { labels: { app: llm } }
    spec:
      containers:
        - name: vllm
          image: vllm/vllm-openai:v0.11.0
          args: ["--model", "gs://acme-llm/llama-3-8b", "--port", "8000"]
`);
  const linked = modelBuckets(terraform, model).map((link) => [link.bucket.address, link.uses.map((uri) => uri.str())]);
  assert.deepEqual(linked, [
    ['google_storage_bucket.llm', ['gs://acme-llm/llama-3-8b']],
    ['google_storage_bucket.models', ['gs://acme-models/churn/v3']],
  ]);
});

test('IAM grants are read from _iam_member, _iam_binding and _iam_policy with data.google_iam_policy or JSON', () => {
  const { model: terraform } = evaluateSources({
    'main.tf': `
variable "members" { type = list(string) }
resource "google_storage_bucket" "models" {
  name     = "acme-models"
  location = "EU"
}
resource "google_storage_bucket_iam_member" "public" {
  bucket = google_storage_bucket.models.name
  role   = "roles/storage.objectViewer"
  member = "allUsers"
}
resource "google_storage_bucket_iam_binding" "writers" {
  bucket  = "acme-models"
  role    = "roles/storage.objectAdmin"
  members = ["allAuthenticatedUsers", "serviceAccount:trainer@acme.iam.gserviceaccount.com"]
}
resource "google_storage_bucket_iam_binding" "unknown" {
  bucket  = "acme-models"
  role    = "roles/storage.objectViewer"
  members = var.members
}
data "google_iam_policy" "readers" {
  binding {
    role    = "roles/storage.objectViewer"
    members = ["allUsers"]
  }
}
resource "google_storage_bucket_iam_policy" "from_data" {
  bucket      = google_storage_bucket.models.name
  policy_data = data.google_iam_policy.readers.policy_data
}
resource "google_project_iam_policy" "json" {
  project     = "acme"
  policy_data = jsonencode({ bindings = [{ role = "roles/editor", members = ["serviceAccount:sa@acme.iam.gserviceaccount.com"] }] })
}
resource "google_service_account_iam_member" "wi" {
  service_account_id = "projects/acme/serviceAccounts/sa@acme.iam.gserviceaccount.com"
  role               = "roles/iam.workloadIdentityUser"
  member             = "serviceAccount:acme.svc.id.goog[models/churn]"
}
`,
  });
  const grants = iamGrants(terraform).map((grant) => `${grant.resource.address} ${grant.form} ${grant.scope} ${grant.role ?? '?'} ${grant.member ?? '?'}`);
  assert.deepEqual(grants, [
    'google_project_iam_policy.json policy project roles/editor serviceAccount:sa@acme.iam.gserviceaccount.com',
    'google_service_account_iam_member.wi member service_account roles/iam.workloadIdentityUser serviceAccount:acme.svc.id.goog[models/churn]',
    'google_storage_bucket_iam_binding.writers binding bucket roles/storage.objectAdmin allAuthenticatedUsers',
    'google_storage_bucket_iam_binding.writers binding bucket roles/storage.objectAdmin serviceAccount:trainer@acme.iam.gserviceaccount.com',
    'google_storage_bucket_iam_member.public member bucket roles/storage.objectViewer allUsers',
    'google_storage_bucket_iam_policy.from_data policy bucket roles/storage.objectViewer allUsers',
  ]);
  // Targets resolve by reference and by name.
  for (const grant of iamGrants(terraform).filter((each) => each.scope === 'bucket')) {
    assert.deepEqual(
      targetsOf(grant.target, 'tf:google_storage_bucket', terraform, ['name']).map((bucket) => bucket.address),
      ['google_storage_bucket.models'],
      grant.resource.address,
    );
  }
  // The member of the data-source form is located in the data source.
  const fromData = iamGrants(terraform).find((grant) => grant.resource.address === 'google_storage_bucket_iam_policy.from_data');
  assert.equal(fromData?.memberAt.doc, terraform.byAddress('data.google_iam_policy.readers')?.doc);
});

test('Workload Identity members: one KSA, sets of KSAs, service account emails', async () => {
  const { ksaMemberOf, ksaSetMemberOf, serviceAccountEmail, isDefaultComputeServiceAccount } = await import('./identity.js');
  assert.deepEqual(ksaMemberOf('serviceAccount:acme.svc.id.goog[models/churn]'), { pool: 'acme.svc.id.goog', namespace: 'models', name: 'churn' });
  assert.equal(ksaMemberOf('serviceAccount:churn@acme.iam.gserviceaccount.com'), undefined);
  const pool = 'principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/acme.svc.id.goog';
  assert.equal(ksaSetMemberOf(`${pool}/namespace/models`)?.scope, 'every KSA of namespace models');
  assert.equal(ksaSetMemberOf(`${pool}/kubernetes.cluster/https://container.googleapis.com/v1/projects/acme/locations/us-central1/clusters/c`)?.scope, 'every KSA of a cluster');
  assert.equal(ksaSetMemberOf(`${pool}/*`)?.scope, 'every KSA of the pool');
  assert.equal(ksaSetMemberOf('principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/github/attribute.repository/acme/x'), undefined);
  assert.equal(serviceAccountEmail('serviceAccount:Churn@acme.iam.gserviceaccount.com'), 'churn@acme.iam.gserviceaccount.com');
  assert.equal(serviceAccountEmail('projects/acme/serviceAccounts/churn@acme.iam.gserviceaccount.com'), 'churn@acme.iam.gserviceaccount.com');
  assert.equal(serviceAccountEmail('group:admins@acme.example'), undefined);
  assert.equal(isDefaultComputeServiceAccount('123456789012-compute@developer.gserviceaccount.com'), true);
  assert.equal(isDefaultComputeServiceAccount('research@acme.iam.gserviceaccount.com'), false);
});

test('Cloud Storage roles: create / delete is write, get is read, listing is neither; legacy roles only on buckets; viewers read through the default policy only with uniform access', () => {
  assert.equal(bucketRoleAccess('roles/storage.objectCreator'), 'write');
  assert.equal(bucketRoleAccess('roles/storage.legacyBucketWriter'), 'write');
  assert.equal(bucketRoleAccess('roles/storage.legacyObjectReader'), 'read');
  assert.equal(bucketRoleAccess('roles/storage.legacyBucketReader'), undefined);
  assert.equal(bucketRoleAccess('projects/acme/roles/modelWriter'), undefined);
  assert.equal(projectRoleAccess('roles/storage.objectUser'), 'write');
  assert.equal(projectRoleAccess('roles/storage.legacyBucketOwner'), undefined);
  const { model } = evaluateSources({
    'main.tf': `
resource "google_storage_bucket" "uniform" {
  name                        = "a"
  location                    = "EU"
  uniform_bucket_level_access = true
}
resource "google_storage_bucket" "acl" {
  name     = "b"
  location = "EU"
}
`,
  });
  const uniform = model.byAddress('google_storage_bucket.uniform')!;
  const acl = model.byAddress('google_storage_bucket.acl')!;
  assert.equal(defaultConvenienceAccess('projectEditor', acl), 'write');
  assert.equal(defaultConvenienceAccess('projectViewer', uniform), 'read');
  assert.equal(defaultConvenienceAccess('projectViewer', acl), undefined);
});
