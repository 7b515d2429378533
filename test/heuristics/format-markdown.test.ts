/**
 * format-markdown: Markdown edits that render to the same HTML, and the near
 * misses where an edit that looks like layout changes what the reader sees
 * (commit practice, "What the tool must never do"): a hard line break from two
 * trailing spaces, code blocks and code spans (their spaces are content), raw
 * HTML, a list item indented into a paragraph, a heading level, a table cell.
 * Near misses also include what the heuristic cannot see: a pasted diff, front
 * matter, a `$` that GitHub reads as math.
 */
import { docsFile } from '../../heuristics/docs-file';
import { formatMarkdown, MAX_CANDIDATES_PER_FILE, MAX_MARKDOWN_CHARACTERS } from '../../heuristics/format-markdown';
import { formatWhitespaceOnly } from '../../heuristics/format-whitespace-only';
import { functionalDefault } from '../../heuristics/functional-default';
import { runHeuristicTests } from '../helpers/heuristic-tester';

const together = (detail: string, links: number[]) => ({ kind: 'formatting' as const, detail, messageId: 'rendersSameTogether', heuristic: 'format-markdown', links });
const layout = (detail: string) => ({ kind: 'formatting' as const, detail, messageId: 'rendersSame', heuristic: 'format-markdown' });

const GUIDE = [
  '# Guide',
  '',
  'The tool reads a commit and suggests a series. It never rewrites history on its',
  'own: you apply the series when you agree with it.',
  '',
  '* first step',
  '* second step',
  '',
  'Run it with `split-advisor suggest HEAD` and read the *reasons* it gives.',
  'See [the manual][manual] for more.',
  '',
  '```sh',
  'split-advisor  suggest HEAD',
  '```',
  '',
  '    indented code',
  '',
  '[manual]: https://example.com/manual',
  '',
].join('\n');

/** GUIDE with `from` replaced by `to` (which must be there). */
function edit(from: string, to: string, text = GUIDE): string {
  if (!text.includes(from)) throw new Error(`not in the text: ${from}`);
  return text.replace(from, to);
}

/** GUIDE followed by enough text to pass the size limit. */
const LARGE = `${GUIDE}\n${'Filler text for size.\n\n'.repeat(Math.ceil(MAX_MARKDOWN_CHARACTERS / 23))}`;

/** A document of many short paragraphs, each re-wrapped in `after`. */
const MANY = Array.from({ length: MAX_CANDIDATES_PER_FILE + 1 }, (_unused, k) => `Paragraph ${k} has two\nlines of text.\n`).join('\n');
const MANY_REWRAPPED = MANY.replace(/has two\nlines/g, 'has\ntwo lines');

