// Which model servers serve large language models: one request can hold a GPU for seconds, and none of
// them limits clients by default. IG-K8S-120 raises its severity for them; IG-GRAPH-013 looks only at them.
import type { ContainerRef } from '../kubernetes.js';
import { parseImage } from './images.js';
import type { ModelServer, SettingQuery } from './model-server.js';
import { recogniseServer } from './model-server.js';
import { OLLAMA_BIND } from './ollama.js';
import type { ModelServerKind } from './server-kinds.js';
import { serverBind } from './server-exposure.js';
import { flagSpellings } from './serving-options.js';

const LLM_SERVER_KINDS: ReadonlySet<ModelServerKind> = new Set(['vllm', 'tgi', 'ollama', 'nim', 'sglang']);

/** NVIDIA's Triton builds with the TensorRT-LLM and vLLM backends: `<release>-trtllm-python-py3`, `<release>-vllm-python-py3`. */
const TRITON_LLM_TAG = /-(trtllm|vllm)-python-py3$/;

/** vLLM, TGI, Ollama, NIM, SGLang, and Triton's TensorRT-LLM / vLLM images. */
export function isLlmServer(container: ContainerRef): boolean {
  const kind = recogniseServer(container)?.kind;
  if (kind === undefined) return false;
  if (LLM_SERVER_KINDS.has(kind)) return true;
  const image = container.node.get('image').str();
  return kind === 'triton' && image !== undefined && TRITON_LLM_TAG.test(parseImage(image).tag ?? '');
}

/**
 * Where each LLM server listens unless told otherwise: vLLM `--host` (all interfaces), TGI `--hostname` /
 * `HOSTNAME` (0.0.0.0), Ollama `OLLAMA_HOST` (see ollama.ts), SGLang `--host` (127.0.0.1,
 * python/sglang/srt/server_args.py). NIM and Triton listen on every interface.
 */
const BINDS: Partial<Record<ModelServerKind, { readonly query: SettingQuery; readonly defaultHost: string }>> = {
  vllm: { query: { flags: flagSpellings('--host') }, defaultHost: '0.0.0.0' },
  tgi: { query: { flags: ['--hostname'], env: ['HOSTNAME'] }, defaultHost: '0.0.0.0' },
  ollama: OLLAMA_BIND,
  sglang: { query: { flags: ['--host'] }, defaultHost: '127.0.0.1' },
};

/** The server listens beyond its pod: false for a loopback bind, undefined when the address cannot be read. */
export function listensBeyondPod(server: ModelServer): boolean | undefined {
  const bind = BINDS[server.kind];
  if (!bind) return true;
  const local = serverBind(server, bind.query, bind.defaultHost).local;
  return local === undefined ? undefined : !local;
}
