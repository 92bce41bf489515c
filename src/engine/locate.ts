import type { FindingLocation } from '../findings/finding.js';
import type { Subject } from '../model/subject.js';
import type { Origin } from '../model/value.js';
import { pointerOf } from '../parse/kubernetes/types.js';
import type { Locatable } from '../rules/define-rule.js';

export function originOf(at: Locatable): Origin {
  return 'root' in at ? (at as Subject).root : at;
}

/**
 * Resolves a location to file positions. An absent value resolves to its nearest existing parent,
 * pointing at the parent's key (`securityContext:`) rather than its whole block.
 */
export function locate(at: Locatable): { location: FindingLocation; pointer: string; exact: boolean } {
  const origin = originOf(at);
  const { doc } = origin;
  const pointer = pointerOf(origin.path);
  for (let length = origin.path.length; length >= 0; length--) {
    const span = doc.spans.get(length === origin.path.length ? pointer : pointerOf(origin.path.slice(0, length)));
    if (!span) continue;
    const exact = length === origin.path.length;
    // An existing value is shown from its key (`privileged: true`); a missing one at its parent's key line.
    const start = span.keyStart ?? span.start;
    const end = exact || span.keyEnd === undefined ? Math.max(span.end, start) : span.keyEnd;
    const range = doc.file.spanOf(start, end);
    return {
      pointer,
      exact,
      location: {
        file: doc.file.path,
        startLine: range.start.line,
        startColumn: range.start.column,
        endLine: range.end.line,
        endColumn: range.end.column,
      },
    };
  }
  const range = doc.file.spanOf(doc.start, doc.start);
  return {
    pointer,
    exact: false,
    location: { file: doc.file.path, startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column },
  };
}
