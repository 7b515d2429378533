/**
 * format-markdown: a Markdown edit that renders to the same HTML — a re-wrapped
 * paragraph, `*` list markers turned into `-`, `*em*` into `_em_`, trailing
 * blanks that make no line break, blank lines between blocks. The proof is a
 * real CommonMark parser (markdown-it, src/syntax/markdown.ts): the old file and
 * the old file with only this change applied render to identical HTML, and so
 * do the new file and the new file with only this change reverted. Changes
 * that fail alone are tried together (all of a file's, as one group): edits
 * that only work in pairs, such as both fences of a code block, are then
 * proven as a group and linked, so the series keeps them in one commit.
 *
 * Whitespace is meaning in Markdown (two trailing spaces are a `<br>`, four
 * spaces of indentation a code block, a blank line ends a list), so nothing
 * weaker than a render is trusted, and the render is compared exactly, except
 * that a soft line break counts as a space in running text (see
 * src/syntax/markdown.ts). The kind is `formatting`, never `whitespace`: the
 * README's `whitespace` means "the token stream is identical", which Markdown
 * has no notion of; here the renderer says the two texts are equivalent, which
 * is what `formatting` means.
 *
 * Not claimed (null, so docs-file calls the change docs):
 * - a pasted diff: the text above a hunk is unknown (an open code fence, a list
 *   the lines belong to, a link definition), so no render can be trusted;
 * - a change whose letters or digits differ (list numbers aside): it cannot be
 *   a re-layout, and skipping it saves a render;
 * - a change touching a `$`: GitHub renders `$…$` and `$$` as math, where
 *   markdown-it sees text and emphasis (`$*a*$` and `$_a_$` differ on GitHub);
 * - a file over MAX_MARKDOWN_CHARACTERS on either side, or with more than
 *   MAX_CANDIDATES_PER_FILE candidate changes: each candidate costs two renders
 *   of the whole file;
 * - a change to front matter (a `---` or `+++` block opening the file): that is
 *   YAML or TOML, not Markdown, so the block must be byte-identical and only
 *   the rest is rendered.
 *
 * Limitations: markdown-it is CommonMark with GFM tables and strikethrough, and
 * GitHub renders with cmark-gfm; they can differ on table edge cases, and
 * markdown-it knows no footnotes, task lists, alerts or math (where those are
 * edited, their text changes, and text changes are never claimed). A change
 * is judged alone, or in the one group of all that failed alone, against the
 * old file and the new one, not against every order the commit's changes could
 * land in; a group with one real edit in it proves nothing.
 * `check` reads no full text for documentation files, so there Markdown stays docs.
 */
import { CommitView, Heuristic, HeuristicResult, perCommitFile } from '../src/heuristic';
import { Change } from '../src/model';
import { applyChanges } from '../src/prefix-check';
import { renderMarkdown } from '../src/syntax/markdown';

const messages = {
  rendersSame: 'Markdown layout only ({{details}}): with only this change applied, the file renders to the same HTML.',
  rendersSameTogether: 'Markdown layout only ({{details}}), together with {{others}} other change(s) of this file it must stay with: alone it changes the HTML, with them the file renders the same.',
};

/** Markdown by extension; `.rst` and `.adoc` share the language entry but not the syntax. */
const MARKDOWN_FILE = /\.(?:md|markdown)$/i;

/** Larger files are not rendered: each render reads the whole file. */
export const MAX_MARKDOWN_CHARACTERS = 512 * 1024;
/** More candidate changes in one file than this and none of them is rendered: each costs two whole-file renders. */
export const MAX_CANDIDATES_PER_FILE = 16;

/** An ordered list item's number, which may change (`1.` `1.` → `1.` `2.`) without changing the list. */
const LIST_NUMBER = /^([ \t>]*)\d{1,9}(?=[.)](?:[ \t]|$))/;

/** The letters and digits of a side, list numbers left out: a re-layout keeps them all, in order. */
function wordCharacters(lines: string[]): string {
  return lines.map((line) => line.replace(LIST_NUMBER, '$1').replace(/[^\p{L}\p{N}]+/gu, '')).join('');
}

/** Cheap test a change must pass before anything is rendered. */
function isCandidate(change: Change): boolean {
  if (change.old === null || (change.removed.length === 0 && change.added.length === 0)) return false;
  if ([...change.removed, ...change.added].some((line) => line.includes('$'))) return false;
  return wordCharacters(change.removed) === wordCharacters(change.added);
}

/** A front matter block at the top of the file (YAML between `---` lines, TOML between `+++`), and the Markdown after it. */
function splitFrontMatter(text: string): { frontMatter: string; body: string } {
  const opener = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (opener === null) return { frontMatter: '', body: text };
  const closer = opener[1] === '---' ? /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm : /^\+\+\+[ \t]*(?:\r?\n|$)/gm;
  closer.lastIndex = opener[0].length;
  const close = closer.exec(text);
  if (close === null) return { frontMatter: '', body: text };
  const end = close.index + close[0].length;
  return { frontMatter: text.slice(0, end), body: text.slice(end) };
}

/** What a reader sees of a Markdown file: its front matter verbatim and the HTML of the rest; null when the parser cannot see all of it. */
function rendered(text: string): string | null {
  const { frontMatter, body } = splitFrontMatter(text);
  const html = renderMarkdown(body);
  // The HTML holds no NUL (markdown-it replaces it), so the pair is unambiguous.
  return html === null ? null : `${frontMatter}\0${html}`;
}

/** The change with its sides swapped: applied to the new file, it reverts the change. */
function inverse(change: Change): Change {
  return { ...change, old: change.new, removed: change.added, added: change.removed };
}

/** The changes of one file proven to render the same, each with the changes it was proven together with. */
type Proofs = Map<string, string[]>;

