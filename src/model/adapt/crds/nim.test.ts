import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { K8sObject } from '../../kubernetes.js';
import { lineOf, modelOf } from './crd-testing.js';
import { nimImageReference, nimServiceFacts } from './nim.js';

const NIM = `apiVersion: apps.nvidia.com/v1alpha1
kind: NIMService
metadata:
  name: meta-llama3-8b-instruct
spec:
  image:
    repository: nvcr.io/nim/meta/llama3-8b-instruct
    tag: 1.0.3
    pullPolicy: IfNotPresent
    pullSecrets: [ngc-secret]
  authSecret: ngc-api-secret
  storage:
    nimCache:
      name: meta-llama3-8b-instruct
  env:
    - name: NIM_SERVER_PORT
      value: "8000"
  resources:
    limits:
      nvidia.com/gpu: 1
  expose:
    service:
      type: LoadBalancer
      port: 8000
    ingress:
      enabled: true
`;

test('NIMService is no workload: the operator writes the whole pod', () => {
  const model = modelOf(NIM);
  assert.equal(model.objects.length, 1);
  assert.deepEqual(model.workloads, []);
});

test('NIMService readers: image, auth secret, env, resources, exposure', () => {
  const object = modelOf(NIM).objects[0] as K8sObject;
  const facts = nimServiceFacts(object);
  assert.equal(nimImageReference(object), 'nvcr.io/nim/meta/llama3-8b-instruct:1.0.3');
  assert.deepEqual(
    [facts.image.tag, facts.authSecret, facts.serviceType, facts.servicePort, facts.ingress.get('enabled')].map((node) => [node.value, lineOf(node)]),
    [
      ['1.0.3', 8],
      ['ngc-api-secret', 11],
      ['LoadBalancer', 23],
      [8000, 24],
      [true, 26],
    ],
  );
  assert.deepEqual(facts.env.map((env) => env.get('name').str()), ['NIM_SERVER_PORT']);
  assert.equal(facts.resources.get('limits', 'nvidia.com/gpu').value, 1);
  assert.equal(facts.router.exists, false);
});

test('NIMService image with a non-string tag has no reference', () => {
  const object = modelOf('apiVersion: apps.nvidia.com/v1alpha1\nkind: NIMService\nmetadata: {name: x}\nspec:\n  image: {repository: nvcr.io/nim/x, tag: [1]}\n').objects[0] as K8sObject;
  assert.equal(nimImageReference(object), undefined);
});
