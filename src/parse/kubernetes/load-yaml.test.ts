import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDocument } from 'yaml';
import { SourceFile } from '../../source/source-file.js';
import { EMPTY_DOCUMENT, parseFastDocument } from './fast-yaml.js';
import { DEFAULT_LIMITS, loadDocumentsFull } from './full-yaml.js';
import { isLikelyJson, loadYamlStream, parseDocumentsFull } from './load-yaml.js';
import { splitDocuments } from './split-documents.js';
import type { NodeSpan, ParsedDocument, PlainValue } from './types.js';

function position(file: SourceFile, offset: number): string {
  const { line, column } = file.positionAt(offset);
  return `${line}:${column}`;
}

/** `'3:4-3:5 key 3:1-3:2'`: value span, then key span; end columns are exclusive. */
function describeSpan(file: SourceFile, span: NodeSpan): string {
  const value = `${position(file, span.start)}-${position(file, span.end)}`;
  return span.keyStart === undefined || span.keyEnd === undefined ? value : `${value} key ${position(file, span.keyStart)}-${position(file, span.keyEnd)}`;
}

function spansOf(document: ParsedDocument): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [pointer, span] of document.spans) out[pointer] = describeSpan(document.file, span);
  return out;
}

function sameSpan(a: NodeSpan | undefined, b: NodeSpan | undefined): boolean {
  return a !== undefined && b !== undefined && a.start === b.start && a.end === b.end && a.keyStart === b.keyStart && a.keyEnd === b.keyEnd;
}

/**
 * Every document the fast path accepts must equal the full path's, value and spans. With
 * `requireFast`, the fast path must also accept every document (the case tests the fast path).
 */
function assertPathsAgree(text: string, requireFast: boolean): void {
  const file = new SourceFile('agree.yaml', text);
  const segments = splitDocuments(text);
  if (!segments) {
    assert.ok(!requireFast, 'the stream was not split into documents');
    return;
  }
  segments.forEach((segment, index) => {
    const fast = parseFastDocument(text, segment.start, segment.end, DEFAULT_LIMITS.maxDepth);
    if (fast === undefined) {
      assert.ok(!requireFast, `the fast path bailed on document ${index}`);
      return;
    }
    const full = loadDocumentsFull(file, segment.start, segment.end, index, DEFAULT_LIMITS);
    if (fast === EMPTY_DOCUMENT) {
      assert.equal(full.length, 0);
      return;
    }
    assert.equal(full.length, 1);
    const reference = full[0] as ParsedDocument;
    assert.equal(reference.error, undefined, `yaml reports ${reference.error?.message} on a document the fast path accepted`);
    assert.deepEqual(fast.value, reference.value);
    assert.equal(fast.start, reference.start);
    assert.equal(fast.end, reference.end);
    assert.equal(fast.spans.size, reference.spans.size);
    for (const [pointer, span] of reference.spans) assert.ok(sameSpan(fast.spans.get(pointer), span), `span of ${pointer}`);
  });
}

function load(text: string, options?: { maxAliasCount?: number; maxDepth?: number }): ParsedDocument[] {
  return loadYamlStream(new SourceFile('test.yaml', text), options);
}

interface SpanCase {
  readonly name: string;
  readonly text: string;
  readonly values: readonly PlainValue[];
  /** Every span of every returned document, in order. */
  readonly spans: readonly Record<string, string>[];
  readonly indices?: readonly number[];
}

