// What inferguard knows about each model server (catalogue section A): how to recognise it, its
// ports by role, where its model comes from, its canonical registries. Ports marked [U] in the
// catalogue are listed only where a rule needs them and say so.

export type ModelServerKind = 'triton' | 'torchserve' | 'tf-serving' | 'vllm' | 'tgi' | 'sglang' | 'ollama' | 'ray' | 'mlflow' | 'bentoml' | 'nim' | 'seldon' | 'mlserver' | 'kserve';

/**
 * inference: predictions; management: admin API (register models, jobs, dashboard);
 * model-control: loads / unloads / reloads models; metrics: Prometheus / stats; control: cluster
 * internals (Ray GCS, Ray Client) that run code for whoever connects.
 */
export type PortRole = 'inference' | 'management' | 'model-control' | 'metrics' | 'control';

export interface PortSpec {
  readonly label: string;
  readonly roles: readonly PortRole[];
  readonly protocol: 'http' | 'grpc' | 'tcp';
  readonly default: number;
  /** Flags that set the port (`--http-port`), in the server's own spelling. */
  readonly flags?: readonly string[];
  /** Environment variables that set it (`MLSERVER_HTTP_PORT`, `OLLAMA_HOST` as host:port). */
  readonly env?: readonly string[];
  /** Config-file key that sets it (TorchServe `management_address`, a URL with a port). */
  readonly configKey?: string;
}

export interface ServerKindInfo {
  readonly kind: ModelServerKind;
  readonly title: string;
  /** Repository paths (registry removed, lower-cased). */
  readonly images: readonly RegExp[];
  /** Images built by others whose tag is their own release, not the server's version (llm-d's vLLM). */
  readonly rebuiltImages?: readonly RegExp[];
  /** The program that is the server, as the first word of a command. */
  readonly programs: readonly RegExp[];
  /** A command-line phrase that is the server (`vllm serve`, `python -m vllm.entrypoints…`). */
  readonly phrases?: readonly RegExp[];
  readonly ports: readonly PortSpec[];
  /** `registry/namespace` prefixes the vendor publishes from (IG-ML-071). */
  readonly registries: readonly string[];
  /** Flags and env that name the served model or model repository. */
  readonly modelFlags?: readonly string[];
  readonly modelEnv?: readonly string[];
  /**
   * A key → value configuration file the server reads: the env variable and the flag that move it (the
   * variable wins), and the file read when neither is given.
   */
  readonly configFile?: { readonly flags: readonly string[]; readonly env?: readonly string[]; readonly defaultPath: string; readonly format: 'properties' };
}

