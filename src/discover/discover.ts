import { closeSync, existsSync, fstatSync, lstatSync, openSync, readSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { FileKind } from '../findings/finding.js';
import { classify, extensionOf, isUnderTemplatesDir, kindFromName, templateReason } from './classify.js';
import { decodeText, formatBytes } from './decode.js';
import { IgnoreStack, ignoreFileNames } from './ignore-files.js';
import { STDIN_PATH, readStdin } from './stdin.js';
import { DEFAULT_MAX_FILE_BYTES, DiscoveryError, HELM_TEMPLATE_REASON, type DiscoverOptions, type DiscoverResult, type DiscoveredFile, type DiscoveryProblem, type DiscoveryProblemCode } from './types.js';

export { DEFAULT_MAX_FILE_BYTES, DiscoveryError, HELM_TEMPLATE_REASON, type DiscoverOptions, type DiscoverResult, type DiscoveredFile, type DiscoveryProblem, type DiscoveryProblemCode };

/** Never walked: VCS data, dependencies and Terraform's provider/module cache. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules', '.terraform']);

interface Candidate {
  readonly display: string;
  readonly abs: string;
  /** Under a `templates/` directory next to a `Chart.yaml`. */
  readonly inChartTemplates: boolean;
}

interface DirectoryVisit {
  readonly abs: string;
  readonly display: string;
  readonly real: string;
  readonly ignores: IgnoreStack;
  readonly inChartTemplates: boolean;
}

interface DeferredLink {
  readonly abs: string;
  readonly display: string;
  /** Real path of the directory holding the link, to detect links to an ancestor. */
  readonly parentReal: string;
  readonly ignores: IgnoreStack;
  readonly inChartTemplates: boolean;
}

/**
 * Finds the IaC files under `paths` and reads them as text. Never throws for a bad file: each one becomes
 * a problem and the walk goes on.
 *
 * Symbolic links are followed. Links to directories are walked after everything else, so a directory is
 * always reported under its real path when that path is in the scan; a link to a directory already walked
 * is skipped silently, and a link to one of its own ancestors is reported once as `symlink-loop`.
 */
export async function discoverFiles(options: DiscoverOptions): Promise<DiscoverResult> {
  return new Discovery(options).run();
}

class Discovery {
  private readonly cwd: string;
  private readonly maxFileBytes: number;
  private readonly ignoreFiles: readonly string[];
  private readonly isIncluded: (display: string) => boolean;
  private readonly isExcluded: (display: string) => boolean;
  private readonly candidates = new Map<string, Candidate>();
  private readonly problems = new Map<string, DiscoveryProblem>();
  private readonly files: DiscoveredFile[] = [];
  /** Real paths of directories walked. */
  private readonly visited = new Set<string>();
  private readonly deferred: DeferredLink[] = [];
  private stdinRead = false;

  constructor(private readonly options: DiscoverOptions) {
    this.cwd = path.resolve(options.cwd);
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.ignoreFiles = ignoreFileNames(options.respectGitignore ?? true);
    const include = options.include ?? [];
    const exclude = options.exclude ?? [];
    const includeMatcher = include.length > 0 ? picomatch([...include], { dot: true }) : undefined;
    const excludeMatcher = exclude.length > 0 ? picomatch([...exclude], { dot: true }) : undefined;
    this.isIncluded = includeMatcher ?? (() => true);
    this.isExcluded = excludeMatcher ?? (() => false);
  }

  async run(): Promise<DiscoverResult> {
    for (const entry of this.options.paths) {
      if (entry === '-') await this.addStdin();
      else this.addRoot(entry);
    }
    // The queue grows while linked directories are walked.
    for (let index = 0; index < this.deferred.length; index++) {
      this.walkLink(this.deferred[index] as DeferredLink);
    }
    for (const candidate of this.candidates.values()) this.read(candidate);
    const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    return { files: this.files.sort(byPath), problems: [...this.problems.values()].sort(byPath) };
  }

  private async addStdin(): Promise<void> {
    // Stdin can be read once; `-` named twice is one file.
    if (this.stdinRead) return;
    this.stdinRead = true;
    try {
      this.files.push(await readStdin({ stream: this.options.stdin, maxFileBytes: this.maxFileBytes }));
    } catch (error) {
      const problem = error instanceof DiscoveryError ? error : undefined;
      this.addProblem({
        path: STDIN_PATH,
        code: problem?.code ?? 'unreadable',
        reason: problem?.message ?? errorMessage(error),
        kind: problem?.code === 'helm-template' ? 'helm-template' : 'other',
        bytes: problem?.bytes ?? 0,
      });
    }
  }

