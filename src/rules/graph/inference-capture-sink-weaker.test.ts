import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discoverFiles } from '../../discover/discover.js';
import { scanFiles } from '../../pipeline/scan.js';
import { summarize } from '../../testing/most-specific-tester.js';
import { ruleTester } from '../../testing/rule-tester.js';
import { sagemakerAsyncOutputWithoutCmk } from '../aws/sagemaker-async-output-without-cmk.js';
import { sagemakerDataCaptureWithoutCmk } from '../aws/sagemaker-data-capture-without-cmk.js';
import { inferenceCaptureSinkWeaker } from './inference-capture-sink-weaker.js';

const FIXTURES = 'src/rules/graph/__fixtures__/inference-capture-sink-weaker';

ruleTester(inferenceCaptureSinkWeaker, {
  fixtures: FIXTURES,
  valid: [
    {
      name: 'SageMaker: endpoint without a key (absent, null, a variable without value), capture with its own key, bucket with SSE-KMS and a key of yours, unknown bucket encryption, bucket outside the scan, unknown URI, capture off',
      file: 'pass-sagemaker.tf',
    },
    { name: 'Bedrock: no Bedrock resource names a customer managed key', file: 'pass-bedrock-without-keys.tf' },
    {
      name: 'Bedrock: bucket with a key of yours (v3 inline), log group with a key unknown until apply, sinks outside the scan, payloads switched off, a key in another region',
      file: 'pass-bedrock-keyed-sinks.tf',
    },
    {
      name: 'Vertex AI: endpoint without CMEK, dataset with a default key (known or not), dataset of another project, project-only URI, table declared with its own key, dataset outside the scan, logging off',
      file: 'pass-vertex.tf',
    },
  ],
  invalid: [
    {
      name: 'SageMaker: capture to a bucket without encryption configuration, async output to AES256 and to aws:kms without a key, capture to a v3 inline AES256 bucket by reference',
      file: 'fail-sagemaker.tf',
      errors: [
        { line: 18, messageId: 'dataCapture', severity: 'high' },
        { line: 64, messageId: 'asyncOutput', severity: 'high' },
        { line: 91, messageId: 'dataCapture', severity: 'high' },
      ],
    },
    {
      name: 'Bedrock: a custom model with a CMK, invocation logs to a bucket without encryption configuration and a log group without kms_key_id',
      file: 'fail-bedrock.tf',
      errors: [
        { line: 50, messageId: 'bedrockLog', severity: 'high' },
        { line: 54, messageId: 'bedrockLog', severity: 'high' },
      ],
    },
    {
      name: 'Vertex AI: a CMEK endpoint logging to a dataset without a default key, by name and by reference',
      file: 'fail-vertex.tf',
      errors: [
        { line: 27, messageId: 'vertexLog', severity: 'high' },
        { line: 48, messageId: 'vertexLog', severity: 'high' },
      ],
    },
  ],
});

test('IG-GRAPH-010 replaces IG-AWS-004 / IG-AWS-005 on the same block; they stay where the sink is not shown weaker', async () => {
  const scan = async (file: string): Promise<string[]> => {
    const discovered = await discoverFiles({ paths: [`${FIXTURES}/${file}`], cwd: process.cwd() });
    const { result } = await scanFiles({ files: discovered.files, problems: discovered.problems, rules: [sagemakerDataCaptureWithoutCmk, sagemakerAsyncOutputWithoutCmk, inferenceCaptureSinkWeaker], failOn: 'none', today: '2026-01-01' });
    return summarize(result.findings);
  };
  assert.deepEqual(await scan('fail-sagemaker.tf'), ['IG-GRAPH-010@18 high [IG-AWS-004]', 'IG-GRAPH-010@64 high [IG-AWS-005]', 'IG-GRAPH-010@91 high [IG-AWS-004]']);
  // No endpoint key (absent, null, variable), the three for_each sinks (strong, undecided, outside the scan), the unknown URI.
  assert.deepEqual(await scan('pass-sagemaker.tf'), [
    'IG-AWS-004@141 high',
    'IG-AWS-004@141 high',
    'IG-AWS-004@141 high',
    'IG-AWS-004@159 high',
    'IG-AWS-004@58 high',
    'IG-AWS-004@76 high',
    'IG-AWS-004@95 high',
    'IG-AWS-005@169 medium',
  ]);
});
