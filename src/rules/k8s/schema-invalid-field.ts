import { createRequire } from 'node:module';
import type { K8sObject } from '../../model/kubernetes.js';
import { isPlainObject } from '../../model/value.js';
import type { PathSegment, PlainValue } from '../../parse/kubernetes/types.js';
import { defineRule } from '../define-rule.js';

/**
 * Validation uses the compiled JSON-schema validators of `kubernetes-models` (one class per
 * apiVersion/kind). They check types, enums and formats but accept unknown fields, so each object is
 * validated through a proxy that records which properties the validator looks up: a key the
 * validator never asked for, in an object it did inspect, is not in the schema.
 */

const require = createRequire(import.meta.url);

interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** The `validate()` method of a kubernetes-models class: throws an error carrying `errors` when invalid. */
type ModelValidate = (this: unknown) => void;

const validators = new Map<string, ModelValidate | null>();

const API_VERSION = /^(?:([a-z0-9]+(?:[.-][a-z0-9]+)*)\/)?(v\d+(?:(?:alpha|beta)\d+)?)$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

/** The validator of a built-in kind, loaded on first use and cached; undefined for CRDs and unknown versions. */
function validatorFor(apiVersion: string, kind: string): ModelValidate | undefined {
  const key = `${apiVersion} ${kind}`;
  let validate = validators.get(key);
  if (validate === undefined) {
    validate = loadValidator(apiVersion, kind);
    validators.set(key, validate);
  }
  return validate ?? undefined;
}

function loadValidator(apiVersion: string, kind: string): ModelValidate | null {
  const match = API_VERSION.exec(apiVersion);
  if (!match || !KIND.test(kind)) return null;
  const [, group, version] = match;
  let loaded: unknown;
  try {
    loaded = require(`kubernetes-models/${group ? `${group}/` : ''}${version}/${kind}`);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return null;
    throw error;
  }
  if (typeof loaded !== 'object' || loaded === null) return null;
  const model: unknown = (loaded as Record<string, unknown>)[kind];
  if (typeof model !== 'function') return null;
  const statics = model as unknown as { apiVersion?: unknown; kind?: unknown; prototype?: { validate?: unknown } };
  // Nested types (`v1/Container`) have classes too, but no apiVersion / kind of their own.
  if (statics.apiVersion !== apiVersion || statics.kind !== kind) return null;
  const validate = statics.prototype?.validate;
  return typeof validate === 'function' ? (validate as ModelValidate) : null;
}

/** One object or list the validator reached, and the property names it asked for. */
interface Visit {
  readonly target: PlainValue[] | { [key: string]: PlainValue };
  readonly parent: Visit | undefined;
  readonly segment: PathSegment;
  readonly read: Set<string>;
  /** Set when the validator iterated the keys: a map (`labels`, `limits`), every key is fine. */
  enumerated: boolean;
}

function pathOf(visit: Visit): PathSegment[] {
  const path: PathSegment[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) path.push(at.segment);
  return path.reverse();
}

function track(target: Visit['target'], parent: Visit | undefined, segment: PathSegment, visits: Visit[]): object {
  const visit: Visit = { target, parent, segment, read: new Set(), enumerated: false };
  visits.push(visit);
  const children = new Map<string, object>();
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = (object as Record<string | symbol, unknown>)[property];
      if (typeof property !== 'string') return value;
      visit.read.add(property);
      if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(object, property)) return value;
      let child = children.get(property);
      if (!child) {
        child = track(value as Visit['target'], visit, Array.isArray(object) ? Number(property) : property, visits);
        children.set(property, child);
      }
      return child;
    },
    has(object, property) {
      if (typeof property === 'string') visit.read.add(property);
      return Reflect.has(object, property);
    },
    ownKeys(object) {
      visit.enumerated = true;
      return Reflect.ownKeys(object);
    },
  });
}

/**
 * Keys no schema lists on purpose: strategic-merge-patch directives (`$patch`, `$setElementOrder/…`),
 * an unresolved YAML merge key, and the property names the kubernetes-models generator strips from
 * every schema (`description`, `x-kubernetes-*`), which are real fields of CRD schemas and PriorityClass.
 */
function isExemptKey(key: string): boolean {
  return key.startsWith('$') || key === '<<' || key === 'description' || key.startsWith('x-kubernetes-');
}

const SECURITY_CONTEXT_FIELDS = [
  'runAsNonRoot', 'runAsUser', 'runAsGroup', 'privileged', 'allowPrivilegeEscalation', 'readOnlyRootFilesystem', 'capabilities',
  'seccompProfile', 'seLinuxOptions', 'appArmorProfile', 'procMount', 'fsGroup', 'fsGroupChangePolicy', 'supplementalGroups', 'sysctls',
];
const RESOURCE_FIELDS = ['limits', 'requests', 'claims'];
const POD_SPEC_FIELDS = [
  'containers', 'initContainers', 'volumes', 'serviceAccountName', 'automountServiceAccountToken', 'securityContext', 'nodeSelector',
  'tolerations', 'affinity', 'imagePullSecrets', 'restartPolicy', 'runtimeClassName', 'priorityClassName', 'hostNetwork', 'hostPID', 'hostIPC',
];
const CONTAINER_FIELDS = ['image', 'command', 'args', 'env', 'envFrom', 'ports', 'resources', 'volumeMounts', 'livenessProbe', 'readinessProbe', 'startupProbe', 'imagePullPolicy'];

