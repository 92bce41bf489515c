/** One document of a stream: from its `---` line (or first line) to the next marker line. */
export interface DocumentSegment {
  readonly start: number;
  readonly end: number;
}

function isMarkerAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== 0x2d && c !== 0x2e) return false;
  if (text.charCodeAt(at + 1) !== c || text.charCodeAt(at + 2) !== c) return false;
  const after = text.charCodeAt(at + 3);
  return Number.isNaN(after) || after === 0x20 || after === 0x0a || after === 0x09 || after === 0x0d;
}

/** Whether `text.slice(start, end)` holds more than blank and comment lines (yaml then starts a document). */
function hasContent(text: string, start: number, end: number): boolean {
  let p = start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : start;
  while (p < end) {
    let c = text.charCodeAt(p);
    while (p < end && (c === 0x20 || c === 0x09)) c = text.charCodeAt(++p);
    if (p >= end) return false;
    if (c !== 0x0a && c !== 0x23) return true;
    const nl = text.indexOf('\n', p);
    if (nl === -1) return false;
    p = nl + 1;
  }
  return false;
}

/**
 * Splits a stream at its `---` and `...` lines into the documents yaml would compose, so that
 * each can be parsed on its own. Returns undefined for streams whose shape is better left to
 * yaml as a whole: directives (they affect the next document), CR line breaks, a `...` line
 * with trailing content or without a document before it.
 */
export function splitDocuments(text: string): DocumentSegment[] | undefined {
  const first = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.indexOf('\r') !== -1) return undefined;
  if (text.charCodeAt(first) === 0x25 || text.indexOf('\n%') !== -1) return undefined;

  const markers: number[] = [];
  if (isMarkerAt(text, first)) markers.push(first);
  let dashes = text.indexOf('\n---');
  let dots = text.indexOf('\n...');
  while (dashes !== -1 || dots !== -1) {
    let at: number;
    if (dots === -1 || (dashes !== -1 && dashes < dots)) {
      at = dashes;
      dashes = text.indexOf('\n---', dashes + 1);
    } else {
      at = dots;
      dots = text.indexOf('\n...', dots + 1);
    }
    if (isMarkerAt(text, at + 1)) markers.push(at + 1);
  }

  const segments: DocumentSegment[] = [];
  let start = 0;
  let explicit = false;
  for (const marker of markers) {
    const isDocument = explicit || hasContent(text, start, marker);
    if (isDocument) segments.push({ start, end: marker });
    if (text.charCodeAt(marker) === 0x2d) {
      start = marker;
      explicit = true;
      continue;
    }
    // `...` ends a document; a comment may follow it on its line.
    if (!isDocument) return undefined;
    const nl = text.indexOf('\n', marker);
    const lineEnd = nl === -1 ? text.length : nl;
    const rest = text.slice(marker + 3, lineEnd).trim();
    if (rest !== '' && !rest.startsWith('#')) return undefined;
    start = nl === -1 ? text.length : nl + 1;
    explicit = false;
  }
  if (explicit || hasContent(text, start, text.length)) segments.push({ start, end: text.length });
  return segments;
}
