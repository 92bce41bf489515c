import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bindHostIn, isLocalBind, modelServerFacts, modelServersIn, portNumberIn } from './model-server.js';
import { containerNamed, lineOfNode, modelOf } from './ml-testing.js';

function pod(containers: string, extra = ''): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: serving}\nspec:\n${extra}  containers:\n${containers}`;
}

describe('recognition (catalogue A.0)', () => {
  const cases: ReadonlyArray<{ name: string; container: string; kind: string | undefined; evidence?: string[] }> = [
    { name: 'Triton by image, confirmed by command', container: '    - {name: s, image: "nvcr.io/nvidia/tritonserver:24.05-py3", command: [tritonserver]}\n', kind: 'triton', evidence: ['image', 'command'] },
    { name: 'Triton client SDK image is not a server', container: '    - {name: s, image: "nvcr.io/nvidia/tritonserver:24.05-py3-sdk"}\n', kind: undefined },
    { name: 'mirror prefix and digest ignored', container: '    - {name: s, image: "harbor.example.com/proxy/vllm/vllm-openai@sha256:abc"}\n', kind: 'vllm', evidence: ['image'] },
    { name: 'vLLM started from a shell script', container: '    - name: s\n      image: python:3.11\n      command: [sh, -c, "pip install vllm && exec vllm serve m --port 9000"]\n', kind: 'vllm', evidence: ['command'] },
    { name: 'TF Serving by its program', container: '    - {name: s, image: "gcr.io/x/custom:1", command: [/usr/bin/tensorflow_model_server]}\n', kind: 'tf-serving', evidence: ['command'] },
    { name: 'MLServer on a seldonio image', container: '    - {name: s, image: "seldonio/mlserver:1.5.0", args: [mlserver, start, /models]}\n', kind: 'mlserver', evidence: ['image', 'command'] },
    { name: 'Cloud TPU build of TF Serving', container: '    - {name: s, image: "us-docker.pkg.dev/cloud-tpu-images/inference/tf-serving-tpu:2.13.0"}\n', kind: 'tf-serving', evidence: ['image'] },
    { name: 'TF Serving example image from gcr.io/tensorflow-serving', container: '    - {name: s, image: "gcr.io/tensorflow-serving/resnet"}\n', kind: 'tf-serving', evidence: ['image'] },
    { name: 'LMCache build of vLLM', container: '    - {name: s, image: "lmcache/vllm-openai:2025-05-27-v1"}\n', kind: 'vllm', evidence: ['image'] },
    { name: 'upstream vLLM CPU build', container: '    - {name: s, image: "docker.io/vllm/vllm-openai-cpu:v0.23.0"}\n', kind: 'vllm', evidence: ['image'] },
    { name: "llm-d's CUDA build of vLLM", container: '    - {name: s, image: "ghcr.io/llm-d/llm-d-cuda:v0.9.0"}\n', kind: 'vllm', evidence: ['image'] },
    { name: "llm-d's first image", container: '    - {name: s, image: "ghcr.io/llm-d/llm-d:0.0.8"}\n', kind: 'vllm', evidence: ['image'] },
    { name: 'Red Hat AI Inference Server vLLM', container: '    - {name: s, image: "registry.redhat.io/rhaiis/vllm-cuda-rhel9:3.2.1"}\n', kind: 'vllm', evidence: ['image'] },
    { name: "llm-d's SGLang build is not vLLM", container: '    - {name: s, image: "ghcr.io/llm-d/llm-d-xpu-sglang:v0.9.0"}\n', kind: undefined },
    { name: "llm-d's endpoint picker and simulator are not vLLM", container: '    - {name: s, image: "ghcr.io/llm-d/llm-d-inference-sim:v0.10.0"}\n', kind: undefined },
    { name: 'a web server is not a model server', container: '    - {name: s, image: "nginx:1.27", args: ["--port", "8000"]}\n', kind: undefined },
    { name: 'a word "serve" alone is not vLLM', container: '    - {name: s, image: "node:20", command: [npm, run, serve]}\n', kind: undefined },
    { name: 'BentoML runner server as Yatai starts it', container: '    - {name: s, image: "registry.example.com/summarizer:1.0", args: [bentoml, start-runner-server, ., --runner-name, llm]}\n', kind: 'bentoml', evidence: ['command'] },
    { name: 'BentoML standalone HTTP API server', container: '    - {name: s, image: "registry.example.com/summarizer:1.0", args: [bentoml, start-http-server, .]}\n', kind: 'bentoml', evidence: ['command'] },
  ];
  for (const { name, container, kind, evidence } of cases) {
    test(name, () => {
      const model = modelOf(pod(container));
      const server = modelServerFacts(model, containerNamed(model, 's'));
      assert.equal(server?.kind, kind);
      if (evidence) assert.deepEqual(server?.evidence, evidence);
    });
  }
});

describe('ports by role', () => {
  test('Triton defaults, and a port moved by a flag with $(VAR)', () => {
    const model = modelOf(
      pod(`    - name: s
      image: nvcr.io/nvidia/tritonserver:24.05-py3
      args: [tritonserver, --model-repository=/models, "--http-port=$(PORT)"]
      env: [{name: PORT, value: "9000"}]
      ports:
        - containerPort: 9000
        - containerPort: 8002
