/**
 * The tree-sitter SyntaxService: loading (once, lazily, never throwing for a broken
 * grammar), tokens in the table lexer's LexedLine shape for every language, and
 * declarations with each language's visibility rule, and a reparse of the other
 * version of a file from the first one's tree giving what a fresh parse gives.
 */
import { LexedLine } from '../../src/lexer';
import { GRAMMARS, KEPT_TEXT_BUDGET, keptTreeCharacters, loadTreeSitter, SyntaxToken, treeSitterLoadCounts, TreeSitterService } from '../../src/syntax/tree-sitter';
import { NATIVE_GRAMMARS } from '../../src/syntax/tree-sitter-native';
import { Declaration, FileSyntax, LineEdit } from '../../src/syntax/types';

/** Grammars in tree-sitter-wasms 0.1.13 that do not work on web-tree-sitter 0.25.10. */
const BROKEN = ['lua'];

/**
 * The language tables run on both builds: the native one where it is installed
 * (CI's linux-x64 has its prebuilt binaries), and WebAssembly, which every other
 * platform falls back to.
 */
const ENGINES = [{ engine: 'native', native: true }, { engine: 'wasm', native: false }] as const;
/** Where the native build's prebuilt binaries are part of the npm packages. */
const NATIVE_EXPECTED = process.platform === 'linux' && process.arch === 'x64';

/** Every token of the file with its 1-based line. */
function tokens(syntax: FileSyntax): Array<SyntaxToken & { line: number }> {
  return syntax.lines.flatMap((line, index) => line.tokens.map((token) => ({ ...token, line: index + 1 })));
}

/** The line rebuilt from its tokens: must give back the text exactly. */
function rebuild(line: LexedLine): string {
  return line.tokens.map((token) => token.spaceBefore + token.text).join('') + line.trailing;
}

describe('loading', () => {
  it('uses the native build where there is one, and starts no WebAssembly for it', async () => {
    const service = await loadTreeSitter(['c', 'shell', 'markdown']);
    expect([...service.languages].sort()).toEqual(['c', 'shell']);
    if (!NATIVE_EXPECTED) return;
    expect([...service.engines].sort()).toEqual([['c', 'native'], ['shell', 'native']]);
    expect(treeSitterLoadCounts().runtimeInits).toBe(0);
    expect([...treeSitterLoadCounts().nativeLoads].sort()).toEqual([['bash', 1], ['c', 1]]);
    await loadTreeSitter(['c']);
    expect(treeSitterLoadCounts().nativeLoads.get('c')).toBe(1);
  });

  it('lists only grammars that have a WebAssembly build too (the fallback)', () => {
    for (const name of Object.keys(NATIVE_GRAMMARS)) expect(Object.values(GRAMMARS)).toContain(name);
  });

  it('loads every listed native grammar here, so the native tables below test them', async () => {
    const ids = Object.keys(GRAMMARS).filter((id) => Object.prototype.hasOwnProperty.call(NATIVE_GRAMMARS, GRAMMARS[id]));
    expect(ids.length).toBe(Object.keys(NATIVE_GRAMMARS).length);
    const service = await loadTreeSitter(ids);
    if (!NATIVE_EXPECTED) return;
    expect([...service.engines].filter(([, engine]) => engine !== 'native')).toEqual([]);
  });

  it('uses WebAssembly when asked, also through SPLIT_ADVISOR_TREE_SITTER=wasm', async () => {
    const service = await loadTreeSitter(['c'], { native: false });
    expect(service.engines.get('c')).toBe('wasm');
    const saved = process.env.SPLIT_ADVISOR_TREE_SITTER;
    process.env.SPLIT_ADVISOR_TREE_SITTER = 'wasm';
    try {
      expect((await loadTreeSitter(['c'])).engines.get('c')).toBe('wasm');
    } finally {
      if (saved === undefined) delete process.env.SPLIT_ADVISOR_TREE_SITTER;
      else process.env.SPLIT_ADVISOR_TREE_SITTER = saved;
    }
  });

  it('starts the runtime once and loads only the grammars asked for', async () => {
    const first = await loadTreeSitter(['python', 'markdown', 'typescript'], { native: false });
    expect([...first.languages]).toEqual(['python']);
    expect(treeSitterLoadCounts().runtimeInits).toBe(1);
    expect([...treeSitterLoadCounts().grammarLoads.keys()].sort()).toEqual(['c', 'python']);

    const second = await loadTreeSitter(['python', 'go'], { native: false });
    expect([...second.languages].sort()).toEqual(['go', 'python']);
    const counts = treeSitterLoadCounts();
    expect(counts.runtimeInits).toBe(1);
    expect(counts.grammarLoads.get('python')).toBe(1);
    expect(counts.grammarLoads.get('go')).toBe(1);
  });

  it('starts nothing for languages without a grammar', async () => {
    const before = treeSitterLoadCounts();
    const service = await loadTreeSitter(['typescript', 'text']);
    expect(service.languages.size).toBe(0);
    expect(service.parse('typescript', 'a.ts', 'let a = 1;\n')).toBeNull();
    expect(treeSitterLoadCounts().grammarLoads.size).toBe(before.grammarLoads.size);
  });

  it('leaves out broken grammars with a reason, and the others still work', async () => {
    const service = await loadTreeSitter([...BROKEN, 'python']);
    for (const id of BROKEN) {
      expect(service.languages.has(id)).toBe(false);
      expect(service.unavailable.get(id)).toMatch(/grammar/);
      expect(service.parse(id, 'x', 'x\n')).toBeNull();
    }
    expect(service.parse('python', 'a.py', 'x = 1\n')?.hasErrors).toBe(false);
  });

  it('returns null for a language the service was not loaded for', async () => {
    const service = await loadTreeSitter(['python']);
    expect(service.parse('go', 'a.go', 'package a\n')).toBeNull();
  });
});

