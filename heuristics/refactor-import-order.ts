/**
 * refactor-import-order: the same imports, reordered or regrouped. Within one
 * file, every change that touches only import lines (and blank lines) is taken
 * together; when the imports removed equal the imports added as a multiset, they
 * are a no-op reorder.
 *
 * Commit practice rule 2 (reordering is a refactor for its own commit). Left out
 * on purpose, because their order can change the program:
 * - C and C++ `#include` (a header can depend on what an earlier one defined)
 *   and Ruby `require` (it runs the required file, which may patch classes);
 * - JavaScript side-effect imports (`import './polyfills'`);
 * - Python imports that bind the same name twice, or `import *`, where the
 *   later one wins, and `from __future__` imports, which must come first;
 * - imports moved across a line of code (`patch_all()` between two imports),
 *   so the changed lines must lie in one run of imports, blank lines and
 *   comments;
 * - lines that only look like imports: inside a string, a docstring, a template
 *   literal or a comment.
 */
import { CommitView, Heuristic, HeuristicResult } from '../src/heuristic';
import { LexedLine } from '../src/lexer';
import { Change } from '../src/model';
import { isBlankLine } from '../src/token-compare';

const messages = {
  reordered: 'Reorders or regroups the same {{count}} import(s) of {{file}}; none added or removed.',
};

/** One-line import statements by language id. */
const IMPORT_LINE: Record<string, RegExp> = {
  javascript: /^\s*(import\s.+from\s*['"][^'"]+['"]|import\s*['"][^'"]+['"]|(const|let|var)\s+[\w{}\s,:$]+=\s*require\(\s*['"][^'"]+['"]\s*\))\s*;?\s*$/,
  typescript: /^\s*(import\s.+from\s*['"][^'"]+['"]|import\s*['"][^'"]+['"]|import\s+\w+\s*=\s*require\(\s*['"][^'"]+['"]\s*\))\s*;?\s*$/,
  python: /^(import\s+[\w.]+(\s+as\s+\w+)?(\s*,\s*[\w.]+(\s+as\s+\w+)?)*|from\s+[\w.]+\s+import\s+[\w*]+(\s+as\s+\w+)?(\s*,\s*\w+(\s+as\s+\w+)?)*)\s*$/,
  go: /^\s*(import\s+)?(\w+\s+|_\s+|\.\s+)?"[^"]+"\s*$/,
  java: /^\s*import\s+(static\s+)?[\w.]+(\.\*)?\s*;\s*$/,
  kotlin: /^\s*import\s+[\w.]+(\.\*)?(\s+as\s+\w+)?\s*$/,
  rust: /^\s*(pub\s+)?use\s+[\w:{}\s,*]+;\s*$/,
  csharp: /^\s*using\s+(static\s+)?[\w.]+\s*;\s*$/,
  php: /^\s*use\s+[\w\\]+(\s+as\s+\w+)?\s*;\s*$/,
  swift: /^\s*import\s+\w+\s*$/,
};