`),
    );
    const server = modelServerFacts(model, containerNamed(model, 's'));
    assert.ok(server);
    assert.deepEqual(
      server.ports.map((port) => [port.spec.label, port.number, port.declared !== undefined, port.setBy?.description]),
      [
        ['HTTP', 9000, true, '--http-port=9000'],
        ['gRPC', 8001, false, undefined],
        ['metrics', 8002, true, undefined],
      ],
    );
    assert.deepEqual(server.portsWith('metrics').map((port) => port.number), [8002]);
    assert.equal(lineOfNode(server.ports[0]?.declared as NonNullable<(typeof server.ports)[0]["declared"]>), 11);
  });

  test('TorchServe management address from config.properties mounted from a ConfigMap', () => {
    const model = modelOf(`apiVersion: v1
kind: ConfigMap
metadata: {name: ts-config, namespace: serving}
data:
  config.properties: |
    inference_address=http://0.0.0.0:8085
    management_address=http://0.0.0.0:8086
    enable_model_api=true
---
${pod(
  `    - name: s
      image: pytorch/torchserve:0.8.1-gpu
      args: [torchserve, --start, --ts-config, /home/model-server/config/config.properties, --model-store, /mnt/models]
      env: [{name: TS_ENABLE_MODEL_API, valueFrom: {configMapKeyRef: {name: flags, key: model-api}}}]
      volumeMounts: [{name: config, mountPath: /home/model-server/config}]
`,
  '  volumes: [{name: config, configMap: {name: ts-config}}]\n',
)}`);
    const server = modelServerFacts(model, containerNamed(model, 's'));
    assert.ok(server);
    assert.equal(server.configFile?.configMap.name, 'ts-config');
    assert.deepEqual(server.portsWith('management').map((port) => [port.number, port.setBy?.description]), [
      [8086, 'management_address in config.properties (ConfigMap ts-config)'],
      [7071, undefined],
    ]);
    // Precedence: env (a ConfigMap not in the scan: value unknown) before the config file.
    const modelApi = server.settings({ env: ['TS_ENABLE_MODEL_API'], config: ['enable_model_api'] });
    assert.deepEqual(modelApi.map((setting) => [setting.source, setting.value]), [
      ['env', undefined],
      ['config-file', 'true'],
    ]);
    assert.deepEqual(server.modelSources.map((source) => source.value), ['/mnt/models']);
    assert.deepEqual(server.image?.version, [0, 8, 1]);
  });
});

describe('settings, model sources, identity, accelerators', () => {
  const model = modelOf(`apiVersion: v1
kind: ConfigMap
metadata: {name: tgi-env, namespace: serving}
data:
  MODEL_ID: bigscience/bloom-560m
  NGROK: "true"
---
${pod(
  `    - name: s
      image: ghcr.io/huggingface/text-generation-inference:2.0.4
      envFrom: [{configMapRef: {name: tgi-env}}]
      env:
        - {name: API_KEY, valueFrom: {secretKeyRef: {name: tgi, key: key}}}
        - {name: PORT, value: "8080"}
      resources: {limits: {nvidia.com/gpu: 1}}
`,
  '  serviceAccountName: tgi\n',
)}`);
  const server = modelServerFacts(model, containerNamed(model, 's'));

  test('env from envFrom ConfigMaps is read with its value', () => {
    assert.deepEqual(server?.modelSources.map((source) => [source.value, source.description]), [['bigscience/bloom-560m', 'env MODEL_ID (envFrom ConfigMap tgi-env)']]);
    assert.equal(server?.setting({ env: ['NGROK'] })?.value, 'true');
  });

  test('a Secret reference is set, with no readable value', () => {
    const key = server?.setting({ env: ['API_KEY'] });
    assert.ok(key);
    assert.equal(key.value, undefined);
  });

  test('ports moved by env, version from the tag, GPUs, service account', () => {
    assert.deepEqual(server?.ports.map((port) => port.number), [8080]);
    assert.deepEqual(server?.image?.version, [2, 0, 4]);
    assert.equal(server?.image?.floating, false);
    assert.deepEqual(server?.accelerators, ['nvidia.com/gpu']);
    assert.equal(server?.serviceAccount.name, 'tgi');
    assert.equal(server?.serviceAccount.object, undefined);
  });

  test('modelServersIn lists every server once', () => {
    assert.deepEqual(modelServersIn(model).map((found) => found.kind), ['tgi']);
  });
});

test('BentoML and MLflow ports moved by their environment variables', () => {
  const model = modelOf(
    pod(`    - name: s
      image: python:3.11
      command: [bentoml, serve, service:Svc]
      env: [{name: BENTOML_PORT, value: "3100"}]
    - name: m
      image: ghcr.io/mlflow/mlflow:v3.5.0
      command: [mlflow, server]
      env: [{name: MLFLOW_PORT, value: "8080"}]
