/**
 * refactor-import-order: the same imports, reordered or regrouped. Within one
 * file, every change that touches only import lines (and blank lines) is taken
 * together; when the imports removed equal the imports added as a multiset, they
 * are a no-op reorder.
 *
 * Commit practice rule 2 (reordering is a refactor for its own commit). C and C++
 * `#include` order is left out on purpose: headers can depend on what an earlier
 * header defined, so their order can change the program.
 */
import { CommitView, Heuristic, HeuristicResult } from '../src/heuristic';

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
  ruby: /^\s*require(_relative)?\s*\(?\s*['"][^'"]+['"]\s*\)?\s*$/,
  php: /^\s*use\s+[\w\\]+(\s+as\s+\w+)?\s*;\s*$/,
  swift: /^\s*import\s+\w+\s*$/,
};

const normalize = (line: string) => line.trim().replace(/\s+/g, ' ').replace(/;$/, '');

/** change id → the file's reorder facts, for files whose import-only changes balance out. */
const reorders = new WeakMap<CommitView, Map<string, number>>();

function findReorders(commit: CommitView): Map<string, number> {
  const cached = reorders.get(commit);
  if (cached !== undefined) return cached;
  const result = new Map<string, number>();
  const byFile = new Map<number, string[]>();
  for (const change of commit.changes) {
    const pattern = IMPORT_LINE[commit.language(change.fileIndex).id];
    if (pattern === undefined || change.removed.length + change.added.length === 0) continue;
    const lines = [...change.removed, ...change.added].filter((line) => line.trim() !== '');
    if (lines.length === 0 || !lines.every((line) => pattern.test(line))) continue;
    byFile.set(change.fileIndex, [...(byFile.get(change.fileIndex) ?? []), change.id]);
  }
  for (const [, ids] of byFile) {
    const changes = commit.changes.filter((change) => ids.includes(change.id));
    const removed = changes.flatMap((change) => change.removed).filter((line) => line.trim() !== '').map(normalize).sort();
    const added = changes.flatMap((change) => change.added).filter((line) => line.trim() !== '').map(normalize).sort();
    if (removed.length === 0 || removed.join('\n') !== added.join('\n')) continue;
    for (const id of ids) result.set(id, removed.length);
  }
  reorders.set(commit, result);
  return result;
}

export const refactorImportOrder: Heuristic = {
  meta: {
    id: 'refactor-import-order',
    description: 'The same imports of a file reordered or regrouped, none added or removed (not C/C++ includes, whose order can matter).',
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