interface TokenCase {
  id: string;
  path: string;
  text: string;
  /** A string literal with spaces inside: one string token. */
  string: string;
  /** 1-based lines that start inside a multi-line string. */
  insideString: number[];
  comment: string;
  identifier: string;
  /** A multi-character operator, one punct token. */
  operator: string;
  /** 1-based lines the service may not claim to understand (a Makefile recipe is shell). */
  opaque?: number[];
}

const TOKEN_CASES: TokenCase[] = [
  { id: 'c', path: 'a.c', text: 'int f(int a) {\n  char *s = "a b"; // note\n  a += 1;\n  return a->x;\n}\n', string: '"a b"', insideString: [], comment: '// note', identifier: 'a', operator: '->' },
  {
    id: 'cpp',
    path: 'a.cpp',
    text: 'auto s = R"(raw\n string)";\n/* c */ int C::m() { return x << 2; }\n',
    string: 'R"(raw',
    insideString: [2],
    comment: '/* c */',
    identifier: 'm',
    operator: '::',
  },
  {
    id: 'csharp',
    path: 'a.cs',
    text: 'class C {\n  // c\n  void M() { var s = @"a\nb"; var t = "x y"; i++; }\n}\n',
    string: '"x y"',
    insideString: [4],
    comment: '// c',
    identifier: 'M',
    operator: '++',
  },
  {
    id: 'java',
    path: 'A.java',
    text: 'class A {\n  /* c */\n  String s = "a b";\n  String t = """\n      text\n      """;\n  void m() { i++; }\n}\n',
    string: '"a b"',
    insideString: [5, 6],
    comment: '/* c */',
    identifier: 'm',
    operator: '++',
  },
  {
    id: 'kotlin',
    path: 'a.kt',
    text: 'fun f(x: Int): Int {\n    // c\n    val s = """multi\nline"""\n    return x?.plus(1) ?: "a b".length\n}\n',
    string: '"a b"',
    insideString: [4],
    comment: '// c',
    identifier: 'f',
    operator: '?:',
  },
  {
    id: 'go',
    path: 'a.go',
    text: 'package a\n\n// c\nfunc F() {\n\tx := `raw\nstring`\n\ty := "a b"\n\tx++\n}\n',
    string: '"a b"',
    insideString: [6],
    comment: '// c',
    identifier: 'F',
    operator: ':=',
  },
  {
    id: 'rust',
    path: 'a.rs',
    text: '/// c\nfn f(x: &str) -> bool {\n    let s = r#"raw\n "q" "#;\n    x == "a b"\n}\n',
    string: '"a b"',
    insideString: [4],
    comment: '/// c',
    identifier: 'x',
    operator: '->',
  },
  {
    id: 'swift',
    path: 'a.swift',
    text: 'func f(x: Int) -> Int {\n    // c\n    let s = """\n    multi\n    """\n    let t = "a b"\n    return x\n}\n',
    string: '"a b"',
    insideString: [4, 5],
    comment: '// c',
    identifier: 'x',
    operator: '->',
  },
  {
    id: 'python',
    path: 'a.py',
    text: 'def f(a):\n    """Doc\n    string."""\n    # c\n    return a ** 2 if a != "a b" else None\n',
    string: '"a b"',
    insideString: [3],
    comment: '# c',
    identifier: 'a',
    operator: '**',
  },
  {
    id: 'ruby',
    path: 'a.rb',
    text: 'def f(a)\n  # c\n  x = <<~EOS\n    body\n  EOS\n  a <=> "a b"\nend\n',
    string: '"a b"',
    insideString: [4, 5],
    comment: '# c',
    identifier: 'a',
    operator: '<=>',
  },
  {
    id: 'shell',
    path: 'a.sh',
    text: '# c\ncat <<EOF | grep x\n  body $x\nEOF\n[ -n "a b" ] && echo ok\n',
    string: '"a b"',
    insideString: [3, 4],
    comment: '# c',
    identifier: '',
    operator: '&&',
  },
  {
    id: 'php',
    path: 'a.php',
    text: '<?php\n// c\n$s = <<<EOT\nbody\nEOT;\n$t = $a ?? "a b";\n',
    string: '"a b"',
    insideString: [4, 5],
    comment: '// c',
    identifier: 't',
    operator: '??',
  },
  { id: 'css', path: 'a.css', text: 'a > b { content: "a b"; }\n/* c */\n', string: '"a b"', insideString: [], comment: '/* c */', identifier: 'content', operator: '>' },
  { id: 'json', path: 'a.json', text: '{"a b": [1, 2.5, true]}\n', string: '"a b"', insideString: [], comment: '', identifier: '', operator: '' },
  {
    id: 'html',
    path: 'a.html',
    text: '<!-- c -->\n<div class="a b">text\nmore</div>\n',
    string: '"a b"',
    insideString: [3],
    comment: '<!-- c -->',
    identifier: '',
    operator: '</',
  },
  {
    id: 'yaml',
    path: 'a.yml',
    text: '# c\nkey: "a b"\ntext: |\n  multi\n  line\nlist: [1, 2]\n',
    string: '"a b"',
    insideString: [4, 5],
    comment: '# c',
    identifier: '',
    operator: '',
  },
  // Makefiles have no string literals; the comment outside the recipe is a comment,
  // the `#` inside the recipe is recipe text (make echoes it and the shell reads it).
  { id: 'makefile', path: 'Makefile', text: '# c\nCC := gcc\nall: x\n\t$(CC) -o x x.c # not a comment\n', string: '', insideString: [], comment: '# c', identifier: '', operator: ':=', opaque: [4] },
  { id: 'toml', path: 'a.toml', text: '# c\n[t]\nk = "a b"\nm = """\nx"""\n', string: '"a b"', insideString: [5], comment: '# c', identifier: 'k', operator: '' },
  {
    id: 'scala',
    path: 'a.scala',
    text: 'object O {\n  // c\n  val s = """multi\nline"""\n  def f(x: Int) = x => "a b"\n}\n',
    string: '"a b"',
    insideString: [4],
    comment: '// c',
    identifier: 'f',
    operator: '=>',
  },
  {
    id: 'dart',
    path: 'a.dart',
    text: "// c\nvoid f(int? x) {\n  var s = '''multi\nline''';\n  var t = x ?? 'a b';\n}\n",
    string: "'a b'",
    insideString: [4],
    comment: '// c',
    identifier: 'f',
    operator: '??',
  },
  {
    id: 'elixir',
    path: 'a.ex',
    text: 'defmodule M do\n  # c\n  @doc """\n  Doc\n  """\n  def f(x), do: x |> g("a b")\nend\n',
    string: '"a b"',
    insideString: [4, 5],
    comment: '# c',
    identifier: 'x',
    operator: '|>',
  },
];

