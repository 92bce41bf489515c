import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { SourceFile } from '../../source/source-file.js';
import { tfServingConfigReloadExposed } from './tf-serving-config-reload-exposed.js';

const FIXTURES = 'src/rules/ml/__fixtures__/tf-serving-config-reload-exposed';

ruleTester(tfServingConfigReloadExposed, {
  fixtures: FIXTURES,
  valid: [
    { name: 'gRPC on a ClusterIP Service only, REST behind the Ingress, client certificates required or SSL config unreadable', file: 'pass-internal-and-read-only.yaml' },
    { name: 'polling off, a polled ConfigMap, an unknown interval, an init-filled emptyDir', file: 'pass-polling-off-or-unknown.yaml' },
  ],
  invalid: [
    {
      name: 'gRPC on an internet-facing load balancer; gRPC moved with --port on a NodePort with TLS but no client certificates',
      file: 'fail-grpc-exposed.yaml',
      errors: [
        { line: 26, messageId: 'grpcExposed', severity: 'critical' },
        { line: 74, messageId: 'grpcExposed' },
      ],
    },
    {
      name: 'a polled config file on a read-write claim; the image default base path on a ReadWriteMany claim',
      file: 'fail-poll-writable.yaml',
      errors: [
        { line: 26, messageId: 'pollWritable', severity: 'high' },
        { line: 69, messageId: 'pollWritable', severity: 'high' },
      ],
    },
  ],
});

test('IG-ML-018 names the outermost hop, the poll interval and the writers', () => {
  const read = (name: string): string[] => {
    const path = `${FIXTURES}/${name}`;
    return findingsOf(tfServingConfigReloadExposed, new SourceFile(path, readFileSync(path, 'utf8'))).map((finding) => finding.message);
  };
  const exposed = read('fail-grpc-exposed.yaml');
  assert.match(exposed[0] ?? '', /^Container 'tfserving' \(TensorFlow Serving\) serves its gRPC ModelService on port 8500 and Service serving\/half-plus-two \(LoadBalancer\)[^:]*exposes it: anyone who reaches it can call HandleReloadConfigRequest/);
  assert.match(exposed[1] ?? '', /on port 9000 and Service serving\/ranker-grpc \(NodePort/);
  assert.deepEqual(read('fail-poll-writable.yaml'), [
    "Container 'tfserving' (TensorFlow Serving) re-reads the model config file /models/models.config (--model_config_file=/models/models.config) every 60 s (--model_config_file_poll_wait_seconds=60), and PersistentVolumeClaim multi-model (volume models) is writable by the server itself (read-write mount at /models): whoever writes there swaps the served model without a restart.",
    "Container 'serving' (TensorFlow Serving) re-reads the model base path /models/churn (the image's --model_base_path=${MODEL_BASE_PATH}/${MODEL_NAME}) every 1 s (--file_system_poll_wait_seconds defaults to 1), and PersistentVolumeClaim exported-models (volume exported) is writable by any pod that mounts PersistentVolumeClaim exported-models (ReadWriteMany): whoever writes there swaps the served model without a restart.",
  ]);
});
