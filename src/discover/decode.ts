/** Where a NUL byte means "binary", as git and ripgrep do. */
const BINARY_SNIFF_BYTES = 8192;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type DecodeResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly code: 'binary' | 'not-utf8'; readonly reason: string };

/** Bytes → text, refusing binary and non-UTF-8 input; a UTF-8 BOM is dropped by the decoder. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  // UTF-16 has NUL bytes in ASCII text: name the encoding instead of calling it binary.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, code: 'not-utf8', reason: 'UTF-16 encoded: convert the file to UTF-8' };
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { ok: false, code: 'binary', reason: `binary file (NUL byte in the first ${BINARY_SNIFF_BYTES} bytes)` };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, code: 'not-utf8', reason: 'not valid UTF-8 text' };
  }
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : Number(value.toFixed(1))} ${units[unit]}`;
}
