/**
 * `suggest --format markdown`: the review comment. Its numbers come from the
 * review-kinds table, it has one collapsed block per suggested commit with the
 * message in a fence, and nothing from the diff can become markup: no HTML tag,
 * no link, no code span, no extra table cell, no early end of a fence.
 */
import { adviseOnPatch, analyse } from '../../src/advise';
import { loadInput } from '../../src/input';
import { loadSyntaxForInput } from '../../src/syntax/load';
import { fencedBlock, htmlText, markdownText, renderMarkdown } from '../../src/render/markdown';
import { reviewCategoryOf, reviewSummary } from '../../src/render/review-kinds';
import type { JsonReport } from '../../src/render/json';
import { cleanupRepos, createRepo, makeTempDir, runCliIn } from '../helpers/git-repo';

afterAll(cleanupRepos);

/** The tags the renderer itself writes; any other `<` outside a fence came from the data. */
const OWN_TAGS = /<\/?(details|summary|sub)>/g;

interface Parsed {
  /** Lines outside fenced blocks. */
  outside: string[];
  /** The text of each fenced block. */
  fences: string[];
}

/** Splits Markdown into fenced blocks and the rest, as CommonMark does: a fence closes at a line of at least as many backticks. */
function parseFences(markdown: string): Parsed {
  const outside: string[] = [];
  const fences: string[] = [];
  let open: { length: number; lines: string[] } | null = null;
  for (const line of markdown.split('\n')) {
    if (open === null) {
      const start = /^(`{3,})[^`]*$/.exec(line);
      if (start) open = { length: start[1].length, lines: [] };
      else outside.push(line);
      continue;
    }
    const close = /^(`{3,})\s*$/.exec(line);
    if (close && close[1].length >= open.length) {
      fences.push(open.lines.join('\n'));
      open = null;
    } else open.lines.push(line);
  }
  expect(open).toBeNull();
  return { outside, fences };
}

/** A character not preceded by a backslash escape (an even number of backslashes before it). */
function unescaped(char: string): RegExp {
  return new RegExp(`(^|[^\\\\])(\\\\\\\\)*\\${char}`);
}

/** Every check that data stayed text: outside fences no foreign tag; in Markdown lines no live link, code, pipe or colon. */
function expectInert(markdown: string): Parsed {
  const parsed = parseFences(markdown);
  for (const line of parsed.outside) {
    expect([line, line.replace(OWN_TAGS, '').includes('<')]).toEqual([line, false]);
    // Every & starts an entity, so data cannot smuggle one in half-written.
    expect([line, /&(?!(amp|lt|gt|quot|#39);)/.test(line)]).toEqual([line, false]);
    if (line.startsWith('<details><summary>')) continue; // raw HTML: Markdown is not read there
    for (const char of ['[', ']', '`', '(']) expect([line, char, unescaped(char).test(line)]).toEqual([line, char, false]);
    expect([line, line.includes('javascript:')]).toEqual([line, false]);
    if (line.startsWith('|')) {
      const cells = line.split(/(?<!\\)\|/).length - 2;
      expect([line, cells === 4 || cells === 5]).toEqual([line, true]);
    } else expect([line, unescaped('|').test(line)]).toEqual([line, false]);
  }
  return parsed;
}

test.each([
  ['plain words', 'plain words', 'plain words'],
  ['a tag', '<img src=x onerror=alert(1)>', '&lt;img src\\=x onerror\\=alert\\(1\\)&gt;'],
  ['an entity stays visible', '&lt;b&gt;', '&amp;lt;b&amp;gt;'],
  ['a link', '[x](javascript:alert(1))', '\\[x\\]\\(javascript\\:alert\\(1\\)\\)'],
  ['pipes and backticks', 'a|b`c`', 'a\\|b\\`c\\`'],
  ['a newline and a tab', 'new\nline\tx', 'new\\\\nline\\\\tx'],
  ['a backslash', 'a\\b', 'a\\\\b'],
  ['math and emphasis', '$x$ *y* _z_ ~w~', '\\$x\\$ \\*y\\* \\_z\\_ \\~w\\~'],
])('markdownText: %s', (_name, text, expected) => {
  expect(markdownText(text)).toBe(expected);
});

test.each([
  ['a tag', '<script>alert("1")</script>', '&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;'],
  ['an ampersand and a quote', "Tom & Jerry's", 'Tom &amp; Jerry&#39;s'],
  ['a newline cannot end the summary line', 'a\n</summary>', 'a\\n&lt;/summary&gt;'],
])('htmlText: %s', (_name, text, expected) => {
  expect(htmlText(text)).toBe(expected);
});

test.each([
  ['no backticks', 'subject\n\nbody', '```'],
  ['a run of three', 'see ```js block```', '````'],
  ['a run of five on a line of its own', 'a\n`````\nb', '``````'],
])('fencedBlock: %s gets a longer fence and keeps the text', (_name, text, fence) => {
  const block = fencedBlock(text);
  expect(block.startsWith(`${fence}text\n`)).toBe(true);
  expect(block.endsWith(`\n${fence}`)).toBe(true);
  expect(parseFences(block).fences).toEqual([text]);
});

const HOSTILE_PATCH = [
  'From 1111111111111111111111111111111111111111 Mon Sep 17 00:00:00 2001',
  'From: Mallory <m@example.com>',
  'Subject: [PATCH] evil: <script>alert(1)</script> | `code` [x](javascript:alert(1))',
  '',
  'Body with ```` four backticks, &amp; and <img src=x onerror=alert(1)>.',
  '```',
  'javascript:alert(document.cookie)',
  '---',
  'diff --git "a/<img src=x onerror=alert(1)>.md" "b/<img src=x onerror=alert(1)>.md"',
  'new file mode 100644',
  'index 0000000..1111111',
  '--- /dev/null',
  '+++ "b/<img src=x onerror=alert(1)>.md"',
  '@@ -0,0 +1,2 @@',
  '+# <script>alert(1)</script>',
  '+[click](javascript:alert(1))',
  'diff --git a/a|b`c`.ts b/a|b`c`.ts',
  'index 1111111..2222222 100644',
  '--- a/a|b`c`.ts',
  '+++ b/a|b`c`.ts',
  '@@ -1,3 +1,3 @@',
  ' const a = 1;',
  '-const b = "<b>|</b>";',
  '+const b = "<i>|</i>";',
  ' const c = 3;',
  'diff --git "a/new\\nline.txt" "b/new\\nline.txt"',
  'index 1111111..2222222 100644',
  '--- "a/new\\nline.txt"',
  '+++ "b/new\\nline.txt"',
  '@@ -1,2 +1,2 @@',
  '-  indented',
  '+indented',
  ' x',
  'diff --git a/[x](javascript:alert(1)).js b/[x](javascript:alert(1)).js',
  'index 1111111..2222222 100644',
  '--- a/[x](javascript:alert(1)).js',
  '+++ b/[x](javascript:alert(1)).js',
  '@@ -1 +1 @@',
  '-let x = 1;',
  '+let x = 2;',
  '',
].join('\n');

test('a hostile diff renders as text: no tag, link, code span, extra cell or early fence end', () => {
  const report = adviseOnPatch(HOSTILE_PATCH);
  expect(report.files.map((file) => file.newPath?.text)).toEqual(['<img src=x onerror=alert(1)>.md', 'a|b`c`.ts', 'new\nline.txt', '[x](javascript:alert(1)).js']);
  const markdown = renderMarkdown(report);
  const parsed = expectInert(markdown);
  // Each commit's message is one whole fence, even with backtick runs and a ``` line inside.
  expect(parsed.fences).toEqual(report.series.map((commit) => commit.message.replace(/\n+$/, '')));
  expect(markdown.match(/<details>/g)).toHaveLength(report.series.length);
  // The file names are there, as escaped text, one table row each.
  expect(markdown).toContain('&lt;img src\\=x onerror\\=alert\\(1\\)&gt;\\.md');
  expect(markdown).toContain('a\\|b\\`c\\`\\.ts');
  expect(markdown).toContain('new\\\\nline\\.txt');
});

/** A commit with noise (re-indentation, a comment) next to behaviour, a test and docs. */
function mixedCommit() {
  const repo = createRepo();
  const source = (body: string, comment: string) => `// ${comment}\nint area(int w, int h)\n{\n${body}\n}\n\nint unused(void)\n{\n  return 0;\n}\n`;
  repo.commitFiles('shapes: start', {
    'src/shapes.c': source('  return w * h;', 'area of a rectangle'),
    'src/util.c': 'int twice(int x)\n{\n        return x + x;\n}\n',
    'README.md': '# shapes\n',
  });
  const commit = repo.commitFiles('shapes: count the border\n\nThe area now includes the one-unit border.\n', {
    'src/shapes.c': source('  return (w + 2) * (h + 2);', 'area of a rectangle, border included'),
    'src/util.c': 'int twice(int x)\n{\n    return x + x;\n}\n',
    'test/shapes.test.c': '#include "shapes.h"\nint main(void) { return area(1, 1) != 9; }\n',
    'README.md': '# shapes\n\nAreas include the border.\n',
  });
  return { repo, commit };
}

test('suggest --format markdown through the CLI: the numbers are the review table over the --json changes', async () => {
  const { repo, commit } = mixedCommit();
  const json = await runCliIn(repo.dir, ['suggest', '--json', commit]);
  expect(json.code).toBe(0);
  const contract = JSON.parse(json.stdout) as JsonReport;
  const result = await runCliIn(repo.dir, ['suggest', '--format', 'markdown', commit]);
  expect([result.code, result.stderr]).toEqual([0, '']);

  const linesOf = (change: JsonReport['changes'][number]) => (change.old?.lines ?? 0) + (change.new?.lines ?? 0);
  const read = contract.changes.filter((change) => reviewCategoryOf(change.kind) === 'read').reduce((sum, change) => sum + linesOf(change), 0);
  const skim = contract.changes.filter((change) => reviewCategoryOf(change.kind) === 'skim').reduce((sum, change) => sum + linesOf(change), 0);
  expect(skim).toBeGreaterThan(0);
  expect(result.stdout.split('\n')[0]).toBe(`### split-advisor: ${read} changed line${read === 1 ? '' : 's'} to read, ${skim} line${skim === 1 ? '' : 's'} of noise`);
  const kinds = [...new Set(contract.changes.map((change) => change.kind))];
  for (const kind of kinds) expect(result.stdout).toMatch(new RegExp(`^\\| ${markdownText(kind).replace(/[\\|-]/g, (c) => `\\${c}`)} \\| ${reviewCategoryOf(kind)} \\| \\d+ \\| \\d+ \\|$`, 'm'));
  const parsed = expectInert(result.stdout);
  expect(parsed.fences).toEqual(contract.series.map((entry) => entry.message.replace(/\n+$/, '')));
  // One block per commit, titled with its index, title and kind; every change listed once.
  const summaries = result.stdout.split('\n').filter((line) => line.startsWith('<details><summary>'));
  expect(summaries).toEqual(contract.series.map((entry) => expect.stringContaining(`<summary>${entry.index}. ${htmlText(entry.title)} — ${entry.kind}`)));
  for (const change of contract.changes) expect(result.stdout.split('\n').filter((line) => line.startsWith(`| ${change.id} |`))).toHaveLength(1);
});

test('suggest --patch - --format markdown is the renderer over the CLI\'s own analysis', async () => {
  const dir = makeTempDir();
  const result = await runCliIn(dir, ['suggest', '--patch', '-', '--format', 'markdown'], HOSTILE_PATCH);
  expect([result.code, result.stderr]).toEqual([0, '']);
  // The same stages the CLI runs, in-process.
  const loaded = loadInput({ kind: 'patch', path: '-', cwd: dir, stdin: () => Buffer.from(HOSTILE_PATCH) });
  const report = analyse(loaded, { syntax: await loadSyntaxForInput(loaded) });
  expect(reviewSummary(report).totalLines).toBe(8);
  expectInert(result.stdout);
  expect(result.stdout.match(/<details>/g)).toHaveLength(report.series.length);
  expect(result.stdout).toBe(renderMarkdown(report));
});

test('an empty diff says there is nothing to split', () => {
  const report = { ...adviseOnPatch(''), source: { kind: 'patch' as const, path: '<b>empty</b>.diff' } };
  expect(renderMarkdown(report)).toBe('### split-advisor: nothing to split in patch &lt;b&gt;empty&lt;/b&gt;\\.diff\n\nThe diff is empty.\n');
});

test('an unknown format names markdown among the allowed ones', async () => {
  const result = await runCliIn(makeTempDir(), ['suggest', '--patch', '-', '--format', 'html'], HOSTILE_PATCH);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/markdown/);
});
