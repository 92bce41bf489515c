import type { FileKind } from '../findings/finding.js';
import { HELM_TEMPLATE_REASON, TEMPLATE_REASON } from './types.js';

/** What the walk reads; anything else is not IaC and is skipped silently. */
export type Extension = '.tf' | '.tf.json' | '.tfvars' | '.tfvars.json' | '.json' | '.yaml' | '.yml' | '.hcl' | '.tpl';

const EXTENSIONS: readonly Extension[] = ['.tf.json', '.tfvars.json', '.tf', '.tfvars', '.json', '.yaml', '.yml', '.hcl', '.tpl'];

/** The IaC extension of a file name, longest first so `x.tf.json` is not taken for `.json`. */
export function extensionOf(name: string): Extension | undefined {
  const lower = name.toLowerCase();
  return EXTENSIONS.find((extension) => lower.endsWith(extension) && lower.length > extension.length);
}

/** Kind known from the name alone, before reading (used for problems on unread files too). */
export function kindFromName(displayPath: string): FileKind {
  const extension = extensionOf(baseName(displayPath));
  switch (extension) {
    case '.tf':
      return 'terraform';
    case '.tf.json':
      return 'terraform-json';
    case '.tfvars':
    case '.tfvars.json':
      return 'tfvars';
    case '.tpl':
      return isUnderTemplatesDir(displayPath) ? 'helm-template' : 'other';
    default:
      return 'other';
  }
}

export interface ClassifyInput {
  /** `/`-separated; `<stdin>` when there is no file. */
  readonly path: string;
  readonly text: string;
  /** True when a `templates/` directory on the path sits next to a `Chart.yaml`. */
  readonly inChartTemplates?: boolean;
}

/** Extension first, then content: plan JSON, unrendered Helm templates, Kubernetes manifests. */
export function classify(input: ClassifyInput): FileKind {
  const { path, text } = input;
  const name = baseName(path);
  const extension = extensionOf(name);
  switch (extension) {
    case '.tf':
    case '.tf.json':
    case '.tfvars':
    case '.tfvars.json':
    case '.tpl':
      return kindFromName(path);
    case '.hcl':
      // Terragrunt, lock files, Packer, Nomad: HCL but not Terraform modules.
      return 'other';
    case '.json':
      if (isTerraformPlan(text)) return 'terraform-plan';
      break;
    case undefined:
      return classifyByContent(input);
  }
  if (isHelmTemplate(input, name)) return 'helm-template';
  return looksLikeKubernetes(text) ? 'kubernetes' : 'other';
}