  private addRoot(entry: string): void {
    const abs = path.resolve(this.cwd, entry);
    const display = this.displayOf(abs);
    let stats: Stats;
    try {
      stats = statSync(abs);
    } catch (error) {
      this.addProblem(this.statProblem(abs, display || '.', error, true));
      return;
    }
    if (stats.isDirectory()) {
      // Named directories are walked even when ignored or excluded; their contents are filtered.
      let real: string;
      try {
        real = realpathSync(abs);
      } catch (error) {
        this.addProblem({ path: display || '.', code: 'unreadable', reason: errorMessage(error), kind: 'other', bytes: 0 });
        return;
      }
      if (this.visited.has(real)) return;
      const ignores = this.ancestorIgnores(abs);
      this.walk({ abs, display, real, ignores, inChartTemplates: inChartTemplates(abs) });
    } else if (stats.isFile()) {
      // Named files are read whatever their name, ignore files and globs say (like eslint).
      if (!this.candidates.has(display)) {
        this.candidates.set(display, { display, abs, inChartTemplates: inChartTemplates(path.dirname(abs)) });
      }
    } else {
      this.addProblem({ path: display, code: 'unreadable', reason: 'not a regular file or directory', kind: kindFromName(display), bytes: 0 });
    }
  }

  /**
   * Ignore files above a scanned directory apply to it too (scanning `charts/` from a repository root
   * honours the root's .gitignore): from the repository root (the nearest directory with `.git`) down, or,
   * outside a repository, from cwd down when the directory is inside cwd.
   */
  private ancestorIgnores(dir: string): IgnoreStack {
    let ancestors: string[] = [];
    let inRepository = existsSync(path.join(dir, '.git'));
    for (let current = dir; !inRepository; ) {
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
      ancestors.push(current);
      inRepository = existsSync(path.join(current, '.git'));
    }
    if (!inRepository) ancestors = ancestors.filter((ancestor) => ancestor === this.cwd || ancestor.startsWith(this.cwd + path.sep));
    let stack = IgnoreStack.empty;
    for (const ancestor of ancestors.reverse()) {
      stack = stack.enter(ancestor, this.ignoreFiles.filter((name) => existsSync(path.join(ancestor, name))));
    }
    return stack;
  }

  private walk(visit: DirectoryVisit): void {
    this.visited.add(visit.real);
    let entries: Dirent[];
    try {
      entries = readdirSync(visit.abs, { withFileTypes: true });
    } catch (error) {
      this.addProblem({ path: visit.display || '.', code: 'unreadable', reason: errorMessage(error), kind: 'other', bytes: 0 });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const names = new Set(entries.map((entry) => entry.name));
    const ignores = visit.ignores.enter(visit.abs, this.ignoreFiles.filter((name) => names.has(name)));
    const hasChart = names.has('Chart.yaml');

    for (const entry of entries) {
      const abs = path.join(visit.abs, entry.name);
      const display = visit.display ? `${visit.display}/${entry.name}` : entry.name;
      const childInChartTemplates = visit.inChartTemplates || (hasChart && entry.name === 'templates');
      let type: EntryType = entryType(entry);
      if (type === 'unknown') type = lstatType(abs);

      if (type === 'directory') {
        if (!this.keepsDirectory(entry.name, abs, display, ignores)) continue;
        const real = path.join(visit.real, entry.name);
        if (this.visited.has(real)) continue;
        this.walk({ abs, display, real, ignores, inChartTemplates: childInChartTemplates });
      } else if (type === 'file') {
        if (this.keepsFile(abs, display, ignores)) this.addCandidate(display, abs, visit.inChartTemplates);
      } else if (type === 'symlink') {
        this.followLink(abs, display, visit, ignores, childInChartTemplates);
      } else if (this.keepsFile(abs, display, ignores)) {
        // Opening a FIFO would block the scan forever.
        this.addProblem({ path: display, code: 'unreadable', reason: `not a regular file (${type})`, kind: kindFromName(display), bytes: 0 });
      }
    }
  }

  private followLink(abs: string, display: string, visit: DirectoryVisit, ignores: IgnoreStack, childInChartTemplates: boolean): void {
    let target: Stats;
    try {
      target = statSync(abs);
    } catch (error) {
      if (this.keepsFile(abs, display, ignores)) this.addProblem(this.statProblem(abs, display, error, false));
      return;
    }
    if (target.isDirectory()) {
      const name = path.basename(abs);
      if (!this.keepsDirectory(name, abs, display, ignores)) return;
      this.deferred.push({ abs, display, parentReal: visit.real, ignores, inChartTemplates: childInChartTemplates });
    } else if (this.keepsFile(abs, display, ignores)) {
      if (target.isFile()) this.addCandidate(display, abs, visit.inChartTemplates);
      else this.addProblem({ path: display, code: 'unreadable', reason: 'not a regular file', kind: kindFromName(display), bytes: 0 });
    }
  }

  private walkLink(link: DeferredLink): void {
    let real: string;
    try {
      real = realpathSync(link.abs);
    } catch (error) {
      this.addProblem({ path: link.display, code: 'unreadable', reason: errorMessage(error), kind: 'other', bytes: 0 });
      return;
    }
    if (link.parentReal === real || link.parentReal.startsWith(real + path.sep) || real === path.parse(real).root) {
      this.addProblem({
        path: link.display,
        code: 'symlink-loop',
        reason: `symbolic link to its own ancestor directory ${this.displayOf(real) || '.'}: not followed`,
        kind: 'other',
        bytes: 0,
      });
      return;
    }
    if (this.visited.has(real)) return;
    this.walk({ abs: link.abs, display: link.display, real, ignores: link.ignores, inChartTemplates: link.inChartTemplates });
  }

  private keepsDirectory(name: string, abs: string, display: string, ignores: IgnoreStack): boolean {
    if (SKIPPED_DIRECTORIES.has(name)) return false;
    if (this.isExcluded(display)) return false;
    return !ignores.ignores(abs, true);
  }

  /** Only names that could be IaC are read; `.tpl` only in a `templates/` directory, to report it. */
  private keepsFile(abs: string, display: string, ignores: IgnoreStack): boolean {
    const extension = extensionOf(path.basename(abs));
    if (extension === undefined) return false;
    if (extension === '.tpl' && !isUnderTemplatesDir(display)) return false;
    if (!this.isIncluded(display) || this.isExcluded(display)) return false;
    return !ignores.ignores(abs, false);
  }

  private addCandidate(display: string, abs: string, chartTemplates: boolean): void {
    if (!this.candidates.has(display)) this.candidates.set(display, { display, abs, inChartTemplates: chartTemplates });
  }

  private addProblem(problem: DiscoveryProblem): void {
    if (!this.problems.has(problem.path)) this.problems.set(problem.path, problem);
  }

  private statProblem(abs: string, display: string, error: unknown, explicit: boolean): DiscoveryProblem {
    const kind = kindFromName(display);
    const code = errorCode(error);
    if (code === 'ELOOP') return { path: display, code: 'symlink-loop', reason: 'symbolic link loop', kind, bytes: 0 };
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const isLink = isSymbolicLink(abs);
      if (isLink) return { path: display, code: 'unreadable', reason: 'broken symbolic link: its target does not exist', kind, bytes: 0 };
      if (explicit) return { path: display, code: 'not-found', reason: 'no such file or directory', kind, bytes: 0 };
    }
    return { path: display, code: 'unreadable', reason: errorMessage(error), kind, bytes: 0 };
  }

