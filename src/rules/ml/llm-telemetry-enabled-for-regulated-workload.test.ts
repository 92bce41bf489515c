import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { validateRuleOptions } from '../../config/rule-options.js';
import { ConfigError } from '../../config/config-error.js';
import { parseConfig } from '../../config/parse-config.js';
import { SourceFile } from '../../source/source-file.js';
import { findingsOf, ruleTester } from '../../testing/rule-tester.js';
import { llmTelemetryEnabledForRegulatedWorkload } from './llm-telemetry-enabled-for-regulated-workload.js';

const FIXTURES = 'src/rules/ml/__fixtures__/llm-telemetry-enabled-for-regulated-workload';
const REGULATED = { regulatedLabels: ['data-classification=regulated', 'compliance=hipaa'] };

ruleTester(llmTelemetryEnabledForRegulatedWorkload, {
  fixtures: FIXTURES,
  valid: [
    { name: 'TGI off (env, or the command line over env), from a Secret, not regulated, namespace not scanned, a release before the statistics', file: 'pass-tgi.yaml', options: REGULATED },
    { name: 'vLLM DO_NOT_TRACK=1, VLLM_NO_USAGE_STATS=1, empty VLLM_DO_NOT_TRACK then DO_NOT_TRACK=1, own collector, from a Secret, v0.3.3', file: 'pass-vllm.yaml', options: REGULATED },
    { name: 'without regulatedLabels the rule is silent (the default)', file: 'fail-tgi.yaml' },
    { name: 'regulatedLabels set to an empty list', file: 'fail-vllm.yaml', options: { regulatedLabels: [] } },
    { name: 'other labels configured', file: 'fail-tgi.yaml', options: { regulatedLabels: ['compliance=pci', 'data-classification=restricted'] } },
  ],
  invalid: [
    {
      name: 'TGI: default on in a regulated Namespace, on from a ConfigMap with a regulated pod template, no-stack on a regulated StatefulSet',
      file: 'fail-tgi.yaml',
      options: REGULATED,
      errors: [
        { line: 31, messageId: 'tgiUsageStats', severity: 'low' },
        { line: 43, messageId: 'tgiUsageStats', severity: 'low' },
        { line: 88, messageId: 'tgiNoStack', severity: 'low' },
      ],
    },
    {
      name: 'vLLM: no opt-out, DO_NOT_TRACK=true, VLLM_DO_NOT_TRACK=0 over DO_NOT_TRACK=1, an LMCache build whose tag is not a vLLM version',
      file: 'fail-vllm.yaml',
      options: REGULATED,
      errors: [
        { line: 24, messageId: 'vllmUsageStats', severity: 'low' },
        { line: 32, messageId: 'vllmUsageStats' },
        { line: 40, messageId: 'vllmUsageStats' },
        { line: 50, messageId: 'vllmUsageStats' },
      ],
    },
    {
      name: 'a label key alone matches any value',
      file: 'fail-tgi.yaml',
      options: { regulatedLabels: ['compliance'] },
      errors: [{ line: 43, messageId: 'tgiUsageStats' }],
    },
  ],
});