runHeuristicTests(formatMarkdown, {
  valid: [
    // --- Whitespace that is Markdown syntax.
    { name: 'two trailing spaces added make a <br>', path: 'docs/guide.md', before: GUIDE, after: edit('history on its\n', 'history on its  \n') },
    { name: 'two trailing spaces removed lose a <br>', path: 'docs/guide.md', before: edit('history on its\n', 'history on its  \n'), after: GUIDE },
    { name: 'a trailing backslash added makes a <br>', path: 'docs/guide.md', before: GUIDE, after: edit('history on its\n', 'history on its\\\n') },
    { name: 'a list item indented into the paragraph above (a lazy continuation line)', path: 'docs/guide.md', before: 'Steps to take:\n- first step\n', after: 'Steps to take:\n    - first step\n' },
    { name: 'a paragraph indented into a code block', path: 'docs/guide.md', before: 'Intro.\n\nRun it.\n', after: 'Intro.\n\n    Run it.\n' },
    { name: 'a blank line removed between list items makes a loose list tight', path: 'docs/guide.md', before: '* one\n\n* two\n', after: '* one\n* two\n' },
    { name: 'a blank line ends a list: the next line leaves the item', path: 'docs/guide.md', before: '* one\n  more of one\n', after: '* one\n\n more of one\n' },

    // --- Code: every space is content.
    { name: 'spacing inside a fenced code block', path: 'docs/guide.md', before: GUIDE, after: edit('split-advisor  suggest HEAD\n```', 'split-advisor suggest HEAD\n```') },
    { name: 'indentation inside an indented code block', path: 'docs/guide.md', before: GUIDE, after: edit('    indented code', '      indented code') },
    { name: 'a tab inside an indented code block turned into spaces', path: 'docs/guide.md', before: 'Text.\n\n    if x:\n    \treturn\n', after: 'Text.\n\n    if x:\n        return\n' },
    { name: 'spacing inside inline code', path: 'docs/guide.md', before: GUIDE, after: edit('`split-advisor suggest HEAD`', '`split-advisor  suggest HEAD`') },

    // --- Markup that changes the output.
    { name: 'a changed link target', path: 'docs/guide.md', before: GUIDE, after: edit('https://example.com/manual', 'https://example.com/manual/') },
    { name: 'a heading level changed', path: 'docs/guide.md', before: GUIDE, after: edit('# Guide', '## Guide') },
    { name: 'emphasis turned into strong emphasis', path: 'docs/guide.md', before: GUIDE, after: edit('*reasons*', '**reasons**') },
    { name: 'an intraword underscore is not emphasis', path: 'docs/guide.md', before: 'a*b*c\n', after: 'a_b_c\n' },
    { name: 'an ordered list turned into a bullet list', path: 'docs/guide.md', before: '1. one\n2. two\n', after: '- one\n- two\n' },
    { name: 'a list started at 2 instead of 1', path: 'docs/guide.md', before: '1. one\n2. two\n', after: '2. one\n3. two\n' },
    { name: 'a setext heading underline turned into a thematic break', path: 'docs/guide.md', before: 'Title\n---\n', after: 'Title\n\n---\n' },
    { name: 'HTML block: spaces inside a <pre> block', path: 'docs/guide.md', before: 'Text.\n\n<pre>\na  b\n</pre>\n', after: 'Text.\n\n<pre>\na b\n</pre>\n' },
    { name: 'HTML block: an attribute re-spaced', path: 'docs/guide.md', before: '<div align="center">\n<img src="logo.png">\n</div>\n', after: '<div  align="center">\n<img src="logo.png">\n</div>\n' },
    { name: 'a table cell changed', path: 'docs/guide.md', before: '| a | b |\n| --- | --- |\n| 1 | 2 |\n', after: '| a | b |\n| --- | --- |\n| 1 | 3 |\n' },
    { name: 'a table cell split in two by a pipe', path: 'docs/guide.md', before: '| a | b |\n| --- | --- |\n| x y | 2 |\n', after: '| a | b |\n| --- | --- |\n| x | y | 2 |\n' },
    { name: 'an escaped character unescaped into emphasis', path: 'docs/guide.md', before: 'a \\*b\\* c\n', after: 'a *b* c\n' },
    { name: 'a link reference definition indented into a code block', path: 'docs/guide.md', before: GUIDE, after: edit('[manual]: https', '    [manual]: https') },

    // --- Paragraph re-wraps where a newline is not a space.
    { name: 'a paragraph with inline <pre> re-wrapped', path: 'docs/guide.md', before: 'See <pre>a b</pre> here.\n', after: 'See <pre>a\nb</pre> here.\n' },
    { name: 'a paragraph re-wrapped in a file with a white-space style', path: 'docs/guide.md', before: '<div style="white-space: pre">\n\nline one\nline two\n\n</div>\n', after: '<div style="white-space: pre">\n\nline one line two\n\n</div>\n' },

    // --- What the heuristic cannot see or does not trust.
    { name: 'a re-wrapped paragraph in a pasted diff (the lines above are unknown)', path: 'docs/guide.md', before: GUIDE, after: edit('on its\nown:', 'on\nits own:'), diffOnly: true },
    // Without the front matter split, both sides render as a rule and the same setext heading.
    { name: 'YAML front matter lines joined (YAML, not Markdown)', path: 'docs/post.md', before: '---\ntitle: A\nsummary: b\n---\n\nText.\n', after: '---\ntitle: A summary: b\n---\n\nText.\n' },
    { name: 'TOML front matter re-spaced', path: 'docs/post.md', before: '+++\ntitle = "A"\nsummary = "b"\n+++\n\nText.\n', after: '+++\ntitle = "A" summary = "b"\n+++\n\nText.\n' },
    { name: 'emphasis style inside GitHub math', path: 'docs/guide.md', before: 'Let $x *y* z$ hold.\n', after: 'Let $x _y_ z$ hold.\n' },
    { name: 'words changed, whatever the render', path: 'docs/guide.md', before: GUIDE, after: edit('first step', 'first  stage') },
    { name: 'a whitespace-only Markdown file added', files: [{ path: 'docs/empty.md', before: null, after: '\n\n' }] },
    { name: 'an .rst file (same language entry, other syntax)', path: 'docs/guide.rst', before: 'Title\n=====\n\nSome text\nhere.\n', after: 'Title\n=====\n\nSome text here.\n' },
    // Alone, each changes the HTML; together too: a group with a real edit in it proves nothing.
    { name: 'a <br> added and a list marker changed mid-list (each fails alone, and together)', path: 'docs/guide.md', before: GUIDE, after: edit('* second step', '- second step', edit('history on its\n', 'history on its  \n')) },
    // markdown-it stops at 100 levels and drops what is deeper: the <br> would be invisible to it.
    { name: 'two trailing spaces added in a blockquote nested deeper than the parser follows', path: 'docs/deep.md', before: `${'>'.repeat(120)} line one\n${'>'.repeat(120)} line two\n`, after: `${'>'.repeat(120)} line one  \n${'>'.repeat(120)} line two\n` },
    { name: 'a paragraph re-wrapped in a file over the size limit', path: 'docs/large.md', before: LARGE, after: edit('on its\nown:', 'on its own:', LARGE) },
    { name: `more than ${MAX_CANDIDATES_PER_FILE} candidate changes in one file`, path: 'docs/many.md', before: MANY, after: MANY_REWRAPPED },
  ],
  invalid: [
    { name: 'a paragraph re-wrapped', path: 'docs/guide.md', before: GUIDE, after: edit('It never rewrites history on its\nown: you apply', 'It never\nrewrites history on its own: you apply'), expect: [layout('line-wrapping')] },
    { name: 'a paragraph joined into one line', path: 'README.md', before: GUIDE, after: edit('on its\nown:', 'on its own:'), expect: [layout('line-wrapping')] },
    { name: '* list markers turned into -', path: 'docs/guide.md', before: GUIDE, after: edit('* first step\n* second step', '- first step\n- second step'), expect: [layout('list-marker')] },
    { name: 'an ordered list renumbered from 1. 1. to 1. 2.', path: 'docs/guide.md', before: '1. one\n1. two\n', after: '1. one\n2. two\n', expect: [layout('list-marker')] },
    { name: '*em* turned into _em_', path: 'docs/guide.md', before: GUIDE, after: edit('*reasons*', '_reasons_'), expect: [layout('emphasis-style')] },
    { name: 'trailing blanks removed where they make no <br> (one space, end of paragraph)', path: 'docs/guide.md', before: edit('history on its\n', 'history on its \n', edit('for more.\n', 'for more.   \n')), after: GUIDE, expect: [layout('trailing-whitespace'), layout('trailing-whitespace')] },
    { name: 'blank lines between blocks', path: 'docs/guide.md', before: GUIDE, after: edit('# Guide\n\n', '# Guide\n\n\n'), expect: [layout('blank-lines')] },
    { name: 'a setext heading turned into an ATX heading', path: 'docs/guide.md', before: 'Guide\n=====\n\nText.\n', after: '# Guide\n\nText.\n', expect: [layout('heading-style')] },
    { name: 'a backslash hard break turned into two trailing spaces', path: 'docs/guide.md', before: 'line one\\\nline two\n', after: 'line one  \nline two\n', expect: [layout('markdown-render')] },
    { name: 'table cells re-aligned', path: 'docs/guide.md', before: '| a | b |\n| --- | --- |\n| 1 | 2 |\n', after: '| a   | b   |\n| --- | --- |\n| 1   | 2   |\n', expect: [layout('spacing'), layout('spacing')] },
    { name: 'a link reference definition re-spaced', path: 'docs/guide.md', before: GUIDE, after: edit('[manual]: https', '[manual]:   https'), expect: [layout('spacing')] },
    // Each fence alone opens a block that runs to the end of the file; together they render the same.
    {
      name: 'both fences of a code block turned from backticks into tildes: proven together, linked',
      path: 'docs/guide.md',
      before: GUIDE,
      after: edit('```sh\nsplit-advisor  suggest HEAD\n```', '~~~sh\nsplit-advisor  suggest HEAD\n~~~'),
      expect: [together('code-fence', [1]), together('code-fence', [0])],
    },
    // Changing one item's marker starts a new list; the unchanged continuation line splits the edit in two.
    {
      name: 'list markers of items spanning two lines: proven together, linked',
      path: 'docs/guide.md',
      before: '* first item,\n  continued\n* second item,\n  continued\n',
      after: '- first item,\n  continued\n- second item,\n  continued\n',
      expect: [together('list-marker', [1]), together('list-marker', [0])],
    },
    { name: 'inline code re-wrapped (a newline in a code span is a space)', path: 'docs/guide.md', before: 'Run `a b` now.\n', after: 'Run `a\nb` now.\n', expect: [layout('line-wrapping')] },
    { name: 'CRLF line endings turned into LF in a paragraph', path: 'docs/guide.md', before: 'One line\r\nand another.\r\n', after: 'One line\nand another.\n', expect: [layout('line-endings')] },
    { name: 'a paragraph re-wrapped below YAML front matter', path: 'docs/post.md', before: '---\ntitle: Post\n---\n\nSome text\nhere.\n', after: '---\ntitle: Post\n---\n\nSome\ntext here.\n', expect: [layout('line-wrapping')] },
    { name: 'a list item continued with a lazy line re-wrapped', path: 'docs/guide.md', before: '* one two\n  three\n', after: '* one\n  two three\n', expect: [layout('line-wrapping')] },
    {
      name: 'registry: a re-wrap is formatting, a <br> is docs, in the same file',
      path: 'README.md',
      before: GUIDE,
      after: edit('for more.\n', 'for more.  \nOr ask.\n', edit('on its\nown:', 'on its own:')),
      heuristics: [formatWhitespaceOnly, formatMarkdown, docsFile, functionalDefault],
      // The trailing spaces are cut from the added line into a change of their own: alone they end a
      // paragraph and render nothing, but in the new file they make a <br> before "Or ask.".
      expect: [layout('line-wrapping'), { kind: 'docs', heuristic: 'docs-file' }, { kind: 'docs', heuristic: 'docs-file' }],
    },
    {
      name: 'registry: two trailing spaces removed stay docs, with format-whitespace-only and docs-file around',
      path: 'README.md',
      before: 'Name: a  \nVersion: 1\n',
      after: 'Name: a\nVersion: 1\n',
      heuristics: [formatWhitespaceOnly, formatMarkdown, docsFile, functionalDefault],
      expect: [{ kind: 'docs', heuristic: 'docs-file' }],
    },
  ],
});