describe.each(ENGINES)('tokens ($engine)', ({ native }) => {
  let service: TreeSitterService;
  beforeAll(async () => {
    service = await loadTreeSitter(TOKEN_CASES.map((c) => c.id), { native });
  });

  it('has a grammar for every language of the table', () => {
    expect([...service.unavailable]).toEqual([]);
    expect(Object.keys(GRAMMARS).filter((id) => !BROKEN.includes(id)).sort()).toEqual(TOKEN_CASES.map((c) => c.id).sort());
  });

  describe.each(TOKEN_CASES)('$id', (c) => {
    let syntax: FileSyntax;
    let all: Array<SyntaxToken & { line: number }>;
    beforeAll(() => {
      syntax = service.parse(c.id, c.path, c.text)!;
      all = tokens(syntax);
    });

    it('parses without errors, one LexedLine per line, each rebuilt exactly from its tokens', () => {
      expect(syntax.hasErrors).toBe(false);
      const lines = c.text.split('\n');
      expect(syntax.lines).toHaveLength(lines.length);
      syntax.lines.forEach((line, index) => {
        expect(rebuild(line)).toBe(lines[index]);
        expect(line.opaque).toBe((c.opaque ?? []).includes(index + 1));
      });
    });

    it('gives the same lines a range at a time from the kept tree (`tokens: true`)', () => {
      const rows = syntax.lines.length;
      const kept = service.parse(c.id, c.path, c.text, { tokens: true })!;
      // Every range, asked before the whole lines are made (which frees the tree).
      for (let first = 0; first <= rows; first++) {
        for (let end = first; end <= rows + 1; end++) expect([first, end, kept.linesIn!(first, end)]).toEqual([first, end, syntax.lines.slice(first, end)]);
      }
      expect(kept.lines).toEqual(syntax.lines);
      expect(kept.linesIn!(1, 3)).toEqual(syntax.lines.slice(1, 3));
    });

    it('gives a string with spaces as one string token', () => {
      if (c.string === '') return; // the language has no string literals
      expect(all.filter((token) => token.text === c.string).map((token) => token.type)).toEqual(['string']);
    });

    it('marks the lines that start inside a multi-line string', () => {
      syntax.lines.forEach((line, index) => {
        const inside = c.insideString.includes(index + 1);
        expect({ line: index + 1, kind: line.startState?.kind ?? null }).toEqual({ line: index + 1, kind: inside ? 'string' : null });
        // The line before ends where this one starts.
        if (index > 0) expect(syntax.lines[index - 1].endState).toEqual(line.startState);
        if (inside) expect(line.tokens[0]).toMatchObject({ type: 'string', spaceBefore: '' });
      });
    });

    it('gives comments, names and operators', () => {
      if (c.comment !== '') expect(all.find((token) => token.text === c.comment)?.type).toBe('comment');
      if (c.identifier !== '') expect(all.find((token) => token.text === c.identifier)).toMatchObject({ type: 'word', identifier: true });
      if (c.operator !== '') expect(all.find((token) => token.text === c.operator)?.type).toBe('punct');
      // Keywords are words without the identifier flag.
      for (const token of all) if (token.identifier) expect(token.type).toBe('word');
    });
  });

  it('makes tokens whole from the first parse once the kept trees hold KEPT_TEXT_BUDGET of text', () => {
    const text = 'int f(int a) { return a + 1; } /* a comment */\n'.repeat(2000);
    const expected = service.parse('c', 'a.c', text)!.lines;
    // Kept in this array, so none of their trees can be collected meanwhile.
    const held = Array.from({ length: Math.ceil(KEPT_TEXT_BUDGET / text.length) + 1 }, () => service.parse('c', 'a.c', text, { tokens: true })!);
    expect(keptTreeCharacters()).toBeGreaterThan(KEPT_TEXT_BUDGET - text.length);
    expect(keptTreeCharacters()).toBeLessThanOrEqual(KEPT_TEXT_BUDGET);
    const past = held[held.length - 1];
    expect(past.linesIn!(5, 7)).toEqual(expected.slice(5, 7));
    expect(past.lines).toEqual(expected);
    // Reading the lines frees a kept tree: the next text is kept again.
    const before = keptTreeCharacters();
    expect(held[0].lines).toEqual(expected);
    expect(keptTreeCharacters()).toBe(before - text.length);
    const again = service.parse('c', 'a.c', text, { tokens: true })!;
    expect(keptTreeCharacters()).toBe(before);
    expect(again.linesIn!(3, 4)).toEqual(expected.slice(3, 4));
    for (const syntax of held) expect(syntax.linesIn!(0, 1)).toEqual(expected.slice(0, 1));
    // Reading every text's lines frees every tree: the next engine's run starts from none.
    for (const syntax of [...held, again]) expect(syntax.lines).toHaveLength(expected.length);
    expect(keptTreeCharacters()).toBe(0);
  });

  it('keeps CRLF line ends in trailing, as the table lexer does', () => {
    const syntax = service.parse('c', 'a.c', 'int a; // x\r\nint b;\r\n')!;
    expect(syntax.lines.map((line) => line.trailing)).toEqual(['', '\r', '']);
    expect(syntax.lines[0].tokens.at(-1)).toMatchObject({ type: 'comment', text: '// x\r' });
  });

  it('counts columns in UTF-16 units', () => {
    const syntax = service.parse('python', 'a.py', 's = "héllo 😀 wörld"; t = 1\n')!;
    expect(syntax.lines[0].tokens.map((token) => token.text)).toEqual(['s', '=', '"héllo 😀 wörld"', ';', 't', '=', '1']);
  });

  it('gives the spacing of each token and the trailing blanks', () => {
    const syntax = service.parse('go', 'a.go', 'package a\n\nvar  x =\t1  \n')!;
    expect(syntax.lines[2].tokens.map((token) => [token.spaceBefore, token.text])).toEqual([
      ['', 'var'],
      ['  ', 'x'],
      [' ', '='],
      ['\t', '1'],
    ]);
    expect(syntax.lines[2].trailing).toBe('  ');
  });

  it('parses shell `case` and YAML, whose scanners need C functions the runtime lacks', () => {
    const shell = service.parse('shell', 'a.sh', 'case "$1" in\n  a) echo a ;;\n  *) echo other ;;\nesac\n')!;
    expect(shell.hasErrors).toBe(false);
    const yaml = service.parse('yaml', 'a.yml', 'a:\n  - b: "c d"\n')!;
    expect(yaml.hasErrors).toBe(false);
  });

  it('keeps the indentation of a heredoc body inside its string token', () => {
    const syntax = service.parse('shell', 'a.sh', 'cat <<EOF\n    indented\nEOF\n')!;
    expect(syntax.lines[1]).toMatchObject({ startState: { kind: 'string' }, tokens: [{ type: 'string', text: '    indented', spaceBefore: '' }] });
  });

  it('splits a macro body into tokens and keeps a line continuation as punctuation', () => {
    const c = service.parse('c', 'a.c', '#define ADD(a, b) ((a) + \\\n  (b))\n')!;
    expect(c.lines[0].tokens.map((token) => token.text)).toEqual(['#define', 'ADD', '(', 'a', ',', 'b', ')', '(', '(', 'a', ')', '+', '\\']);
    expect(c.lines.some((line) => line.opaque)).toBe(false);
    const python = service.parse('python', 'a.py', 'x = 1 + \\\n    2\n')!;
    expect(python.lines[0].tokens.at(-1)).toMatchObject({ type: 'punct', text: '\\' });
    expect(python.lines[0].opaque).toBe(false);
  });

  it('marks lines with syntax errors opaque', () => {
    const syntax = service.parse('python', 'a.py', 'x = 1\ndef (:\ny = 2\n')!;
    expect(syntax.hasErrors).toBe(true);
    expect(syntax.lines[1].opaque).toBe(true);
    expect(syntax.lines[0].opaque).toBe(false);
  });

  it('gives one empty line for an empty file', () => {
    const syntax = service.parse('python', 'a.py', '')!;
    expect(syntax.lines).toEqual([{ startState: null, endState: null, tokens: [], trailing: '', opaque: false }]);
  });
});