/**
 * Proves what can be proven of one file's candidate changes, all at once so the
 * answer does not depend on the order changes are asked about. Each candidate
 * alone first; then those that failed, together, for edits that only work in
 * pairs (a list's markers where items span lines, both fences of a code block):
 * the group is linked, so it lands in one commit.
 */
function proveFile(commit: CommitView, fileIndex: number): Proofs {
  const proofs: Proofs = new Map();
  const file = commit.files[fileIndex];
  // A file that appears or disappears is not a re-layout, even if it renders to nothing.
  if (file.oldPath === null || file.newPath === null) return proofs;
  const oldText = commit.text(fileIndex, 'old');
  const newText = commit.text(fileIndex, 'new');
  if (oldText === null || newText === null) return proofs;
  const candidates = commit.changes.filter((change) => change.fileIndex === fileIndex && change.new !== null && isCandidate(change));
  // Over the size or candidate limit: no claim (no reason either: docs-file takes it).
  if (candidates.length === 0 || candidates.length > MAX_CANDIDATES_PER_FILE) return proofs;
  if (oldText.length > MAX_MARKDOWN_CHARACTERS || newText.length > MAX_MARKDOWN_CHARACTERS) return proofs;
  const oldView = rendered(oldText);
  const newView = rendered(newText);
  if (oldView === null || newView === null) return proofs;
  // Both ways: the changes alone on the old file, and the new file without them. The
  // second catches an edit that is inert alone but not beside the commit's other
  // changes (trailing spaces at a paragraph's end, before a line added below them).
  // When the changes are the whole commit, the two sides' renders decide.
  const rendersAsBefore = (changes: Change[]): boolean => {
    const applied = applyChanges(oldText, changes);
    if (applied === null || (applied === newText ? newView : rendered(applied)) !== oldView) return false;
    const reverted = applyChanges(newText, changes.map(inverse));
    return reverted !== null && (reverted === oldText ? oldView : rendered(reverted)) === newView;
  };
  const unproven: Change[] = [];
  for (const change of candidates) {
    if (rendersAsBefore([change])) proofs.set(change.id, []);
    else unproven.push(change);
  }
  if (unproven.length >= 2 && rendersAsBefore(unproven)) {
    for (const change of unproven) proofs.set(change.id, unproven.filter((other) => other !== change).map((other) => other.id));
  }
  return proofs;
}

const proofsOf = perCommitFile(proveFile);

const same = (a: string[], b: string[]) => a.length === b.length && a.every((line, k) => line === b[k]);
const nonBlank = (lines: string[], shape: (line: string) => string) => lines.filter((line) => line.trim() !== '').map(shape);
const squeezed = (lines: string[], shape: (line: string) => string = (line) => line) => lines.map(shape).join('').replace(/\s+/g, '');

/** Names what the edit did, for the verdict's detail: the first description that explains it. */
function describeEdit(removed: string[], added: string[]): string {
  if (squeezed(removed) === squeezed(added)) {
    const withoutCarriageReturns = (lines: string[]) => lines.map((line) => line.replace(/\r$/, ''));
    if (same(withoutCarriageReturns(removed), withoutCarriageReturns(added))) return 'line-endings';
    if (same(nonBlank(removed, (line) => line), nonBlank(added, (line) => line))) return 'blank-lines';
    if (same(nonBlank(removed, (line) => line.trimEnd()), nonBlank(added, (line) => line.trimEnd()))) return 'trailing-whitespace';
    if (same(nonBlank(removed, (line) => line.trim()), nonBlank(added, (line) => line.trim()))) return 'indentation';
    const withoutSpaces = (line: string) => line.replace(/\s+/g, '');
    if (same(nonBlank(removed, withoutSpaces), nonBlank(added, withoutSpaces))) return 'spacing';
    return 'line-wrapping';
  }
  const listMarkers = (line: string) => line.replace(/^([ \t>]*)(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$)/, '$1•');
  if (squeezed(removed, listMarkers) === squeezed(added, listMarkers)) return 'list-marker';
  const emphasis = (line: string) => line.replace(/_/g, '*');
  if (squeezed(removed, emphasis) === squeezed(added, emphasis)) return 'emphasis-style';
  const fences = (line: string) => line.replace(/^([ \t>]*)(?:`{3,}|~{3,})/, '$1```');
  if (squeezed(removed, fences) === squeezed(added, fences)) return 'code-fence';
  const headingMarks = (line: string) => line.replace(/^[ \t]*#{1,6}(?=[ \t]|$)|[ \t]#+[ \t]*$|^[ \t]*(?:=+|-+)[ \t]*$/g, '');
  if (squeezed(removed, headingMarks) === squeezed(added, headingMarks)) return 'heading-style';
  return 'markdown-render';
}

export const formatMarkdown: Heuristic = {
  meta: {
    id: 'format-markdown',
    description: 'A Markdown edit after which the file renders to the same HTML (CommonMark, markdown-it).',
    produces: ['formatting'],
    languages: ['markdown'],
    messages,
  },
  appliesTo: (file) => !file.binary && MARKDOWN_FILE.test((file.newPath ?? file.oldPath)?.text ?? ''),
  classify(change, context): HeuristicResult | null {
    if (context.diffOnly || !isCandidate(change)) return null;
    const links = proofsOf(context.commit, change.fileIndex).get(change.id);
    if (links === undefined) return null;
    const detail = describeEdit(change.removed, change.added);
    const details = detail.replace(/-/g, ' ');
    if (links.length === 0) return { kind: 'formatting', detail, confidence: 0.9, messageId: 'rendersSame', data: { details } };
    return { kind: 'formatting', detail, confidence: 0.85, messageId: 'rendersSameTogether', data: { details, others: links.length }, links };
  },
};
