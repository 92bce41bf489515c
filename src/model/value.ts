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
  readonly value: PlainValue | undefined;

  constructor(
    readonly doc: ParsedDocument,
    readonly path: Path,
    value: PlainValue | undefined,
    insideUnknown = false,
  ) {
    const unknown = insideUnknown || (value !== undefined && doc.terraform !== undefined && doc.terraform.unknown.size > 0 && doc.terraform.unknown.has(pointerOf(path)));
    this.state = unknown ? 'unknown' : value === undefined ? 'absent' : 'set';
    this.value = unknown ? undefined : value;
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
    let value = this.value;
    for (const segment of segments) value = child(value, segment);
    return new Node(this.doc, [...this.path, ...segments], value);
  }

  /** Terraform documents: any step may be unknown, which makes the rest unknown too. */
  private getStepwise(segments: PathSegment[]): Node {
    let node = new Node(this.doc, this.path, this.value);
    for (const segment of segments) node = node.state === 'unknown' ? new Node(this.doc, [...node.path, segment], undefined, true) : new Node(this.doc, [...node.path, segment], child(node.value, segment));
    return node;
  }

  /** Other Terraform objects this value was computed from (`aws_kms_key.k.arn`); empty for YAML. */
  references(): readonly TerraformReference[] {
    return this.doc.terraform?.references.get(pointerOf(this.path)) ?? [];
  }

  /** Where a value that came through a variable or local was decided (the tfvars line, the default). */
  setBy(): readonly ValueSource[] {
    return this.doc.terraform?.setBy.get(pointerOf(this.path)) ?? [];
  }

  /** Items of a sequence (empty when absent or not a sequence). */
  items(): Node[] {
    const value = this.value;
    if (!Array.isArray(value)) return [];
    return value.map((item, index) => new Node(this.doc, [...this.path, index], item));
  }

  /** Entries of a mapping (empty when absent or not a mapping). */
  entries(): Array<[string, Node]> {
    const value = this.value;
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
    return this.state === 'unknown' || (this.value !== undefined && this.value !== null);
  }

  isMap(): boolean {
    return isPlainObject(this.value);
  }

  string(): Value<string> {
    return typed(this, typeof this.value === 'string');
  }

  boolean(): Value<boolean> {
    return typed(this, typeof this.value === 'boolean');
  }

  number(): Value<number> {
    return typed(this, typeof this.value === 'number');
  }

  /** The string value, or undefined when absent or not a string. */
  str(): string | undefined {
    return typeof this.value === 'string' ? this.value : undefined;
  }

  /** True only when the value is the boolean `true` (false for absent and unknown). */
  isTrue(): boolean {
    return this.value === true;
  }

  /** True only when the value is the boolean `false`. */
  isFalse(): boolean {
    return this.value === false;
  }
}

function typed<T>(node: Node, matches: boolean): Value<T> {
  if (node.state === 'unknown') return { state: 'unknown', value: undefined, origin: node };
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