/** name -> exported, with kind and container when given as `kind container.name`. */
interface DeclarationCase {
  id: string;
  path: string;
  text: string;
  expected: Array<Partial<Declaration> & { name: string; exported: boolean }>;
}

const DECLARATION_CASES: DeclarationCase[] = [
  {
    id: 'python',
    path: 'a.py',
    text: 'def f(a, b=1) -> int:\n    return a\n\ndef _g():\n    pass\n\nclass C:\n    def __init__(self): ...\n    def m(self): ...\n    def _p(self): ...\n\nclass _Hidden:\n    def m(self): ...\n',
    expected: [
      { name: 'f', exported: true, kind: 'function', signature: 'def f(a, b=1) -> int', startLine: 1, endLine: 2, headerEndLine: 1 },
      { name: '_g', exported: false, kind: 'function' },
      { name: 'C', exported: true, kind: 'class', container: null },
      { name: '__init__', exported: true, kind: 'method', container: 'C' },
      { name: 'm', exported: true, kind: 'method', container: 'C' },
      { name: '_p', exported: false, kind: 'method', container: 'C' },
      { name: '_Hidden', exported: false, kind: 'class' },
      { name: 'm', exported: false, kind: 'method', container: '_Hidden' },
    ],
  },
  {
    id: 'go',
    path: 'a.go',
    text: 'package a\n\nfunc Exported(a int,\n\tb string) (int, error) {\n\treturn 0, nil\n}\n\nfunc internal() {}\n\nfunc (r *Recv) Method() {}\n\ntype (\n\tT struct{ A int }\n\tu int\n)\n\nconst Max = 10\n',
    expected: [
      { name: 'Exported', exported: true, kind: 'function', signature: 'func Exported(a int, b string) (int, error)', startLine: 3, endLine: 6, headerEndLine: 4 },
      { name: 'internal', exported: false, kind: 'function' },
      { name: 'Method', exported: true, kind: 'method', container: 'Recv' },
      { name: 'T', exported: true, kind: 'class', signature: 'type T struct' },
      { name: 'u', exported: false, kind: 'type', signature: 'type u int' },
      { name: 'Max', exported: true, kind: 'constant', signature: 'const Max' },
    ],
  },
  {
    id: 'rust',
    path: 'a.rs',
    text: 'pub fn a(x: i32) -> i32 { x }\nfn b() {}\npub(crate) fn c() {}\npub struct S;\nimpl S {\n    pub fn new() -> Self { S }\n    fn hidden(&self) {}\n}\npub trait T { fn t(&self); }\nimpl T for S { fn t(&self) {} }\n',
    expected: [
      { name: 'a', exported: true, kind: 'function', signature: 'pub fn a(x: i32) -> i32' },
      { name: 'b', exported: false, kind: 'function' },
      { name: 'c', exported: false, kind: 'function' },
      { name: 'S', exported: true, kind: 'class' },
      { name: 'new', exported: true, kind: 'method', container: 'S' },
      { name: 'hidden', exported: false, kind: 'method', container: 'S' },
      { name: 'T', exported: true, kind: 'interface' },
      { name: 't', exported: true, kind: 'method', container: 'T', signature: 'fn t(&self)' },
      { name: 't', exported: false, kind: 'method', container: 'S' },
    ],
  },
  {
    id: 'java',
    path: 'A.java',
    text: 'public class A {\n  public int count = 0;\n  public static final int MIN = 1, MAX = 2;\n  public void m() {}\n  private void n() {}\n  void pkg() {}\n}\ninterface I { void x(); }\n',
    expected: [
      { name: 'A', exported: true, kind: 'class' },
      { name: 'count', exported: true, kind: 'variable', container: 'A', signature: 'public int count' },
      { name: 'MIN', exported: true, kind: 'constant', container: 'A', signature: 'public static final int MIN' },
      { name: 'MAX', exported: true, kind: 'constant', container: 'A', signature: 'public static final int MAX' },
      { name: 'm', exported: true, kind: 'method', container: 'A', signature: 'public void m()' },
      { name: 'n', exported: false, kind: 'method', container: 'A' },
      { name: 'pkg', exported: false, kind: 'method', container: 'A' },
      { name: 'I', exported: false, kind: 'interface' },
      { name: 'x', exported: false, kind: 'method', container: 'I' },
    ],
  },
  {
    id: 'c',
    path: 'a.c',
    text: 'int f(void) {}\nstatic int g(void) {}\nint proto(int a);\nint\nh(int a)\n{\n  return a;\n}\n',
    expected: [
      { name: 'f', exported: true, kind: 'function', signature: 'int f(void)' },
      { name: 'g', exported: false, kind: 'function', signature: 'static int g(void)' },
      { name: 'h', exported: true, kind: 'function', startLine: 4, endLine: 8, headerEndLine: 5 },
    ],
  },
  {
    id: 'c',
    path: 'a.h',
    text: 'int proto(int a);\nstatic inline int g(void) { return 1; }\nint (*pointer)(int);\n',
    expected: [
      { name: 'proto', exported: true, kind: 'function', signature: 'int proto(int a)', startLine: 1, endLine: 1, headerEndLine: 1 },
      { name: 'g', exported: false, kind: 'function' },
    ],
  },
  {
    id: 'cpp',
    path: 'a.hpp',
    text: 'namespace n {\nclass C {\npublic:\n  int m(int x) const;\n  void inl() {}\nprivate:\n  void p();\n};\n}\nnamespace { void hidden() {} }\n',
    expected: [
      { name: 'm', exported: true, kind: 'method', container: 'C', signature: 'int m(int x) const' },
      { name: 'inl', exported: true, kind: 'method', container: 'C' },
      { name: 'p', exported: false, kind: 'method', container: 'C' },
      { name: 'hidden', exported: false, kind: 'function' },
    ],
  },
  {
    id: 'csharp',
    path: 'a.cs',
    text: 'namespace N {\n  public class C {\n    public int F;\n    public void M() {}\n    void N() {}\n    public string P { get; set; }\n  }\n}\n',
    expected: [
      { name: 'C', exported: true, kind: 'class' },
      { name: 'F', exported: true, kind: 'variable', container: 'C' },
      { name: 'M', exported: true, kind: 'method', container: 'C', signature: 'public void M()' },
      { name: 'N', exported: false, kind: 'method', container: 'C' },
      { name: 'P', exported: true, kind: 'variable', container: 'C', signature: 'public string P' },
    ],
  },
  {
    id: 'kotlin',
    path: 'a.kt',
    text: 'class A {\n    fun m(x: Int): Int = x\n    private fun n() {}\n}\ninternal fun i() {}\nfun top() {}\n',
    expected: [
      { name: 'A', exported: true, kind: 'class' },
      { name: 'm', exported: true, kind: 'method', container: 'A', signature: 'fun m(x: Int): Int' },
      { name: 'n', exported: false, kind: 'method', container: 'A' },
      { name: 'i', exported: false, kind: 'function' },
      { name: 'top', exported: true, kind: 'function' },
    ],
  },
  {
    id: 'ruby',
    path: 'a.rb',
    text: 'module M\n  class C\n    def pub(a, b)\n      a\n    end\n    private\n    def priv; end\n  end\nend\ndef top; end\n',
    expected: [
      { name: 'M', exported: true, kind: 'module' },
      { name: 'C', exported: true, kind: 'class', container: 'M' },
      { name: 'pub', exported: true, kind: 'method', container: 'C', signature: 'def pub(a, b)', startLine: 3, endLine: 5, headerEndLine: 3 },
      { name: 'priv', exported: false, kind: 'method', container: 'C' },
      { name: 'top', exported: true, kind: 'function' },
    ],
  },
  { id: 'shell', path: 'a.sh', text: 'f() { echo; }\n', expected: [] },
];