const spanCases: readonly SpanCase[] = [
  {
    name: 'block maps and sequences, trailing comments and blank lines excluded',
    text: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      image: nginx  # pinned later\n      args:\n      - --port=80\n\n# trailing comment\n',
    values: [{ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'app', image: 'nginx', args: ['--port=80'] }] } }],
    spans: [
      {
        '': '1:1-8:18',
        '/apiVersion': '1:13-1:15 key 1:1-1:11',
        '/kind': '2:7-2:10 key 2:1-2:5',
        '/spec': '4:3-8:18 key 3:1-3:5',
        '/spec/containers': '5:5-8:18 key 4:3-4:13',
        '/spec/containers/0': '5:7-8:18',
        '/spec/containers/0/name': '5:13-5:16 key 5:7-5:11',
        '/spec/containers/0/image': '6:14-6:19 key 6:7-6:12',
        '/spec/containers/0/args': '8:7-8:18 key 7:7-7:11',
        '/spec/containers/0/args/0': '8:9-8:18',
      },
    ],
  },
  {
    name: 'compact maps in a sequence at the parent key indentation',
    text: 'items:\n- name: a\n  value: "1"\n- name: b\n  env:\n  - x\n',
    values: [{ items: [{ name: 'a', value: '1' }, { name: 'b', env: ['x'] }] }],
    spans: [
      {
        '': '1:1-6:6',
        '/items': '2:1-6:6 key 1:1-1:6',
        '/items/0': '2:3-3:13',
        '/items/0/name': '2:9-2:10 key 2:3-2:7',
        '/items/0/value': '3:10-3:13 key 3:3-3:8',
        '/items/1': '4:3-6:6',
        '/items/1/name': '4:9-4:10 key 4:3-4:7',
        '/items/1/env': '6:3-6:6 key 5:3-5:6',
        '/items/1/env/0': '6:5-6:6',
      },
    ],
  },
  {
    name: 'quoted scalars with escapes, quoted keys, a multi-line quoted scalar',
    text: 'a: "x\\\\ty"\nb: \'it\'\'s\'\n"c d": e\nf: "multi\n  line"\n',
    values: [{ a: 'x\\ty', b: "it's", 'c d': 'e', f: 'multi line' }],
    spans: [{ '': '1:1-5:8', '/a': '1:4-1:11 key 1:1-1:2', '/b': '2:4-2:11 key 2:1-2:2', '/c d': '3:8-3:9 key 3:1-3:6', '/f': '4:4-5:8 key 4:1-4:2' }],
  },
  {
    name: 'block scalars: literal, folded, chomping, indentation indicator, empty',
    text: 'script: |\n  echo hi\n  exit 0\n\nfolded: >-\n  one\n  two\nkeep: |+\n  k\n\nind: |2\n    x\nempty: |\nlast: 1\n',
    values: [{ script: 'echo hi\nexit 0\n', folded: 'one two', keep: 'k\n\n', ind: '  x\n', empty: '', last: 1 }],
    spans: [
      {
        '': '1:1-14:8',
        '/script': '1:9-3:9 key 1:1-1:7',
        '/folded': '5:9-7:6 key 5:1-5:7',
        '/keep': '8:7-9:4 key 8:1-8:5',
        '/ind': '11:6-12:6 key 11:1-11:4',
        '/empty': '13:8-13:9 key 13:1-13:6',
        '/last': '14:7-14:8 key 14:1-14:5',
      },
    ],
  },
  {
    name: 'flow collections, single- and multi-line, trailing comma',
    text: 'args: [--a, "--b", {c: 1}]\nmulti: [\n  1,\n  2,\n]\nempty: {}\n',
    values: [{ args: ['--a', '--b', { c: 1 }], multi: [1, 2], empty: {} }],
    spans: [
      {
        '': '1:1-6:10',
        '/args': '1:7-1:27 key 1:1-1:5',
        '/args/0': '1:8-1:11',
        '/args/1': '1:13-1:18',
        '/args/2': '1:20-1:26',
        '/args/2/c': '1:24-1:25 key 1:21-1:22',
        '/multi': '2:8-5:2 key 2:1-2:6',
        '/multi/0': '3:3-3:4',
        '/multi/1': '4:3-4:4',
        '/empty': '6:8-6:10 key 6:1-6:6',
      },
    ],
  },
  {
    name: 'empty values sit right after their indicator',
    text: 'a:\nb:   # nothing\nc:\n  -\n  - # none\n  - x\n',
    values: [{ a: null, b: null, c: [null, null, 'x'] }],
    spans: [{ '': '1:1-6:6', '/a': '1:3-1:3 key 1:1-1:2', '/b': '2:3-2:3 key 2:1-2:2', '/c': '4:3-6:6 key 3:1-3:2', '/c/0': '4:4-4:4', '/c/1': '5:4-5:4', '/c/2': '6:5-6:6' }],
  },
  {
    name: 'multi-line plain scalar',
    text: 'msg: a plain\n  scalar over\n\n  lines\nn: 1\n',
    values: [{ msg: 'a plain scalar over\nlines', n: 1 }],
    spans: [{ '': '1:1-5:5', '/msg': '1:6-4:8 key 1:1-1:4', '/n': '5:4-5:5 key 5:1-5:2' }],
  },
  {
    name: 'multi-document stream: prelude comment, empty document omitted, `...` end',
    text: '# header\n---\na: 1\n---\n# only a comment\n---\nb: [x]\n...\n# after end\n',
    values: [{ a: 1 }, { b: ['x'] }],
    indices: [0, 2],
    spans: [
      { '': '3:1-3:5', '/a': '3:4-3:5 key 3:1-3:2' },
      { '': '7:1-7:7', '/b': '7:4-7:7 key 7:1-7:2', '/b/0': '7:5-7:6' },
    ],
  },
  {
    name: 'JSON file',
    text: '{\n  "kind": "Pod",\n  "spec": {"containers": [{"name": "a", "ports": [80, 443]}]}\n}\n',
    values: [{ kind: 'Pod', spec: { containers: [{ name: 'a', ports: [80, 443] }] } }],
    spans: [
      {
        '': '1:1-4:2',
        '/kind': '2:11-2:16 key 2:3-2:9',
        '/spec': '3:11-3:62 key 3:3-3:9',
        '/spec/containers': '3:26-3:61 key 3:12-3:24',
        '/spec/containers/0': '3:27-3:60',
        '/spec/containers/0/name': '3:36-3:39 key 3:28-3:34',
        '/spec/containers/0/ports': '3:50-3:59 key 3:41-3:48',
        '/spec/containers/0/ports/0': '3:51-3:53',
        '/spec/containers/0/ports/1': '3:55-3:58',
      },
    ],
  },
  {
    name: 'byte order mark: offsets count it',
    text: '\ufeffa: 1\n',
    values: [{ a: 1 }],
    spans: [{ '': '1:2-1:6', '/a': '1:5-1:6 key 1:2-1:3' }],
  },
  {
    name: 'keys with `/` and `~` are escaped in pointers',
    text: 'metadata:\n  annotations:\n    example.com/a~b: x\n',
    values: [{ metadata: { annotations: { 'example.com/a~b': 'x' } } }],
    spans: [{ '': '1:1-3:23', '/metadata': '2:3-3:23 key 1:1-1:9', '/metadata/annotations': '3:5-3:23 key 2:3-2:14', '/metadata/annotations/example.com~1a~0b': '3:22-3:23 key 3:5-3:20' }],
  },
];

