import type { ParsedDocument, Path, PathSegment, PlainValue, TerraformReference, ValueSource } from '../parse/kubernetes/types.js';
import { pointerOf } from '../parse/kubernetes/types.js';

/** set: written in the source; absent: not written; unknown: written, but its value cannot be known statically. */
export type ValueState = 'set' | 'absent' | 'unknown';

/** Where a value is, or where it would be: a document and a path inside it. */
export interface Origin {
  readonly doc: ParsedDocument;
  readonly path: Path;
}

/** A located value. `value` is defined only when `state` is 'set'. */
export interface Value<T> {
  readonly state: ValueState;
  readonly value: T | undefined;
  readonly origin: Origin;
}

export type PlainObject = { [key: string]: PlainValue };

/** Called with each unknown value a rule reads; set by the engine in strict mode only (IG-PARSE-004). */
export type UnknownReadHook = (doc: ParsedDocument, path: Path) => void;

let onUnknownRead: UnknownReadHook | null = null;

/** Engine only: start (a hook) or stop (null) recording unknown reads. Returns the previous hook. */
export function setUnknownReadHook(hook: UnknownReadHook | null): UnknownReadHook | null {
  const previous = onUnknownRead;
  onUnknownRead = hook;
  return previous;
}

const IGNORE: UnknownReadHook = () => undefined;

/** Runs `compute` without recording its unknown reads: for what never decides whether a rule fires (severity). */
export function ignoringUnknownReads<T>(compute: () => T): T {
  const outer = onUnknownRead;
  if (outer === null) return compute();
  onUnknownRead = IGNORE;
  try {
    return compute();
  } finally {
    onUnknownRead = outer;
  }
}

export interface UnknownRead {
  readonly doc: ParsedDocument;
  readonly path: Path;
}

/** Runs `compute` and keeps its unknown reads, so that a cache of facts can replay them on a hit. */
export function collectingUnknownReads<T>(compute: () => T): { value: T; reads: readonly UnknownRead[] } {
  const outer = onUnknownRead;
  if (outer === null) return { value: compute(), reads: [] };
  const reads: UnknownRead[] = [];
  onUnknownRead = (doc, path) => {
    reads.push({ doc, path });
    outer(doc, path);
  };
  try {
    return { value: compute(), reads };
  } finally {
    onUnknownRead = outer;
  }
}

/**
 * A fact that rests on something the scanned set does not hold (an object a value names but that was
 * not scanned): the rule asking did not fire on it, and strict mode lists it as unresolved.
 */
export function recordUnknownRead(node: Node): void {
  if (onUnknownRead !== null) onUnknownRead(node.doc, node.path);
}

/** A cache hit: the reads that computing the cached facts made count for the rule asking now. */
export function replayUnknownReads(reads: readonly UnknownRead[]): void {
  if (onUnknownRead !== null) for (const read of reads) onUnknownRead(read.doc, read.path);
}

export function isPlainObject(value: PlainValue | undefined): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A cursor into a parsed document: the value at `path` (or its absence), with typed accessors.
 * Typed accessors return 'unknown' for a value of the wrong type: the API server would reject or
 * coerce it, so no rule may treat it as either safe or unsafe.
 * A value Terraform only knows at apply (and everything under it) is 'unknown': it counts as
 * written, but has no value, no items and no entries, and every typed accessor says 'unknown'.
 */
export class Node implements Value<PlainValue> {
  readonly state: ValueState;
  private readonly raw: PlainValue | undefined;

  constructor(
    readonly doc: ParsedDocument,
    readonly path: Path,
    value: PlainValue | undefined,
    insideUnknown = false,
  ) {
    const unknown = insideUnknown || (value !== undefined && doc.terraform !== undefined && doc.terraform.unknown.size > 0 && doc.terraform.unknown.has(pointerOf(path)));
    this.state = unknown ? 'unknown' : value === undefined ? 'absent' : 'set';
    this.raw = unknown ? undefined : value;
  }

  /** The value; reading it on an unknown value is an unresolved read (strict mode). */
  get value(): PlainValue | undefined {
    if (onUnknownRead !== null) this.read();
    return this.raw;
  }

  static root(doc: ParsedDocument, basePath: Path = []): Node {
    let value: PlainValue | undefined = doc.value;
    for (const segment of basePath) value = child(value, segment);
    return new Node(doc, basePath, value);
  }

  get origin(): Origin {
    return this;
  }

  /** Written in the source: set, or unknown until apply. */
  get exists(): boolean {
    return this.state !== 'absent';
  }

