// Small readings of model-server options that several IG-ML rules share: flag spellings, switch-like
// values, commit pins and model references (Hub ids, storage URIs, local paths).

/**
 * vLLM's FlexibleArgumentParser accepts `--flag_name` for `--flag-name` (and KServe's servers use
 * underscores): both spellings of every flag.
 */
export function flagSpellings(...flags: readonly string[]): string[] {
  return [...new Set(flags.flatMap((flag) => [flag, flag.replace(/^(-+)(.*)$/, (_m, dashes: string, rest: string) => dashes + rest.replace(/-/g, '_'))]))];
}

/** A switch written as a value: `true` (a bare flag), `1`, `true`, `yes`, `on` (any case). */
export function isEnabledValue(value: string | true | undefined): boolean {
  return value === true || (value !== undefined && /^(1|true|yes|on)$/i.test(value.trim()));
}

/** A full Git commit id: the only revision that cannot move. */
export function isCommitSha(value: string | true | undefined): boolean {
  return typeof value === 'string' && /^[0-9a-f]{40}$/i.test(value.trim());
}

export type ModelReferenceKind = 'hub' | 'local' | 'storage' | 'oci' | 'unknown';

/**
 * What a model reference points at: a Hugging Face Hub id (`org/model`, `hf://org/model`), a local
 * path (`/models/x`, `./x`, `pvc://`), object storage (`s3://`, `gs://`, …), an OCI artifact, or text
 * that is not readable here (`$VAR`, templates).
 */
export function modelReferenceKind(reference: string): ModelReferenceKind {
  const text = reference.trim();
  if (text === '' || /[$`{}]/.test(text)) return 'unknown';
  if (/^hf:\/\//i.test(text)) return 'hub';
  if (/^oci:\/\//i.test(text)) return 'oci';
  if (/^(pvc|file):\/\//i.test(text) || /^(\/|\.{1,2}\/|~\/)/.test(text)) return 'local';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return 'storage';
  // `org/model` exactly as the Hub names repositories: one slash, no dots-only segments.
  if (/^[A-Za-z0-9][\w.-]*\/[\w.-]*[A-Za-z0-9_]$/.test(text) && !text.includes('..')) return 'hub';
  return 'unknown';
}