`),
  );
  assert.deepEqual(modelServerFacts(model, containerNamed(model, 's'))?.ports.map((port) => port.number), [3100]);
  assert.deepEqual(modelServerFacts(model, containerNamed(model, 'm'))?.ports.map((port) => port.number), [8080]);
});

test('vLLM positional model and flags only from its own command segment', () => {
  const model = modelOf(
    pod(`    - name: s
      image: python:3.11
      command: [sh, -c, "pip install --port 1 x; vllm serve meta-llama/Llama-3.1-8B --api-key abc"]
`),
  );
  const server = modelServerFacts(model, containerNamed(model, 's'));
  assert.deepEqual(server?.modelSources.map((source) => source.value), ['meta-llama/Llama-3.1-8B']);
  assert.equal(server?.setting({ flags: ['--port'] }), undefined);
  assert.equal(server?.setting({ flags: ['--api-key'] })?.value, 'abc');
  assert.deepEqual(server?.ports.map((port) => port.number), [8000]);
});

test('bind addresses', () => {
  assert.equal(portNumberIn('http://127.0.0.1:8081'), 8081);
  assert.equal(portNumberIn('8085'), 8085);
  assert.equal(portNumberIn('unix:/tmp/management.sock'), undefined);
  assert.equal(bindHostIn('http://127.0.0.1:8081'), '127.0.0.1');
  assert.equal(bindHostIn('[::1]:8081'), '::1');
  assert.equal(isLocalBind(bindHostIn('unix:/tmp/s')), true);
  assert.equal(isLocalBind(bindHostIn('0.0.0.0:8081')), false);
});

test('in a custom resource, the container the operator runs as the server is one; its sidecars are not', () => {
  const model = modelOf(`apiVersion: ray.io/v1
kind: RayCluster
metadata: {name: r, namespace: serving}
spec:
  headGroupSpec:
    template:
      spec:
        containers:
          - {name: head, image: "registry.example.com/team/ray-app:1.0"}
          - {name: fluent-bit, image: "fluent/fluent-bit:3.0"}
`);
  assert.deepEqual(
    modelServersIn(model).map((server) => [server.container.name, server.kind, server.evidence]),
    [['head', 'ray', ['crd']]],
  );
});

test('an InferenceService predictor without an image runs the runtime its format or runtime name selects', () => {
  const model = modelOf(`apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: a, namespace: serving}
spec:
  predictor:
    pytorch: {storageUri: "gs://b/m"}
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: b, namespace: serving}
spec:
  predictor:
    model: {modelFormat: {name: onnx}, storageUri: "gs://b/m"}
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: c, namespace: serving}
spec:
  predictor:
    model: {modelFormat: {name: pytorch}, runtime: kserve-tritonserver, storageUri: "gs://b/m"}
---
apiVersion: serving.kserve.io/v1beta1
kind: InferenceService
metadata: {name: d, namespace: serving}
spec:
  predictor:
    sklearn: {storageUri: "gs://b/m"}
`);
  assert.deepEqual(
    modelServersIn(model).map((server) => [server.container.workload.object.name, server.kind, server.evidence]),
    [
      ['a', 'torchserve', ['crd']],
      ['b', 'triton', ['crd']],
      ['c', 'triton', ['crd']],
      ['d', 'kserve', ['crd']],
    ],
  );
});

describe('LLMInferenceService (KServe presets run vLLM in the main container)', () => {
  const llmisvc = (main: string, extra = ''): string => `apiVersion: serving.kserve.io/v1alpha1
kind: LLMInferenceService
metadata: {name: chat, namespace: serving}
spec:
  model: {uri: "hf://acme/chat-7b", name: acme/chat-7b}
  template:
    containers:
${main}${extra}`;

  test('the main container without a command is vLLM: VLLM_ADDITIONAL_ARGS words before its args, located at the env value; spec.model.uri is the model', () => {
    const model = modelOf(
      llmisvc(`      - name: main
        args: [--max-model-len, "4096"]
        env:
          - name: VLLM_ADDITIONAL_ARGS
            value: >-
              --trust-remote-code
              --port=9000
              --chat-template '{{ messages }}'
      - {name: log-shipper, image: "fluent/fluent-bit:3.0"}
