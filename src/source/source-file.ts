/** A 1-based line and column (column counts UTF-16 code units, as editors and SARIF do). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A half-open region of a file, as 1-based positions; `end` is exclusive. */
export interface Span {
  readonly start: Position;
  readonly end: Position;
}

/** One scanned file: its path as reported (relative, forward slashes) and its text. */
export class SourceFile {
  private lineStarts: number[] | undefined;

  constructor(
    /** Path as shown in reports: relative to the scan root, `/`-separated; `<stdin>` for standard input. */
    readonly path: string,
    readonly text: string,
  ) {}

  positionAt(offset: number): Position {
    const starts = this.getLineStarts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - (starts[low] as number) + 1 };
  }

  spanOf(start: number, end: number): Span {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const starts = this.getLineStarts();
    const from = starts[line - 1];
    if (from === undefined) return '';
    const next = starts[line];
    let to = next === undefined ? this.text.length : next - 1;
    if (to > from && this.text.charCodeAt(to - 1) === 13) to--;
    return this.text.slice(from, to);
  }

  get lineCount(): number {
    return this.getLineStarts().length;
  }

  private getLineStarts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
    return starts;
  }
}
