import type { FileKind } from '../findings/finding.js';

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export const HELM_TEMPLATE_REASON = 'unrendered Helm template: render it with `helm template <release> <chart> | inferguard scan -`';

/** Same problem code for `{{ }}` placeholders that are not Helm's (operators' Go templates, Jinja, sed). */
export const TEMPLATE_REASON = 'unrendered template: its `{{ }}` placeholders are not YAML; render it and scan the output (`… | inferguard scan -`)';

export interface DiscoverOptions {
  /** Files or directories; `-` reads stdin. */
  readonly paths: readonly string[];
  /** Display paths are relative to it. */
  readonly cwd: string;
  /** Globs on the display path; when given, walked files must match one. */
  readonly include?: readonly string[];
  /** Globs on the display path; they win over include and also prune directories. */
  readonly exclude?: readonly string[];
  /** 5 MiB by default; larger files are reported, not read. */
  readonly maxFileBytes?: number;
  /** false: .gitignore files are not read (.inferguardignore still is). */
  readonly respectGitignore?: boolean;
  /** Where `-` reads from (tests); process.stdin by default. */
  readonly stdin?: NodeJS.ReadableStream;
}

export interface DiscoveredFile {
  /** Relative to cwd, `/`-separated; `<stdin>` for stdin. */
  readonly path: string;
  readonly absPath: string;
  readonly kind: FileKind;
  /** Decoded, without a BOM. */
  readonly text: string;
  readonly bytes: number;
}

export type DiscoveryProblemCode = 'too-large' | 'binary' | 'not-utf8' | 'unreadable' | 'symlink-loop' | 'helm-template' | 'not-found';

/** A file that was found (or named) but cannot be scanned. */
export interface DiscoveryProblem {
  readonly path: string;
  readonly reason: string;
  readonly code: DiscoveryProblemCode;
  readonly kind: FileKind;
  readonly bytes: number;
}

export interface DiscoverResult {
  /** Sorted by path. */
  readonly files: DiscoveredFile[];
  /** Sorted by path. */
  readonly problems: DiscoveryProblem[];
}

/** A bad input that has to be reported where no problem list exists (readStdin). */
export class DiscoveryError extends Error {
  readonly code: DiscoveryProblemCode;
  readonly path: string;
  readonly bytes: number;

  constructor(message: string, details: { code: DiscoveryProblemCode; path: string; bytes?: number }, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DiscoveryError';
    this.code = details.code;
    this.path = details.path;
    this.bytes = details.bytes ?? 0;
  }
}
