// Container image references: registry, repository path, tag, digest, and the version a tag names.

export interface ImageReference {
  /** As written, trimmed. */
  readonly text: string;
  /** Registry host when written (`nvcr.io`, `localhost:5000`); undefined for Docker Hub short names. */
  readonly registry: string | undefined;
  /** Repository path without registry, lower-cased: `nvidia/tritonserver`, `ollama/ollama`. */
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

/** `registry.example.com:5000/a/b:tag@sha256:…` → its parts. Docker's rule: the first segment is a host when it has `.` or `:` or is `localhost`. */
export function parseImage(image: string): ImageReference {
  const text = image.trim();
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  const first = parts[0] ?? '';
  let registry: string | undefined;
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) registry = parts.shift()?.toLowerCase();
  return { text, registry, repository: parts.join('/').toLowerCase(), tag: tag === '' ? undefined : tag, digest: digest === '' ? undefined : digest };
}

/** A release number: `0.8.2` → [0, 8, 2]; Triton's `24.05` → [24, 5]. */
export type Version = readonly number[];

/**
 * The version a tag names: leading `v` dropped, then dot-separated numbers up to the first
 * non-numeric part (`2.9.0-py310-gpu` → 2.9.0, `24.05-py3` → 24.5, `v0.6.3.post1` → 0.6.3).
 * Undefined for `latest`, `nightly`, commit-like or date-only tags.
 */
export function versionOfTag(tag: string | undefined): Version | undefined {
  if (tag === undefined) return undefined;
  const match = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?=$|[^0-9])/i.exec(tag);
  if (!match) return undefined;
  return match.slice(1).flatMap((part) => (part === undefined ? [] : [Number(part)]));
}

/** Parses `1.17.8` / `25.07` / `v2.54` for floors written in data files. */
export function parseVersion(text: string): Version | undefined {
  return versionOfTag(text.trim());
}

/** Negative when a < b; missing trailing parts count as 0 (`2.9` = `2.9.0`). */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export function formatVersion(version: Version): string {
  return version.join('.');
}

/** A tag that is a name for "whatever is newest" rather than a release. */
export function isFloatingTag(tag: string | undefined): boolean {
  // `latest-gpu`, `nightly-cpu`: the variant suffix does not pin anything (`nightly-2024…` does).
  return tag === undefined || /^(latest|nightly|main|master|edge|dev|stable)$/i.test(tag) || /^(latest|nightly)-[a-z][a-z0-9.]*$/i.test(tag);
}