describe.each(ENGINES)('declarations ($engine)', ({ native }) => {
  let service: TreeSitterService;
  beforeAll(async () => {
    service = await loadTreeSitter(DECLARATION_CASES.map((c) => c.id), { native });
  });

  it.each(DECLARATION_CASES)('$id $path', (c) => {
    const syntax = service.parse(c.id, c.path, c.text)!;
    expect(syntax.hasErrors).toBe(false);
    expect(syntax.declarations.map((d) => [d.name, d.exported])).toEqual(c.expected.map((d) => [d.name, d.exported]));
    c.expected.forEach((expected, k) => expect(syntax.declarations[k]).toMatchObject(expected));
  });
});

/** One edit from the common first and last lines of two texts (what a diff of one hunk gives). */
function oneEdit(before: string, after: string): LineEdit[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return [{ start, removed: a.length - start - end, added: b.length - start - end }];
}

interface ReparseCase {
  name: string;
  id: string;
  path: string;
  before: string;
  after: string;
  /** Default: one edit around the lines that differ. */
  edits?: LineEdit[];
}

const C_FILE = 'static int helper(int a)\n{\n\treturn a * 2;\n}\n\nint api(int b)\n{\n\treturn helper(b) + 1;\n}\n\nint other(void)\n{\n\treturn 3;\n}\n';

