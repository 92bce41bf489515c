// Lowering of an evaluated resource body into a located document (the contract of
// src/model/terraform.ts): plain value, spans by pointer, and the Terraform facts by pointer.
import type { NodeSpan, PlainValue, TerraformReference, ValueSource } from '../../../parse/kubernetes/types.js';
import type { ParsedDocument } from '../../../parse/kubernetes/types.js';
import type { SourceFile } from '../../../source/source-file.js';
import type { EvalValue } from './eval-value.js';
import { ELEMENT_SPANS } from './evaluate.js';
import type { ElementSpans } from './evaluate.js';
import type { TextSpan } from '../../../parse/terraform/ast.js';
import type { EvaluatedBody } from './module.js';

export interface LowerOptions {
  readonly file: SourceFile;
  readonly start: number;
  readonly end: number;
  readonly index: number;
}

export function lowerBody(body: EvaluatedBody, options: LowerOptions): ParsedDocument {
  return lowerValue(body.value, body.spans, options);
}

/** `recorded`: spans known by pointer (blocks and attributes of the resource body). */
function lowerValue(root: EvalValue, recorded: ReadonlyMap<string, NodeSpan>, options: LowerOptions): ParsedDocument {
  const spans = new Map<string, NodeSpan>();
  const encoded = new Map<string, () => ParsedDocument>();
  const unknownPointers = new Set<string>();
  const unknownReasons = new Map<string, string>();
  const references = new Map<string, readonly TerraformReference[]>();
  const setBy = new Map<string, readonly ValueSource[]>();
  const { file } = options;

  // A value's own span is used when it was written inside the expression that holds it (same file,
  // within the parent's span); a value from elsewhere (a tfvars line, a local) is located at the
  // expression that brought it here, and its `setBy` says where it came from.
  const within = (span: TextSpan | undefined, parent: NodeSpan): span is TextSpan => span !== undefined && span.start >= parent.start && span.end <= parent.end;
  // `written`: where the container expression wrote this element, when it is in this document.
  const visit = (value: EvalValue, pointer: string, parent: NodeSpan, written?: ElementSpans): PlainValue => {
    const known = recorded.get(pointer);
    let span: NodeSpan;
    if (known) span = known;
    else if (written && within(written.value, parent)) {
      span = { start: written.value.start, end: written.value.end, ...(written.key && within(written.key, parent) ? { keyStart: written.key.start, keyEnd: written.key.end } : {}) };
    } else {
      const own = value.origin;
      span = own !== undefined && own.file === file && within(own.span, parent) ? { start: own.span.start, end: own.span.end } : { start: parent.start, end: parent.end };
    }
    spans.set(pointer, span);
    if (value.references && value.references.length > 0) references.set(pointer, value.references);
    if (value.setBy && value.setBy.length > 0) setBy.set(pointer, value.setBy);
    // The structure a `jsonencode()` was given, located in its own document.
    // Lowered when a rule asks: most jsonencode() values are never read as structures.
    const encodes = value.encodes;
    if (encodes && (value.kind === 'string' || value.kind === 'unknown')) {
      let lowered: ParsedDocument | undefined;
      encoded.set(pointer, () => (lowered ??= lowerValue(encodes, new Map(), { ...options, start: span.start, end: span.end })));
    }
    switch (value.kind) {
      case 'unknown':
        unknownPointers.add(pointer);
        unknownReasons.set(pointer, value.reason);
        return null;
      case 'null':
        return null;
      case 'bool':
      case 'number':
      case 'string':
        return value.value;
      case 'list': {
        const elements = value.origin?.file === file ? ELEMENT_SPANS.get(value) : undefined;
        return value.items.map((item, i) => visit(item, `${pointer}/${i}`, span, elements?.get(i)));
      }
      case 'object': {
        const out: { [key: string]: PlainValue } = {};
        // Element spans only when the object expression was written in this document's file.
        const elements = value.origin?.file === file ? ELEMENT_SPANS.get(value) : undefined;
        for (const [key, entry] of value.entries) {
          const escaped = key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
          const lowered = visit(entry, `${pointer}/${escaped}`, span, elements?.get(key));
          // `__proto__` is a legal Terraform key; assignment would change the prototype instead.
          if (key === '__proto__') Object.defineProperty(out, key, { value: lowered, enumerable: true, writable: true, configurable: true });
          else out[key] = lowered;
        }
        return out;
      }
    }
  };
  const rootSpan: NodeSpan = { start: options.start, end: options.end };
  const value = visit(root, '', rootSpan);
  spans.set('', rootSpan);
  return {
    file,
    index: options.index,
    start: options.start,
    end: options.end,
    value,
    spans,
    terraform: { unknown: unknownPointers, references, setBy, unknownReasons, ...(encoded.size > 0 ? { encoded } : {}) },
  };
}
