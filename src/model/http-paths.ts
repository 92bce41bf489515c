import type { ExposurePath, HttpPathMatch } from './port-exposure.js';

// What request paths an exposure path lets through to the pods, from the route hops' path
// conditions (port-exposure `httpPaths`): for rules that ask "is only this API reachable?".

/** A set of request paths as the backend receives them: one path, or every path under a prefix. */
export interface BackendPaths {
  readonly type: 'prefix' | 'exact';
  readonly value: string;
}

/** The path conditions of the outermost hop that routes by HTTP path; undefined when none does (every request passes). */
export function routedPaths(path: ExposurePath): readonly HttpPathMatch[] | undefined {
  return path.hops.find((hop) => hop.httpPaths !== undefined)?.httpPaths;
}

/**
 * The paths the backend receives through one condition, after any rewrite: the matched prefix
 * replaced, or the whole path. Undefined when that cannot be stated (a regular expression, a rewrite
 * with captures, an unreadable value).
 */
export function pathsSeenByBackend(match: HttpPathMatch): BackendPaths | undefined {
  if (match.value === undefined || match.type === 'pattern') return undefined;
  const rewrite = match.rewrite;
  if (!rewrite) return { type: match.type, value: match.value };
  if (rewrite.value === undefined || rewrite.type === 'pattern') return undefined;
  return { type: rewrite.type === 'prefix' && match.type === 'prefix' ? 'prefix' : 'exact', value: rewrite.value };
}

/** `/v1/` → `/v1`; `/` stays. */
function trimSlashes(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/**
 * Whether `paths` holds `requestPath`. A prefix is matched element by element (`/v1` holds `/v1` and
 * `/v1/models`, not `/v1x`), as Gateway API and Ingress `Prefix` do: a controller that matches plain
 * string prefixes lets through at least these.
 */
export function pathsInclude(paths: BackendPaths, requestPath: string): boolean {
  const request = trimSlashes(requestPath);
  const value = trimSlashes(paths.value);
  if (paths.type === 'exact') return value === request;
  return value === '/' || request === value || request.startsWith(`${value}/`);
}

/** Whether every path of `paths` lies under `prefix` (element by element). */
export function pathsWithin(paths: BackendPaths, prefix: string): boolean {
  const value = trimSlashes(paths.value);
  const under = trimSlashes(prefix);
  return value === under || value.startsWith(`${under}/`);
}

/**
 * Whether a request for `requestPath` provably reaches the backend as that path through the exposure
 * path: no hop narrows the path, or a condition lets it through unchanged or rewritten onto it.
 * Conditions that cannot be read never count.
 */
export function exposesRequestPath(path: ExposurePath, requestPath: string): boolean {
  const routed = routedPaths(path);
  if (routed === undefined) return true;
  return routed.some((match) => {
    const seen = pathsSeenByBackend(match);
    return seen !== undefined && pathsInclude(seen, requestPath);
  });
}
