import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerNamed, modelOf } from './ml-testing.js';
import { isMutableReference, mlflowModelUris, mlflowServerSetting, parseMlflowModelUri, trackingServersBehind } from './mlflow.js';
import { modelServerFacts } from './model-server.js';

test('model URIs parse as MLflow parses them', () => {
  assert.deepEqual(parseMlflowModelUri('models:/fraud/7'), { kind: 'version', name: 'fraud', version: '7' });
  assert.deepEqual(parseMlflowModelUri('models:/fraud/Latest'), { kind: 'latest', name: 'fraud' });
  assert.deepEqual(parseMlflowModelUri('models:/fraud/Production'), { kind: 'stage', name: 'fraud', stage: 'Production' });
  assert.deepEqual(parseMlflowModelUri('models:/fraud@champion'), { kind: 'alias', name: 'fraud', alias: 'champion' });
  assert.deepEqual(parseMlflowModelUri('models:/m-1234abcd'), { kind: 'logged-model', id: 'm-1234abcd' });
  assert.deepEqual(parseMlflowModelUri('runs:/0a1b2c/model'), { kind: 'run', runId: '0a1b2c' });
  for (const text of ['models://prod@databricks/fraud/1', 'models:/', 'models:/a/b/c', 'runs:/0a1b2c', 's3://models/fraud', 'models:/fraud@', 'models:/${NAME}/1']) assert.equal(parseMlflowModelUri(text), undefined, text);
  assert.equal(isMutableReference({ kind: 'alias', name: 'a', alias: 'b' }), true);
  assert.equal(isMutableReference({ kind: 'version', name: 'a', version: '1' }), false);
});

const YAML = `apiVersion: apps/v1
kind: Deployment
metadata: {name: mlflow, namespace: mlops}
spec:
  selector: {matchLabels: {app: mlflow}}
  template:
    metadata: {labels: {app: mlflow}}
    spec:
      containers:
        - name: tracking
          image: ghcr.io/mlflow/mlflow:v3.5.0
          args: [mlflow, server, --host, 0.0.0.0, --port, "5001"]
          ports: [{name: web, containerPort: 5001}]
---
apiVersion: v1
kind: Service
metadata: {name: mlflow, namespace: mlops}
spec:
  selector: {app: mlflow}
  ports: [{port: 80, targetPort: web}]
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: mlops}
spec:
  containers:
    - name: client
      image: ghcr.io/mlflow/mlflow:v3.5.0
      command: [mlflow, models, serve, -m, "models:/fraud@champion"]
      env:
        - {name: MLFLOW_TRACKING_URI, value: "http://mlflow"}
        - {name: FALLBACK, value: "runs:/abc/model"}
`;

test("a client's model URIs, the server setting they resolve against, and the tracking servers behind it", () => {
  const model = modelOf(YAML);
  const client = containerNamed(model, 'client');
  const uris = mlflowModelUris(model, client, modelServerFacts(model, client));
  assert.deepEqual(uris.map((uri) => uri.text), ['models:/fraud@champion', 'runs:/abc/model']);
  const setting = mlflowServerSetting(model, client, (uris[0] as (typeof uris)[number]).reference);
  assert.equal(setting?.value, 'http://mlflow');
  const behind = trackingServersBehind(model, client.workload.object, 'http://mlflow');
  assert.deepEqual(behind.map((found) => found.server.container.name), ['tracking']);
  assert.deepEqual(trackingServersBehind(model, client.workload.object, 'http://mlflow:5001'), []);
});
