import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLlmServer, listensBeyondPod } from './llm-servers.js';
import { containerNamed, modelOf } from './ml-testing.js';
import { modelServerFacts } from './model-server.js';

const YAML = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - {name: vllm, image: vllm/vllm-openai:v0.11.0}
    - {name: trtllm, image: nvcr.io/nvidia/tritonserver:24.08-trtllm-python-py3}
    - {name: triton-vllm, image: nvcr.io/nvidia/tritonserver:24.08-vllm-python-py3}
    - {name: triton, image: nvcr.io/nvidia/tritonserver:24.08-py3}
    - {name: sglang, image: lmsysorg/sglang:v0.5.3, command: [python3, -m, sglang.launch_server]}
    - {name: sglang-open, image: lmsysorg/sglang:v0.5.3, command: [python3, -m, sglang.launch_server, --host, 0.0.0.0]}
    - {name: ollama-local, image: ollama/ollama:0.12.3, env: [{name: OLLAMA_HOST, value: "127.0.0.1:11434"}]}
    - {name: torchserve, image: pytorch/torchserve:0.12.0-cpu}
`;

test("LLM servers, Triton's LLM builds among them, and whether they listen beyond the pod", () => {
  const model = modelOf(YAML);
  const llm = (name: string): boolean => isLlmServer(containerNamed(model, name));
  assert.deepEqual(['vllm', 'trtllm', 'triton-vllm', 'triton', 'sglang', 'torchserve'].map(llm), [true, true, true, false, true, false]);
  const beyond = (name: string): boolean | undefined => {
    const server = modelServerFacts(model, containerNamed(model, name));
    return server && listensBeyondPod(server);
  };
  assert.deepEqual(['vllm', 'trtllm', 'sglang', 'sglang-open', 'ollama-local'].map(beyond), [true, true, false, true, false]);
});