test('IG-ML-034 messages name the setting and the label that marks the workload regulated, with the label as related location', () => {
  const read = (name: string) => new SourceFile(`${FIXTURES}/${name}`, readFileSync(`${FIXTURES}/${name}`, 'utf8'));
  const findings = [...findingsOf(llmTelemetryEnabledForRegulatedWorkload, read('fail-tgi.yaml'), REGULATED), ...findingsOf(llmTelemetryEnabledForRegulatedWorkload, read('fail-vllm.yaml'), REGULATED)];
  assert.deepEqual(
    findings.map((finding) => [finding.message, finding.related.map((related) => `${related.startLine} ${related.message}`)]),
    [
      [
        "Container 'text-generation-inference' runs Hugging Face Text Generation Inference with usage statistics on (`--usage-stats` / `USAGE_STATS` not set: on by default) in a regulated workload (label data-classification=regulated on Namespace claims): start, stop and error events with the model configuration and hardware go to huggingface.co.",
        ['7 regulated: label data-classification=regulated on Namespace claims'],
      ],
      [
        "Container 'tgi' runs Hugging Face Text Generation Inference with usage statistics on (env USAGE_STATS=on (ConfigMap tgi-env key USAGE_STATS)) in a regulated workload (label compliance=hipaa on the pod template): start, stop and error events with the model configuration and hardware go to huggingface.co.",
        ['57 regulated: label compliance=hipaa on the pod template'],
      ],
      [
        "Container 'tgi' runs Hugging Face Text Generation Inference with --usage-stats=no-stack in a regulated workload (label data-classification=regulated on StatefulSet tgi-qwen): no stack traces, but start, stop and crash events with the model configuration and hardware still go to huggingface.co.",
        ['75 regulated: label data-classification=regulated on StatefulSet tgi-qwen'],
      ],
      [
        "Container 'vllm' runs vLLM with usage statistics on (no `VLLM_NO_USAGE_STATS=1` or `DO_NOT_TRACK=1`) in a regulated workload (label data-classification=regulated on Namespace claims): the platform, GPUs and model architecture go to stats.vllm.ai at start and every 10 minutes.",
        ['7 regulated: label data-classification=regulated on Namespace claims'],
      ],
      [
        "Container 'vllm-true' runs vLLM with usage statistics on (env DO_NOT_TRACK=true, which vLLM does not read as an opt-out (only 1 is)) in a regulated workload (label data-classification=regulated on Namespace claims): the platform, GPUs and model architecture go to stats.vllm.ai at start and every 10 minutes.",
        ['7 regulated: label data-classification=regulated on Namespace claims'],
      ],
      [
        "Container 'vllm-zero' runs vLLM with usage statistics on (env VLLM_DO_NOT_TRACK=0, which vLLM does not read as an opt-out (only 1 is)) in a regulated workload (label data-classification=regulated on Namespace claims): the platform, GPUs and model architecture go to stats.vllm.ai at start and every 10 minutes.",
        ['7 regulated: label data-classification=regulated on Namespace claims'],
      ],
      [
        "Container 'vllm' runs vLLM with usage statistics on (no `VLLM_NO_USAGE_STATS=1` or `DO_NOT_TRACK=1`) in a regulated workload (label data-classification=regulated on Namespace claims): the platform, GPUs and model architecture go to stats.vllm.ai at start and every 10 minutes.",
        ['7 regulated: label data-classification=regulated on Namespace claims'],
      ],
    ],
  );
});

test('IG-ML-034 regulatedLabels: label selectors are checked when the config is read', () => {
  const metas = [llmTelemetryEnabledForRegulatedWorkload.meta];
  const config = parseConfig('rules:\n  llm-telemetry-enabled-for-regulated-workload:\n    options:\n      regulatedLabels: [data-classification=regulated, compliance, example.com/regulated=true, "tier="]\n', 'c.yaml');
  assert.deepEqual(validateRuleOptions(config, metas).get('IG-ML-034'), { regulatedLabels: ['data-classification=regulated', 'compliance', 'example.com/regulated=true', 'tier='] });
  for (const [selector, index] of [['compliance = hipaa', 0], ['compliance in (hipaa)', 0], ['-bad=x', 0], ['Example.COM/x=y', 0]] as const) {
    const text = `rules:\n  IG-ML-034:\n    options:\n      regulatedLabels:\n        - ${JSON.stringify(selector)}\n`;
    assert.throws(
      () => validateRuleOptions(parseConfig(text, 'c.yaml'), metas),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.message, `c.yaml:5: /rules/IG-ML-034/options/regulatedLabels/${index}: "${selector}" is not a label selector such as data-classification=regulated, or a label key alone`);
        return true;
      },
      selector,
    );
  }
});
