// The syntax tree of an HCL native-syntax file (`.tf`), as hashicorp/hcl's hclsyntax builds it, with
// the offsets of every node. Offsets are UTF-16 indexes into SourceFile.text, end exclusive; line and
// column come from SourceFile.positionAt.

/** A half-open range of the file text as offsets: `text.slice(start, end)` is the node's source. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** A name with where it is written: attribute and block names, for-expression variables. */
export interface Identifier {
  readonly name: string;
  readonly span: TextSpan;
}

/** A configuration body: the whole file, or the content of a block between its braces. */
export interface Body {
  /** In source order. Names are unique within a body (the parser rejects a redefinition). */
  readonly attributes: readonly Attribute[];
  readonly blocks: readonly Block[];
  /** The whole file for the top-level body; from `{` to `}` inclusive for a block's body. */
  readonly span: TextSpan;
  /**
   * Set on every body built from JSON syntax (`.tf.json`, `.tfvars.json`): there an object-valued
   * property the parser could not know to be a nested block is an attribute holding an object or
   * tuple expression (see parse-terraform-json.ts), so a consumer with a schema may reinterpret it.
   */
  readonly fromJson?: true;
}

/** `name = expr`; `span` runs from the name to the end of the expression (no line break). */
export interface Attribute {
  readonly name: string;
  readonly nameSpan: TextSpan;
  readonly expr: Expression;
  readonly span: TextSpan;
}

/** `type "label" label { ... }`, including the one-line form `type { name = expr }`. */
export interface Block {
  readonly type: string;
  readonly typeSpan: TextSpan;
  readonly labels: readonly BlockLabel[];
  readonly body: Body;
  readonly openBraceSpan: TextSpan;
  readonly closeBraceSpan: TextSpan;
  /** From the type to the closing brace. */
  readonly span: TextSpan;
}

/** A block label: the decoded string (no template sequences allowed) or the bare identifier. */
export interface BlockLabel {
  readonly value: string;
  /** Includes the quotes of a quoted label. */
  readonly span: TextSpan;
  readonly quoted: boolean;
}

/** `# …` and `// …` (span without the line break) or `/* … *\/`; `text` is the source, markers included. */
export interface Comment {
  readonly kind: 'line' | 'block';
  readonly text: string;
  readonly span: TextSpan;
}

export type Expression =
  | LiteralExpr
  | TemplateExpr
  | TupleExpr
  | ObjectExpr
  | FunctionCallExpr
  | TraversalExpr
  | GetAttrExpr
  | IndexExpr
  | SplatExpr
  | SplatItemExpr
  | ForExpr
  | ConditionalExpr
  | BinaryExpr
  | UnaryExpr
  | ParensExpr;

/**
 * `12`, `1.5e3`, `true`, `false`, `null`. Numbers keep their source text in `raw` because HCL
 * numbers are arbitrary-precision and `value` is the nearest double.
 */
export interface LiteralExpr {
  readonly kind: 'literal';
  readonly value: number | boolean | null;
  readonly raw: string;
  readonly span: TextSpan;
}

/**
 * A quoted string or a heredoc. A template made of exactly one interpolation and nothing else
 * (`"${var.x}"`) evaluates to the interpolated value itself, not to a string (see
 * `isUnwrappedTemplate`). `""` has no parts.
 */
export interface TemplateExpr {
  readonly kind: 'template';
  readonly parts: readonly TemplatePart[];
  /** Set for `<<EOT` / `<<-EOT` (`flush`: leading spaces trimmed); absent for a quoted string. */
  readonly heredoc?: { readonly marker: string; readonly flush: boolean };
  /** From the opening quote or `<<` to the closing quote or marker (for a heredoc, the marker's line up to its line break). */
  readonly span: TextSpan;
}

export type TemplatePart = TemplateText | TemplateInterpolation | TemplateIf | TemplateFor;

/**
 * Literal text, final: escapes decoded (`\n`, `\uXXXX`, `$${` → `${`, `%%{` → `%{`), strip markers
 * and heredoc indentation applied, Unicode NFC-normalised as HCL's string values are. `span` is the
 * source it came from, before trimming.
 */
export interface TemplateText {
  readonly kind: 'text';
  readonly value: string;
  readonly span: TextSpan;
}

/** `${expr}`; the strip flags record `${~` and `~}`, already applied to the neighbouring text. */
export interface TemplateInterpolation {
  readonly kind: 'interpolation';
  readonly expr: Expression;
  readonly stripBefore: boolean;
  readonly stripAfter: boolean;
  readonly span: TextSpan;
}

/** `%{ if cond }…%{ else }…%{ endif }`; a missing else clause is an empty `else`. */
export interface TemplateIf {
  readonly kind: 'if';
  readonly condition: Expression;
  readonly then: readonly TemplatePart[];
  readonly else: readonly TemplatePart[];
  readonly span: TextSpan;
}

/** `%{ for k, v in coll }…%{ endfor }`. */
export interface TemplateFor {
  readonly kind: 'for';
  readonly keyVar: Identifier | undefined;
  readonly valueVar: Identifier;
  readonly collection: Expression;
  readonly body: readonly TemplatePart[];
  readonly span: TextSpan;
}

/** `[a, b]`. */
export interface TupleExpr {
  readonly kind: 'tuple';
  readonly elements: readonly Expression[];
  readonly span: TextSpan;
}

/** `{ k = v, k2: v2 }`; items in source order (a later duplicate key wins at evaluation). */
export interface ObjectExpr {
  readonly kind: 'object';
  readonly items: readonly ObjectItem[];
  readonly span: TextSpan;
}