describe('loadYamlStream: values and exact spans', () => {
  for (const testCase of spanCases) {
    it(testCase.name, () => {
      const documents = load(testCase.text);
      assert.deepEqual(
        documents.map((document) => document.error),
        documents.map(() => undefined),
      );
      assert.deepEqual(
        documents.map((document) => document.value),
        testCase.values,
      );
      assert.deepEqual(documents.map(spansOf), testCase.spans);
      if (testCase.indices) {
        assert.deepEqual(
          documents.map((document) => document.index),
          testCase.indices,
        );
      }
      assertPathsAgree(testCase.text, true);
    });
  }

  it('starts a document at its `---` marker, else at its first content', () => {
    const text = '# c\n---\na: 1\n---\n\n  b: 2\n';
    const documents = load(text);
    assert.deepEqual(
      documents.map((document) => [document.start, document.end]),
      [
        [4, 12],
        [13, 24],
      ],
    );
    const bare = load('\n\n  a: 1\n');
    assert.equal(bare[0]?.start, 4);
  });
});

/** Documents the fast path must decode exactly like yaml (the values are checked against yaml). */
const fastCases: readonly (readonly [string, string])[] = [
  ['core schema scalars', 'a: 0o17\nb: 0x1f\nc: -0\nd: +12\ne: .5\nf: 1e3\ng: .inf\nh: -.Inf\ni: .nan\nj: 1_000\nk: 0b1\nl: ~\nm: Null\nn: TRUE\no: yes\np: 1.0\nq: 08\nr: 2024-01-01\n'],
  ['strings that look like indicators', 'k1: -x\nk2: :x\nk3: ?x\nk4: http://a:1/b\nk5: a, b\nk6: a]\nk7: x#y\nk8: x # comment\n'],
  ['merge-like key is a plain key in YAML 1.2', '<<: {a: 1}\nb: 2\n'],
  ['explicit indentation in compact maps and sequences', 'list:\n- k: |1\n    x\n- |2\n   y\na:\n  b: |2\n     x\n    y\n'],
  ['block scalar edge cases', 'a: |\n\n  x\n\n\nb: |\nc: |+\n\nd: >\n  f\n   g\n\n  h\ne: |\n  x\n  # kept\nf: | # header comment\n  y\n'],
  ['block scalar ending the stream without a line break', 'a: |-\n  x\n  y'],
  ['multi-line plain scalars in sequences and after a key line', 'list:\n- x\n  y\n- a: b\n    c\nk:\n  v\n  w\n'],
  ['nested compact sequences', '- - a\n  - b\n- c\n-   a: 1\n    b: 2\n'],
  ['flow collections across lines with comments', 'a: [x # c\n  , y]\nb: {\n  c: 1 }\nc: [\n  [1, 2],\n  {d: e},\n]\n'],
  ['JSON without spaces', '{"a":1,"b":[true,null,"x\\u00e9"],"c":{"d":-2.5e3}}'],
  ['document indented as a whole', '  a: 1\n  b:\n    - 2\n'],
  ['root scalars', '---\nplain\n---\n"quoted"\n---\n[flow]\n'],
];

