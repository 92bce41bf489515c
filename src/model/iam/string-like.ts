const compiled = new Map<string, RegExp>();

/** IAM's `StringLike` / `ArnLike` and resource matching: `*` any run of characters, `?` one character, case-sensitive. */
export function iamWildcard(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
    compiled.set(pattern, regex);
  }
  return regex;
}
