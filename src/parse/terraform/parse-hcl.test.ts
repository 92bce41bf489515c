import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceFile } from '../../source/source-file.js';
import type { Expression, HclParseResult, Identifier, TemplatePart, TextSpan } from './ast.js';
import { isUnwrappedTemplate, parseHcl } from './parse-hcl.js';

// Exact spans, written as `@line:column-line:column` (end exclusive), of a compact rendering of
// the tree: `(kind details @span children…)`.

function render(file: SourceFile, expr: Expression): string {
  const at = (span: TextSpan): string => {
    const start = file.positionAt(span.start);
    const end = file.positionAt(span.end);
    return `@${start.line}:${start.column}-${end.line}:${end.column}`;
  };
  const name = (id: Identifier | undefined): string => (id ? `${id.name}${at(id.span)}` : '-');
  const list = (items: readonly TemplatePart[]): string => items.map((item) => ' ' + part(item)).join('');
  const part = (p: TemplatePart): string => {
    switch (p.kind) {
      case 'text':
        return `(text ${JSON.stringify(p.value)} ${at(p.span)})`;
      case 'interpolation':
        return `(interp${p.stripBefore ? ' ~' : ''}${p.stripAfter ? ' ~' : ''} ${at(p.span)} ${show(p.expr)})`;
      case 'if':
        return `(if ${at(p.span)} ${show(p.condition)} then${list(p.then)} else${list(p.else)})`;
      case 'for':
        return `(for ${name(p.keyVar)} ${name(p.valueVar)} ${at(p.span)} ${show(p.collection)} do${list(p.body)})`;
    }
  };
  const show = (e: Expression): string => {
    switch (e.kind) {
      case 'literal':
        return `(literal ${e.raw} ${at(e.span)})`;
      case 'template':
        return `(template${e.heredoc ? ` <<${e.heredoc.flush ? '-' : ''}${e.heredoc.marker}` : ''} ${at(e.span)}${list(e.parts)})`;
      case 'tuple':
        return `(tuple ${at(e.span)}${e.elements.map((x) => ' ' + show(x)).join('')})`;
      case 'object':
        return `(object ${at(e.span)}${e.items.map((i) => ` (item${i.nameKey !== undefined ? ' ' + i.nameKey : ''} ${at(i.span)} ${show(i.key)} ${show(i.value)})`).join('')})`;
      case 'functionCall':
        return `(call ${e.name}${at(e.nameSpan)}${e.expandFinal ? ' ...' : ''} ${at(e.span)}${e.args.map((x) => ' ' + show(x)).join('')})`;
      case 'traversal':
        return `(traversal ${e.root}${e.steps.map((s) => (s.kind === 'attr' ? `.${s.name}${at(s.span)}` : `[${s.legacy ? 'legacy ' : ''}${show(s.key)}${at(s.span)}]`)).join('')} ${at(e.span)})`;
      case 'getAttr':
        return `(getAttr ${e.name}${at(e.nameSpan)} ${at(e.span)} ${show(e.object)})`;
      case 'index':
        return `(index${e.legacy ? ' legacy' : ''} ${at(e.span)} ${show(e.collection)} ${show(e.key)})`;
      case 'splat':
        return `(splat ${e.form} marker${at(e.markerSpan)} ${at(e.span)} ${show(e.source)} ${show(e.each)})`;
      case 'splatItem':
        return `(item ${at(e.span)})`;
      case 'for':
        return `(for ${e.form} ${name(e.keyVar)} ${name(e.valueVar)}${e.grouping ? ' ...' : ''} ${at(e.span)} ${show(e.collection)} ${e.key ? show(e.key) + ' ' : ''}${show(e.value)}${e.condition ? ' if ' + show(e.condition) : ''})`;
      case 'conditional':
        return `(conditional ${at(e.span)} ${show(e.condition)} ${show(e.then)} ${show(e.else)})`;
      case 'binary':
        return `(${e.operator}${at(e.operatorSpan)} ${at(e.span)} ${show(e.left)} ${show(e.right)})`;
      case 'unary':
        return `(${e.operator} ${at(e.span)} ${show(e.operand)})`;
      case 'parens':
        return `(parens ${at(e.span)} ${show(e.expr)})`;
    }
  };
  return show(expr);
}

function parse(text: string): { file: SourceFile; result: HclParseResult } {
  const file = new SourceFile('test.tf', text);
  return { file, result: parseHcl(file) };
}