  private read(candidate: Candidate): void {
    const { display, abs } = candidate;
    const nameKind = kindFromName(display);
    const problem = (code: DiscoveryProblemCode, reason: string, bytes: number, kind: FileKind = nameKind): void =>
      this.addProblem({ path: display, code, reason, kind, bytes });
    let bytes: Buffer;
    try {
      const fd = openSync(abs, 'r');
      try {
        const stats = fstatSync(fd);
        if (!stats.isFile()) return problem('unreadable', 'not a regular file', 0);
        // Size before reading: a 2 GB state dump must not be loaded to be refused.
        if (stats.size > this.maxFileBytes) {
          return problem('too-large', `${formatBytes(stats.size)} is over the ${formatBytes(this.maxFileBytes)} limit (maxFileSize)`, stats.size);
        }
        if (nameKind === 'helm-template') return problem('helm-template', HELM_TEMPLATE_REASON, stats.size, 'helm-template');
        bytes = readWhole(fd, stats.size, this.maxFileBytes);
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      return problem('unreadable', errorMessage(error), 0);
    }
    if (bytes.length > this.maxFileBytes) {
      return problem('too-large', `over the ${formatBytes(this.maxFileBytes)} limit (maxFileSize)`, bytes.length);
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) return problem(decoded.code, decoded.reason, bytes.length);
    const input = { path: display, text: decoded.text, inChartTemplates: candidate.inChartTemplates };
    const kind = classify(input);
    if (kind === 'helm-template') return problem('helm-template', templateReason(input), bytes.length, kind);
    this.files.push({ path: display, absPath: abs, kind, text: decoded.text, bytes: bytes.length });
  }

  private displayOf(abs: string): string {
    return path.relative(this.cwd, abs).split(path.sep).join('/');
  }
}

type EntryType = 'file' | 'directory' | 'symlink' | 'FIFO' | 'socket' | 'device' | 'unknown';

function entryType(entry: Dirent | Stats): EntryType {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  if (entry.isSymbolicLink()) return 'symlink';
  if (entry.isFIFO()) return 'FIFO';
  if (entry.isSocket()) return 'socket';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return 'device';
  return 'unknown';
}

/** Some file systems do not report entry types from readdir. */
function lstatType(abs: string): EntryType {
  try {
    const type = entryType(lstatSync(abs));
    return type === 'unknown' ? 'device' : type;
  } catch {
    return 'file';
  }
}

/** Reads up to one byte past the limit so a file that grew since stat is still refused. */
function readWhole(fd: number, size: number, limit: number): Buffer {
  const capacity = Math.min(Math.max(size, 0), limit) + 1;
  let buffer = Buffer.allocUnsafe(capacity);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (buffer.length > limit) break;
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}

/** Explicitly named files: look for a `templates/` ancestor that sits next to a Chart.yaml. */
function inChartTemplates(dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if (path.basename(current) === 'templates' && existsSync(path.join(path.dirname(current), 'Chart.yaml'))) return true;
    if (path.dirname(current) === current) return false;
  }
}

function isSymbolicLink(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
