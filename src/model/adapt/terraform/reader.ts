// The evaluator's only access to the disk: files and directories relative to the scan root, never
// outside it and never through a symbolic link (a link could point anywhere).
import { lstatSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Paths are relative to the scan root, `/`-separated. Both return undefined when outside, missing or a link. */
export interface TerraformFileReader {
  readFile(relativePath: string): string | undefined;
  /** Entry names of a directory (files and directories), sorted. */
  listDirectory(relativePath: string): readonly string[] | undefined;
  /** Whether the path is a directory. */
  isDirectory(relativePath: string): boolean;
  /** How reports show a file read through the reader (the scan root may not be the working directory). */
  displayPath?(relativePath: string): string;
}

const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Normalises a `/`-separated relative path; undefined when it leaves the root. */
export function normalizeRelative(relativePath: string): string | undefined {
  if (relativePath.startsWith('/') || /^[A-Za-z]:/.test(relativePath)) return undefined;
  const out: string[] = [];
  for (const segment of relativePath.split(/[\\/]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(segment);
  }
  return out.length === 0 ? '.' : out.join('/');
}

export function joinRelative(base: string, relativePath: string): string | undefined {
  return normalizeRelative(base === '.' ? relativePath : `${base}/${relativePath}`);
}

/** A reader over the real file system below `root`. */
export function createFileSystemReader(root: string, options: { displayPath?: (relativePath: string) => string } = {}): TerraformFileReader {
  const absoluteRoot = path.resolve(root);
  // Every component is checked with lstat so that no link is followed on the way.
  const locate = (relativePath: string): string | undefined => {
    const normal = normalizeRelative(relativePath);
    if (normal === undefined) return undefined;
    if (normal === '.') return absoluteRoot;
    let current = absoluteRoot;
    for (const segment of normal.split('/')) {
      current = path.join(current, segment);
      try {
        if (lstatSync(current).isSymbolicLink()) return undefined;
      } catch {
        return undefined;
      }
    }
    return current;
  };
  return {
    readFile(relativePath) {
      const absolute = locate(relativePath);
      if (!absolute) return undefined;
      try {
        const stat = lstatSync(absolute);
        if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
        return readFileSync(absolute, 'utf8');
      } catch {
        return undefined;
      }
    },
    listDirectory(relativePath) {
      const absolute = locate(relativePath);
      if (!absolute) return undefined;
      try {
        return readdirSync(absolute).sort();
      } catch {
        return undefined;
      }
    },
    isDirectory(relativePath) {
      const absolute = locate(relativePath);
      if (!absolute) return false;
      try {
        return lstatSync(absolute).isDirectory();
      } catch {
        return false;
      }
    },
    ...(options.displayPath ? { displayPath: options.displayPath } : {}),
  };
}

/** A reader over files held in memory (tests, stdin): keys are relative paths. */
export function createMemoryReader(files: ReadonlyMap<string, string>): TerraformFileReader {
  const normalised = new Map<string, string>();
  for (const [name, text] of files) {
    const normal = normalizeRelative(name);
    if (normal !== undefined) normalised.set(normal, text);
  }
  const entries = (dir: string): string[] => {
    const prefix = dir === '.' ? '' : `${dir}/`;
    const names = new Set<string>();
    for (const name of normalised.keys()) if (name.startsWith(prefix)) names.add(name.slice(prefix.length).split('/')[0] as string);
    return [...names].sort();
  };
  return {
    readFile: (relativePath) => {
      const normal = normalizeRelative(relativePath);
      return normal === undefined ? undefined : normalised.get(normal);
    },
    listDirectory: (relativePath) => {
      const normal = normalizeRelative(relativePath);
      if (normal === undefined) return undefined;
      const names = entries(normal);
      return names.length > 0 ? names : undefined;
    },
    isDirectory: (relativePath) => {
      const normal = normalizeRelative(relativePath);
      return normal !== undefined && entries(normal).length > 0 && !normalised.has(normal);
    },
  };
}
