import type {
  Attribute,
  BinaryOperator,
  Block,
  BlockLabel,
  Body,
  Expression,
  ForExpr,
  FunctionCallExpr,
  Identifier,
  LiteralExpr,
  ObjectItem,
  TemplateExpr,
  TextSpan,
  TraversalStep,
} from './ast.js';
import { ParseFailure } from './failure.js';
import {
  AND,
  BANG,
  CBRACE,
  CBRACK,
  CHEREDOC,
  COLON,
  COMMA,
  CPAREN,
  CQUOTE,
  DOT,
  DOUBLE_COLON,
  ELLIPSIS,
  EOF,
  EQUAL,
  EQUAL_OP,
  FAT_ARROW,
  GREATER,
  GREATER_EQUAL,
  IDENT,
  LESS,
  LESS_EQUAL,
  MINUS,
  NEWLINE,
  NOT_EQUAL,
  NUMBER,
  OBRACE,
  OBRACK,
  OHEREDOC,
  OPAREN,
  OQUOTE,
  OR,
  PERCENT,
  PLUS,
  QUESTION,
  QUOTED_LIT,
  SLASH,
  STAR,
  STRING_LIT,
  TEMPLATE_CONTROL,
  TEMPLATE_INTERP,
  TEMPLATE_SEQ_END,
  type TokenTable,
} from './lexer.js';
import { decodeHeredocLiteral, decodeQuotedLiteral, flushHeredoc, meldTexts, nestTemplateParts, type RawPart, trimLeftSpace, trimRightSpace } from './template.js';

// A recursive-descent parser over the token table, after hclsyntax/parser.go: the same grammar,
// the same newline rules (newlines end attributes and object items, and are ignored inside
// parentheses, brackets, for expressions and template sequences) and the same syntax errors. It
// stops at the first error.

/** Binary operator precedence by token type (0: not a binary operator); higher binds tighter. */
const PRECEDENCE = new Uint8Array(64);
PRECEDENCE[OR] = 1;
PRECEDENCE[AND] = 2;
PRECEDENCE[EQUAL_OP] = 3;
PRECEDENCE[NOT_EQUAL] = 3;
PRECEDENCE[LESS] = 4;
PRECEDENCE[LESS_EQUAL] = 4;
PRECEDENCE[GREATER] = 4;
PRECEDENCE[GREATER_EQUAL] = 4;
PRECEDENCE[PLUS] = 5;
PRECEDENCE[MINUS] = 5;
PRECEDENCE[STAR] = 6;
PRECEDENCE[SLASH] = 6;
PRECEDENCE[PERCENT] = 6;

const OPERATORS: Record<number, BinaryOperator> = {
  [OR]: '||',
  [AND]: '&&',
  [EQUAL_OP]: '==',
  [NOT_EQUAL]: '!=',
  [LESS]: '<',
  [LESS_EQUAL]: '<=',
  [GREATER]: '>',
  [GREATER_EQUAL]: '>=',
  [PLUS]: '+',
  [MINUS]: '-',
  [STAR]: '*',
  [SLASH]: '/',
  [PERCENT]: '%',
};