/** Where a field goes when it is written one level too high: [its siblings, key the parent has, place to name]. */
const MISPLACED: ReadonlyArray<[readonly string[], string, string]> = [
  [SECURITY_CONTEXT_FIELDS, 'securityContext', '`securityContext`'],
  [RESOURCE_FIELDS, 'resources', '`resources`'],
  [POD_SPEC_FIELDS, 'template', '`template.spec`'],
  [CONTAINER_FIELDS, 'containers', 'a container in `containers`'],
];

function normalize(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), bounded for speed. */
function editDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const previous = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/** The known name closest to an unknown one: same letters in another case, or one or two typos away. */
function closestName(unknown: string, known: Iterable<string>): string | undefined {
  const target = normalize(unknown);
  const bound = target.length >= 8 ? 2 : target.length >= 4 ? 1 : 0;
  let best: string | undefined;
  let bestDistance = bound + 1;
  for (const name of known) {
    const distance = normalize(name) === target ? 0 : editDistance(target, normalize(name), bound);
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}

function suggestionFor(key: string, known: ReadonlySet<string>): string {
  const close = closestName(key, known);
  if (close) return ` Did you mean \`${close}\`?`;
  for (const [fields, parentKey, place] of MISPLACED) {
    if (!known.has(parentKey)) continue;
    const field = closestName(key, fields);
    if (field && !known.has(field)) return ` \`${field}\` belongs under ${place}.`;
  }
  return '';
}

function describePath(object: K8sObject, path: readonly PathSegment[]): string {
  if (path.length === 0) return object.kind;
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `["${segment}"]`;
  }
  return `\`${text}\``;
}

function valueAt(root: PlainValue | undefined, path: readonly PathSegment[]): PlainValue | undefined {
  let value = root;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isPlainObject(value) && typeof segment === 'string' && Object.prototype.hasOwnProperty.call(value, segment)) value = value[segment];
    else return undefined;
  }
  return value;
}

/** `/spec/containers/0/name` → ['spec', 'containers', 0, 'name'], numbering only where the value is a list. */
function segmentsOf(pointer: string, root: PlainValue | undefined): PathSegment[] {
  if (pointer === '') return [];
  const segments: PathSegment[] = [];
  let value = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: PathSegment = Array.isArray(value) && /^\d+$/.test(key) ? Number(key) : key;
    segments.push(segment);
    value = valueAt(value, [segment]);
  }
  return segments;
}

function typeName(value: PlainValue | undefined): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return typeof value === 'string' ? 'a string' : 'a boolean';
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'a mapping',
  array: 'a list',
};

/** YAML 1.1 booleans: kubectl's YAML reader turns these into true / false, so the API accepts them. */
const YAML11_BOOLEAN = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/** Text a tool substitutes before apply, or a `{placeholder}` that YAML read as a mapping. */
function isPlaceholder(value: PlainValue | undefined): boolean {
  if (typeof value === 'string') return /\{\{|\$\{|^<[^<>]*>$/.test(value);
  return isPlainObject(value) && Object.keys(value).length > 0 && Object.values(value).every((entry) => entry === null || isPlaceholder(entry));
}

/** One sentence for all schema errors at one value, or undefined when the API server would accept it. */
function problemOf(errors: readonly SchemaError[], value: PlainValue | undefined, fromTerraform: boolean): string | undefined {
  // `null` is how YAML writes "not set"; the API server treats it as absent.
  if (value === null || value === undefined || isPlaceholder(value)) return undefined;
  const types = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) {
      const allowed = error.params.allowedValues.map((entry) => `\`${String(entry)}\``);
      return `must be one of ${allowed.join(', ')}`;
    }
    if (error.keyword === 'type' && typeof error.params.type === 'string') types.add(error.params.type);
  }
  for (const error of errors) {
    if (error.keyword !== 'format') continue;
    const format = String(error.params.format);
    if (format === 'byte' && typeof value === 'string' && /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value.replace(/[\r\n]/g, ''))) {
      return undefined; // Go's base64 decoder skips line breaks, so a folded block is accepted.
    }
    if (format === 'quantity') return 'is not a valid quantity (e.g. `500m`, `2Gi`)';
    if (format === 'byte') return 'is not valid base64';
    if (format === 'date-time') return 'is not an RFC 3339 date-time';
    // A fraction fails both the integer type and the range check: the type says it better.
    if (format === 'int32' || format === 'int64') {
      if (types.size === 0) return `is out of range for ${format}`;
      continue;
    }
    return `does not match the format \`${format}\``;
  }
  if (types.size === 0) return undefined;
  if (types.has('boolean') && typeof value === 'string' && YAML11_BOOLEAN.test(value)) return undefined;
  // Terraform converts primitives to the provider schema's type before the API sees them (`value = 1` for a string).
  if (fromTerraform && terraformConverts(types, value)) return undefined;
  const expected = [...types].map((type) => TYPE_WORDS[type] ?? type).join(' or ');
  const quote = types.has('string') && (typeof value === 'number' || typeof value === 'boolean') ? ' (quote it)' : '';
  return `must be ${expected}, not ${typeName(value)}${quote}`;
}

