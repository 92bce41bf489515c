import { childPointer } from './span-rules.js';
import type { NodeSpan } from './types.js';

const STRIDE = 5;
const PARENT = 0;
const START = 1;
const END = 2;
const KEY_START = 3;
const KEY_END = 4;

/**
 * The spans of one document, recorded as a flat table (parent row, path segment, offsets) while
 * parsing and turned into the pointer → span Map on first read. Building every JSON pointer and
 * Map entry up front was a third of the fast parser's time, and most documents are never asked.
 */
export class SpanTable implements ReadonlyMap<string, NodeSpan> {
  private readonly rows: number[] = [];
  private readonly segments: (string | number)[] = [];
  private map: Map<string, NodeSpan> | undefined;

  /** A node under row `parent` (-1 for the root); its offsets are set once it is parsed. */
  add(parent: number, segment: string | number): number {
    this.rows.push(parent, 0, 0, -1, -1);
    return this.segments.push(segment) - 1;
  }

  setSpan(row: number, start: number, end: number): void {
    const at = row * STRIDE;
    this.rows[at + START] = start;
    this.rows[at + END] = end;
  }

  setKey(row: number, keyStart: number, keyEnd: number): void {
    const at = row * STRIDE;
    this.rows[at + KEY_START] = keyStart;
    this.rows[at + KEY_END] = keyEnd;
  }

  private resolve(): Map<string, NodeSpan> {
    if (this.map) return this.map;
    const map = new Map<string, NodeSpan>();
    const pointers: string[] = [];
    const rows = this.rows;
    for (let row = 0; row < this.segments.length; row++) {
      const at = row * STRIDE;
      const parent = rows[at + PARENT] as number;
      // Rows are added parent first, so the parent's pointer is known.
      const pointer = parent < 0 ? '' : childPointer(pointers[parent] as string, this.segments[row] as string | number);
      pointers.push(pointer);
      const keyStart = rows[at + KEY_START] as number;
      const start = rows[at + START] as number;
      const end = rows[at + END] as number;
      map.set(pointer, keyStart < 0 ? { start, end } : { start, end, keyStart, keyEnd: rows[at + KEY_END] as number });
    }
    this.map = map;
    return map;
  }

  get size(): number {
    return this.resolve().size;
  }

  get(pointer: string): NodeSpan | undefined {
    return this.resolve().get(pointer);
  }

  has(pointer: string): boolean {
    return this.resolve().has(pointer);
  }

  forEach(callback: (value: NodeSpan, key: string, map: ReadonlyMap<string, NodeSpan>) => void, thisArg?: unknown): void {
    this.resolve().forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  entries(): MapIterator<[string, NodeSpan]> {
    return this.resolve().entries();
  }

  keys(): MapIterator<string> {
    return this.resolve().keys();
  }

  values(): MapIterator<NodeSpan> {
    return this.resolve().values();
  }

  [Symbol.iterator](): MapIterator<[string, NodeSpan]> {
    return this.resolve()[Symbol.iterator]();
  }
}