describe('loadYamlStream: the fast path agrees with yaml', () => {
  for (const [name, text] of fastCases) {
    it(name, () => {
      assertPathsAgree(text, true);
      const documents = load(text);
      assert.ok(documents.length > 0);
      assert.ok(documents.every((document) => document.error === undefined));
    });
  }

  it('leaves anchors, aliases, tags, explicit keys and tab indentation to yaml', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', '? a\n: 1\n', 'a:\n\tb: 1\n', 'a: 1\r\nb: 2\r\n', '%YAML 1.2\n---\na: 1\n', '__proto__: 1\n']) {
      assertPathsAgree(text, false);
      assert.doesNotThrow(() => load(text));
    }
    const aliased = load('a: &x {b: 1}\nc: *x\n')[0] as ParsedDocument;
    assert.deepEqual(aliased.value, { a: { b: 1 }, c: { b: 1 } });
    assert.equal(describeSpan(aliased.file, aliased.spans.get('/c') as NodeSpan), '2:4-2:6 key 2:1-2:2');
    // A YAML 1.1 directive changes the schema: yaml decides.
    assert.deepEqual(load('%YAML 1.1\n---\na: yes\n')[0]?.value, { a: true });
  });
});

function nestedBlockMaps(depth: number): string {
  let text = '';
  for (let i = 0; i < depth; i++) text += ' '.repeat(i) + 'k:\n';
  return text;
}

describe('loadYamlStream: errors stay in their document', () => {
  it('a syntax error in document 2 of 3 leaves documents 1 and 3 loaded', () => {
    const documents = load('a: 1\n---\nb: [1, 2\nc: 3\n---\nd: 4\n');
    assert.deepEqual(
      documents.map((document) => [document.index, document.error?.code, document.value]),
      [
        [0, undefined, { a: 1 }],
        [1, 'syntax', undefined],
        [2, undefined, { d: 4 }],
      ],
    );
    const broken = documents[1] as ParsedDocument;
    assert.equal(broken.spans.size, 0);
    assert.equal(position(broken.file, broken.error?.offset ?? -1), '4:1');
    assert.match(broken.error?.message ?? '', /Flow sequence/);
  });

  it('an unclosed quote does not swallow the documents after it', () => {
    const documents = load('a: "x\n---\nb: 1\n');
    assert.deepEqual(
      documents.map((document) => [document.error?.code, document.value]),
      [
        ['syntax', undefined],
        [undefined, { b: 1 }],
      ],
    );
  });

  it('a duplicate key', () => {
    const [document] = load('a: 1\nb: 2\na: 3\n');
    assert.equal(document?.error?.code, 'duplicate-key');
    assert.equal(document?.value, undefined);
    assert.equal(position(document.file, document.error.offset), '3:1');
    assert.equal(load('{"a": 1, "a": 2}')[0]?.error?.code, 'duplicate-key');
  });

  it('an alias bomb (billion laughs) hits the alias limit', () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
      ['h', 'g'],
      ['i', 'h'],
    ]) {
      rows.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const documents = load(rows.join('\n') + '\n---\nok: 1\n');
    assert.deepEqual(
      documents.map((document) => document.error?.code),
      ['alias-limit', undefined],
    );
    assert.equal(load('a: &a [1]\nb: [*a, *a, *a]\n', { maxAliasCount: 2 })[0]?.error?.code, 'alias-limit');
  });

  it('10,000-deep flow nesting is refused without exhausting the stack', () => {
    const text = '['.repeat(10_000) + ']'.repeat(10_000) + '\n---\n' + '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000) + '\n';
    const documents = load(text);
    assert.deepEqual(
      documents.map((document) => document.error?.code),
      ['too-deep', 'too-deep'],
    );
    assert.ok(parseDocumentsFull(text).every((document) => document.errors.some((error) => error.code === 'RESOURCE_EXHAUSTION')));
  });

  it('10,000-deep block nesting is refused without exhausting the stack', () => {
    let sequences = '';
    for (let i = 0; i < 10_000; i++) sequences += ' '.repeat(i) + '-\n';
    const documents = load(nestedBlockMaps(10_000) + '---\n' + sequences + '---\n' + '- '.repeat(10_000) + 'x\n');
    assert.deepEqual(
      documents.map((document) => document.error?.code),
      ['too-deep', 'too-deep', 'too-deep'],
    );
  });

  it('maxDepth is the deepest nesting accepted', () => {
    assert.equal(load(nestedBlockMaps(500))[0]?.error, undefined);
    assert.equal(load(nestedBlockMaps(501))[0]?.error?.code, 'too-deep');
    assert.equal(load('a: {b: [1]}\n', { maxDepth: 3 })[0]?.error, undefined);
    assert.equal(load('a: {b: [1]}\n', { maxDepth: 2 })[0]?.error?.code, 'too-deep');
  });

  it('binary garbage and invalid UTF-8 never throw', () => {
    let seed = 7;
    const bytes = new Uint8Array(100_000);
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed % 256;
    }
    for (const text of [new TextDecoder().decode(bytes), String.fromCharCode(...bytes.subarray(0, 5000)), '\u0000\u0001\u0002: \u0003\n', '\ud800: x\n']) {
      const documents = load(text);
      assert.ok(Array.isArray(documents));
      for (const document of documents) assert.ok(document.error !== undefined || document.value !== undefined);
    }
  });

  it('an empty file, a BOM alone, comments and markers only give no document', () => {
    for (const text of ['', '\ufeff', '\n\n', '# a\n# b\n', '---\n---\n...\n']) assert.deepEqual(load(text), []);
  });
});