export const SERVER_KINDS: readonly ServerKindInfo[] = [
  {
    kind: 'triton',
    title: 'NVIDIA Triton Inference Server',
    images: [/(^|\/)nvidia\/tritonserver$/],
    programs: [/(^|\/)tritonserver$/],
    ports: [
      { label: 'HTTP', roles: ['inference', 'model-control'], protocol: 'http', default: 8000, flags: ['--http-port'] },
      { label: 'gRPC', roles: ['inference', 'model-control'], protocol: 'grpc', default: 8001, flags: ['--grpc-port'] },
      { label: 'metrics', roles: ['metrics'], protocol: 'http', default: 8002, flags: ['--metrics-port'] },
    ],
    registries: ['nvcr.io/nvidia'],
    modelFlags: ['--model-repository', '--model-store'],
  },
  {
    kind: 'torchserve',
    title: 'TorchServe',
    // Google's Cloud TPU build of TorchServe serves the same ports and APIs.
    images: [/(^|\/)pytorch\/torchserve(-nightly|-kfs)?$/, /(^|\/)cloud-tpu-images\/inference\/torchserve-tpu$/],
    programs: [/(^|\/)torchserve$/],
    ports: [
      { label: 'inference', roles: ['inference'], protocol: 'http', default: 8080, env: ['TS_INFERENCE_ADDRESS'], configKey: 'inference_address' },
      { label: 'management', roles: ['management', 'model-control'], protocol: 'http', default: 8081, env: ['TS_MANAGEMENT_ADDRESS'], configKey: 'management_address' },
      { label: 'metrics', roles: ['metrics'], protocol: 'http', default: 8082, env: ['TS_METRICS_ADDRESS'], configKey: 'metrics_address' },
      { label: 'gRPC inference', roles: ['inference'], protocol: 'grpc', default: 7070, env: ['TS_GRPC_INFERENCE_PORT'], configKey: 'grpc_inference_port' },
      { label: 'gRPC management', roles: ['management', 'model-control'], protocol: 'grpc', default: 7071, env: ['TS_GRPC_MANAGEMENT_PORT'], configKey: 'grpc_management_port' },
    ],
    registries: ['docker.io/pytorch', 'us-docker.pkg.dev/cloud-tpu-images'],
    modelFlags: ['--model-store', '--models'],
    // TS_CONFIG_FILE wins over --ts-config, which wins over ./config.properties (ConfigManager; the
    // official images' WORKDIR is /home/model-server).
    configFile: { flags: ['--ts-config'], env: ['TS_CONFIG_FILE'], defaultPath: '/home/model-server/config.properties', format: 'properties' },
  },
  {
    kind: 'tf-serving',
    title: 'TensorFlow Serving',
    // Also Google's Cloud TPU build and the `gcr.io/tensorflow-serving/<model>` example images built on it.
    images: [/(^|\/)tensorflow\/serving$/, /(^|\/)cloud-tpu-images\/inference\/tf-serving-tpu$/, /^tensorflow-serving\/[^/]+$/],
    programs: [/(^|\/)tensorflow_model_server$/],
    ports: [
      // The gRPC ModelService carries HandleReloadConfigRequest: model control on the inference port.
      { label: 'gRPC', roles: ['inference', 'model-control'], protocol: 'grpc', default: 8500, flags: ['--port'] },
      { label: 'REST', roles: ['inference'], protocol: 'http', default: 8501, flags: ['--rest_api_port'] },
    ],
    registries: ['docker.io/tensorflow', 'us-docker.pkg.dev/cloud-tpu-images', 'gcr.io/tensorflow-serving'],
    modelFlags: ['--model_base_path', '--model_config_file'],
    modelEnv: ['MODEL_BASE_PATH'],
  },
  {
    kind: 'vllm',
    title: 'vLLM',
    // The upstream CPU / ROCm / XPU builds, LMCache's build of the same server (vLLM production stack),
    // llm-d's vLLM builds (llm-d docs/…/artifacts.md "Custom Images": llm-d-cuda, -aws, -rocm, -xpu, -cpu;
    // `llm-d-xpu-sglang` is SGLang; the plain `llm-d` image is what KServe's older LLMInferenceService
    // presets run `vllm serve` in) and Red Hat AI Inference Server's (`rhaiis/vllm-cuda-rhel9`, …).
    images: [
      /(^|\/)vllm\/vllm-openai(-cpu|-rocm|-xpu)?$/,
      /(^|\/)lmcache\/vllm-openai$/,
      /(^|\/)llm-d\/llm-d(-cuda|-aws|-rocm|-xpu|-cpu)?$/,
      /(^|\/)rhaiis\/vllm-[a-z0-9]+-rhel\d+$/,
    ],
    // Their tags are llm-d / RHAIIS releases, not vLLM's.
    rebuiltImages: [/(^|\/)llm-d\/llm-d(-[a-z]+)?$/, /(^|\/)rhaiis\//],
    programs: [],
    phrases: [/(^|\s|\/)vllm serve(\s|$)/, /vllm\.entrypoints\.openai\.api_server/],
    ports: [{ label: 'OpenAI API', roles: ['inference', 'metrics'], protocol: 'http', default: 8000, flags: ['--port'] }],
    registries: ['docker.io/vllm', 'docker.io/lmcache', 'ghcr.io/llm-d', 'registry.redhat.io/rhaiis'],
    modelFlags: ['--model'],
  },
  {
    kind: 'tgi',
    title: 'Hugging Face Text Generation Inference',
    images: [/(^|\/)huggingface\/text-generation-inference$/],
    programs: [/(^|\/)text-generation-launcher$/],
    // The launcher defaults to 3000; the published image sets PORT=80 (its Dockerfile, verified).
    ports: [{ label: 'HTTP', roles: ['inference', 'metrics'], protocol: 'http', default: 80, flags: ['--port', '-p'], env: ['PORT'] }],
    registries: ['ghcr.io/huggingface'],
    modelFlags: ['--model-id'],
    modelEnv: ['MODEL_ID'],
  },
  {
    // python/sglang/srt/server_args.py: `--host` 127.0.0.1 and `--port` 30000 by default; `--model-path` (alias `--model`).
    kind: 'sglang',
    title: 'SGLang',
    images: [/(^|\/)lmsysorg\/sglang$/],
    programs: [],
    phrases: [/sglang\.launch_server/],
    ports: [{ label: 'HTTP', roles: ['inference', 'metrics'], protocol: 'http', default: 30000, flags: ['--port'] }],
    registries: ['docker.io/lmsysorg'],
    modelFlags: ['--model-path', '--model'],
  },
  {
    kind: 'ollama',
    title: 'Ollama',
    images: [/(^|\/)ollama\/ollama$/],
    programs: [],
    phrases: [/(^|\s|\/)ollama serve(\s|$)/],
    ports: [{ label: 'API', roles: ['inference', 'model-control', 'management'], protocol: 'http', default: 11434, env: ['OLLAMA_HOST'] }],
    registries: ['docker.io/ollama'],
  },
  {
    kind: 'ray',
    title: 'Ray',
    images: [/(^|\/)rayproject\/ray(-ml)?$/],
    programs: [],
    phrases: [/(^|\s|\/)ray start(\s|$)/],
    ports: [
      { label: 'GCS', roles: ['control'], protocol: 'tcp', default: 6379, flags: ['--port'] },
      { label: 'dashboard and Jobs API', roles: ['management'], protocol: 'http', default: 8265, flags: ['--dashboard-port'] },
      { label: 'Ray Client', roles: ['control'], protocol: 'grpc', default: 10001, flags: ['--ray-client-server-port'] },
      { label: 'Serve HTTP', roles: ['inference'], protocol: 'http', default: 8000 },
      { label: 'dashboard agent', roles: ['management'], protocol: 'http', default: 52365, flags: ['--dashboard-agent-listen-port'] },
      { label: 'metrics', roles: ['metrics'], protocol: 'http', default: 8080, flags: ['--metrics-export-port'] },
    ],
    registries: ['docker.io/rayproject'],
  },
  {
    kind: 'mlflow',
    title: 'MLflow',
    images: [/(^|\/)mlflow\/mlflow$/],
    programs: [],
    phrases: [/(^|\s|\/)mlflow (server|ui|models serve)(\s|$)/],
    ports: [{ label: 'HTTP', roles: ['inference', 'management', 'model-control'], protocol: 'http', default: 5000, flags: ['--port', '-p'], env: ['MLFLOW_PORT'] }],
    registries: ['ghcr.io/mlflow'],
    modelFlags: ['--model-uri', '-m'],
  },
  {
    kind: 'bentoml',
    title: 'BentoML',
    images: [/(^|\/)bentoml\/[^/]+$/],
    programs: [],
    // `start-http-server` / `start-runner-server` / `start-grpc-server`: the standalone API and runner servers Yatai runs (BentoML 1.x).
    phrases: [/(^|\s|\/)bentoml (serve(-http|-grpc)?|start-(http|runner|grpc)-server)(\s|$)/],
    ports: [{ label: 'HTTP', roles: ['inference'], protocol: 'http', default: 3000, flags: ['--port', '-p'], env: ['BENTOML_PORT'] }],
    registries: ['docker.io/bentoml'],
  },
  {
    kind: 'nim',
    title: 'NVIDIA NIM',
    images: [/(^|\/)nim\/[^/]+\/[^/]+$/],
    programs: [],
    ports: [{ label: 'OpenAI API', roles: ['inference', 'metrics'], protocol: 'http', default: 8000, env: ['NIM_SERVER_PORT'] }],
    registries: ['nvcr.io/nim'],
    modelEnv: ['NIM_MODEL_NAME'],
  },
  {
    kind: 'mlserver',
    title: 'Seldon MLServer',
    images: [/(^|\/)seldonio\/mlserver$/],
    programs: [/(^|\/)mlserver$/],
    ports: [
      // The model repository API (load / unload) is served on the inference ports.
      { label: 'HTTP', roles: ['inference', 'model-control'], protocol: 'http', default: 8080, env: ['MLSERVER_HTTP_PORT'] },
      { label: 'gRPC', roles: ['inference', 'model-control'], protocol: 'grpc', default: 8081, env: ['MLSERVER_GRPC_PORT'] },
      { label: 'metrics', roles: ['metrics'], protocol: 'http', default: 8082, env: ['MLSERVER_METRICS_PORT'] },
    ],
    registries: ['docker.io/seldonio'],
  },
  {
    kind: 'seldon',
    title: 'Seldon Core',
    images: [/(^|\/)seldonio\/[^/]+$/],
    programs: [],
    ports: [
      { label: 'HTTP', roles: ['inference'], protocol: 'http', default: 9000, env: ['PREDICTIVE_UNIT_HTTP_SERVICE_PORT'] },
      { label: 'gRPC', roles: ['inference'], protocol: 'grpc', default: 5000, env: ['PREDICTIVE_UNIT_GRPC_SERVICE_PORT'] },
      { label: 'metrics', roles: ['metrics'], protocol: 'http', default: 6000, env: ['PREDICTIVE_UNIT_METRICS_SERVICE_PORT'] },
    ],
    registries: ['docker.io/seldonio'],
  },
  {
    kind: 'kserve',
    title: 'KServe model server',
    images: [/(^|\/)kserve\/[a-z-]*server$/],
    programs: [],
    ports: [
      { label: 'HTTP', roles: ['inference'], protocol: 'http', default: 8080, flags: ['--http_port'] },
      { label: 'gRPC', roles: ['inference'], protocol: 'grpc', default: 8081, flags: ['--grpc_port'] },
    ],
    registries: ['docker.io/kserve'],
    // `--model_id` is the Hugging Face server's Hub id (the storage initializer fills `--model_dir`).
    modelFlags: ['--model_dir', '--model_id'],
  },
];

export const SERVER_KIND_INFO: ReadonlyMap<ModelServerKind, ServerKindInfo> = new Map(SERVER_KINDS.map((info) => [info.kind, info]));

export function serverKindInfo(kind: ModelServerKind): ServerKindInfo {
  return SERVER_KIND_INFO.get(kind) as ServerKindInfo;
}