  /** The node at a relative path; absent when any step is missing, unknown under an unknown value. */
  get(...segments: PathSegment[]): Node {
    if (this.state === 'unknown') return new Node(this.doc, [...this.path, ...segments], undefined, true);
    if (this.doc.terraform) return this.getStepwise(segments);
    let value = this.raw;
    for (const segment of segments) value = child(value, segment);
    return new Node(this.doc, [...this.path, ...segments], value);
  }

  /** Terraform documents: any step may be unknown, which makes the rest unknown too. */
  private getStepwise(segments: PathSegment[]): Node {
    let node = new Node(this.doc, this.path, this.raw);
    for (const segment of segments) node = node.state === 'unknown' ? new Node(this.doc, [...node.path, segment], undefined, true) : new Node(this.doc, [...node.path, segment], child(node.raw, segment));
    return node;
  }

  /** Other Terraform objects this value was computed from (`aws_kms_key.k.arn`); empty for YAML. */
  references(): readonly TerraformReference[] {
    return this.doc.terraform?.references.get(pointerOf(this.path)) ?? [];
  }

  /**
   * For a Terraform `jsonencode()` result, known or only known at apply: the structure it encodes
   * (objects, lists, known and unknown strings), each element at the line it was written.
   */
  jsonencoded(): Node | undefined {
    const document = this.state === 'absent' ? undefined : this.doc.terraform?.encoded?.get(pointerOf(this.path));
    return document === undefined ? undefined : Node.root(document());
  }

  /** Where a value that came through a variable or local was decided (the tfvars line, the default). */
  setBy(): readonly ValueSource[] {
    return this.doc.terraform?.setBy.get(pointerOf(this.path)) ?? [];
  }

  /** Items of a sequence (empty when absent or not a sequence). */
  items(): Node[] {
    if (onUnknownRead !== null) this.read();
    const value = this.raw;
    if (!Array.isArray(value)) return [];
    return value.map((item, index) => new Node(this.doc, [...this.path, index], item));
  }

  /** Entries of a mapping (empty when absent or not a mapping). */
  entries(): Array<[string, Node]> {
    if (onUnknownRead !== null) this.read();
    const value = this.raw;
    if (!isPlainObject(value)) return [];
    return Object.keys(value).map((key) => [key, new Node(this.doc, [...this.path, key], value[key])]);
  }

  /** The string values of a mapping by key; entries of any other type are left out (empty when not a mapping). */
  stringRecord(): Record<string, string> {
    const record: Record<string, string> = {};
    for (const [key, node] of this.entries()) {
      const text = node.str();
      if (text !== undefined) record[key] = text;
    }
    return record;
  }

  /** Written with a value (or one unknown until apply): Kubernetes reads `null` as not written. */
  isWritten(): boolean {
    return this.state === 'unknown' || (this.raw !== undefined && this.raw !== null);
  }

  isMap(): boolean {
    if (onUnknownRead !== null) this.read();
    return isPlainObject(this.raw);
  }

  string(): Value<string> {
    return typed(this, typeof this.raw === 'string');
  }

  boolean(): Value<boolean> {
    return typed(this, typeof this.raw === 'boolean');
  }

  number(): Value<number> {
    return typed(this, typeof this.raw === 'number');
  }

  /** The string value, or undefined when absent or not a string. */
  str(): string | undefined {
    if (onUnknownRead !== null) this.read();
    return typeof this.raw === 'string' ? this.raw : undefined;
  }

  /** True only when the value is the boolean `true` (false for absent and unknown). */
  isTrue(): boolean {
    if (onUnknownRead !== null) this.read();
    return this.raw === true;
  }

  /** True only when the value is the boolean `false`. */
  isFalse(): boolean {
    if (onUnknownRead !== null) this.read();
    return this.raw === false;
  }

  /** Strict mode: a rule asked for a value Terraform only knows at apply. */
  private read(): void {
    if (this.state === 'unknown') onUnknownRead?.(this.doc, this.path);
  }
}

function typed<T>(node: Node, matches: boolean): Value<T> {
  if (node.state === 'unknown') {
    if (onUnknownRead !== null) onUnknownRead(node.doc, node.path);
    return { state: 'unknown', value: undefined, origin: node };
  }
  if (node.value === undefined) return { state: 'absent', value: undefined, origin: node };
  if (!matches) return { state: 'unknown', value: undefined, origin: node };
  return { state: 'set', value: node.value as T, origin: node };
}

function child(value: PlainValue | undefined, segment: PathSegment): PlainValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof segment === 'number') return Array.isArray(value) ? value[segment] : undefined;
  if (isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, segment)) return value[segment];
  return undefined;
}