const REPARSE_CASES: ReparseCase[] = [
  { name: 'a changed body', id: 'c', path: 'a.c', before: C_FILE, after: C_FILE.replace('helper(b) + 1', 'helper(b) + 2') },
  { name: 'a new function between two', id: 'c', path: 'a.c', before: C_FILE, after: C_FILE.replace('int other', 'int added(void)\n{\n\treturn 4;\n}\n\nint other') },
  { name: 'a removed function', id: 'c', path: 'a.c', before: C_FILE, after: C_FILE.replace('int api(int b)\n{\n\treturn helper(b) + 1;\n}\n\n', '') },
  {
    name: 'two edits (two hunks)',
    id: 'c',
    path: 'a.c',
    before: C_FILE,
    after: C_FILE.replace('a * 2', 'a * 3').replace('return 3;', 'return 5;\n\treturn 6;'),
    edits: [
      { start: 2, removed: 1, added: 1 },
      { start: 12, removed: 1, added: 2 },
    ],
  },
  // The edit changes how everything after it parses: the tree must not keep the old shape.
  { name: 'an opened comment swallowing the rest', id: 'c', path: 'a.c', before: C_FILE, after: C_FILE.replace('int api', '/* int api') },
  { name: 'a last line without its newline', id: 'c', path: 'a.c', before: C_FILE, after: C_FILE.replace(/\n$/, '').replace('return 3;\n}', 'return 3;\n}\nint z;') },
  // As a diff gives it: the last line removed without its newline, added with it.
  { name: 'a newline added at the end', id: 'c', path: 'a.c', before: 'int a;\nint b;', after: 'int a;\nint b;\n', edits: [{ start: 1, removed: 1, added: 1 }] },
  { name: 'text before the edit in two UTF-16 units a character', id: 'python', path: 'a.py', before: 's = "héllo 😀"\n\ndef f(x):\n    return x\n', after: 's = "héllo 😀"\n\ndef f(x):\n    return x + 1\n' },
  { name: 'an indentation change', id: 'python', path: 'a.py', before: 'def f(x):\n    if x:\n        return 1\n    return 2\n', after: 'def f(x):\n    if x:\n        return 1\n        return 2\n' },
  { name: 'a YAML block moved under another key', id: 'yaml', path: 'a.yml', before: 'a:\n  b: 1\nc:\n  d: 2\n', after: 'a:\n  b: 1\n  c:\n    d: 2\n' },
];

