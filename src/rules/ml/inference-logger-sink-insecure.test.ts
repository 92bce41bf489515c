import { ruleTester } from '../../testing/rule-tester.js';
import { inferenceLoggerSinkInsecure } from './inference-logger-sink-insecure.js';

ruleTester(inferenceLoggerSinkInsecure, {
  fixtures: 'src/rules/ml/__fixtures__/inference-logger-sink-insecure',
  valid: [
    {
      name: 'HTTPS to a cluster service, the cluster default sink (no url), HTTPS to a private address that may be in the cluster',
      file: 'pass-tls-in-cluster.yaml',
    },
  ],
  invalid: [
    {
      name: 'plain HTTP in the cluster (low; medium for LLMs), an external HTTPS host (medium), an external HTTP host for an LLM (high)',
      file: 'fail-logger-sinks.yaml',
      errors: [
        { line: 10, messageId: 'inClusterPlaintextSink', severity: 'low' },
        { line: 18, messageId: 'externalSink', severity: 'medium' },
        { line: 32, messageId: 'externalPlaintextSink', severity: 'high' },
        { line: 47, messageId: 'inClusterPlaintextSink', severity: 'medium' },
      ],
    },
  ],
});
