import type { SourceFile } from '../../source/source-file.js';

/** A step in a path through a parsed document: a mapping key or a sequence index. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** Where one node of a YAML/JSON document stands, as offsets into the file text (end exclusive). */
export interface NodeSpan {
  /** The value's own extent. For a mapping value this excludes the key. */
  readonly start: number;
  readonly end: number;
  /** The extent of the mapping key that owns this value, when the node is a mapping value. */
  readonly keyStart?: number;
  readonly keyEnd?: number;
}

/** A plain JSON-like value parsed from YAML/JSON: what Kubernetes would decode. */
export type PlainValue = null | boolean | number | string | PlainValue[] | { [key: string]: PlainValue };

export interface DocumentError {
  readonly message: string;
  /** Offset into the file text where the problem is. */
  readonly offset: number;
  /** A short machine-readable code: 'syntax', 'duplicate-key', 'alias-limit', 'too-deep', 'not-an-object'. */
  readonly code: string;
}

/**
 * One document of a multi-document YAML stream (or a whole JSON file).
 * `value` is the plain decoded value; `spans` maps a JSON-pointer path (see `pointerOf`) to its span.
 * A document with `error` has no usable value: the rest of the stream is still returned.
 */
export interface ParsedDocument {
  readonly file: SourceFile;
  /** 0-based index of the document in its stream. */
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly value: PlainValue | undefined;
  readonly spans: ReadonlyMap<string, NodeSpan>;
  readonly error?: DocumentError;
  /**
   * Documents built from Terraform (see src/model/terraform.ts) also say which values are unknown
   * until apply, which values point at another resource, and which line outside the value set it.
   */
  readonly terraform?: TerraformValueFacts;
}

/**
 * Evaluation facts of a document synthesised from Terraform, keyed by JSON pointer like `spans`.
 * An unknown value holds `null` in `value` as a placeholder; `Node` reports it as 'unknown'.
 */
export interface TerraformValueFacts {
  readonly unknown: ReadonlySet<string>;
  readonly references: ReadonlyMap<string, readonly TerraformReference[]>;
  readonly setBy: ReadonlyMap<string, readonly ValueSource[]>;
  /** Why each unknown value is unknown (`computed aws_kms_key.k.arn`, `var.x has no value`), for strict mode. */
  readonly unknownReasons?: ReadonlyMap<string, string>;
  /** For a `jsonencode()` result (known or not): the structure it encodes, as its own located document. */
  readonly encoded?: ReadonlyMap<string, () => ParsedDocument>;
}

/** `aws_kms_key.k.arn` → address `aws_kms_key.k`, attribute `['arn']`; a module output → `module.m`, `['out']`. */
export interface TerraformReference {
  /** Absolute address of the referenced object without the instance key: `module.serving.aws_kms_key.k`, `module.serving.data.aws_iam_policy_document.p`. */
  readonly address: string;
  /** Instance key when the reference names one (`[0]`, `["a"]`). */
  readonly key?: string | number;
  readonly attribute: Path;
}

/** A place outside the value itself that decided it: a variable default, a tfvars line, a `--var`, a local. */
export interface ValueSource {
  /** e.g. `variable "public" default`, `terraform.tfvars`, `--var public=true`, `local.tags`. */
  readonly description: string;
  /** Absent for command-line values. */
  readonly file?: SourceFile;
  readonly start?: number;
  readonly end?: number;
}

/** JSON Pointer (RFC 6901) of a path: `['spec', 'containers', 0]` → `/spec/containers/0`; `[]` → `''`. */
export function pointerOf(path: Path): string {
  let out = '';
  for (const segment of path) {
    const text = String(segment);
    out += '/' + (text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text);
  }
  return out;
}