/** The rendering of the expression of `a = <source>`. */
function expression(source: string): string {
  const { file, result } = parse(`a = ${source}\n`);
  assert.deepEqual(result.errors, []);
  const attribute = result.body?.attributes[0];
  assert.ok(attribute);
  return render(file, attribute.expr);
}

/** `line:column message` of the first error. */
function firstError(text: string): string {
  const { file, result } = parse(text);
  const error = result.errors[0];
  assert.ok(error, 'expected a syntax error');
  assert.equal(result.body, undefined);
  const { line, column } = file.positionAt(error.offset);
  return `${line}:${column} ${error.message}`;
}

describe('parseHcl: expressions', () => {
  const cases: { name: string; source: string; expected: string }[] = [
    { name: 'integer', source: '42', expected: '(literal 42 @1:5-1:7)' },
    { name: 'number with exponent', source: '1.5e3', expected: '(literal 1.5e3 @1:5-1:10)' },
    { name: 'bool', source: 'true', expected: '(literal true @1:5-1:9)' },
    { name: 'null', source: 'null', expected: '(literal null @1:5-1:9)' },
    { name: 'plain string', source: '"hi"', expected: '(template @1:5-1:9 (text "hi" @1:6-1:8))' },
    { name: 'empty string', source: '""', expected: '(template @1:5-1:7)' },
    {
      name: 'interpolation',
      source: '"a${b}c"',
      expected: '(template @1:5-1:13 (text "a" @1:6-1:7) (interp @1:7-1:11 (traversal b @1:9-1:10)) (text "c" @1:11-1:12))',
    },
    { name: 'single interpolation', source: '"${x}"', expected: '(template @1:5-1:11 (interp @1:6-1:10 (traversal x @1:8-1:9)))' },
    {
      name: 'escapes',
      source: '"a\\n\\u00e9\\U0001F600\\"\\\\$${x}%%{y}"',
      expected: '(template @1:5-1:40 (text "a\\né😀\\"\\\\${x}%{y}" @1:6-1:39))',
    },
    { name: 'NFC normalisation of string values', source: String.raw`"e\u0301"`, expected: '(template @1:5-1:14 (text "é" @1:6-1:13))' },
    {
      name: 'strip markers',
      source: '"a ${~ b ~} c"',
      expected: '(template @1:5-1:19 (text "a" @1:6-1:8) (interp ~ ~ @1:8-1:16 (traversal b @1:12-1:13)) (text "c" @1:16-1:18))',
    },
    {
      name: 'if directive',
      source: '"%{if c}yes%{else}no%{endif}"',
      expected: '(template @1:5-1:34 (if @1:6-1:33 (traversal c @1:11-1:12) then (text "yes" @1:13-1:16) else (text "no" @1:23-1:25)))',
    },
    {
      name: 'for directive with strip markers',
      source: '"%{ for k, v in m ~} ${k} %{~ endfor }"',
      expected: '(template @1:5-1:44 (for k@1:13-1:14 v@1:16-1:17 @1:6-1:43 (traversal m @1:21-1:22) do (text "" @1:25-1:26) (interp @1:26-1:30 (traversal k @1:28-1:29)) (text "" @1:30-1:31)))',
    },
    {
      name: 'heredoc with interpolation',
      source: '<<EOT\nhi ${n}\nEOT',
      expected: '(template <<EOT @1:5-3:4 (text "hi " @2:1-2:4) (interp @2:4-2:8 (traversal n @2:6-2:7)) (text "\\n" @2:8-3:1))',
    },
    { name: 'indented heredoc', source: '<<-EOT\n    a\n      b\n    EOT', expected: '(template <<-EOT @1:5-4:8 (text "a\\n  b\\n" @2:1-4:1))' },
    {
      name: 'indented heredoc: blank lines do not count, an interpolation at a line start counts as 0',
      source: '<<-EOT\n    a\n\n  ${x}\n    b\n  EOT',
      expected: '(template <<-EOT @1:5-6:6 (text "  a\\n\\n" @2:1-4:3) (interp @4:3-4:7 (traversal x @4:5-4:6)) (text "\\n  b\\n" @4:7-6:1))',
    },
    { name: 'heredoc escapes', source: '<<EOT\n$${a} %%{b} \\n\nEOT', expected: '(template <<EOT @1:5-3:4 (text "${a} %{b} \\\\n\\n" @2:1-3:1))' },
    {
      name: 'heredoc inside an expression: its span ends at the marker line end',
      source: 'x == <<EOT\nhi\nEOT  ',
      expected: '(==@1:7-1:9 @1:5-3:6 (traversal x @1:5-1:6) (template <<EOT @1:10-3:6 (text "hi\\n" @2:1-3:1)))',
    },
    {
      name: 'tuple across lines',
      source: '[1, "x",\n  y]',
      expected: '(tuple @1:5-2:5 (literal 1 @1:6-1:7) (template @1:9-1:12 (text "x" @1:10-1:11)) (traversal y @2:3-2:4))',
    },
    {
      name: 'object: = and :, commas and newlines, parenthesised key',
      source: '{ a = 1, "b": 2\n  (c) = 3 }',
      expected:
        '(object @1:5-2:12 (item a @1:7-1:12 (traversal a @1:7-1:8) (literal 1 @1:11-1:12)) (item @1:14-1:20 (template @1:14-1:17 (text "b" @1:15-1:16)) (literal 2 @1:19-1:20)) (item @2:3-2:10 (parens @2:3-2:6 (traversal c @2:4-2:5)) (literal 3 @2:9-2:10)))',
    },
    { name: 'keyword as object key', source: '{ null = 1 }', expected: '(object @1:5-1:17 (item null @1:7-1:15 (literal null @1:7-1:11) (literal 1 @1:14-1:15)))' },
    { name: 'function call with expansion', source: 'f(1, x...)', expected: '(call f@1:5-1:6 ... @1:5-1:15 (literal 1 @1:7-1:8) (traversal x @1:10-1:11))' },
    { name: 'provider function', source: 'provider::aws::arn_parse(x)', expected: '(call provider::aws::arn_parse@1:5-1:29 @1:5-1:32 (traversal x @1:30-1:31))' },
    { name: 'arguments across lines', source: 'f(\n  1,\n)', expected: '(call f@1:5-1:6 @1:5-3:2 (literal 1 @2:3-2:4))' },
    { name: 'attribute traversal', source: 'var.a.b', expected: '(traversal var.a@1:8-1:10.b@1:10-1:12 @1:5-1:12)' },
    {
      name: 'literal indexes stay in the traversal',
      source: 'a[0].b["k"]',
      expected: '(traversal a[(literal 0 @1:7-1:8)@1:6-1:9].b@1:9-1:11[(template @1:12-1:15 (text "k" @1:13-1:14))@1:11-1:16] @1:5-1:16)',
    },
    { name: 'legacy index', source: 'a.0', expected: '(traversal a[legacy (literal 0 @1:7-1:8)@1:6-1:8] @1:5-1:8)' },
    { name: 'computed index, then attribute', source: 'a[b].c', expected: '(getAttr c@1:10-1:11 @1:5-1:11 (index @1:5-1:9 (traversal a @1:5-1:6) (traversal b @1:7-1:8)))' },
    { name: 'attribute of a call', source: 'f(x).y', expected: '(getAttr y@1:10-1:11 @1:5-1:11 (call f@1:5-1:6 @1:5-1:9 (traversal x @1:7-1:8)))' },
    { name: 'attribute-only splat', source: 'a.*.b', expected: '(splat attr marker@1:6-1:8 @1:5-1:10 (traversal a @1:5-1:6) (getAttr b@1:9-1:10 @1:6-1:10 (item @1:6-1:8)))' },
    {
      name: 'full splat takes the following index',
      source: 'a[*].b[0]',
      expected: '(splat full marker@1:6-1:9 @1:5-1:14 (traversal a @1:5-1:6) (index @1:6-1:14 (getAttr b@1:10-1:11 @1:6-1:11 (item @1:6-1:9)) (literal 0 @1:12-1:13)))',
    },
    {
      name: 'attribute-only splat leaves the index outside',
      source: 'a.*.b[0]',
      expected: '(index @1:5-1:13 (splat attr marker@1:6-1:8 @1:5-1:10 (traversal a @1:5-1:6) (getAttr b@1:9-1:10 @1:6-1:10 (item @1:6-1:8))) (literal 0 @1:11-1:12))',
    },
    {
      name: 'tuple for with if',
      source: '[for x in xs: x.y if x.z]',
      expected: '(for tuple - x@1:10-1:11 @1:5-1:30 (traversal xs @1:15-1:17) (traversal x.y@1:20-1:22 @1:19-1:22) if (traversal x.z@1:27-1:29 @1:26-1:29))',
    },
    {
      name: 'object for with grouping and if',
      source: '{for k, v in m: k => v... if v}',
      expected: '(for object k@1:10-1:11 v@1:13-1:14 ... @1:5-1:36 (traversal m @1:18-1:19) (traversal k @1:21-1:22) (traversal v @1:26-1:27) if (traversal v @1:34-1:35))',
    },
    {
      name: 'conditionals nest to the right',
      source: 'a ? b : c ? d : e',
      expected: '(conditional @1:5-1:22 (traversal a @1:5-1:6) (traversal b @1:9-1:10) (conditional @1:13-1:22 (traversal c @1:13-1:14) (traversal d @1:17-1:18) (traversal e @1:21-1:22)))',
    },
    { name: 'unary binds tighter than binary', source: '-a.b + !c', expected: '(+@1:10-1:11 @1:5-1:14 (- @1:5-1:9 (traversal a.b@1:7-1:9 @1:6-1:9)) (! @1:12-1:14 (traversal c @1:13-1:14)))' },
    {
      name: 'precedence: || < && < == < < < + < *',
      source: 'a || b && c == d < e + f * g',
      expected:
        '(||@1:7-1:9 @1:5-1:33 (traversal a @1:5-1:6) (&&@1:12-1:14 @1:10-1:33 (traversal b @1:10-1:11) (==@1:17-1:19 @1:15-1:33 (traversal c @1:15-1:16) (<@1:22-1:23 @1:20-1:33 (traversal d @1:20-1:21) (+@1:26-1:27 @1:24-1:33 (traversal e @1:24-1:25) (*@1:30-1:31 @1:28-1:33 (traversal f @1:28-1:29) (traversal g @1:32-1:33)))))))',
    },
    {
      name: 'precedence: reversed order',
      source: 'a * b + c > d != e && f || g',
      expected:
        '(||@1:29-1:31 @1:5-1:33 (&&@1:24-1:26 @1:5-1:28 (!=@1:19-1:21 @1:5-1:23 (>@1:15-1:16 @1:5-1:18 (+@1:11-1:12 @1:5-1:14 (*@1:7-1:8 @1:5-1:10 (traversal a @1:5-1:6) (traversal b @1:9-1:10)) (traversal c @1:13-1:14)) (traversal d @1:17-1:18)) (traversal e @1:22-1:23)) (traversal f @1:27-1:28)) (traversal g @1:32-1:33))',
    },
    { name: 'left associativity', source: 'a - b - c', expected: '(-@1:11-1:12 @1:5-1:14 (-@1:7-1:8 @1:5-1:10 (traversal a @1:5-1:6) (traversal b @1:9-1:10)) (traversal c @1:13-1:14))' },
    { name: 'parentheses', source: '(a + b) * c', expected: '(*@1:13-1:14 @1:5-1:16 (parens @1:5-1:12 (+@1:8-1:9 @1:6-1:11 (traversal a @1:6-1:7) (traversal b @1:10-1:11))) (traversal c @1:15-1:16))' },
    { name: 'a dash continues an identifier', source: 'count.index-1', expected: '(traversal count.index-1@1:10-1:18 @1:5-1:18)' },
  ];
  for (const { name, source, expected } of cases) {
    it(name, () => assert.equal(expression(source), expected));
  }

  it('marks a single-interpolation template as unwrapped', () => {
    const values = ['"${x}"', '"${x} "', '"a${x}"', '"%{if x}${x}%{endif}"'].map((source) => {
      const expr = parse(`a = ${source}\n`).result.body?.attributes[0]?.expr;
      return expr?.kind === 'template' && isUnwrappedTemplate(expr);
    });
    assert.deepEqual(values, [true, false, false, false]);
  });
});

