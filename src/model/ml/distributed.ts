// Multi-node (distributed) inference: whether a vLLM, TGI or SGLang server talks to peers in other
// pods over its unauthenticated control channels (torch.distributed TCPStore, ZeroMQ, KV-cache
// transfer), and on which ports. Flags and defaults checked against:
// - vLLM vllm/config/parallel.py (ParallelConfig: `data_parallel_rpc_port` 29550,
//   `data_parallel_master_port` 29500, `master_addr` / `master_port` 29501 / `nnodes` / `node_rank`
//   for the multiprocessing backend; `distributed_executor_backend` "ray" for Ray), vllm/engine/arg_utils.py
//   (`--data-parallel-address` / `-dpa`, `--data-parallel-rpc-port` / `-dpp`, `--data-parallel-start-rank`,
//   `--data-parallel-size-local`, `--headless`) and https://docs.vllm.ai/en/stable/usage/security/
//   (KV transfer `--kv-port` 14579, data-parallel master 29500; all of it insecure by default);
// - TGI launcher (`--master-addr` default localhost, `--master-port` 29500; env MASTER_ADDR / MASTER_PORT);
// - SGLang python/sglang/srt/server_args.py (`--dist-init-addr host:port`, `--nnodes`, `--node-rank`,
//   `--disaggregation-mode prefill|decode` with `--disaggregation-bootstrap-port` 8998).
import type { Node } from '../value.js';
import { bindHostIn, isLocalBind, portNumberIn } from './model-server.js';
import type { ModelServer } from './model-server.js';
import type { Setting } from './settings.js';

export interface DistributedPort {
  readonly number: number;
  /** `torch.distributed master`, `data-parallel RPC (ZeroMQ)`, `KV-cache transfer`. */
  readonly label: string;
  /** The setting that moved it off its default. */
  readonly setting: Setting | undefined;
}

export interface DistributedInference {
  readonly server: ModelServer;
  /** The setting that makes the server talk to peers in other pods (the first found). */
  readonly signal: { readonly node: Node; readonly description: string };
  /** The peer ports it listens on that are known from the manifest; random ports (NCCL, Ray workers) are not listed. */
  readonly ports: readonly DistributedPort[];
}

const SERVERS = new Set(['vllm', 'tgi', 'sglang']);

function integer(setting: Setting | undefined): number | undefined {
  if (typeof setting?.value !== 'string' || !/^\s*\d+\s*$/.test(setting.value)) return undefined;
  return Number(setting.value);
}