describe('reparsing the other version of a file from a kept tree', () => {
  let service: TreeSitterService;
  beforeAll(async () => {
    // WebAssembly here; the native build's reparse (a copy made by a parse of the same text) is tested below.
    service = await loadTreeSitter(['c', 'python', 'yaml'], { native: false });
  });

  /** Tokens, declarations and errors: what a parse gives its callers. */
  const view = (syntax: FileSyntax) => ({ lines: syntax.lines, declarations: syntax.declarations, hasErrors: syntax.hasErrors });

  it.each(REPARSE_CASES)('$id: $name gives what a fresh parse gives, both ways', (c) => {
    for (const [from, to, edits] of bothWays(c)) {
      const previous = service.parse(c.id, c.path, from, { reuse: true })!;
      const started = treeSitterLoadCounts().incrementalParses;
      const reparsed = service.parse(c.id, c.path, to, { from: { syntax: previous, edits } })!;
      expect(treeSitterLoadCounts().incrementalParses).toBe(started + 1);
      expect(view(reparsed)).toEqual(view(service.parse(c.id, c.path, to)!));
      expect(view(previous)).toEqual(view(service.parse(c.id, c.path, from)!));
    }
  });

  it('parses afresh when the edits do not describe the two texts', () => {
    const after = C_FILE.replace('return 3;', 'return 4;');
    const previous = service.parse('c', 'a.c', C_FILE, { reuse: true })!;
    const started = treeSitterLoadCounts().incrementalParses;
    // The edit names line 3, but line 13 changed.
    const reparsed = service.parse('c', 'a.c', after, { from: { syntax: previous, edits: [{ start: 2, removed: 1, added: 1 }] } })!;
    expect(treeSitterLoadCounts().incrementalParses).toBe(started);
    expect(view(reparsed)).toEqual(view(service.parse('c', 'a.c', after)!));
  });

  it('parses afresh from a parse that kept no tree', () => {
    const after = C_FILE.replace('return 3;', 'return 4;');
    const previous = service.parse('c', 'a.c', C_FILE)!;
    const started = treeSitterLoadCounts().incrementalParses;
    const reparsed = service.parse('c', 'a.c', after, { from: { syntax: previous, edits: oneEdit(C_FILE, after) } })!;
    expect(treeSitterLoadCounts().incrementalParses).toBe(started);
    expect(view(reparsed)).toEqual(view(service.parse('c', 'a.c', after)!));
  });

  it('frees a tree kept only for the reparse once the reparse used it', () => {
    const after = C_FILE.replace('return 3;', 'return 4;');
    const before = keptTreeCharacters();
    const previous = service.parse('c', 'a.c', C_FILE, { reuse: true })!;
    expect(keptTreeCharacters()).toBe(before + C_FILE.length);
    service.parse('c', 'a.c', after, { from: { syntax: previous, edits: oneEdit(C_FILE, after) } });
    expect(keptTreeCharacters()).toBe(before);
    // A tree kept for tokens too stays for them, and its lines are still right.
    const withTokens = service.parse('c', 'a.c', C_FILE, { reuse: true, tokens: true })!;
    service.parse('c', 'a.c', after, { from: { syntax: withTokens, edits: oneEdit(C_FILE, after) } });
    expect(keptTreeCharacters()).toBe(before + C_FILE.length);
    expect(withTokens.linesIn!(10, 13)).toEqual(service.parse('c', 'a.c', C_FILE)!.lines.slice(10, 13));
    expect(withTokens.lines).toHaveLength(C_FILE.split('\n').length);
    expect(keptTreeCharacters()).toBe(before);
  });

  it.each(REPARSE_CASES.filter((c) => c.id !== 'yaml'))('native $id: $name gives what a fresh WebAssembly parse gives, both ways', async (c) => {
    const native = await loadTreeSitter([c.id]);
    if (!NATIVE_EXPECTED) return;
    expect(native.engines.get(c.id)).toBe('native');
    const before = keptTreeCharacters();
    for (const [from, to, edits] of bothWays(c)) {
      const previous = native.parse(c.id, c.path, from, { reuse: true })!;
      const started = treeSitterLoadCounts().incrementalParses;
      const reparsed = native.parse(c.id, c.path, to, { from: { syntax: previous, edits } })!;
      expect(treeSitterLoadCounts().incrementalParses).toBe(started + 1);
      expect(keptTreeCharacters()).toBe(before);
      expect(view(reparsed)).toEqual(view(service.parse(c.id, c.path, to)!));
      // The kept tree was copied, not edited: the first version still reads right.
      expect(view(previous)).toEqual(view(service.parse(c.id, c.path, from)!));
    }
  });
});

/** A case's texts and edits forwards, then backwards (after -> before). */
function bothWays(c: ReparseCase): Array<[string, string, LineEdit[]]> {
  const edits = c.edits ?? oneEdit(c.before, c.after);
  return [
    [c.before, c.after, edits],
    [c.after, c.before, edits.map((edit, k, all) => reverse(edit, k, all))],
  ];
}

/** The same edit seen from the other text: its start moves by what the edits before it added and removed. */
function reverse(edit: LineEdit, index: number, all: readonly LineEdit[]): LineEdit {
  const shift = all.slice(0, index).reduce((sum, earlier) => sum + earlier.added - earlier.removed, 0);
  return { start: edit.start + shift, removed: edit.added, added: edit.removed };
}