describe('parseHcl: structure', () => {
  it('gives blocks, labels, braces and attributes their spans', () => {
    const text = 'resource "aws_s3_bucket" b {\n  bucket = "x"\n  tags { a = 1 }\n}\n';
    const { file, result } = parse(text);
    assert.deepEqual(result.errors, []);
    const body = result.body;
    assert.ok(body);
    assert.deepEqual(body.span, { start: 0, end: text.length });
    const block = body.blocks[0];
    assert.ok(block);
    const where = (span: TextSpan): string => text.slice(span.start, span.end);
    assert.equal(block.type, 'resource');
    assert.equal(where(block.typeSpan), 'resource');
    assert.deepEqual(
      block.labels.map((label) => [label.value, where(label.span), label.quoted]),
      [
        ['aws_s3_bucket', '"aws_s3_bucket"', true],
        ['b', 'b', false],
      ],
    );
    assert.equal(where(block.openBraceSpan), '{');
    assert.deepEqual(file.positionAt(block.openBraceSpan.start), { line: 1, column: 28 });
    assert.deepEqual(file.positionAt(block.closeBraceSpan.start), { line: 4, column: 1 });
    assert.equal(where(block.span), text.slice(0, -1));
    assert.equal(where(block.body.span), text.slice(27, -1));
    const attribute = block.body.attributes[0];
    assert.ok(attribute);
    assert.equal(attribute.name, 'bucket');
    assert.equal(where(attribute.nameSpan), 'bucket');
    assert.equal(where(attribute.span), 'bucket = "x"');
    const oneLine = block.body.blocks[0];
    assert.ok(oneLine);
    assert.equal(where(oneLine.span), 'tags { a = 1 }');
    assert.equal(where(oneLine.body.span), '{ a = 1 }');
    assert.equal(oneLine.body.attributes.map((a) => where(a.span)).join(), 'a = 1');
  });

  it('accepts empty and comment-only files, CRLF line ends and a byte order mark', () => {
    for (const text of ['', '\n\n', '# only a comment', '\ufeffa = 1\r\nb {\r\n}\r\n', 'a = 1 # no final newline']) {
      assert.deepEqual(parse(text).result.errors, [], JSON.stringify(text));
    }
    assert.deepEqual(parse('').result.body, { attributes: [], blocks: [], span: { start: 0, end: 0 } });
  });

  it('collects every comment with its span (line comments without their line break)', () => {
    const text = '# hash\r\na = 1 // slash\n/* block\n spans */ b = [ # inside\n  2]\nc = "${x /* in template */}"';
    const { result } = parse(text);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(
      result.comments.map((comment) => [comment.kind, comment.text, text.slice(comment.span.start, comment.span.end)]),
      [
        ['line', '# hash', '# hash'],
        ['line', '// slash', '// slash'],
        ['block', '/* block\n spans */', '/* block\n spans */'],
        ['line', '# inside', '# inside'],
        ['block', '/* in template */', '/* in template */'],
      ],
    );
  });

  it('keeps comments when the file has an error', () => {
    const { result } = parse('# inferguard:ignore IG-X reason\na = [\n');
    assert.equal(result.errors.length, 1);
    assert.equal(result.comments[0]?.text, '# inferguard:ignore IG-X reason');
  });
});