/** A host (or `host:port`) that is not loopback; undefined when it cannot be read. */
function remoteHost(setting: Setting | undefined): boolean | undefined {
  if (typeof setting?.value !== 'string' || /\$[({]/.test(setting.value)) return undefined;
  const host = bindHostIn(setting.value);
  return host === undefined ? undefined : !isLocalBind(host);
}

/** The GPUs (or other accelerator devices) the container asks for, when written as a number. */
function deviceCount(server: ModelServer): number | undefined {
  const resources = server.container.node.get('resources');
  for (const section of ['limits', 'requests']) {
    for (const name of server.accelerators) {
      const value = resources.get(section, name).value;
      const count = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : undefined;
      if (count !== undefined) return count;
    }
  }
  return undefined;
}

interface Builder {
  signal?: { node: Node; description: string };
  readonly ports: Map<number, DistributedPort>;
}

function note(builder: Builder, setting: Setting | undefined, description?: string): void {
  if (setting && !builder.signal) builder.signal = { node: setting.node, description: description ?? setting.description };
}

function addPort(builder: Builder, label: string, fallback: number, setting: Setting | undefined): void {
  const moved = typeof setting?.value === 'string' ? portNumberIn(setting.value) : undefined;
  if (setting && typeof setting.value === 'string' && moved === undefined) return; // not readable: no number to check
  const number = moved ?? fallback;
  if (!builder.ports.has(number)) builder.ports.set(number, { number, label, setting: moved === undefined ? undefined : setting });
}

/** KV-transfer configuration JSON (`--kv-transfer-config '{"kv_connector":…,"kv_port":…}'`): its `kv_port`, when written. */
function kvPort(setting: Setting): Setting | undefined {
  if (typeof setting.value !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(setting.value);
    const port = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['kv_port'] : undefined;
    return typeof port === 'number' || typeof port === 'string' ? { ...setting, value: String(port), description: `${setting.name} kv_port ${String(port)}` } : undefined;
  } catch {
    return undefined;
  }
}

function vllm(server: ModelServer, builder: Builder): void {
  const nnodes = server.setting({ flags: ['--nnodes'] });
  const masterAddr = server.setting({ flags: ['--master-addr'] });
  if ((integer(nnodes) ?? 0) > 1 || remoteHost(masterAddr) === true) {
    note(builder, (integer(nnodes) ?? 0) > 1 ? nnodes : masterAddr);
    addPort(builder, 'torch.distributed master (--master-port)', 29501, server.setting({ flags: ['--master-port'] }));
  }
  const dataParallel = server.setting({ flags: ['--data-parallel-address', '-dpa', '--data-parallel-rpc-port', '-dpp', '--data-parallel-start-rank', '-dpr', '--headless'] });
  if (dataParallel) {
    note(builder, dataParallel);
    addPort(builder, 'data-parallel RPC (ZeroMQ)', 29550, server.setting({ flags: ['--data-parallel-rpc-port', '-dpp'] }));
    addPort(builder, 'data-parallel master (torch.distributed)', 29500, undefined);
  }
  const kv = server.setting({ flags: ['--kv-transfer-config'] });
  if (kv) {
    note(builder, kv, `${kv.name} (KV-cache transfer between instances)`);
    addPort(builder, 'KV-cache transfer', 14579, kvPort(kv));
  }
  const backend = server.setting({ flags: ['--distributed-executor-backend'] });
  const tensor = server.setting({ flags: ['--tensor-parallel-size', '-tp'] });
  const pipeline = server.setting({ flags: ['--pipeline-parallel-size', '-pp'] });
  const world = (integer(tensor) ?? 1) * (integer(pipeline) ?? 1);
  if (backend?.value === 'ray' && world > 1) note(builder, backend, `${backend.description} with ${[tensor, pipeline].filter((setting) => setting && (integer(setting) ?? 1) > 1).map((setting) => setting?.description).join(' and ')}`);
  const devices = deviceCount(server);
  // More ranks than the pod has devices: the rest run in other pods.
  if (devices !== undefined && devices > 0 && world > devices) note(builder, (integer(pipeline) ?? 1) > 1 ? pipeline : tensor, `${[tensor, pipeline].filter((setting) => (integer(setting) ?? 1) > 1).map((setting) => setting?.description).join(' × ')} over ${devices} device${devices === 1 ? '' : 's'} in the pod`);
}

function tgi(server: ModelServer, builder: Builder): void {
  // The shards' torch.distributed store listens on the master address: loopback unless moved.
  const masterAddr = server.setting({ flags: ['--master-addr'], env: ['MASTER_ADDR'] });
  if (remoteHost(masterAddr) !== true) return;
  note(builder, masterAddr);
  addPort(builder, 'torch.distributed master (--master-port)', 29500, server.setting({ flags: ['--master-port'], env: ['MASTER_PORT'] }));
}

function sglang(server: ModelServer, builder: Builder): void {
  const nnodes = server.setting({ flags: ['--nnodes'] });
  const init = server.setting({ flags: ['--dist-init-addr', '--nccl-init-addr'] });
  if ((integer(nnodes) ?? 0) > 1 || remoteHost(init) === true) {
    note(builder, (integer(nnodes) ?? 0) > 1 ? nnodes : init);
    const port = typeof init?.value === 'string' ? portNumberIn(init.value) : undefined;
    if (port !== undefined && init) addPort(builder, 'torch.distributed init (--dist-init-addr)', port, init);
  }
  const mode = server.setting({ flags: ['--disaggregation-mode'] });
  if (mode?.value === 'prefill' || mode?.value === 'decode') {
    note(builder, mode, `${mode.description} (KV-cache transfer between instances)`);
    if (mode.value === 'prefill') addPort(builder, 'disaggregation bootstrap', 8998, server.setting({ flags: ['--disaggregation-bootstrap-port'] }));
  }
}

/** The distributed-inference facts of a server, or undefined when it is not a multi-node vLLM / TGI / SGLang. */
export function distributedInferenceOf(server: ModelServer): DistributedInference | undefined {
  if (!SERVERS.has(server.kind)) return undefined;
  const builder: Builder = { ports: new Map() };
  if (server.kind === 'vllm') vllm(server, builder);
  else if (server.kind === 'tgi') tgi(server, builder);
  else sglang(server, builder);
  return builder.signal ? { server, signal: builder.signal, ports: [...builder.ports.values()] } : undefined;
}