/** For stdin and explicitly named files without an IaC extension. */
function classifyByContent(input: ClassifyInput): FileKind {
  const { text } = input;
  if (/^\s*\{/.test(text)) {
    if (isTerraformPlan(text)) return 'terraform-plan';
    if (/^\s*\{\s*"(?:resource|data|module|variable|output|provider|terraform|locals)"\s*:/.test(text)) return 'terraform-json';
  }
  if (isHelmTemplate(input, '')) return 'helm-template';
  if (looksLikeKubernetes(text)) return 'kubernetes';
  if (TERRAFORM_BLOCK.test(text)) return 'terraform';
  return 'other';
}

const TERRAFORM_BLOCK = /^[ \t]*(?:resource|data|module|variable|output|provider|terraform|locals)(?:[ \t]+"[^"\n]*")*[ \t]*\{/m;

/** `terraform show -json plan.out`: a top-level object with format_version and planned values. */
export function isTerraformPlan(text: string): boolean {
  // Key checks on the raw text: a plan can be many MB and the loader parses it anyway.
  return /^\s*\{/.test(text) && text.includes('"format_version"') && (text.includes('"planned_values"') || text.includes('"resource_changes"'));
}

const YAML_API_VERSION = /^apiVersion:[ \t]*\S/m;
const YAML_KIND = /^kind:[ \t]*\S/m;
const JSON_API_VERSION = /"apiVersion"\s*:/;
const JSON_KIND = /"kind"\s*:/;

/** Cheap: top-level `apiVersion:` and `kind:` line starts (YAML) or the JSON keys anywhere. */
export function looksLikeKubernetes(text: string): boolean {
  return (YAML_API_VERSION.test(text) && YAML_KIND.test(text)) || (JSON_API_VERSION.test(text) && JSON_KIND.test(text));
}

/** Chart metadata and values files are plain YAML even when their strings hold `{{ }}`. */
const HELM_PLAIN_FILE = /^(?:chart\.ya?ml|values(?:[.-][^/]*)?\.(?:ya?ml|json))$/i;

function isHelmTemplate(input: ClassifyInput, name: string): boolean {
  const { text } = input;
  if (!text.includes('{{')) return false;
  if (HELM_PLAIN_FILE.test(name)) return false;
  if (input.inChartTemplates) return hasActionOutsideComments(text);
  return hasUnrenderedAction(text);
}

/** In a chart's templates/ every `{{` is rendered by Helm, except on YAML comment lines. */
function hasActionOutsideComments(text: string): boolean {
  for (const line of text.split('\n')) {
    if (line.includes('{{') && !/^\s*#/.test(line)) return true;
  }
  return false;
}

/**
 * True when a `{{` can only be a template action, not data: the first token of a line
 * (`{{- if .Values.x }}`, `- {{ .Values.y }}`) or an unquoted mapping value (`image: {{ .Values.image }}`),
 * outside comments, block scalars and multi-line quoted strings. `{{` inside those is data (ConfigMaps
 * holding Go templates, Argo `{{inputs.parameters.x}}`, KServe's LLM config templates).
 */
export function hasUnrenderedAction(text: string): boolean {
  // Column that block-scalar lines must exceed; -1 when not in a block scalar.
  let blockParent = -1;
  // The quote of a string still open at the end of the previous line.
  let openQuote: '"' | "'" | undefined;
  for (const line of text.split('\n')) {
    if (openQuote) {
      if (closingQuote(line, 0, openQuote) >= 0) openQuote = undefined;
      continue;
    }
    const indent = leadingSpaces(line);
    const rest = line.slice(indent);
    if (blockParent >= 0) {
      if (rest === '' || rest === '\r' || indent > blockParent) continue;
      blockParent = -1;
    }
    if (rest === '' || rest.startsWith('#')) continue;
    if (rest.startsWith('---') || rest.startsWith('...')) continue;
    // Skip sequence indicators; remember the last dash, the parent of a `- |` block.
    let column = indent;
    let dash = -1;
    let body = rest;
    for (let match = SEQUENCE_ITEM.exec(body); match; match = SEQUENCE_ITEM.exec(body)) {
      dash = column;
      column += match[0].length;
      body = body.slice(match[0].length);
    }
    if (body.startsWith('{{')) return true;
    const key = MAPPING_KEY.exec(body);
    const value = key ? body.slice(key[0].length) : body;
    if (key && value.startsWith('{{')) return true;
    if (BLOCK_SCALAR_START.test(value)) {
      blockParent = key || dash < 0 ? column : dash;
    } else if (value.startsWith('"') || value.startsWith("'")) {
      const quote = value[0] as '"' | "'";
      if (closingQuote(value, 1, quote) < 0) openQuote = quote;
    }
  }
  return false;
}

const SEQUENCE_ITEM = /^-(?:[ \t]+|$)/;
// `key: ` with a plain or quoted key; a plain key cannot contain `: `, so a quoted value is never a key.
const MAPPING_KEY = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s'"#{[][^:]*?)[ \t]*:(?:[ \t]+|$)/;
// `|`, `>-`, `|2+`, with an optional anchor or tag before and a comment after.
const BLOCK_SCALAR_START = /^(?:&\S+[ \t]+)?(?:!\S*[ \t]+)?[|>][0-9+-]*[ \t]*(?:#.*)?\r?$/;

/** Index of the quote that ends a YAML quoted scalar (`\"` escapes in double, `''` in single), or -1. */
function closingQuote(line: string, from: number, quote: '"' | "'"): number {
  for (let index = from; index < line.length; index++) {
    const char = line[index];
    if (quote === '"' && char === '\\') index++;
    else if (char === quote) {
      if (quote === "'" && line[index + 1] === "'") index++;
      else return index;
    }
  }
  return -1;
}

const HELM_OBJECTS = /\{\{[^}]*(?:\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|\binclude\s+")/;

/** The Helm advice only where it applies: a chart's templates/, or actions that use Helm's objects. */
export function templateReason(input: ClassifyInput): string {
  return input.inChartTemplates || extensionOf(baseName(input.path)) === '.tpl' || HELM_OBJECTS.test(input.text) ? HELM_TEMPLATE_REASON : TEMPLATE_REASON;
}

function leadingSpaces(line: string): number {
  let index = 0;
  while (index < line.length && (line.charCodeAt(index) === 32 || line.charCodeAt(index) === 9)) index++;
  return index;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function isUnderTemplatesDir(displayPath: string): boolean {
  const segments = displayPath.split('/');
  return segments.slice(0, -1).includes('templates');
}