/** An import run for its side effects only: its place among the others is its meaning. */
const SIDE_EFFECT_IMPORT = /^\s*import\s*['"]/;

const normalize = (line: string) => line.trim().replace(/\s+/g, ' ').replace(/;$/, '');

/** The names a Python import line binds (`*` for a star import). */
function pythonBindings(line: string): string[] {
  const from = /^from\s+[\w.]+\s+import\s+(.+)$/.exec(line.trim());
  const items = from !== null ? from[1] : line.trim().replace(/^import\s+/, '');
  return items.split(',').map((item) => {
    const [name, alias] = item.trim().split(/\s+as\s+/);
    return alias ?? (from !== null ? name : name.split('.')[0]);
  });
}

/** Whether every changed line of the change is code (not inside a string or comment) a lexer follows. */
function linesAreCode(commit: CommitView, change: Change): boolean {
  const language = commit.language(change.fileIndex).id;
  const sides: LexedLine[] = [...commit.lexSide(change, 'old').lines, ...commit.lexSide(change, 'new').lines];
  return sides.every((line) => isBlankLine(line) || (line.startState === null && !line.opaque && (line.tokens[0]?.type !== 'string' || language === 'go')));
}

/**
 * The lines of one side of a file from its first to its last changed line, or
 * null when they cannot be known (a pasted diff whose changes span hunks).
 */
function spanLines(commit: CommitView, changes: Change[], side: 'old' | 'new'): Array<{ text: string; lexed: LexedLine | null }> | null {
  const ranges = changes.map((change) => (side === 'old' ? change.old : change.new)).filter((range) => range !== null);
  if (ranges.length === 0) return [];
  // An insertion point (no line on this side) names the line before it.
  const first = Math.min(...ranges.map((range) => (range!.lines > 0 ? range!.start : range!.start + 1)));
  const last = Math.max(...ranges.map((range) => range!.start + Math.max(range!.lines, 1) - 1));
  if (last < first) return [];
  const fileIndex = changes[0].fileIndex;
  const text = commit.text(fileIndex, side);
  const lexed = commit.lexedFile(fileIndex, side);
  if (text !== null && lexed !== null) {
    const lines = text.split('\n');
    return lines.slice(first - 1, last).map((line, k) => ({ text: line, lexed: lexed[first - 1 + k] ?? null }));
  }
  const hunks = new Set(changes.map((change) => change.hunkIndex));
  if (hunks.size !== 1) return null;
  const hunk = commit.files[fileIndex].hunks[changes[0].hunkIndex];
  const start = side === 'old' ? hunk.oldStart : hunk.newStart;
  const sideLines = hunk.lines.filter((line) => line.type !== (side === 'old' ? '+' : '-')).map((line) => line.text);
  return sideLines.slice(first - start, last - start + 1).map((line) => ({ text: line, lexed: null }));
}

/** Whether a line between changed imports is an import, a blank line or a comment: nothing runs there. */
function isQuiet(line: { text: string; lexed: LexedLine | null }, pattern: RegExp, commentMarkers: string[]): boolean {
  if (line.text.trim() === '') return true;
  if (line.lexed !== null) {
    if (line.lexed.tokens.every((token) => token.type === 'comment')) return true;
    return line.lexed.startState === null && pattern.test(line.text);
  }
  return pattern.test(line.text) || commentMarkers.some((marker) => line.text.trim().startsWith(marker));
}

/** change id → the file's reorder facts, for files whose import-only changes balance out. */
const reorders = new WeakMap<CommitView, Map<string, number>>();

function findReorders(commit: CommitView): Map<string, number> {
  const cached = reorders.get(commit);
  if (cached !== undefined) return cached;
  const result = new Map<string, number>();
  const byFile = new Map<number, Change[]>();
  for (const change of commit.changes) {
    const pattern = IMPORT_LINE[commit.language(change.fileIndex).id];
    if (pattern === undefined || change.removed.length + change.added.length === 0) continue;
    const lines = [...change.removed, ...change.added].filter((line) => line.trim() !== '');
    if (lines.length === 0 || !lines.every((line) => pattern.test(line))) continue;
    byFile.set(change.fileIndex, [...(byFile.get(change.fileIndex) ?? []), change]);
  }
  for (const [fileIndex, changes] of byFile) {
    const language = commit.language(fileIndex);
    const pattern = IMPORT_LINE[language.id];
    const removed = changes.flatMap((change) => change.removed).filter((line) => line.trim() !== '');
    const added = changes.flatMap((change) => change.added).filter((line) => line.trim() !== '');
    const sorted = (lines: string[]) => lines.map(normalize).sort().join('\n');
    if (removed.length === 0 || sorted(removed) !== sorted(added)) continue;
    if (!changes.every((change) => linesAreCode(commit, change))) continue;
    if (removed.some((line) => SIDE_EFFECT_IMPORT.test(line))) continue;
    // `from __future__` imports must open the module: moved, the file may not compile.
    if (language.id === 'python' && removed.some((line) => /^from\s+__future__\s/.test(line))) continue;
    // The moved imports stay within one run of imports: no code runs between their old and new places.
    const oldSpan = spanLines(commit, changes, 'old');
    const newSpan = spanLines(commit, changes, 'new');
    if (oldSpan === null || newSpan === null) continue;
    if (![...oldSpan, ...newSpan].every((line) => isQuiet(line, pattern, language.lineComments))) continue;
    if (language.id === 'python') {
      const bindings = oldSpan.filter((line) => pattern.test(line.text)).flatMap((line) => pythonBindings(line.text));
      if (bindings.includes('*') || new Set(bindings).size !== bindings.length) continue;
    }
    for (const change of changes) result.set(change.id, removed.length);
  }
  reorders.set(commit, result);
  return result;
}

export const refactorImportOrder: Heuristic = {
  meta: {
    id: 'refactor-import-order',
    description: 'The same imports of a file reordered or regrouped within one run of imports, none added or removed (not C/C++ includes or Ruby requires, whose order can matter).',
    produces: ['refactor'],
    languages: Object.keys(IMPORT_LINE),
    messages,
  },
  appliesTo: (file, language) => !file.binary && IMPORT_LINE[language.id] !== undefined,
  classify(change, context): HeuristicResult | null {
    const count = findReorders(context.commit).get(change.id);
    if (count === undefined) return null;
    const links = context.commit.changes.filter((other) => other.id !== change.id && other.fileIndex === change.fileIndex && findReorders(context.commit).has(other.id)).map((other) => other.id);
    return { kind: 'refactor', detail: 'import-order', confidence: 0.85, messageId: 'reordered', data: { count, file: change.file }, links };
  },
};
