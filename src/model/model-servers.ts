import type { ContainerRef } from './kubernetes.js';
import { parseImage } from './ml/images.js';
import { recogniseServer } from './ml/model-server.js';
import type { ModelServerKind } from './ml/server-kinds.js';

export type { ModelServerKind } from './ml/server-kinds.js';

/** `registry.example.com:5000/a/b:tag@sha256:…` → `a/b` (lower-cased, registry host dropped). */
export function imageRepository(image: string): string {
  return parseImage(image).repository;
}

/**
 * The model server a container runs, recognised from its image, its command line or the custom
 * resource holding it (catalogue A.0). The full fact, with ports and settings, is
 * `modelServerFacts` in `ml/model-server.ts`.
 */
export function modelServerOf(container: ContainerRef): ModelServerKind | undefined {
  return recogniseServer(container)?.kind;
}
