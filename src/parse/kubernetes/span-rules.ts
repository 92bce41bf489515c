// Span conventions shared by the fast and the full path, so both report identical spans:
// - a scalar spans its token, quotes included;
// - a block scalar spans from its `|`/`>` to the end of its last non-blank content line
//   (to the end of the header indicators when it has no content);
// - an empty value (`key:` or `-` with nothing after it) is a zero-length span right after the
//   `:` or `-` indicator (after its anchor or tag, if any);
// - a block collection spans from its first key or `-` to the end of its last item's span, so
//   trailing comments and blank lines are excluded; a flow collection spans its brackets.

/** The JSON pointer of a child: `parent` is already a pointer. */
export function childPointer(parent: string, segment: string | number): string {
  if (typeof segment === 'number') return parent + '/' + segment;
  if (segment.indexOf('~') === -1 && segment.indexOf('/') === -1) return parent + '/' + segment;
  return parent + '/' + segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** End of a block scalar starting at `start` whose token (header and content) ends at `rawEnd`. */
export function blockScalarEnd(text: string, start: number, rawEnd: number): number {
  let headerEnd = start + 1;
  for (let c = text.charCodeAt(headerEnd); c === 0x2b || c === 0x2d || (c >= 0x30 && c <= 0x39); c = text.charCodeAt(++headerEnd));
  const lineEnd = text.indexOf('\n', start);
  let end = rawEnd;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return lineEnd === -1 || end <= lineEnd ? headerEnd : end;
}

/** Where an empty value's zero-length span sits, from the offset `yaml` gives it (after any spaces). */
export function emptyValueOffset(text: string, offset: number): number {
  let at = offset;
  while (at > 0) {
    const c = text.charCodeAt(at - 1);
    if (c !== 0x20 && c !== 0x09) break;
    at--;
  }
  return at;
}
