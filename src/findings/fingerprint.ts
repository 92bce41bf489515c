import { createHash } from 'node:crypto';

/**
 * A fingerprint that survives line shifts and reformatting: it hashes what the finding is about
 * (rule, file, resource, field), never where it happens to be.
 */
export function fingerprintOf(parts: { ruleId: string; file: string; resource?: string; pointer?: string; discriminator?: string }): string {
  const text = [parts.ruleId, parts.file, parts.resource ?? '', parts.pointer ?? '', parts.discriminator ?? ''].join('\u0000');
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
