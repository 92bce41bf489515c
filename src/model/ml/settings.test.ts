import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseProperties } from './settings.js';
import { hiddenEnvSource, mountedFile } from './settings.js';
import { containerNamed, modelOf } from './ml-testing.js';

test('parseProperties: separators, comments, continuations, escapes', () => {
  const values = parseProperties('# c\n! c\nplain=1\ncolon: 2\nspaced value 3\ncont=a,\\\n    b\nkey\\=with=x\n  indented = y  \nempty\n');
  assert.deepEqual([...values], [
    ['plain', '1'],
    ['colon', '2'],
    ['spaced', 'value 3'],
    ['cont', 'a,b'],
    ['key=with', 'x'],
    ['indented', 'y'],
    ['empty', ''],
  ]);
});

const MODEL = `apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data:
  settings.json: '{"debug": true}'
  other.json: '{}'
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  volumes:
    - {name: whole, configMap: {name: settings}}
    - {name: renamed, configMap: {name: settings, items: [{key: settings.json, path: conf/s.json}]}}
    - {name: projected, projected: {sources: [{configMap: {name: settings}}]}}
    - {name: missing, configMap: {name: not-scanned}}
  containers:
    - name: c
      image: seldonio/mlserver:1.5.0
      volumeMounts:
        - {name: whole, mountPath: /mnt/whole/}
        - {name: renamed, mountPath: /mnt/renamed}
        - {name: projected, mountPath: /mnt/projected}
        - {name: whole, mountPath: /etc/one.json, subPath: other.json}
        - {name: missing, mountPath: /mnt/missing}
`;

const cases: ReadonlyArray<[string, string | undefined]> = [
  ['/mnt/whole/settings.json', '{"debug": true}'],
  ['/mnt/renamed/conf/s.json', '{"debug": true}'],
  ['/mnt/renamed/settings.json', undefined],
  ['/mnt/projected/other.json', '{}'],
  ['/etc/one.json', '{}'],
  ['/mnt/missing/settings.json', undefined],
  ['/elsewhere/settings.json', undefined],
];
for (const [path, text] of cases) {
  test(`mountedFile ${path}`, () => {
    const model = modelOf(MODEL);
    assert.equal(mountedFile(model, containerNamed(model, 'c'), path)?.text, text);
  });
}

test('hiddenEnvSource: an envFrom Secret or unscanned ConfigMap may set any variable; a scanned ConfigMap does not', () => {
  const model = modelOf(`apiVersion: v1
kind: ConfigMap
metadata: {name: scanned, namespace: serving}
data: {A: '1'}
---
apiVersion: v1
kind: Pod
metadata: {name: p, namespace: serving}
spec:
  containers:
    - name: readable
      image: ghcr.io/huggingface/text-generation-inference:3.3.4
      envFrom: [{configMapRef: {name: scanned}}]
    - name: secret
      image: ghcr.io/huggingface/text-generation-inference:3.3.4
      envFrom: [{configMapRef: {name: scanned}}, {secretRef: {name: tgi-env}}]
    - name: unscanned
      image: ghcr.io/huggingface/text-generation-inference:3.3.4
      envFrom: [{prefix: X_, configMapRef: {name: elsewhere}}]
    - name: none
      image: ghcr.io/huggingface/text-generation-inference:3.3.4
`);
  assert.equal(hiddenEnvSource(model, containerNamed(model, 'readable')), undefined);
  assert.deepEqual(hiddenEnvSource(model, containerNamed(model, 'secret'))?.path.slice(-2), ['envFrom', 1]);
  assert.deepEqual(hiddenEnvSource(model, containerNamed(model, 'unscanned'))?.path.slice(-2), ['envFrom', 0]);
  assert.equal(hiddenEnvSource(model, containerNamed(model, 'none')), undefined);
});
