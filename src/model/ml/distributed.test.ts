import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distributedInferenceOf } from './distributed.js';
import { containerNamed, modelOf } from './ml-testing.js';
import { modelServerFacts } from './model-server.js';

function facts(container: string): { signal: string; ports: string[] } | undefined {
  const model = modelOf(`apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: llm}\nspec:\n  containers:\n${container}`);
  const server = modelServerFacts(model, containerNamed(model, 's'));
  assert.ok(server, 'not a model server');
  const distributed = distributedInferenceOf(server);
  return distributed && { signal: distributed.signal.description, ports: distributed.ports.map((port) => `${port.number} ${port.label}`) };
}

test('vLLM multi-node signals and their ports', () => {
  assert.deepEqual(facts('    - {name: s, image: vllm/vllm-openai:v0.11.0, args: [--nnodes, "2", --master-addr, head-0.head]}\n'), {
    signal: '--nnodes=2',
    ports: ['29501 torch.distributed master (--master-port)'],
  });
  assert.deepEqual(facts('    - {name: s, image: vllm/vllm-openai:v0.11.0, args: [m, -dpa, head-0.head, -dpp, "13345"]}\n'), {
    signal: '-dpa=head-0.head',
    ports: ['13345 data-parallel RPC (ZeroMQ)', '29500 data-parallel master (torch.distributed)'],
  });
  assert.deepEqual(facts('    - name: s\n      image: vllm/vllm-openai:v0.11.0\n      args: [\'--kv-transfer-config={"kv_connector":"P2pNcclConnector","kv_role":"kv_both"}\']\n'), {
    signal: '--kv-transfer-config (KV-cache transfer between instances)',
    ports: ['14579 KV-cache transfer'],
  });
  assert.deepEqual(facts('    - {name: s, image: vllm/vllm-openai:v0.11.0, args: [-tp, "8", -pp, "2"], resources: {limits: {nvidia.com/gpu: 8}}}\n'), {
    signal: '-tp=8 × -pp=2 over 8 devices in the pod',
    ports: [],
  });
  // Single node: parallelism within the pod's GPUs, local data parallelism, a Ray backend without parallelism.
  assert.equal(facts('    - {name: s, image: vllm/vllm-openai:v0.11.0, args: [-tp, "8"], resources: {limits: {nvidia.com/gpu: "8"}}}\n'), undefined);
  assert.equal(facts('    - {name: s, image: vllm/vllm-openai:v0.11.0, args: [--data-parallel-size-local, "4"]}\n'), undefined);
  assert.equal(facts('    - {name: s, image: vllm/vllm-openai:v0.11.0, args: [--distributed-executor-backend, ray]}\n'), undefined);
  assert.equal(facts('    - {name: s, image: vllm/vllm-openai:v0.11.0, args: [--master-addr, 127.0.0.1]}\n'), undefined);
});

test('TGI: only a master address off loopback; SGLang: --nnodes / --dist-init-addr and prefill disaggregation', () => {
  assert.equal(facts('    - {name: s, image: "ghcr.io/huggingface/text-generation-inference:3.3.4", args: [--num-shard, "4"]}\n'), undefined);
  assert.deepEqual(facts('    - {name: s, image: "ghcr.io/huggingface/text-generation-inference:3.3.4", env: [{name: MASTER_ADDR, value: 0.0.0.0}, {name: MASTER_PORT, value: "29600"}]}\n'), {
    signal: 'env MASTER_ADDR',
    ports: ['29600 torch.distributed master (--master-port)'],
  });
  assert.deepEqual(facts('    - {name: s, image: lmsysorg/sglang:v0.5.4, command: [python3, -m, sglang.launch_server, --dist-init-addr, "10.0.0.1:20000", --nnodes, "2"]}\n'), {
    signal: '--nnodes=2',
    ports: ['20000 torch.distributed init (--dist-init-addr)'],
  });
  assert.deepEqual(facts('    - {name: s, image: lmsysorg/sglang:v0.5.4, command: [python3, -m, sglang.launch_server, --disaggregation-mode, prefill]}\n'), {
    signal: '--disaggregation-mode=prefill (KV-cache transfer between instances)',
    ports: ['8998 disaggregation bootstrap'],
  });
  assert.equal(facts('    - {name: s, image: lmsysorg/sglang:v0.5.4, command: [python3, -m, sglang.launch_server, --tp, "8"]}\n'), undefined);
});

test('SGLang is recognised by image and by its launcher, with its HTTP port', () => {
  const model = modelOf('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: s, image: "python:3.11", command: [python3, -m, sglang.launch_server, --port, "31000"]}\n    - {name: t, image: "lmsysorg/sglang:latest"}\n');
  const launcher = modelServerFacts(model, containerNamed(model, 's'));
  assert.deepEqual([launcher?.kind, launcher?.evidence, launcher?.ports.map((port) => port.number)], ['sglang', ['command'], [31000]]);
  assert.deepEqual(modelServerFacts(model, containerNamed(model, 't'))?.ports.map((port) => port.number), [30000]);
});
