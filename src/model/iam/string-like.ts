/** IAM's `StringLike` / `ArnLike` and resource matching: `*` any run of characters, `?` one character, case-sensitive. */
export function iamWildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
}
