import type { ContainerRef } from './kubernetes.js';

export type ModelServerKind =
  | 'triton'
  | 'torchserve'
  | 'tf-serving'
  | 'vllm'
  | 'tgi'
  | 'ollama'
  | 'ray'
  | 'mlflow'
  | 'bentoml'
  | 'nim'
  | 'seldon'
  | 'mlserver'
  | 'kserve';

/**
 * Image repository patterns of catalogue A.0, matched against the repository path with any
 * registry / mirror prefix removed (so `my-mirror.io/proxy/vllm/vllm-openai` still matches).
 */
const IMAGE_PATTERNS: ReadonlyArray<[RegExp, ModelServerKind]> = [
  [/(^|\/)nvidia\/tritonserver$/, 'triton'],
  [/(^|\/)pytorch\/torchserve(-nightly|-kfs)?$/, 'torchserve'],
  [/(^|\/)tensorflow\/serving$/, 'tf-serving'],
  [/(^|\/)vllm\/vllm-openai$/, 'vllm'],
  [/(^|\/)huggingface\/text-generation-inference$/, 'tgi'],
  [/(^|\/)ollama\/ollama$/, 'ollama'],
  [/(^|\/)rayproject\/ray(-ml)?$/, 'ray'],
  [/(^|\/)mlflow\/mlflow$/, 'mlflow'],
  [/(^|\/)nim\/[^/]+\/[^/]+$/, 'nim'],
  [/(^|\/)seldonio\/mlserver$/, 'mlserver'],
  [/(^|\/)seldonio\/[^/]+$/, 'seldon'],
  [/(^|\/)kserve\/[a-z-]*server$/, 'kserve'],
];

/** First word of the command line → server, per catalogue A.0 "command / args signature". */
const COMMAND_PATTERNS: ReadonlyArray<[RegExp, ModelServerKind]> = [
  [/(^|\/)tritonserver$/, 'triton'],
  [/(^|\/)torchserve$/, 'torchserve'],
  [/(^|\/)tensorflow_model_server$/, 'tf-serving'],
  [/(^|\/)text-generation-launcher$/, 'tgi'],
  [/(^|\/)mlserver$/, 'mlserver'],
];

/** `registry.example.com:5000/a/b:tag@sha256:…` → `a/b` (lower-cased, registry host dropped). */
export function imageRepository(image: string): string {
  let reference = image.trim().toLowerCase();
  const at = reference.indexOf('@');
  if (at !== -1) reference = reference.slice(0, at);
  const slash = reference.lastIndexOf('/');
  const colon = reference.lastIndexOf(':');
  if (colon > slash) reference = reference.slice(0, colon);
  const parts = reference.split('/');
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) parts.shift();
  return parts.join('/');
}

/**
 * The model server a container runs, recognised from its image or its command (catalogue A.0).
 * Image-and-command recognition only; ports, flags and CRDs come with the ML-serving facts.
 */
export function modelServerOf(container: ContainerRef): ModelServerKind | undefined {
  const image = container.node.get('image').str();
  if (image) {
    const repository = imageRepository(image);
    // Triton's `-py3-sdk` tag is the client SDK image (perf_analyzer, clients), not a server.
    const isClientImage = /:[^/@]*-sdk(@|$)/.test(image.trim().toLowerCase());
    if (!isClientImage) for (const [pattern, kind] of IMAGE_PATTERNS) if (pattern.test(repository)) return kind;
  }
  const words = [...container.node.get('command').items(), ...container.node.get('args').items()]
    .map((item) => item.str())
    .filter((word): word is string => word !== undefined);
  const first = words[0];
  if (first) for (const [pattern, kind] of COMMAND_PATTERNS) if (pattern.test(first)) return kind;
  const line = words.join(' ');
  if (/(^|\s)vllm serve\b|vllm\.entrypoints\.openai\.api_server/.test(line)) return 'vllm';
  if (/(^|\s|\/)ollama serve\b/.test(line)) return 'ollama';
  if (/(^|\s)mlflow (server|models serve)\b/.test(line)) return 'mlflow';
  if (/(^|\s)bentoml serve\b/.test(line)) return 'bentoml';
  return undefined;
}
