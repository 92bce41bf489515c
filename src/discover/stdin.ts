import { classify, templateReason } from './classify.js';
import { decodeText, formatBytes } from './decode.js';
import { DEFAULT_MAX_FILE_BYTES, DiscoveryError, type DiscoveredFile } from './types.js';

export const STDIN_PATH = '<stdin>';

export interface ReadStdinOptions {
  /** process.stdin by default. */
  readonly stream?: NodeJS.ReadableStream;
  readonly maxFileBytes?: number;
}

/**
 * Reads all of stdin as one file, kind by content (`helm template … | inferguard scan -`).
 * Throws DiscoveryError (with the problem code) when the input cannot be scanned.
 */
export async function readStdin(options: ReadStdinOptions = {}): Promise<DiscoveredFile> {
  const stream = options.stream ?? process.stdin;
  const limit = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      total += buffer.length;
      // Keep draining past the limit so the producer does not die of EPIPE.
      if (total <= limit) chunks.push(buffer);
    }
  } catch (error) {
    throw new DiscoveryError(`cannot read stdin: ${error instanceof Error ? error.message : String(error)}`, { code: 'unreadable', path: STDIN_PATH }, { cause: error });
  }
  if (total > limit) {
    throw new DiscoveryError(`${formatBytes(total)} is over the ${formatBytes(limit)} limit (maxFileSize)`, { code: 'too-large', path: STDIN_PATH, bytes: total });
  }
  const decoded = decodeText(Buffer.concat(chunks, total));
  if (!decoded.ok) throw new DiscoveryError(decoded.reason, { code: decoded.code, path: STDIN_PATH, bytes: total });
  const input = { path: STDIN_PATH, text: decoded.text };
  const kind = classify(input);
  if (kind === 'helm-template') throw new DiscoveryError(templateReason(input), { code: 'helm-template', path: STDIN_PATH, bytes: total });
  return { path: STDIN_PATH, absPath: STDIN_PATH, kind, text: decoded.text, bytes: total };
}