/** Terraform's primitive conversions (number / bool to string, numeric or boolean strings back). */
function terraformConverts(types: ReadonlySet<string>, value: PlainValue): boolean {
  if (types.has('string') && (typeof value === 'number' || typeof value === 'boolean')) return true;
  if ((types.has('integer') || types.has('number')) && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return true;
  return types.has('boolean') && (value === 'true' || value === 'false');
}

/** Keywords reported; `oneOf` only wraps the type / format errors of its branches at the same path. */
const REPORTED_KEYWORDS = new Set(['enum', 'format', 'type']);

export const schemaInvalidField = defineRule({
  meta: {
    id: 'IG-K8S-126',
    name: 'schema-invalid-field',
    title: 'Manifest field unknown to Kubernetes',
    severity: 'medium',
    rationale:
      'A misspelled or misplaced field does not protect anything: depending on the client, the API server rejects the object or silently drops the field, and `runAsNonroot: true` or a `securityContext` written one level too high leaves the model server running exactly as if it had never been written, while every reviewer believes otherwise. Values of the wrong type or outside the allowed set (`imagePullPolicy: always`, an unquoted number in an env value) make the whole object fail to apply. Objects are checked against the schema of their apiVersion / kind for built-in kinds only; custom resources are not checked.',
    remediation:
      'Fix the field name or move it to where the schema expects it (`kubectl explain <kind>.<path>` shows the valid fields), quote numbers meant as strings, and validate manifests in CI with `kubectl apply --dry-run=server --validate=strict`.',
    references: [
      'https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation',
      'https://kubernetes.io/docs/reference/kubernetes-api/',
      'https://github.com/tommy351/kubernetes-models-ts',
    ],
    mappings: { stride: ['T'], nist: ['CM-6'] },
    targets: ['k8s:*'],
    fix: 'none',
    messages: {
      unknownField: '`{{field}}` is not a field of {{parent}}: the API server rejects it or silently drops it.{{suggestion}}',
      invalidValue: '{{field}} {{problem}}; the API server rejects this {{kind}}.',
    },
    examples: {
      bad: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:24.05-py3
      securityContext:
        runAsNonroot: true
`,
      good: `apiVersion: v1
kind: Pod
metadata: { name: triton, namespace: serving }
spec:
  containers:
    - name: triton
      image: nvcr.io/nvidia/tritonserver:24.05-py3
      securityContext:
        runAsNonRoot: true
`,
    },
  },
  create(context) {
    return {
      object(object) {
        const validate = validatorFor(object.apiVersion, object.kind);
        const root = object.root.value;
        if (!validate || !isPlainObject(root)) return;
        const visits: Visit[] = [];
        const errors = collectErrors(validate, track(root, undefined, '', visits));

        for (const visit of visits) {
          if (Array.isArray(visit.target) || visit.enumerated || visit.read.size === 0) continue;
          for (const key of Object.keys(visit.target)) {
            if (visit.read.has(key) || isExemptKey(key)) continue;
            const path = pathOf(visit);
            context.report({
              messageId: 'unknownField',
              data: { field: key, parent: describePath(object, path), suggestion: suggestionFor(key, visit.read) },
              at: object.root.get(...path, key),
            });
          }
        }

        const byPath = new Map<string, SchemaError[]>();
        for (const error of errors) {
          // Missing required fields are left to the API server: kustomize patches and partial overlays legitimately omit them.
          if (!REPORTED_KEYWORDS.has(error.keyword)) continue;
          const list = byPath.get(error.instancePath);
          if (list) list.push(error);
          else byPath.set(error.instancePath, [error]);
        }
        for (const [pointer, atPath] of byPath) {
          const path = segmentsOf(pointer, root);
          const problem = problemOf(atPath, valueAt(root, path), object.doc.terraform !== undefined);
          if (!problem) continue;
          context.report({
            messageId: 'invalidValue',
            data: { field: describePath(object, path), problem, kind: object.kind },
            at: object.root.get(...path),
          });
        }
      },
    };
  },
});

function collectErrors(validate: ModelValidate, data: object): SchemaError[] {
  try {
    validate.call(data);
    return [];
  } catch (error) {
    const errors = (error as { errors?: unknown }).errors;
    if (!Array.isArray(errors)) throw error;
    return errors.filter(isSchemaError);
  }
}

function isSchemaError(value: unknown): value is SchemaError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.instancePath === 'string' && typeof candidate.keyword === 'string' && typeof candidate.params === 'object' && candidate.params !== null;
}
