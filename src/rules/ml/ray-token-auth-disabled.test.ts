import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VERSION_FLOORS } from '../../model/ml/version-floors.js';
import { ruleTester } from '../../testing/rule-tester.js';
import { rayTokenAuthDisabled } from './ray-token-auth-disabled.js';

ruleTester(rayTokenAuthDisabled, {
  fixtures: 'src/rules/ml/__fixtures__/ray-token-auth-disabled',
  valid: [
    {
      name: 'authOptions token, RAY_AUTH_MODE=token by hand, the env from a Secret or an unscanned ConfigMap, Ray 2.46 (IG-ML-043), a RayJob on an existing cluster',
      file: 'pass-auth-enabled-or-older-ray.yaml',
    },
    {
      name: 'the Ray version from the head image when rayVersion is not written: below 2.52 is IG-ML-043s',
      code: 'apiVersion: ray.io/v1\nkind: RayCluster\nmetadata: {name: old, namespace: ray}\nspec:\n  headGroupSpec:\n    template:\n      spec:\n        containers:\n          - name: ray-head\n            image: rayproject/ray:2.9.0-py310\n',
    },
    {
      name: 'RAY_AUTH_MODE from a ConfigMap in the scan that says token',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ray-settings, namespace: ray}\ndata: {auth-mode: token}\n---\napiVersion: ray.io/v1\nkind: RayCluster\nmetadata: {name: c, namespace: ray}\nspec:\n  rayVersion: "2.52.0"\n  headGroupSpec:\n    template:\n      spec:\n        containers:\n          - name: ray-head\n            image: rayproject/ray:2.52.0\n            env:\n              - name: RAY_AUTH_MODE\n                valueFrom: {configMapKeyRef: {name: ray-settings, key: auth-mode}}\n',
    },
  ],
  invalid: [
    {
      name: 'no auth at all (at spec), authOptions.mode disabled, RAY_AUTH_MODE=disabled on the head, a RayJob whose version comes from its image',
      file: 'fail-kuberay-samples.yaml',
      errors: [
        { line: 7, messageId: 'authNotConfigured', severity: 'high' },
        { line: 43, messageId: 'authModeDisabled', severity: 'high' },
        { line: 67, messageId: 'authEnvNotToken', severity: 'high' },
        { line: 76, messageId: 'authNotConfigured', severity: 'high' },
      ],
    },
    {
      name: 'a version that cannot be read is no reason to stay silent',
      code: 'apiVersion: ray.io/v1\nkind: RayCluster\nmetadata: {name: custom, namespace: ray}\nspec:\n  headGroupSpec:\n    template:\n      spec:\n        containers:\n          - name: ray-head\n            image: registry.example.com/ml/ray-serving:prod\n',
      errors: [{ line: 4, messageId: 'authNotConfigured' }],
    },
  ],
});

test('IG-ML-041 skips exactly where IG-ML-043 reports that token authentication is unavailable', () => {
  assert.ok(VERSION_FLOORS.some((floor) => floor.rule === 'IG-ML-043' && floor.component === 'ray' && floor.advisories.includes('token authentication unavailable')));
});
