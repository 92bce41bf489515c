import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateSources } from '../adapt/terraform/test-helpers.js';
import { azapiBodyString, azapiBodyValue, azapiTypeOf, referencedResources } from './azapi.js';

const SOURCE = `variable "mode" {
  type = string
}

resource "azapi_resource" "object" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "a"
  parent_id = azapi_resource.string.id
  body = {
    properties = {
      authMode = "Key"
    }
  }
}

resource "azapi_resource" "string" {
  type      = "microsoft.machinelearningservices/WORKSPACES/onlineEndpoints@2023-10-01"
  name      = "b"
  parent_id = "x"
  body      = jsonencode({ properties = { authMode = "AADToken", nested = { n = 1 } } })
}

resource "azapi_resource" "unknown" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-04-01"
  name      = "c"
  parent_id = "x"
  body      = jsonencode({ properties = { authMode = var.mode } })
}

resource "azapi_resource" "invalid_json" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-04-01"
  name      = "d"
  parent_id = "x"
  body      = "{not json"
}
`;

function resources() {
  const { model } = evaluateSources({ 'main.tf': SOURCE });
  const byName = (name: string) => model.resources.find((resource) => resource.name === name)!;
  return { model, byName };
}

test('azapiTypeOf: the type without the API version, lower-cased', () => {
  const { byName } = resources();
  assert.equal(azapiTypeOf(byName('object')), 'microsoft.machinelearningservices/workspaces/onlineendpoints');
  assert.equal(azapiTypeOf(byName('string')), 'microsoft.machinelearningservices/workspaces/onlineendpoints');
  assert.equal(azapiTypeOf(byName('invalid_json')), 'microsoft.machinelearningservices/workspaces');
});

test('azapiBodyValue: an HCL object body is read with the location of the value', () => {
  const { byName } = resources();
  const value = azapiBodyValue(byName('object'), 'properties', 'authMode');
  assert.equal(value.state, 'set');
  assert.equal(value.value, 'Key');
  assert.deepEqual(value.at.path, ['body', 'properties', 'authMode']);
  const absent = azapiBodyValue(byName('object'), 'properties', 'publicNetworkAccess');
  assert.equal(absent.state, 'absent');
  assert.deepEqual(absent.at.path, ['body']);
});

test('azapiBodyValue: a jsonencode body is read from the structure it encodes, each value at its own place', () => {
  const { byName } = resources();
  const { text, value } = azapiBodyString(byName('string'), 'properties', 'authMode');
  assert.equal(text, 'AADToken');
  assert.deepEqual(value.at.path, ['properties', 'authMode']);
  assert.equal(value.at.doc.file.text.slice(value.at.doc.spans.get('/properties/authMode')?.start, value.at.doc.spans.get('/properties/authMode')?.end), '"AADToken"');
  assert.equal(azapiBodyValue(byName('string'), 'properties', 'missing').state, 'absent');
  assert.equal(azapiBodyString(byName('string'), 'properties', 'nested').text, undefined);
});

test('azapiBodyValue: an unknown value or invalid JSON is unknown, never absent; the known rest of a jsonencode body is read', () => {
  const { byName } = resources();
  assert.equal(azapiBodyValue(byName('unknown'), 'properties', 'authMode').state, 'unknown');
  assert.equal(azapiBodyValue(byName('unknown'), 'properties', 'publicNetworkAccess').state, 'absent');
  assert.equal(azapiBodyValue(byName('invalid_json'), 'properties').state, 'unknown');
});

test('referencedResources: the instances a value points at', () => {
  const { model, byName } = resources();
  assert.deepEqual(
    referencedResources(model, byName('object').root.get('parent_id')).map((resource) => resource.address),
    ['azapi_resource.string'],
  );
  assert.deepEqual(referencedResources(model, byName('string').root.get('parent_id')), []);
});