describe('parseHcl: syntax errors', () => {
  const cases: { name: string; text: string; expected: string }[] = [
    { name: 'unclosed brace, at the brace', text: 'resource "a" "b" {\n  x = 1\n', expected: '1:18 Unclosed configuration block' },
    { name: 'bad token', text: 'a = 1\nb = 2 ; c = 3\n', expected: '2:7 Invalid character' },
    { name: 'bitwise operator', text: 'a = x &y\n', expected: '1:7 Unsupported operator' },
    { name: 'dollar outside a string', text: 'a = $x\n', expected: '1:5 Invalid character' },
    { name: 'unterminated string at end of file, at the quote', text: 'a = "abc', expected: '1:5 Unterminated template string' },
    { name: 'string broken by a line end', text: 'a = "abc\n', expected: '1:9 Invalid multi-line string' },
    { name: 'unterminated heredoc, at the introducer', text: 'x = 1\na = <<EOT\nline\n', expected: '2:5 Unterminated template string' },
    { name: 'heredoc marker without a final line break', text: 'a = <<EOT\nline\nEOT', expected: '1:5 Unterminated template string' },
    { name: 'two attributes on a line', text: 'a = 1 b = 2\n', expected: '1:7 Missing newline after argument' },
    { name: 'attribute redefined, at the second', text: 'a = 1\na = 2\n', expected: '2:1 Attribute redefined' },
    { name: 'invalid escape', text: 'a = "\\q"\n', expected: '1:6 Invalid escape sequence' },
    { name: 'missing expression', text: 'a =\n', expected: '1:4 Invalid expression' },
    { name: 'missing expression at end of file', text: 'a =', expected: '1:4 Missing expression' },
    { name: 'line break after an operator', text: 'a = 1 +\n  2\n', expected: '1:8 Invalid expression' },
    { name: 'chained legacy index', text: 'a = x.0.1\n', expected: '1:7 Invalid legacy index syntax' },
    { name: 'key in a tuple for', text: 'a = [for k, v in m: k => v]\n', expected: "1:21 Invalid 'for' expression" },
    { name: 'no key in an object for', text: 'a = {for v in m: v}\n', expected: "1:18 Invalid 'for' expression" },
    { name: 'two attributes in a one-line block', text: 'b { c = 1, d = 2 }\n', expected: '1:10 Invalid single-argument block definition' },
    { name: 'block header broken by a line end', text: 'b\n{\n}\n', expected: '1:1 Argument or block definition required' },
    { name: 'quoted attribute name', text: '"a" = 1\n', expected: '1:1 Invalid argument name' },
    { name: 'missing argument separator', text: 'a = f(1 2)\n', expected: '1:9 Missing argument separator' },
    { name: 'missing tuple separator', text: 'a = [1 2]\n', expected: '1:8 Missing item separator' },
    { name: 'missing object separator', text: 'a = { b = 1 c = 2 }\n', expected: '1:13 Missing attribute separator' },
    { name: 'unclosed if directive', text: 'a = "%{if x}y"\n', expected: '1:6 Unexpected end of template' },
    { name: 'stray endif', text: 'a = "%{endif}"\n', expected: '1:6 Unexpected endif directive' },
    { name: 'template sequence in a label', text: 'b "${x}" {}\n', expected: '1:4 Invalid string literal' },
    { name: 'invalid number', text: 'a = 1.2.3\n', expected: '1:5 Invalid number literal' },
    { name: 'unbalanced parenthesis', text: 'a = (1\n', expected: '2:1 Unbalanced parentheses' },
    { name: 'stray closing brace', text: '}\n', expected: '1:1 Argument or block definition required' },
  ];
  for (const { name, text, expected } of cases) {
    it(name, () => {
      const actual = firstError(text);
      assert.ok(actual.startsWith(expected), `${actual} does not start with ${expected}`);
    });
  }

  it('caps nesting at 500 levels with an error, 10,000 deep included', () => {
    const n = 10_000;
    const deep = {
      brackets: 'a = ' + '['.repeat(n) + ']'.repeat(n) + '\n',
      parentheses: 'a = ' + '('.repeat(n) + '1' + ')'.repeat(n) + '\n',
      objects: 'a = ' + '{b = '.repeat(n) + '1' + '}'.repeat(n) + '\n',
      blocks: 'b {\n'.repeat(n) + '}\n'.repeat(n),
      unary: 'a = ' + '-'.repeat(n) + '1\n',
      templates: 'a = ' + '"${'.repeat(n) + '1' + '}"'.repeat(n) + '\n',
      directives: 'a = "' + '%{if a}'.repeat(n) + '%{endif}'.repeat(n) + '"\n',
      conditionals: 'a = ' + 'a ? b : '.repeat(n) + 'c\n',
      splats: 'a = x' + '[*]'.repeat(n) + '\n',
      operators: 'a = ' + '1 + '.repeat(n) + '1\n',
    };
    for (const [name, text] of Object.entries(deep)) {
      const errors = parse(text).result.errors;
      assert.equal(errors.length, 1, name);
      assert.match(errors[0]?.message ?? '', /^Nesting too deep/, name);
    }
    assert.deepEqual(parse('a = ' + '['.repeat(400) + ']'.repeat(400) + '\n').result.errors, []);
  });

  it('never throws on binary garbage', () => {
    let seed = 7;
    const random = (bound: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % bound;
    };
    for (let round = 0; round < 500; round++) {
      const bytes = Buffer.alloc(1 + random(300));
      for (let i = 0; i < bytes.length; i++) bytes[i] = random(256);
      for (const text of [bytes.toString('utf8'), bytes.toString('latin1')]) {
        const result = parseHcl(new SourceFile('garbage.tf', text));
        assert.ok(result.errors.length > 0 || result.body !== undefined);
      }
    }
  });
});