`),
    );
    assert.deepEqual(
      modelServersIn(model).map((server) => [server.container.name, server.kind, server.evidence]),
      [['main', 'vllm', ['crd']]],
    );
    const server = modelServerFacts(model, containerNamed(model, 'main'));
    assert.ok(server);
    assert.deepEqual(server.words.map((word) => word.text), ['--trust-remote-code', '--port=9000', '--chat-template', '{{ messages }}', '--max-model-len', '4096']);
    const trust = server.setting({ flags: ['--trust-remote-code'], switch: true });
    assert.equal(trust?.description, '--trust-remote-code in env VLLM_ADDITIONAL_ARGS');
    assert.equal(lineOfNode(trust?.node as NonNullable<typeof trust>['node']), 12);
    assert.equal(server.setting({ flags: ['--max-model-len'] })?.description, '--max-model-len=4096');
    assert.deepEqual(server.ports.map((port) => [port.number, port.setBy?.description]), [[9000, '--port=9000 in env VLLM_ADDITIONAL_ARGS']]);
    assert.deepEqual(server.modelSources.map((source) => [source.value, source.source, source.description, lineOfNode(source.node)]), [['hf://acme/chat-7b', 'resource', 'spec.model.uri of LLMInferenceService chat', 5]]);
  });

  test('VLLM_ADDITIONAL_ARGS from a scanned ConfigMap is read there; from a Secret it is unknown and adds nothing', () => {
    const model = modelOf(
      `${llmisvc(`      - name: main
        image: ghcr.io/llm-d/llm-d-cuda:v0.9.0
        env:
          - name: VLLM_ADDITIONAL_ARGS
            valueFrom: {configMapKeyRef: {name: vllm-args, key: args}}
`)}---
apiVersion: v1
kind: ConfigMap
metadata: {name: vllm-args, namespace: serving}
data:
  args: "--enable-auto-tool-choice --tool-call-parser=hermes"
---
${llmisvc(`      - name: secret-main
        env:
          - name: VLLM_ADDITIONAL_ARGS
            valueFrom: {secretKeyRef: {name: vllm-args, key: args}}
`).replace('name: chat,', 'name: hidden,')}`,
    );
    const server = modelServerFacts(model, containerNamed(model, 'main'));
    assert.deepEqual(server?.evidence, ['image', 'crd']);
    assert.equal(server?.image?.version, undefined, "llm-d's tag is its own release, not vLLM's");
    const parser = server?.setting({ flags: ['--tool-call-parser'] });
    assert.equal(parser?.description, '--tool-call-parser=hermes in env VLLM_ADDITIONAL_ARGS (ConfigMap vllm-args key args)');
    assert.equal(lineOfNode(parser?.node as NonNullable<typeof parser>['node']), 18);
    const hidden = modelServerFacts(model, containerNamed(model, 'secret-main'));
    assert.equal(hidden?.kind, 'vllm');
    assert.deepEqual(hidden?.words, []);
  });

  test('a main container with its own command runs what it says: the llm-d simulator is not vLLM, a script expands $VLLM_ADDITIONAL_ARGS where it writes it', () => {
    const model = modelOf(
      `${llmisvc(`      - name: main
        image: ghcr.io/llm-d/llm-d-inference-sim:v0.10.0
        command: [/app/llm-d-inference-sim]
        args: [--port, "8000", --model, acme/chat-7b]
        env: [{name: VLLM_ADDITIONAL_ARGS, value: --trust-remote-code}]
`)}---
${llmisvc(`      - name: main
        image: ghcr.io/llm-d/llm-d-cuda:v0.9.0
        command: [/bin/sh, -c]
        args: ["vllm serve /mnt/models --port 8000 $VLLM_ADDITIONAL_ARGS && echo done --enforce-eager"]
        env: [{name: VLLM_ADDITIONAL_ARGS, value: --enable-lora}]
`).replace('name: chat,', 'name: scripted,')}`,
    );
    const simulator = model.workloads[0]?.containers[0] && modelServerFacts(model, model.workloads[0].containers[0]);
    assert.notEqual(simulator?.kind, 'vllm');
    assert.equal(simulator?.setting({ flags: ['--trust-remote-code'], switch: true }), undefined);
    const scripted = modelServersIn(model).find((server) => server.container.workload.object.name === 'scripted');
    assert.deepEqual(scripted?.words.map((word) => word.text), ['vllm', 'serve', '/mnt/models', '--port', '8000', '--enable-lora']);
    assert.deepEqual(scripted?.modelSources.map((source) => source.value), ['/mnt/models', 'hf://acme/chat-7b']);
  });
});
