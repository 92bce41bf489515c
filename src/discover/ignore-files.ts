import { readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Same syntax; .inferguardignore applies even when .gitignore is not respected. */
export function ignoreFileNames(respectGitignore: boolean): readonly string[] {
  return respectGitignore ? ['.gitignore', '.inferguardignore'] : ['.inferguardignore'];
}

/** The rules of one directory's ignore files; patterns are relative to `dir`. */
interface IgnoreLayer {
  readonly dir: string;
  readonly rules: Ignore;
}

/**
 * Ignore files in effect for a directory, shallowest first. Immutable: a child directory gets a new
 * stack only when it has its own ignore files, so siblings share their parent's.
 */
export class IgnoreStack {
  static readonly empty = new IgnoreStack([]);

  private constructor(private readonly layers: readonly IgnoreLayer[]) {}

  /** Adds the rules of `present`, the ignore files found in `dir` (from its listing: no stat per file). */
  enter(dir: string, present: readonly string[]): IgnoreStack {
    if (present.length === 0) return this;
    const rules = ignore();
    for (const name of present) {
      try {
        rules.add(readFileSync(path.join(dir, name), 'utf8'));
      } catch {
        // An unreadable ignore file ignores nothing, like git.
      }
    }
    return new IgnoreStack([...this.layers, { dir, rules }]);
  }

  /**
   * Git semantics: the deepest file that has an opinion wins, so a nested `!keep.yaml` re-includes what a
   * parent excluded (unless a parent excluded the directory itself, which the walk never enters).
   */
  ignores(absPath: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const layer of this.layers) {
      const relative = path.relative(layer.dir, absPath).split(path.sep).join('/');
      if (relative === '' || relative.startsWith('../')) continue;
      const result = layer.rules.test(isDirectory ? `${relative}/` : relative);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}
