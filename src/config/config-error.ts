/** A configuration problem: names the file, the JSON pointer of the offending key and, when known, the line. */
export class ConfigError extends Error {
  readonly file: string;
  /** JSON pointer into the config document: `/rules/IG-K8S-999`, `/failOn`; `` for the whole file. */
  readonly pointer: string;
  /** 1-based, when the offending node has a position. */
  readonly line?: number;
  /** The message without the location prefix. */
  readonly detail: string;

  constructor(detail: string, location: { file: string; pointer: string; line?: number }, options?: { cause?: unknown }) {
    const where = location.line === undefined ? location.file : `${location.file}:${location.line}`;
    super(`${where}: ${location.pointer === '' ? '' : `${location.pointer}: `}${detail}`, options);
    this.name = 'ConfigError';
    this.file = location.file;
    this.pointer = location.pointer;
    if (location.line !== undefined) this.line = location.line;
    this.detail = detail;
  }
}

/** RFC 6901 escaping of one pointer segment. */
export function pointerSegment(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}
