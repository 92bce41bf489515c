import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateSources } from '../adapt/terraform/test-helpers.js';
import { blobLocationOf, blobRoleOf, storageScopeOf } from './blob-storage.js';

test('blobLocationOf reads the account and container of the Azure Blob URI forms model servers take', () => {
  assert.deepEqual(blobLocationOf('https://AcmeModels.blob.core.windows.net/fraud/v3/model.onnx'), { account: 'acmemodels', container: 'fraud' });
  assert.deepEqual(blobLocationOf('as://acmemodels/triton/repository'), { account: 'acmemodels', container: 'triton' });
  assert.deepEqual(blobLocationOf('wasbs://mlflow@acmemodels.blob.core.windows.net/1/abc/artifacts/model'), { account: 'acmemodels', container: 'mlflow' });
  assert.equal(blobLocationOf('https://acmemodels.file.core.windows.net/share/model'), undefined);
  assert.equal(blobLocationOf('https://example.com/acmemodels/fraud'), undefined);
  assert.equal(blobLocationOf('s3://acmemodels/fraud'), undefined);
});

test('blobRoleOf knows the Storage Blob Data roles by name and definition id, nothing else', () => {
  const { model } = evaluateSources({
    'main.tf': `
variable "role" { type = string }
resource "azurerm_role_assignment" "owner" {
  scope                = "x"
  role_definition_name = "storage blob data owner"
  principal_id         = "p"
}
resource "azurerm_role_assignment" "reader" {
  scope              = "x"
  role_definition_id = "/subscriptions/0000/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1"
  principal_id       = "p"
}
resource "azurerm_role_assignment" "contributor" {
  scope                = "x"
  role_definition_name = "Contributor"
  principal_id         = "p"
}
resource "azurerm_role_assignment" "unknown" {
  scope                = "x"
  role_definition_name = var.role
  principal_id         = "p"
}
`,
  });
  const of = (name: string) => {
    const role = blobRoleOf(model.byAddress(`azurerm_role_assignment.${name}`)!);
    return role && { name: role.name, access: role.access };
  };
  assert.deepEqual(of('owner'), { name: 'Storage Blob Data Owner', access: 'write' });
  assert.deepEqual(of('reader'), { name: 'Storage Blob Data Reader', access: 'read' });
  assert.equal(of('contributor'), undefined);
  assert.equal(of('unknown'), undefined);
});

test('storageScopeOf: literal account and container ids, references to accounts, containers and resource groups; nothing it cannot place', () => {
  const { model } = evaluateSources({
    'main.tf': `
resource "azurerm_resource_group" "ml" {
  name     = "ml"
  location = "westeurope"
}
resource "azurerm_storage_account" "models" {
  name                = "acmemodels"
  resource_group_name = azurerm_resource_group.ml.name
}
resource "azurerm_storage_container" "fraud" {
  name               = "fraud"
  storage_account_id = azurerm_storage_account.models.id
}
locals {
  scopes = {
    account   = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/AcmeModels"
    container = "/subscriptions/0000/resourceGroups/ml/providers/Microsoft.Storage/storageAccounts/acmemodels/blobServices/default/containers/fraud"
    group     = "/subscriptions/0000/resourceGroups/ml"
  }
}
resource "azurerm_role_assignment" "a" {
  for_each     = local.scopes
  scope        = each.value
  principal_id = "p"
}
resource "azurerm_role_assignment" "account_ref" {
  scope        = azurerm_storage_account.models.id
  principal_id = "p"
}
resource "azurerm_role_assignment" "container_ref" {
  scope        = azurerm_storage_container.fraud.id
  principal_id = "p"
}
resource "azurerm_role_assignment" "group_ref" {
  scope        = azurerm_resource_group.ml.id
  principal_id = "p"
}
`,
  });
  const of = (address: string) => storageScopeOf(model.byAddress(address)!.root.get('scope'), model);
  assert.deepEqual(of('azurerm_role_assignment.a["account"]'), { kind: 'account', account: 'acmemodels' });
  assert.deepEqual(of('azurerm_role_assignment.a["container"]'), { kind: 'container', account: 'acmemodels', container: 'fraud' });
  assert.equal(of('azurerm_role_assignment.a["group"]'), undefined);
  assert.deepEqual(of('azurerm_role_assignment.account_ref'), { kind: 'account', account: 'acmemodels' });
  assert.deepEqual(of('azurerm_role_assignment.container_ref'), { kind: 'container', account: 'acmemodels', container: 'fraud' });
  assert.deepEqual(of('azurerm_role_assignment.group_ref'), { kind: 'resource-group', groups: [model.byAddress('azurerm_resource_group.ml')] });
});