const NUMBER_SYNTAX = /^[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?$/;

export interface ParserOptions {
  readonly text: string;
  readonly tokens: TokenTable;
  /** Deepest nesting of bodies and expressions accepted. */
  readonly maxDepth: number;
  /** `line:column` of an offset, for messages that point elsewhere. */
  readonly where: (offset: number) => string;
}

export class Parser {
  private readonly text: string;
  private readonly types: Uint8Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly maxDepth: number;
  private readonly where: (offset: number) => string;
  private pos = 0;
  /** Whether newlines are significant here (hclsyntax's IncludeNewlines stack, kept in the call stack). */
  private newlines = true;
  private depth = 0;

  constructor(options: ParserOptions) {
    this.text = options.text;
    this.types = options.tokens.types;
    this.starts = options.tokens.starts;
    this.ends = options.tokens.ends;
    this.maxDepth = options.maxDepth;
    this.where = options.where;
  }

  parseFile(): Body {
    return this.parseBody(EOF, 0);
  }

  /** Index of the next token that counts here: newline tokens are skipped where they are insignificant. */
  private peek(): number {
    let i = this.pos;
    if (!this.newlines) {
      const types = this.types;
      while (types[i] === NEWLINE) i++;
    }
    return i;
  }

  private peekType(): number {
    return this.types[this.peek()] as number;
  }

  /** Consumes the next token that counts and returns its index. */
  private read(): number {
    const i = this.peek();
    if (this.types[i] !== EOF) this.pos = i + 1;
    else this.pos = i;
    return i;
  }

  private tokenText(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }

  private isKeyword(i: number, keyword: string): boolean {
    const start = this.starts[i] as number;
    return this.types[i] === IDENT && (this.ends[i] as number) - start === keyword.length && this.text.startsWith(keyword, start);
  }

  private span(startToken: number, endToken: number): TextSpan {
    return { start: this.starts[startToken] as number, end: this.ends[endToken] as number };
  }

  private tokenSpan(i: number): TextSpan {
    return { start: this.starts[i] as number, end: this.ends[i] as number };
  }

  private fail(message: string, token: number): never {
    throw new ParseFailure(message, this.starts[token] as number);
  }

  private enter(token: number): void {
    if (++this.depth > this.maxDepth) this.fail(`Nesting too deep: more than ${this.maxDepth} levels of nested blocks or expressions.`, token);
  }

  /** Body items up to `end` (EOF, or the `}` of the block whose `{` is token `open`). */
  private parseBody(end: number, open: number): Body {
    this.enter(this.pos);
    const attributes: Attribute[] = [];
    const blocks: Block[] = [];
    const names = new Map<string, Attribute>();
    const types = this.types;
    for (;;) {
      const i = this.pos;
      const type = types[i];
      if (type === end) {
        this.pos = end === EOF ? i : i + 1;
        this.depth--;
        const span = end === EOF ? { start: 0, end: this.text.length } : this.span(open, i);
        return { attributes, blocks, span };
      }
      if (type === NEWLINE) {
        this.pos++;
        continue;
      }
      if (type === IDENT) {
        const item = this.parseBodyItem();
        if ('expr' in item) {
          const existing = names.get(item.name);
          if (existing) {
            throw new ParseFailure(`Attribute redefined: the argument "${item.name}" was already set at ${this.where(existing.nameSpan.start)}. Each argument may be set only once.`, item.nameSpan.start);
          }
          names.set(item.name, item);
          attributes.push(item);
        } else {
          blocks.push(item);
        }
        continue;
      }
      if (type === OQUOTE) this.fail('Invalid argument name: argument names must not be quoted.', i);
      if (type === EOF) {
        throw new ParseFailure(
          'Unclosed configuration block: there is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.',
          this.starts[open] as number,
        );
      }
      this.fail('Argument or block definition required: an argument or block definition is required here.', i);
    }
  }

  private parseBodyItem(): Attribute | Block {
    const name = this.pos++;
    const next = this.types[this.pos];
    if (next === EQUAL) {
      const attribute = this.finishAttribute(name);
      const after = this.types[this.pos];
      if (after === NEWLINE) this.pos++;
      else if (after !== EOF) {
        this.fail(
          after === COMMA
            ? 'Unexpected comma after argument: argument definitions must be separated by newlines, not commas. An argument definition must end with a newline.'
            : 'Missing newline after argument: an argument definition must end with a newline.',
          this.pos,
        );
      }
      return attribute;
    }
    if (next === OQUOTE || next === OBRACE || next === IDENT) return this.finishBlock(name);
    this.fail('Argument or block definition required: an argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.', name);
  }

  /** `name = expr` with the name read and the `=` next; the newline after it is the caller's. */
  private finishAttribute(name: number): Attribute {
    this.pos++; // =
    const expr = this.parseExpression();
    return {
      name: this.tokenText(name),
      nameSpan: this.tokenSpan(name),
      expr,
      span: { start: this.starts[name] as number, end: expr.span.end },
    };
  }

  private finishBlock(typeToken: number): Block {
    const labels: BlockLabel[] = [];
    const types = this.types;
    for (;;) {
      const i = this.pos;
      const type = types[i];
      if (type === OBRACE) break;
      if (type === OQUOTE) {
        labels.push(this.parseQuotedLabel());
        continue;
      }
      if (type === IDENT) {
        this.pos++;
        labels.push({ value: this.tokenText(i), span: this.tokenSpan(i), quoted: false });
        continue;
      }
      if (type === EQUAL) this.fail('Invalid block definition: the equals sign "=" indicates an argument definition, and must not be used when defining a block.', i);
      if (type === NEWLINE) {
        this.fail('Invalid block definition: a block definition must have block content delimited by "{" and "}", starting on the same line as the block header.', i);
      }
      this.fail('Invalid block definition: either a quoted string block label or an opening brace ("{") is expected here.', i);
    }
    const open = this.pos++;
    let body: Body;
    const first = types[this.pos];
    if (first === NEWLINE || first === EOF || first === CBRACE) {
      body = this.parseBody(CBRACE, open);
    } else {
      body = this.parseOneLineBody(open);
    }
    const close = this.pos - 1;
    const after = types[this.pos];
    if (after === NEWLINE) this.pos++;
    else if (after !== EOF) this.fail('Missing newline after block definition: a block definition must end with a newline.', this.pos);
    return {
      type: this.tokenText(typeToken),
      typeSpan: this.tokenSpan(typeToken),
      labels,
      body,
      openBraceSpan: this.tokenSpan(open),
      closeBraceSpan: this.tokenSpan(close),
      span: this.span(typeToken, close),
    };
  }

  /** `{ name = expr }` on one line: a single attribute, then the closing brace. */
  private parseOneLineBody(open: number): Body {
    const name = this.pos;
    const types = this.types;
    if (types[name] !== IDENT) this.fail('Argument or block definition required: an argument or block definition is required here.', name);
    this.pos++;
    const next = types[this.pos];
    if (next !== EQUAL) {
      if (next === OQUOTE || next === OBRACE || next === IDENT) {
        this.fail(
          'Argument definition required: a single-line block definition can contain only a single argument. To define a nested block, place it on a line of its own within its parent block.',
          name,
        );
      }
      this.fail('Argument or block definition required: an argument or block definition is required here. To set an argument, use the equals sign "=" to introduce the argument value.', name);
    }
    this.enter(name);
    const attribute = this.finishAttribute(name);
    this.depth--;
    const close = this.pos;
    switch (types[close]) {
      case CBRACE:
        this.pos++;
        return { attributes: [attribute], blocks: [], span: this.span(open, close) };
      case COMMA:
        return this.fail(
          'Invalid single-argument block definition: single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.',
          close,
        );
      case NEWLINE:
        return this.fail(
          "Invalid single-argument block definition: an argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.",
          close,
        );
      case EOF:
        return this.fail('Unclosed configuration block: there is no closing brace for this block before the end of the file.', open);
      default:
        return this.fail('Invalid single-argument block definition: a single-line block definition must end with a closing brace immediately after its single argument definition.', close);
    }
  }

  /** A quoted block label: escapes decoded, template sequences refused. */
  private parseQuotedLabel(): BlockLabel {
    const open = this.pos++;
    let value = '';
    for (;;) {
      const i = this.pos++;
      const type = this.types[i];
      if (type === CQUOTE) return { value, span: this.span(open, i), quoted: true };
      if (type === QUOTED_LIT) {
        value += decodeQuotedLiteral(this.text, this.starts[i] as number, this.ends[i] as number);
        continue;
      }
      if (type === TEMPLATE_INTERP || type === TEMPLATE_CONTROL) {
        const which = type === TEMPLATE_INTERP ? '$' : '%';
        this.fail(`Invalid string literal: template sequences are not allowed in this string. To include a literal "${which}", double it (as "${which}${which}") to escape it.`, i);
      }
      this.fail('Unterminated string literal: unable to find the closing quote mark before the end of the file.', open);
    }
  }

  private parseExpression(): Expression {
    this.enter(this.pos);
    const condition = this.parseBinary(1);
    const question = this.peek();
    if (this.types[question] !== QUESTION) {
      this.depth--;
      return condition;
    }
    this.pos = question + 1;
    const then = this.parseExpression();
    const colon = this.peek();
    if (this.types[colon] !== COLON) this.fail('Missing false expression in conditional: the conditional operator (...?...:...) requires a false expression, delimited by a colon.', colon);
    this.pos = colon + 1;
    const otherwise = this.parseExpression();
    this.depth--;
    return { kind: 'conditional', condition, then, else: otherwise, span: { start: condition.span.start, end: otherwise.span.end } };
  }

  /** Binary operators by precedence climbing; operators of one level associate to the left. */
  private parseBinary(minPrecedence: number): Expression {
    let left = this.parseUnary();
    // Each operator of a left-associative chain nests the tree one level deeper: counted too.
    let levels = 0;
    for (;;) {
      const i = this.peek();
      const type = this.types[i] as number;
      const precedence = PRECEDENCE[type] as number;
      if (precedence === 0 || precedence < minPrecedence) {
        this.depth -= levels;
        return left;
      }
      this.pos = i + 1;
      this.enter(i);
      levels++;
      const right = this.parseBinary(precedence + 1);
      left = {
        kind: 'binary',
        operator: OPERATORS[type] as BinaryOperator,
        left,
        right,
        operatorSpan: this.tokenSpan(i),
        span: { start: left.span.start, end: right.span.end },
      };
    }
  }

  /** `-x` and `!x` bind tighter than any binary operator, and take a term with its traversals. */
  private parseUnary(): Expression {
    const i = this.peek();
    const type = this.types[i];
    if (type === MINUS || type === BANG) {
      this.pos = i + 1;
      this.enter(i);
      const operand = this.parseUnary();
      this.depth--;
      return { kind: 'unary', operator: type === MINUS ? '-' : '!', operand, span: { start: this.starts[i] as number, end: operand.span.end } };
    }
    return this.parseTraversals(this.parseTerm());
  }

  private parseTerm(): Expression {
    const i = this.peek();
    switch (this.types[i]) {
      case IDENT: {
        this.pos = i + 1;
        const next = this.peekType();
        if (next === OPAREN || next === DOUBLE_COLON) return this.finishFunctionCall(i);
        const span = this.tokenSpan(i);
        const name = this.tokenText(i);
        if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', raw: name, span };
        if (name === 'null') return { kind: 'literal', value: null, raw: name, span };
        return { kind: 'traversal', root: name, rootSpan: span, steps: [], span };
      }
      case NUMBER:
        this.pos = i + 1;
        return this.numberLiteral(i);
      case OQUOTE:
      case OHEREDOC:
        return this.parseTemplate(i);
      case OPAREN: {
        this.pos = i + 1;
        const saved = this.newlines;
        this.newlines = false;
        const expr = this.parseExpression();
        const close = this.peek();
        if (this.types[close] !== CPAREN) this.fail('Unbalanced parentheses: expected a closing parenthesis to terminate the expression.', close);
        this.pos = close + 1;
        this.newlines = saved;
        return { kind: 'parens', expr, span: this.span(i, close) };
      }
      case OBRACK:
        return this.parseTuple(i);
      case OBRACE:
        return this.parseObject(i);
      case EOF:
        return this.fail('Missing expression: expected the start of an expression, but found the end of the file.', i);
      default:
        return this.fail('Invalid expression: expected the start of an expression, but found an invalid expression token.', i);
    }
  }

  private numberLiteral(i: number): LiteralExpr {
    const raw = this.tokenText(i);
    if (!NUMBER_SYNTAX.test(raw)) this.fail('Invalid number literal: failed to recognize the value of this number literal.', i);
    return { kind: 'literal', value: Number(raw), raw, span: this.tokenSpan(i) };
  }

  /** Attribute access, indexes and splats after a term, as hclsyntax's parseExpressionTraversals. */
  private parseTraversals(from: Expression): Expression {
    let expr = from;
    const types = this.types;
    // Steps of a static traversal share one node; any other step nests the tree one level deeper.
    const depth = this.depth;
    for (;;) {
      const i = this.peek();
      const type = types[i];
      if (expr.kind !== 'traversal' && expr !== from) this.enter(i);
      if (type === DOT) {
        this.pos = i + 1;
        const next = this.peek();
        const nextType = types[next];
        if (nextType === IDENT) {
          this.pos = next + 1;
          expr = this.getAttr(expr, i, next);
        } else if (nextType === NUMBER) {
          this.pos = next + 1;
          expr = this.legacyIndex(expr, i, next);
        } else if (nextType === STAR) {
          this.pos = next + 1;
          expr = this.finishAttrSplat(expr, i, next);
        } else {
          this.fail('Invalid attribute name: an attribute name is required after a dot.', next);
        }
      } else if (type === OBRACK) {
        this.pos = i + 1;
        const next = this.peek();
        if (types[next] === STAR) {
          this.pos = next + 1;
          const close = this.read();
          if (types[close] !== CBRACK) this.fail('Missing close bracket on splat index: the star for a full splat operator must be immediately followed by a closing bracket ("]").', close);
          const markerSpan = this.span(i, close);
          // Every following step applies to each element: they are parsed over the element.
          this.enter(i);
          const each = this.parseTraversals({ kind: 'splatItem', span: markerSpan });
          this.depth--;
          expr = { kind: 'splat', form: 'full', source: expr, each, markerSpan, span: { start: expr.span.start, end: each.span.end } };
        } else {
          const saved = this.newlines;
          this.newlines = false;
          const key = this.parseExpression();
          const close = this.read();
          if (types[close] !== CBRACK) this.fail('Missing close bracket on index: the index operator must end with a closing bracket ("]").', close);
          this.newlines = saved;
          expr = this.index(expr, key, i, close);
        }
      } else {
        this.depth = depth;
        return expr;
      }
    }
  }

  private getAttr(expr: Expression, dot: number, name: number): Expression {
    const nameText = this.tokenText(name);
    const end = this.ends[name] as number;
    if (expr.kind === 'traversal') {
      const step: TraversalStep = { kind: 'attr', name: nameText, span: { start: this.starts[dot] as number, end } };
      return { kind: 'traversal', root: expr.root, rootSpan: expr.rootSpan, steps: [...expr.steps, step], span: { start: expr.span.start, end } };
    }
    return { kind: 'getAttr', object: expr, name: nameText, nameSpan: this.tokenSpan(name), span: { start: expr.span.start, end } };
  }

  /** `.0`: an index written the HIL way; `.0.1` reads as the number 0.1 and is refused. */
  private legacyIndex(expr: Expression, dot: number, number: number): Expression {
    const raw = this.tokenText(number);
    const point = raw.indexOf('.');
    if (point >= 0) {
      this.fail(
        `Invalid legacy index syntax: when using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax instead, like [${raw.slice(0, point)}][${raw.slice(point + 1)}].`,
        number,
      );
    }
    const key = this.numberLiteral(number);
    const span = { start: this.starts[dot] as number, end: key.span.end };
    if (expr.kind === 'traversal') {
      return { kind: 'traversal', root: expr.root, rootSpan: expr.rootSpan, steps: [...expr.steps, { kind: 'index', key, legacy: true, span }], span: { start: expr.span.start, end: span.end } };
    }
    return { kind: 'index', collection: expr, key, legacy: true, span: { start: expr.span.start, end: span.end } };
  }

  private index(expr: Expression, key: Expression, open: number, close: number): Expression {
    const end = this.ends[close] as number;
    if (expr.kind === 'traversal' && (key.kind === 'literal' || (key.kind === 'template' && isStringLiteral(key)))) {
      const step: TraversalStep = { kind: 'index', key, legacy: false, span: this.span(open, close) };
      return { kind: 'traversal', root: expr.root, rootSpan: expr.rootSpan, steps: [...expr.steps, step], span: { start: expr.span.start, end } };
    }
    return { kind: 'index', collection: expr, key, legacy: false, span: { start: expr.span.start, end } };
  }

  /** `.*` then only `.name` / `.0` steps, which apply to each element. */
  private finishAttrSplat(source: Expression, dot: number, star: number): Expression {
    const markerSpan = this.span(dot, star);
    let each: Expression = { kind: 'splatItem', span: markerSpan };
    let end = this.ends[star] as number;
    const types = this.types;
    for (;;) {
      const i = this.peek();
      if (types[i] !== DOT) break;
      this.pos = i + 1;
      const next = this.peek();
      const type = types[next];
      if (type === NUMBER) {
        this.pos = next + 1;
        each = this.legacyIndex(each, i, next);
      } else if (type === IDENT) {
        this.pos = next + 1;
        each = this.getAttr(each, i, next);
      } else if (type === STAR) {
        this.fail('Nested splat expression not allowed: a splat expression (*) cannot be used inside another attribute-only splat expression.', next);
      } else {
        this.fail('Invalid attribute name: an attribute name is required after a dot.', next);
      }
      end = this.ends[next] as number;
    }
    return { kind: 'splat', form: 'attr', source, each, markerSpan, span: { start: source.span.start, end } };
  }

  /** `name(args)` or `ns::name(args)` with the first name read. */
  private finishFunctionCall(nameToken: number): FunctionCallExpr {
    const types = this.types;
    let name = this.tokenText(nameToken);
    let nameEnd = this.ends[nameToken] as number;
    let open = this.read();
    while (types[open] === DOUBLE_COLON) {
      const part = this.read();
      if (types[part] !== IDENT) this.fail('Missing function name: function scope resolution symbol :: must be followed by a function name in this scope.', part);
      name += '::' + this.tokenText(part);
      nameEnd = this.ends[part] as number;
      open = this.read();
    }
    if (types[open] !== OPAREN) this.fail('Missing open parenthesis: function selector must be followed by an open parenthesis to begin the function call.', open);
    const saved = this.newlines;
    this.newlines = false;
    const args: Expression[] = [];
    let expandFinal = false;
    let close: number;
    for (;;) {
      if (this.peekType() === CPAREN) {
        close = this.read();
        break;
      }
      args.push(this.parseExpression());
      const separator = this.read();
      const type = types[separator];
      if (type === CPAREN) {
        close = separator;
        break;
      }
      if (type === ELLIPSIS) {
        expandFinal = true;
        close = this.read();
        if (types[close] !== CPAREN) this.fail('Missing closing parenthesis: an expanded function argument (with ...) must be immediately followed by closing parentheses.', separator);
        break;
      }
      if (type === EOF) {
        this.fail('Unterminated function call: there is no closing parenthesis for this function call before the end of the file. This may be caused by incorrect parenthesis nesting elsewhere in this file.', nameToken);
      }
      if (type !== COMMA) this.fail('Missing argument separator: a comma is required to separate each function argument from the next.', separator);
    }
    this.newlines = saved;
    const start = this.starts[nameToken] as number;
    return {
      kind: 'functionCall',
      name,
      nameSpan: { start, end: nameEnd },
      args,
      expandFinal,
      openParenSpan: this.tokenSpan(open),
      closeParenSpan: this.tokenSpan(close),
      span: { start, end: this.ends[close] as number },
    };
  }

  private parseTuple(open: number): Expression {
    this.pos = open + 1;
    const saved = this.newlines;
    this.newlines = false;
    if (this.isKeyword(this.peek(), 'for')) {
      const expr = this.finishFor(open, false);
      this.newlines = saved;
      return expr;
    }
    const elements: Expression[] = [];
    const types = this.types;
    let close: number;
    for (;;) {
      if (this.peekType() === CBRACK) {
        close = this.read();
        break;
      }
      elements.push(this.parseExpression());
      const next = this.peek();
      const type = types[next];
      if (type === CBRACK) {
        close = this.read();
        break;
      }
      if (type === EOF) {
        this.fail('Unterminated tuple constructor expression: there is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.', open);
      }
      if (type !== COMMA) this.fail('Missing item separator: expected a comma to mark the beginning of the next item.', next);
      this.pos = next + 1;
    }
    this.newlines = saved;
    return { kind: 'tuple', elements, span: this.span(open, close) };
  }

  private parseObject(open: number): Expression {
    this.pos = open + 1;
    const saved = this.newlines;
    this.newlines = false;
    if (this.isKeyword(this.peek(), 'for')) {
      const expr = this.finishFor(open, true);
      this.newlines = saved;
      return expr;
    }
    // Inside an object constructor newlines separate items, even within brackets around it.
    this.newlines = true;
    const items: ObjectItem[] = [];
    const types = this.types;
    let close: number;
    for (;;) {
      const first = this.pos;
      const firstType = types[first];
      if (firstType === NEWLINE) {
        this.pos++;
        continue;
      }
      if (firstType === CBRACE) {
        close = first;
        this.pos++;
        break;
      }
      const key = this.parseExpression();
      // A bare name is a literal key; parentheses force evaluation: `{ (local.k) = 1 }`.
      let nameKey: string | undefined;
      if (firstType === IDENT && key.span.end === this.ends[first]) {
        if (key.kind === 'traversal' || key.kind === 'literal') nameKey = this.tokenText(first);
      }
      const separator = this.pos;
      const separatorType = types[separator];
      if (separatorType !== EQUAL && separatorType !== COLON) {
        if (separatorType === NEWLINE || separatorType === COMMA) this.fail('Missing attribute value: expected an attribute value, introduced by an equals sign ("=").', separator);
        if (separatorType === IDENT) {
          this.fail(
            'Missing key/value separator: expected an equals sign ("=") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.',
            separator,
          );
        }
        if (separatorType === EOF) this.unterminatedObject(open);
        this.fail('Missing key/value separator: expected an equals sign ("=") to mark the beginning of the attribute value.', separator);
      }
      this.pos++;
      const value = this.parseExpression();
      items.push({ key, nameKey, value, span: { start: key.span.start, end: value.span.end } });
      const next = this.pos;
      const nextType = types[next];
      if (nextType === CBRACE) {
        close = next;
        this.pos++;
        break;
      }
      if (nextType === COMMA || nextType === NEWLINE) {
        this.pos++;
        continue;
      }
      if (nextType === EOF) this.unterminatedObject(open);
      this.fail('Missing attribute separator: expected a newline or comma to mark the beginning of the next attribute.', next);
    }
    this.newlines = saved;
    return { kind: 'object', items, span: this.span(open, close) };
  }

  private unterminatedObject(open: number): never {
    this.fail('Unterminated object constructor expression: there is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.', open);
  }

  /** `[for …]` / `{for …}` with the opener read and `for` next; newlines are insignificant throughout. */
  private finishFor(open: number, object: boolean): ForExpr {
    const types = this.types;
    const closeType = object ? CBRACE : CBRACK;
    this.read(); // for
    const first = this.read();
    if (types[first] !== IDENT) this.fail("Invalid 'for' expression: for expression requires variable name after 'for'.", first);
    let keyVar: Identifier | undefined;
    let valueVar: Identifier = { name: this.tokenText(first), span: this.tokenSpan(first) };
    if (this.peekType() === COMMA) {
      this.read();
      const second = this.read();
      if (types[second] !== IDENT) this.fail("Invalid 'for' expression: for expression requires value variable name after comma.", second);
      keyVar = valueVar;
      valueVar = { name: this.tokenText(second), span: this.tokenSpan(second) };
    }
    const inKeyword = this.read();
    if (!this.isKeyword(inKeyword, 'in')) this.fail("Invalid 'for' expression: for expression requires the 'in' keyword after its name declarations.", inKeyword);
    const collection = this.parseExpression();
    const colon = this.read();
    if (types[colon] !== COLON) this.fail("Invalid 'for' expression: for expression requires a colon after the collection expression.", colon);
    let key: Expression | undefined;
    let value = this.parseExpression();
    if (this.peekType() === FAT_ARROW) {
      this.read();
      key = value;
      value = this.parseExpression();
    }
    let ellipsis = -1;
    if (this.peekType() === ELLIPSIS) ellipsis = this.read();
    let condition: Expression | undefined;
    if (this.isKeyword(this.peek(), 'if')) {
      this.read();
      condition = this.parseExpression();
    }
    const close = this.read();
    if (types[close] !== closeType) this.fail("Invalid 'for' expression: extra characters after the end of the 'for' expression.", close);
    if (!object && key) throw new ParseFailure("Invalid 'for' expression: key expression is not valid when building a tuple.", key.span.start);
    if (!object && ellipsis >= 0) this.fail("Invalid 'for' expression: grouping ellipsis (...) cannot be used when building a tuple.", ellipsis);
    if (object && !key) throw new ParseFailure("Invalid 'for' expression: key expression is required when building an object.", value.span.start);
    return {
      kind: 'for',
      form: object ? 'object' : 'tuple',
      keyVar,
      valueVar,
      collection,
      key,
      value,
      grouping: ellipsis >= 0,
      condition,
      span: this.span(open, close),
    };
  }

  private parseTemplate(open: number): TemplateExpr {
    const types = this.types;
    const quoted = types[open] === OQUOTE;
    const endType = quoted ? CQUOTE : CHEREDOC;
    // The common case, a plain string: no list to build.
    if (quoted && types[open + 1] === QUOTED_LIT && types[open + 2] === CQUOTE) {
      this.pos = open + 3;
      const start = this.starts[open + 1] as number;
      const end = this.ends[open + 1] as number;
      const value = normalizedText(decodeQuotedLiteral(this.text, start, end));
      return { kind: 'template', parts: [{ kind: 'text', value, span: { start, end } }], span: this.span(open, open + 2) };
    }
    this.pos = open + 1;
    const saved = this.newlines;
    const parts: RawPart[] = [];
    let trimNextLeft = false;
    let lastCanTrim = false;
    let close: number;
    for (;;) {
      const i = this.pos;
      const type = types[i];
      if (type === endType) {
        close = i;
        this.pos = i + 1;
        break;
      }
      const trimLeft = trimNextLeft;
      trimNextLeft = false;
      const canTrimPrevious = lastCanTrim;
      lastCanTrim = false;
      if (type === QUOTED_LIT || type === STRING_LIT) {
        this.pos = i + 1;
        const start = this.starts[i] as number;
        const end = this.ends[i] as number;
        let value = type === QUOTED_LIT ? decodeQuotedLiteral(this.text, start, end) : decodeHeredocLiteral(this.text, start, end);
        if (trimLeft) value = trimLeftSpace(value);
        parts.push({ kind: 'text', value, start, end });
        lastCanTrim = true;
        continue;
      }
      if (type === TEMPLATE_INTERP || type === TEMPLATE_CONTROL) {
        this.pos = i + 1;
        const stripBefore = (this.ends[i] as number) - (this.starts[i] as number) === 3;
        const previous = parts[parts.length - 1];
        if (stripBefore && canTrimPrevious && previous?.kind === 'text') previous.value = trimRightSpace(previous.value);
        this.newlines = false;
        const part = type === TEMPLATE_INTERP ? this.finishInterpolation(i, stripBefore, quoted) : this.finishDirective(i);
        this.newlines = saved;
        if (part) parts.push(part);
        trimNextLeft = this.text.charCodeAt(this.starts[this.pos - 1] as number) === 0x7e;
        continue;
      }
      if (quoted) this.fail('Unterminated template string: no closing quote was found for the string opened here.', open);
      this.fail('Unterminated template string: no closing marker was found for the heredoc opened here.', open);
    }
    let meld = parts;
    let heredoc: TemplateExpr['heredoc'];
    if (!quoted) {
      const start = this.starts[open] as number;
      const flush = this.text.charCodeAt(start + 2) === 0x2d;
      const introducer = this.tokenText(open);
      heredoc = { marker: introducer.slice(flush ? 3 : 2).trimEnd(), flush };
      if (flush) flushHeredoc(parts);
    }
    if (parts.length > 1) meld = meldTexts(parts);
    const nested = nestTemplateParts(meld, { where: this.where, maxNesting: this.maxDepth - this.depth, maxDepth: this.maxDepth });
    const span = this.span(open, close);
    return heredoc ? { kind: 'template', parts: nested, heredoc, span } : { kind: 'template', parts: nested, span };
  }

  /** `${ expr }` with the opener read; ends after the closer. */
  private finishInterpolation(open: number, stripBefore: boolean, quoted: boolean): RawPart {
    const expr = this.parseExpression();
    const close = this.peek();
    const type = this.types[close];
    if (type !== TEMPLATE_SEQ_END) {
      if (type === EOF || ((type === CQUOTE || type === OQUOTE) && quoted)) {
        this.fail('Unclosed template interpolation sequence: there is no closing brace for this interpolation sequence. This might be caused by incorrect nesting inside the given expression.', open);
      }
      if (type === COLON) {
        this.fail(
          'Extra characters after interpolation expression: template interpolation doesn\'t expect a colon at this location. Did you intend this to be a literal sequence to be processed as part of another language? If so, you can escape it by starting with "$${" instead of just "${".',
          close,
        );
      }
      this.fail(
        'Extra characters after interpolation expression: expected a closing brace to end the interpolation expression, but found extra characters. If this is an embedded sequence for another language, escape it by starting with "$${" instead of just "${".',
        close,
      );
    }
    this.pos = close + 1;
    const stripAfter = this.text.charCodeAt(this.starts[close] as number) === 0x7e;
    return { kind: 'interpolation', expr, stripBefore, stripAfter, start: this.starts[open] as number, end: this.ends[close] as number };
  }

  /** `%{ keyword … }` with the opener read; ends after the closer. */
  private finishDirective(open: number): RawPart {
    const keyword = this.read();
    if (this.types[keyword] !== IDENT) {
      this.fail('Invalid template directive: a template directive keyword ("if", "for", etc) is expected at the beginning of a %{ sequence.', keyword);
    }
    const word = this.tokenText(keyword);
    const start = this.starts[open] as number;
    let part: RawPart;
    switch (word) {
      case 'if': {
        const condition = this.parseExpression();
        part = { kind: 'if', condition, start, end: this.closeDirective(word) };
        break;
      }
      case 'for': {
        const types = this.types;
        const first = this.read();
        if (types[first] !== IDENT) this.fail("Invalid 'for' directive: for directive requires variable name after 'for'.", first);
        let keyVar: Identifier | undefined;
        let valueVar: Identifier = { name: this.tokenText(first), span: this.tokenSpan(first) };
        if (this.peekType() === COMMA) {
          this.read();
          const second = this.read();
          if (types[second] !== IDENT) this.fail("Invalid 'for' directive: for directive requires value variable name after comma.", second);
          keyVar = valueVar;
          valueVar = { name: this.tokenText(second), span: this.tokenSpan(second) };
        }
        const inKeyword = this.read();
        if (!this.isKeyword(inKeyword, 'in')) this.fail("Invalid 'for' directive: for directive requires 'in' keyword after names.", inKeyword);
        const collection = this.parseExpression();
        part = { kind: 'for', keyVar, valueVar, collection, start, end: this.closeDirective(word) };
        break;
      }
      case 'else':
      case 'endif':
      case 'endfor':
        part = { kind: word, start, end: this.closeDirective(word) };
        break;
      default:
        return this.fail(`Invalid template control keyword: ${JSON.stringify(word)} is not a valid template control keyword.`, keyword);
    }
    return part;
  }

  private closeDirective(word: string): number {
    const close = this.peek();
    if (this.types[close] !== TEMPLATE_SEQ_END) this.fail(`Extra characters in ${word} marker: expected a closing brace to end the sequence, but found extra characters.`, close);
    this.pos = close + 1;
    return this.ends[close] as number;
  }
}

/** A template with no interpolation or directive: usable where HCL wants a constant string. */
export function isStringLiteral(template: TemplateExpr): boolean {
  return template.parts.length === 0 || (template.parts.length === 1 && (template.parts[0] as { kind: string }).kind === 'text');
}

function normalizedText(value: string): string {
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) >= 0x80) return value.normalize('NFC');
  }
  return value;
}