describe('loadYamlStream: mutated inputs', () => {
  it('never throws, and the fast path agrees with yaml wherever it accepts', () => {
    const seeds = [
      'a: 1\nb:\n  - x\n  - y: 2\n    z: [1, 2]\nc: |\n  foo\n  bar\nd: "q\\tx"\n',
      'key: >-\n  folded\n  text\n\n  more\nother: \'it\'\'s\'\n',
      '- a\n- b: c\n  d: e\n-\n  f: g\n- - h\n  - i\n',
      'x: {a: 1, "b": [c, d], e: {f: g}}\ny: [\n  1,\n  2\n]\n',
      'plain: multi\n  line\n  scalar\nq: "multi\n  line"\n---\nk: |+\n  keep\n\n\nk2: |2-\n    ind\n',
      '{"a": [1, 2.5, -3e2, true, null, "x"], "b": {"c": "d\\u00e9"}}\n',
    ];
    const pieces = [' ', '\n', ':', '-', '#', '"', "'", '[', ']', '{', '}', ',', '|', '>', '\t', 'a', '&', '*', '!', '?', '\\', '- ', ': ', '  ', '\n  ', '---\n', '|-\n'];
    let seed = 42;
    const next = (limit: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % limit;
    };
    for (let round = 0; round < 1500; round++) {
      let text = seeds[next(seeds.length)] as string;
      for (let edits = 1 + next(3); edits > 0; edits--) {
        const at = next(text.length + 1);
        text = next(2) === 0 ? text.slice(0, at) + pieces[next(pieces.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + next(2));
      }
      assert.doesNotThrow(() => load(text), JSON.stringify(text));
      assertPathsAgree(text, false);
    }
  });
});

describe('isLikelyJson and parseDocumentsFull', () => {
  it('recognises JSON by its first character', () => {
    assert.equal(isLikelyJson('  \n{"a": 1}'), true);
    assert.equal(isLikelyJson('\ufeff[1]'), true);
    assert.equal(isLikelyJson('a: 1'), false);
    assert.equal(isLikelyJson(''), false);
  });

  it('gives yaml Documents for comment-preserving edits', () => {
    const [document] = parseDocumentsFull('# keep me\na: 1 # and me\n');
    assert.ok(isDocument(document));
    document.set('a', 2);
    assert.equal(document.toString(), '# keep me\na: 2 # and me\n');
  });
});
