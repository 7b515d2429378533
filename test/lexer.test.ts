import { LANGUAGES } from '../src/language';
import { LazyLexedLines, endStateOf, lexLines } from '../src/lexer';

/**
 * LazyLexedLines must lex every line exactly as lexing the whole file does: the
 * state a line starts in comes from endStateOf, which skips stretches that open
 * nothing. These pieces open, close or hide every kind of literal and comment the
 * language tables know, inside and outside words, so a character missing from a
 * syntax's `opensWith` (or a skip that swallows an opening) shows up as a
 * different line.
 */
const PIECES = [
  ' ', '  ', '\t', '\r', 'x', 'foo', 'R', 'u8R', 'LR', 'fooR', 'b', 'br', 'r', 'r#', '#', '##', '1', '1.5', '1R', '1.e', '$', '$@', '@$', '@',
  '"', "'", '`', '"""', "'''", '\\', '\\"', '/', '//', '/*', '*/', '*', '-', '--', '<', '<<', '<<<', '<<-', '<<~', '<<EOF', '<<-EOF', '<<~EOF',
  "<<'EOF'", 'EOF', ' EOF', 'EOF;', '[', '[[', '[=[', ']]', ']=]', ']', '(', ')', '(x', ')x', 'x(', '"(', ')"', 'R"(', 'R"x(', ')x"', 'r"', 'r#"', '"#',
  '=begin', '=end', '-->', '<!--', 'é', '日本', ';', '{', '}', ',', '.', ':', '=', '%q', '~r', '?"', 'q(',
];

/** A deterministic generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomLines(next: () => number, count: number): string[] {
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() * 12);
    return Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
  });
}

describe('LazyLexedLines', () => {
  test.each(Object.keys(LANGUAGES))('lexes %s files line by line exactly as the whole-file lexer', (id) => {
    const language = LANGUAGES[id];
    const next = random(id.length * 7919 + id.charCodeAt(0));
    for (let round = 0; round < 40; round++) {
      const lines = randomLines(next, 30);
      const whole = lexLines(lines, language);
      expect(whole.map((line, k) => endStateOf(lines[k], language, line.startState))).toEqual(whole.map((line) => line.endState));
      // Asked out of order, as heuristics ask: a late line first, then earlier ones.
      const lazy = new LazyLexedLines(lines, language);
      const order = lines.map((_line, k) => k).sort(() => next() - 0.5);
      for (const k of order) lazy.line(k);
      expect(lazy.slice(0, lines.length)).toEqual(whole);
    }
  });

  test.each([
    ['c', ['a = fooR"(x', 'b */ "q"', '/* open', 'still */ R"x(raw', 'more )x" done']],
    ['c', ['x = 1R"(', 'y']],
    ['rust', ['let s = br#"a', 'b"# ;', 'let t = xr"', 'u']],
    ['csharp', ['var s = $@"a', 'b"" c";', 'var r = """', 'x', '""";']],
    ['shell', ['cat <<EOF', 'body "', 'EOF', 'echo "a', 'b"']],
    ['ruby', ['x = <<~EOS', '  a', '  EOS', '=begin']],
    ['php', ['$a = <<<EOT', 'x', '  EOT;', '$b = 1; # c']],
    ['lua', ['s = [==[', ']=] ]==] --x', '--[[ c']],
    ['python', ['s = """a', "b ''' c", '"""', "t = '''"]],
  ] as const)('lexes the tricky %s lines %j exactly as the whole-file lexer', (id, lines) => {
    const language = LANGUAGES[id];
    const whole = lexLines([...lines], language);
    const lazy = new LazyLexedLines(lines, language);
    expect(lazy.line(lines.length - 1)).toEqual(whole[lines.length - 1]);
    expect(lazy.slice(0)).toEqual(whole);
  });

  test('gives undefined past either end and clips slices', () => {
    const lazy = new LazyLexedLines(['a', 'b'], LANGUAGES.c);
    expect(lazy.line(-1)).toBeUndefined();
    expect(lazy.line(2)).toBeUndefined();
    expect(lazy.slice(-3, 9).map((line) => line.tokens[0].text)).toEqual(['a', 'b']);
    expect(lazy.length).toBe(2);
  });
});