export interface ObjectItem {
  readonly key: Expression;
  /**
   * Set when the key is a bare identifier (`{ name = 1 }`, also `true` / `null`): the key is that
   * literal string, not a variable. Undefined for any other key, which is evaluated: a quoted
   * string, or `(local.k)` with parentheses to force evaluation of a name.
   */
  readonly nameKey: string | undefined;
  readonly value: Expression;
  /** From the key to the end of the value. */
  readonly span: TextSpan;
}

/** `name(args)`, `provider::aws::arn_parse(x)` (name holds the `::`); `...` after the last argument sets `expandFinal`. */
export interface FunctionCallExpr {
  readonly kind: 'functionCall';
  readonly name: string;
  readonly nameSpan: TextSpan;
  readonly args: readonly Expression[];
  readonly expandFinal: boolean;
  readonly openParenSpan: TextSpan;
  readonly closeParenSpan: TextSpan;
  readonly span: TextSpan;
}

/**
 * A reference: a root variable and static steps, `var.name`, `aws_s3_bucket.b[0].id`,
 * `module.m["k"].out`, `list.0` (legacy index). A step with a computed key ends the static part:
 * the rest becomes `index` / `getAttr` nodes around this one.
 */
export interface TraversalExpr {
  readonly kind: 'traversal';
  readonly root: string;
  readonly rootSpan: TextSpan;
  readonly steps: readonly TraversalStep[];
  readonly span: TextSpan;
}

export type TraversalStep = TraversalAttrStep | TraversalIndexStep;

/** `.name`; the span includes the dot. */
export interface TraversalAttrStep {
  readonly kind: 'attr';
  readonly name: string;
  readonly span: TextSpan;
}

/** `[0]`, `["key"]` (a literal or a string without template sequences), or legacy `.0`; the span includes the brackets or the dot. */
export interface TraversalIndexStep {
  readonly kind: 'index';
  readonly key: LiteralExpr | TemplateExpr;
  readonly legacy: boolean;
  readonly span: TextSpan;
}

/** `expr.name` on anything that is not a static traversal (a call, a parenthesised expression, a splat item, …). */
export interface GetAttrExpr {
  readonly kind: 'getAttr';
  readonly object: Expression;
  readonly name: string;
  readonly nameSpan: TextSpan;
  readonly span: TextSpan;
}

/** `expr[key]` with a computed key, or any index on something that is not a static traversal. */
export interface IndexExpr {
  readonly kind: 'index';
  readonly collection: Expression;
  readonly key: Expression;
  /** `.0` rather than `[0]`. */
  readonly legacy: boolean;
  readonly span: TextSpan;
}

/**
 * `source[*].a.b[0]` (full: every following step applies to each element) or `source.*.a.b`
 * (attribute-only: only the `.name` steps). `each` is the per-element expression, built over a
 * `splatItem` node standing for the element.
 */
export interface SplatExpr {
  readonly kind: 'splat';
  readonly form: 'full' | 'attr';
  readonly source: Expression;
  readonly each: Expression;
  /** `[*]` or `.*`. */
  readonly markerSpan: TextSpan;
  readonly span: TextSpan;
}

/** The element placeholder inside a splat's `each`; its span is the splat marker. */
export interface SplatItemExpr {
  readonly kind: 'splatItem';
  readonly span: TextSpan;
}

/**
 * `[for k, v in coll : value if cond]` (tuple) or `{for k, v in coll : key => value... if cond}`
 * (object; `grouping` for the `...`).
 */
export interface ForExpr {
  readonly kind: 'for';
  readonly form: 'tuple' | 'object';
  readonly keyVar: Identifier | undefined;
  readonly valueVar: Identifier;
  readonly collection: Expression;
  /** The key expression of an object `for`; undefined for a tuple. */
  readonly key: Expression | undefined;
  readonly value: Expression;
  readonly grouping: boolean;
  readonly condition: Expression | undefined;
  readonly span: TextSpan;
}

/** `cond ? then : else`. */
export interface ConditionalExpr {
  readonly kind: 'conditional';
  readonly condition: Expression;
  readonly then: Expression;
  readonly else: Expression;
  readonly span: TextSpan;
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%';

export interface BinaryExpr {
  readonly kind: 'binary';
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
  readonly operatorSpan: TextSpan;
  readonly span: TextSpan;
}

export interface UnaryExpr {
  readonly kind: 'unary';
  readonly operator: '-' | '!';
  readonly operand: Expression;
  readonly span: TextSpan;
}

/** `(expr)`, kept so that spans and the source text stay exact. */
export interface ParensExpr {
  readonly kind: 'parens';
  readonly expr: Expression;
  readonly span: TextSpan;
}

/** A syntax error: the first one found; `offset` is where it is. */
export interface HclSyntaxError {
  readonly message: string;
  readonly offset: number;
}

/** What `parseHcl` returns: a body when the file is valid, otherwise the error. */
export interface HclParseResult {
  readonly body: Body | undefined;
  readonly comments: readonly Comment[];
  readonly errors: readonly HclSyntaxError[];
}

/**
 * Whether a template evaluates to its single interpolation's value unconverted (`"${var.list}"` is
 * the list), as HCL's TemplateWrapExpr does.
 */
export function isUnwrappedTemplate(template: TemplateExpr): template is TemplateExpr & { readonly parts: readonly [TemplateInterpolation] } {
  return template.parts.length === 1 && (template.parts[0] as TemplatePart).kind === 'interpolation';
}
