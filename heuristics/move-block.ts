/**
 * move-block: a block removed in one place and added, identical once whitespace
 * is ignored (so also when re-indented), in another place of the same file or of
 * another file, as `git diff --color-moved --color-moved-ws=ignore-all-space`
 * shows. Both halves get kind `move` and link to each other, so the series keeps
 * them in one commit.
 *
 * Commit practice rule 2 (a move is a no-op refactor in a commit of its own), and
 * "never call a change no-op when it is not": moving statements inside a function
 * changes the order they run in, so a move must be whole declarations (functions,
 * classes, methods) on both sides. Declarations come from the real parsers; a
 * language without one needs a block that starts like a declaration.
 */
import { CommitView, Heuristic, HeuristicResult } from '../src/heuristic';
import { Change } from '../src/model';
import { Declaration } from '../src/syntax/types';

const messages = {
  movedTo: 'Moved to {{target}}{{reindented}}; the lines are identical otherwise.',
  movedFrom: 'Moved from {{source}}{{reindented}}; the lines are identical otherwise.',
};

/** A block shorter than this (in characters without whitespace) matches by coincidence too often. */
const MIN_MOVED_CHARACTERS = 40;
const DECLARATION_START = /^\s*(export\s+)?(default\s+)?(pub(\([^)]*\))?\s+)?(public|private|protected|internal|static|async|inline|extern|virtual|override|final|abstract|unsafe|const)?\s*(def|class|func|function|fn|struct|enum|interface|trait|impl|type|module|sub|proc|void|int|char|bool|static|template)\b/;

interface Move {
  partner: Change;
  reindented: boolean;
}

const normalizedLines = (lines: string[]) => lines.map((line) => line.replace(/\s+/g, '')).filter((line) => line !== '');

function describe(change: Change, side: 'old' | 'new'): string {
  const range = side === 'old' ? change.old : change.new;
  const file = side === 'old' ? (change.oldFile ?? change.file) : change.file;
  if (range === null) return file;
  return `${file}:${range.start}${range.lines > 1 ? `-${range.start + range.lines - 1}` : ''}`;
}

/** The non-blank line span of a change's side, 1-based inclusive. */
function span(lines: string[], start: number): { first: number; last: number } {
  let first = 0;
  while (first < lines.length && lines[first].trim() === '') first++;
  let last = lines.length - 1;
  while (last >= 0 && lines[last].trim() === '') last--;
  return { first: start + first, last: start + last };
}

/** Whether lines first..last of one file version are exactly whole declarations. */
function coversWholeDeclarations(declarations: Declaration[], first: number, last: number): boolean {
  const inside = declarations.filter((declaration) => declaration.startLine >= first && declaration.endLine <= last);
  if (inside.length === 0) return false;
  // Outermost declarations must tile the span (blank lines and comments between them are fine).
  const outer = inside.filter((declaration) => !inside.some((other) => other !== declaration && other.startLine <= declaration.startLine && other.endLine >= declaration.endLine));
  const crossing = declarations.some((declaration) => (declaration.startLine < first && declaration.endLine >= first && declaration.endLine < last) || (declaration.startLine > first && declaration.startLine <= last && declaration.endLine > last));
  return !crossing && Math.min(...outer.map((d) => d.startLine)) <= first + 2 && Math.max(...outer.map((d) => d.endLine)) >= last;
}

function isDeclarationBlock(commit: CommitView, change: Change, side: 'old' | 'new'): boolean {
  const lines = side === 'old' ? change.removed : change.added;
  const range = side === 'old' ? change.old : change.new;
  if (range === null) return false;
  const syntax = commit.syntax(change.fileIndex, side);
  if (syntax !== null && syntax.declarations.length > 0) {
    const { first, last } = span(lines, range.start);
    return coversWholeDeclarations(syntax.declarations, first, last);
  }
  // No parser: the block must start like a declaration and end back at its indentation.
  const nonBlank = lines.filter((line) => line.trim() !== '');
  if (nonBlank.length < 3 || !DECLARATION_START.test(nonBlank[0])) return false;
  const indent = (line: string) => /^\s*/.exec(line)![0].length;
  return indent(nonBlank[nonBlank.length - 1]) <= indent(nonBlank[0]) && nonBlank.slice(1, -1).every((line) => indent(line) >= indent(nonBlank[0]));
}

const moves = new WeakMap<CommitView, Map<string, Move>>();

/** Finds every move in the commit once: pure removals matched to pure additions with the same lines. */
function findMoves(commit: CommitView): Map<string, Move> {
  const cached = moves.get(commit);
  if (cached !== undefined) return cached;
  const found = new Map<string, Move>();
  const additions = new Map<string, Change[]>();
  for (const change of commit.changes) {
    if (change.removed.length > 0 || change.added.length === 0) continue;
    const key = normalizedLines(change.added).join('\n');
    if (key.length < MIN_MOVED_CHARACTERS) continue;
    additions.set(key, [...(additions.get(key) ?? []), change]);
  }
  const removalsByKey = new Map<string, Change[]>();
  for (const change of commit.changes) {
    if (change.added.length > 0 || change.removed.length === 0) continue;
    const key = normalizedLines(change.removed).join('\n');
    if (key.length < MIN_MOVED_CHARACTERS) continue;
    removalsByKey.set(key, [...(removalsByKey.get(key) ?? []), change]);
  }
  for (const [key, removals] of removalsByKey) {
    const targets = additions.get(key);
    // Ambiguous (the same block removed or added twice): no claim.
    if (targets === undefined || targets.length !== 1 || removals.length !== 1) continue;
    const [removal] = removals;
    const [addition] = targets;
    if (!isDeclarationBlock(commit, removal, 'old') || !isDeclarationBlock(commit, addition, 'new')) continue;
    const reindented = removal.removed.filter((line) => line.trim() !== '').join('\n') !== addition.added.filter((line) => line.trim() !== '').join('\n');
    found.set(removal.id, { partner: addition, reindented });
    found.set(addition.id, { partner: removal, reindented });
  }
  moves.set(commit, found);
  return found;
}

export const moveBlock: Heuristic = {
  meta: {
    id: 'move-block',
    description: 'Whole declarations removed in one place and added unchanged (whitespace aside) in another, in the same file or another.',
    produces: ['move'],
    languages: 'all',
    messages,
  },
  appliesTo: (file) => !file.binary,
  classify(change, context): HeuristicResult | null {
    if (change.removed.length > 0 === change.added.length > 0) return null;
    const move = findMoves(context.commit).get(change.id);
    if (move === undefined) return null;
    const partner = move.partner;
    const sameFile = partner.fileIndex === change.fileIndex;
    const reindented = move.reindented ? ', re-indented' : '';
    const result: HeuristicResult =
      change.removed.length > 0
        ? { kind: 'move', detail: sameFile ? 'same-file' : 'cross-file', confidence: 0.85, messageId: 'movedTo', data: { target: describe(partner, 'new'), reindented } }
        : { kind: 'move', detail: sameFile ? 'same-file' : 'cross-file', confidence: 0.85, messageId: 'movedFrom', data: { source: describe(partner, 'old'), reindented } };
    return { ...result, links: [partner.id] };
  },
};
