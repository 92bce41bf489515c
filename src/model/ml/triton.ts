// What Triton's command line says about its HTTP and gRPC endpoints (tritonserver's
// command_line_parser.cc; docs/customization_guide/inference_protocols.md "Limit Endpoint Access"):
// whether each one listens, on which address, and which API groups it puts behind a header.
import { isLocalBind } from './model-server.js';
import type { ModelServer, ServerPort } from './model-server.js';
import type { Setting } from './settings.js';

/** Triton's boolean options (`ParseOption<bool>`): true / on / 1 and false / off / 0, any case; undefined otherwise. */
export function tritonBoolean(value: string | true | undefined): boolean | undefined {
  if (value === true) return undefined;
  const text = value?.trim().toLowerCase();
  if (text === 'true' || text === 'on' || text === '1') return true;
  if (text === 'false' || text === 'off' || text === '0') return false;
  return undefined;
}

/** The API groups `--http-restricted-api` / `--grpc-restricted-protocol` accept (RESTRICTED_CATEGORY_NAMES). */
export const TRITON_API_GROUPS = ['health', 'metadata', 'inference', 'shared-memory', 'model-config', 'model-repository', 'statistics', 'trace', 'logging'] as const;

export type TritonApiGroup = (typeof TRITON_API_GROUPS)[number];

export interface TritonRestrictions {
  /** Groups put behind a header by a readable flag. */
  readonly groups: ReadonlySet<string>;
  /** The flags as written, command line order. */
  readonly settings: readonly Setting[];
  /** Some flag's API list cannot be read here (`$(VAR)` from a Secret). */
  readonly unknown: boolean;
}

/**
 * `--http-restricted-api=<api>,<api>:<key>=<value>` (repeatable; ParseRestrictedFeatureOption splits at
 * the first `:`, then `=`). Only the API list must be readable: the header secret usually comes from a
 * Secret. A value without `:` or `=` stops the server at start, so it restricts nothing here.
 */
export function tritonRestrictions(server: ModelServer, flag: '--http-restricted-api' | '--grpc-restricted-protocol'): TritonRestrictions {
  const groups = new Set<string>();
  const settings = server.settings({ flags: [flag] });
  let unknown = false;
  for (const setting of settings) {
    const value = setting.value;
    if (typeof value !== 'string') {
      unknown = true;
      continue;
    }
    const colon = value.indexOf(':');
    const apis = colon === -1 ? value : value.slice(0, colon);
    if (/\$[({]/.test(apis)) {
      unknown = true;
      continue;
    }
    if (colon <= 0 || value.indexOf('=', colon + 1) === -1) continue;
    for (const api of apis.split(',')) groups.add(api.trim());
  }
  return { groups, settings, unknown };
}

export type TritonProtocol = 'HTTP' | 'gRPC';

/** One of Triton's endpoints as its command line leaves it. */
export interface TritonEndpoint {
  readonly protocol: TritonProtocol;
  readonly port: ServerPort;
  /** `--allow-http` / `--allow-grpc` (the last one wins, getopt); undefined when not readable. Default true. */
  readonly enabled: boolean | undefined;
  readonly allow: Setting | undefined;
  /** `--http-address` / `--grpc-address` (default 0.0.0.0): false when loopback; undefined when not readable. */
  readonly reachable: boolean | undefined;
  readonly address: Setting | undefined;
  readonly restrictions: TritonRestrictions;
}

const ENDPOINTS: ReadonlyArray<{ protocol: TritonProtocol; label: string; allow: string; address: string; restricted: '--http-restricted-api' | '--grpc-restricted-protocol' }> = [
  { protocol: 'HTTP', label: 'HTTP', allow: '--allow-http', address: '--http-address', restricted: '--http-restricted-api' },
  { protocol: 'gRPC', label: 'gRPC', allow: '--allow-grpc', address: '--grpc-address', restricted: '--grpc-restricted-protocol' },
];

/** Triton's HTTP and gRPC endpoints (for a Triton server; empty otherwise). */
export function tritonEndpoints(server: ModelServer): TritonEndpoint[] {
  if (server.kind !== 'triton') return [];
  const out: TritonEndpoint[] = [];
  for (const spec of ENDPOINTS) {
    const port = server.ports.find((candidate) => candidate.spec.label === spec.label);
    if (!port) continue;
    const allow = server.settings({ flags: [spec.allow] }).at(-1);
    const address = server.settings({ flags: [spec.address] }).at(-1);
    const addressText = typeof address?.value === 'string' && !/\$[({]/.test(address.value) ? address.value.trim() : undefined;
    out.push({
      protocol: spec.protocol,
      port,
      enabled: allow === undefined ? true : tritonBoolean(allow.value),
      allow,
      reachable: address === undefined ? true : addressText === undefined ? undefined : !isLocalBind(addressText.replace(/^\[|\]$/g, '')),
      address,
      restrictions: tritonRestrictions(server, spec.restricted),
    });
  }
  return out;
}

/** The groups of `wanted` an endpoint leaves open; undefined when its restrictions cannot be read. */
export function openGroups(endpoint: TritonEndpoint, wanted: readonly TritonApiGroup[]): TritonApiGroup[] | undefined {
  const open = wanted.filter((group) => !endpoint.restrictions.groups.has(group));
  // A group named in two flags stops the server, so an unreadable list can only close what is still open.
  return open.length > 0 && endpoint.restrictions.unknown ? undefined : open;
}
