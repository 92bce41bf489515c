import { posix } from 'node:path';
import type { ContainerRef, K8sObject, KubernetesModel } from './kubernetes.js';
import type { Node } from './value.js';

/** An `images` entry of a kustomization that changes a container's image when kustomize builds it. */
export interface KustomizeImageOverride {
  /** The Kustomization (or Component) that holds the entry. */
  readonly kustomization: K8sObject;
  /** The `images[i]` entry. */
  readonly entry: Node;
  /** The image as kustomize writes it. */
  readonly image: string;
}

/** Lists of paths, relative to the kustomization, whose files it builds (or patches). */
const PATH_LISTS = ['resources', 'bases', 'components', 'patchesStrategicMerge'];
/** Lists of `{ path }` items. */
const PATCH_LISTS = ['patches', 'patchesJson6902'];

/** `ghcr.io/x/y:1.0@sha256:…` → `ghcr.io/x/y`: the name kustomize matches `images[].name` against. */
function imageName(image: string): string {
  const at = image.indexOf('@');
  const rest = at === -1 ? image : image.slice(0, at);
  const colon = rest.lastIndexOf(':');
  return colon > rest.lastIndexOf('/') ? rest.slice(0, colon) : rest;
}

/** The files and directories a kustomization names, resolved against its own directory; remote ones are left out. */
function pathsOf(kustomization: K8sObject): string[] {
  const directory = posix.dirname(kustomization.file.path);
  const entries = [
    ...PATH_LISTS.flatMap((list) => kustomization.root.get(list).items().map((item) => item.str())),
    ...PATCH_LISTS.flatMap((list) => kustomization.root.get(list).items().map((item) => item.get('path').str())),
  ];
  return entries
    .filter((entry): entry is string => entry !== undefined && entry !== '' && !/^[a-z][a-z0-9+.-]*:\/\/|^(github\.com|gitlab\.com|git@)/i.test(entry))
    .map((entry) => posix.normalize(posix.join(directory, entry)).replace(/\/+$/, ''));
}

function covers(kustomization: K8sObject, file: string): boolean {
  return pathsOf(kustomization).some((path) => file === path || file.startsWith(`${path}/`));
}

/**
 * How near a kustomization is to a file it builds: one in the file's directory or above it (the base's own)
 * beats any overlay elsewhere, the deepest first; overlays rank by the directories they share with the file.
 */
function nearness(kustomizationFile: string, file: string): number {
  const segments = (path: string): string[] => posix.dirname(posix.normalize(path)).split('/').filter((segment) => segment !== '.');
  const left = segments(kustomizationFile);
  const right = segments(file);
  let shared = 0;
  while (shared < left.length && shared < right.length && left[shared] === right[shared]) shared++;
  return shared === left.length ? 100_000 + shared : shared;
}

const imageEntries = new WeakMap<KubernetesModel, ReadonlyMap<string, readonly { kustomization: K8sObject; entry: Node }[]>>();

/** The first `images` entry of each kustomization for each image name, built once per model (asked once per container). */
function imageEntriesOf(model: KubernetesModel): ReadonlyMap<string, readonly { kustomization: K8sObject; entry: Node }[]> {
  let index = imageEntries.get(model);
  if (index) return index;
  const built = new Map<string, { kustomization: K8sObject; entry: Node }[]>();
  for (const kustomization of [...model.byType('k8s:Kustomization'), ...model.byType('k8s:Component')]) {
    if (kustomization.group !== 'kustomize.config.k8s.io') continue;
    const seen = new Set<string>();
    for (const entry of kustomization.root.get('images').items()) {
      const name = entry.get('name').str();
      // kustomize applies the first entry of a name.
      if (name === undefined || seen.has(name)) continue;
      seen.add(name);
      const list = built.get(name) ?? [];
      list.push({ kustomization, entry });
      built.set(name, list);
    }
  }
  imageEntries.set(model, (index = built));
  return index;
}

/**
 * The image kustomize writes for a container, when a Kustomization in the scanned set builds or patches
 * the container's file and has an `images` entry for its image name (`newName`, `newTag`, `digest`).
 * Of several such kustomizations, the one nearest the file wins: the base as its own kustomization builds it.
 * Undefined when no kustomization in scope changes the image.
 */
export function kustomizeImageOverride(model: KubernetesModel, container: ContainerRef, image: string): KustomizeImageOverride | undefined {
  const file = posix.normalize(container.workload.object.file.path);
  const name = imageName(image);
  let best: { override: KustomizeImageOverride; score: number } | undefined;
  for (const { kustomization, entry } of imageEntriesOf(model).get(name) ?? []) {
    if (!covers(kustomization, file)) continue;
    const score = nearness(kustomization.file.path, file);
    if (!best || score > best.score) best = { override: { kustomization, entry, image: rewrite(image, name, entry) }, score };
  }
  // The nearest entry decides, even when it keeps the image as written.
  return best && best.override.image !== image ? best.override : undefined;
}

/** kustomize's image transformer: `newName` replaces the name, `newTag` the tag, `digest` pins it. */
function rewrite(image: string, name: string, entry: Node): string {
  const newName = entry.get('newName').str() ?? name;
  const newTag = scalar(entry.get('newTag'));
  const digest = entry.get('digest').str();
  const suffix = image.slice(name.length);
  if (newTag === undefined && digest === undefined) return `${newName}${suffix}`;
  const at = suffix.indexOf('@');
  const oldTag = (at === -1 ? suffix : suffix.slice(0, at)).replace(/^:/, '');
  const tag = newTag ?? (digest === undefined ? oldTag : '');
  return `${newName}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}

/** `newTag: 2.16` is a number to YAML and a tag to kustomize. */
function scalar(node: Node): string | undefined {
  const value = node.value;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
