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
  /** First child and next sibling of each row, built on the first lookup (-1: none). */
  private firstChild: Int32Array | undefined;
  private nextSibling: Int32Array | undefined;

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

  // A lookup walks the tree by segment instead of building every pointer: findings locate a handful
  // of nodes per document, and the full map cost time and garbage on every document with a finding.
  get(pointer: string): NodeSpan | undefined {
    if (this.map) return this.map.get(pointer);
    const row = this.rowOf(pointer);
    return row < 0 ? undefined : this.spanOfRow(row);
  }

  has(pointer: string): boolean {
    return this.map ? this.map.has(pointer) : this.rowOf(pointer) >= 0;
  }

  private spanOfRow(row: number): NodeSpan {
    const at = row * STRIDE;
    const rows = this.rows;
    const start = rows[at + START] as number;
    const end = rows[at + END] as number;
    const keyStart = rows[at + KEY_START] as number;
    return keyStart < 0 ? { start, end } : { start, end, keyStart, keyEnd: rows[at + KEY_END] as number };
  }

  private rowOf(pointer: string): number {
    if (this.segments.length === 0) return -1;
    if (pointer === '') return 0;
    if (pointer.charCodeAt(0) !== 0x2f) return -1;
    const { firstChild, nextSibling } = this.links();
    let row = 0;
    let from = 1;
    for (;;) {
      const slash = pointer.indexOf('/', from);
      const raw = slash === -1 ? pointer.slice(from) : pointer.slice(from, slash);
      const segment = raw.indexOf('~') === -1 ? raw : raw.replace(/~1/g, '/').replace(/~0/g, '~');
      let child = firstChild[row] as number;
      while (child >= 0) {
        const own = this.segments[child] as string | number;
        if (typeof own === 'number' ? String(own) === segment : own === segment) break;
        child = nextSibling[child] as number;
      }
      if (child < 0) return -1;
      row = child;
      if (slash === -1) return row;
      from = slash + 1;
    }
  }

  private links(): { firstChild: Int32Array; nextSibling: Int32Array } {
    if (!this.firstChild || !this.nextSibling) {
      const count = this.segments.length;
      const firstChild = new Int32Array(count).fill(-1);
      const nextSibling = new Int32Array(count).fill(-1);
      const lastChild = new Int32Array(count).fill(-1);
      for (let row = 1; row < count; row++) {
        const parent = this.rows[row * STRIDE + PARENT] as number;
        if (parent < 0) continue;
        const last = lastChild[parent] as number;
        if (last < 0) firstChild[parent] = row;
        else nextSibling[last] = row;
        lastChild[parent] = row;
      }
      this.firstChild = firstChild;
      this.nextSibling = nextSibling;
    }
    return { firstChild: this.firstChild, nextSibling: this.nextSibling };
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
