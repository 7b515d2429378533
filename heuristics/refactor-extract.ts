/**
 * refactor-extract: a removed block reappears, unchanged but for whitespace, as the
 * body of a new function, and is replaced by a call to that function. Both the
 * replacement and the new function are refactor/extract and link to each other.
 *
 * Commit practice rule 2 (extraction is a no-op refactor for its own commit). The
 * proof is textual: the removed lines must appear as one contiguous run inside a
 * pure addition that declares the called name, with at most a header, a closing
 * line and a `return` around them; anything more is new code and not claimed.
 * The replacement is one call statement whose arguments are plain names: code
 * around the call or in its arguments is new too. The lines must not hold
 * statements bound to the function or loop they left (`return`, `break`,
 * `defer`, `yield`...), since in the new function they act on it instead.
 */
import { CommitView, Heuristic, HeuristicResult } from '../src/heuristic';
import { Change } from '../src/model';

const messages = {
  callSite: 'Extracts these lines into the new function {{name}} ({{target}}) and calls it instead.',
  definition: 'New function {{name}} holding lines extracted from {{source}}, which now calls it.',
};

/** At least this many non-blank lines must move: one-line "extractions" match by chance. */
const MIN_EXTRACTED_LINES = 2;
/** Lines a new function may have besides the extracted body: header, closing brace, a return. */
const MAX_EXTRA_LINES = 3;

const normalize = (line: string) => line.replace(/\s+/g, '');
const nonBlank = (lines: string[]) => lines.map(normalize).filter((line) => line !== '');

const IDENT = '[A-Za-z_$][\\w$]*';
/**
 * The call that replaces the lines: `helper(a, b)`, `this.helper(a)`,
 * `self.helper(a)`, with an optional `;`. Its arguments are plain names or
 * member accesses: an argument that computes something (`items.slice(1)`,
 * `n + 1`) is new code at the call site.
 */
const CALL = new RegExp(`^(?:${IDENT}\\.)?(${IDENT})\\s*\\(([\\w$.&*\\s,]*)\\)\\s*;?$`);
/** What may come before the call: `return`, or an assignment to one name (`total =`, `const total: number =`, `int sum =`, `sum :=`). */
const RESULT_USE = new RegExp(`^(?:return\\s+|(?:[\\w$<>\\[\\],.*&\\s]*[\\s*&])?(${IDENT})(?:\\s*:\\s*[\\w$<>\\[\\].|\\s]+?)?\\s*:?=\\s*)`);

/** The call a replacement makes, and what it does with the result: nothing, `return` it, or assign it to a name. */
interface CallSite {
  name: string;
  result: { kind: 'discarded' } | { kind: 'returned' } | { kind: 'assigned'; to: string };
}

/** The call a replacement makes, when it is one call statement and nothing else; null otherwise. */
function callSite(added: string[]): CallSite | null {
  const text = added.map((line) => line.trim()).filter((line) => line !== '').join(' ');
  const use = RESULT_USE.exec(text);
  const call = CALL.exec(use === null ? text : text.slice(use[0].length));
  if (call === null) return null;
  const result: CallSite['result'] = use === null ? { kind: 'discarded' } : use[1] === undefined ? { kind: 'returned' } : { kind: 'assigned', to: use[1] };
  return { name: call[1], result };
}

/**
 * Whether the lines a new function has besides the extracted body are only its
 * header (before the body: the line declaring the name, a lone `{`) and its end
 * (closing lines, `pass`, a bare `return`), and whether what it returns is what
 * the call site uses: `total = helper(...)` needs a `return total` after the
 * body, and nothing else may be returned (lines are normalized, without spaces).
 */
function onlyHeaderAndEnd(before: string[], after: string[], site: CallSite): boolean {
  if (!before.every((line) => line.includes(site.name) || line === '{')) return false;
  const returned = site.result.kind === 'assigned' ? `return${site.result.to}` : null;
  if (returned !== null && !after.some((line) => line === returned || line === `${returned};`)) return false;
  return after.every((line) => /^[)}\]];?$|^end$|^pass$|^return;?$/.test(line) || (returned !== null && (line === returned || line === `${returned};`)));
}

/**
 * Statements that act on the enclosing function, loop or scope: moved into a
 * function of their own they act on that function instead (`return` leaves
 * the helper, not the caller; `defer` runs when the helper ends; `break` has
 * no loop; `yield` makes the helper a generator; `global` rebinds in another
 * scope).
 */
const SCOPE_BOUND = new Set(['return', 'break', 'continue', 'goto', 'defer', 'yield', 'await', 'fallthrough', 'nonlocal', 'global']);

/**
 * Whether the removed lines still mean the same in a function of their own:
 * no statement bound to the enclosing function, loop or scope, except a
 * `return` starting the last line when the call site returns the result.
 */
function movableBody(commit: CommitView, call: Change, site: CallSite): boolean {
  const lines = commit.lexSide(call, 'old').lines;
  const last = lines.reduce((found, line, k) => (line.tokens.length > 0 ? k : found), -1);
  return lines.every((line, k) =>
    line.tokens.every((token, t) => {
      if (token.type !== 'word' || !SCOPE_BOUND.has(token.text)) return true;
      return token.text === 'return' && k === last && t === 0 && site.result.kind === 'returned';
    }),
  );
}

interface Extraction {
  partner: Change;
  name: string;
  role: 'call' | 'definition';
}

function indexOfRun(haystack: string[], needle: string[]): number {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let k = 0; k < needle.length; k++) if (haystack[start + k] !== needle[k]) continue outer;
    return start;
  }
  return -1;
}

const extractions = new WeakMap<CommitView, Map<string, Extraction>>();

function findExtractions(commit: CommitView): Map<string, Extraction> {
  const cached = extractions.get(commit);
  if (cached !== undefined) return cached;
  const found = new Map<string, Extraction>();
  const definitions = commit.changes.filter((change) => change.removed.length === 0 && change.added.length > 0);
  for (const call of commit.changes) {
    const body = nonBlank(call.removed);
    const replacement = nonBlank(call.added);
    if (body.length < MIN_EXTRACTED_LINES || replacement.length === 0 || replacement.length > 2) continue;
    // The replacement is the call alone: anything else on its line is new code.
    const site = callSite(call.added);
    if (site === null) continue;
    const { name } = site;
    // `return helper(...)` stands for lines that ended by returning.
    const lastRemoved = call.removed.filter((line) => line.trim() !== '').pop() ?? '';
    if (site.result.kind === 'returned' && !/^\s*return\b/.test(lastRemoved)) continue;
    if (!movableBody(commit, call, site)) continue;
    const declares = new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}\\s*(\\(|=\\s*(async\\s*)?(function|\\())`);
    const candidates = definitions.filter((definition) => !found.has(definition.id) && definition.id !== call.id && declares.test(definition.added.find((line) => line.includes(name)) ?? ''));
    const matches = candidates.filter((definition) => {
      const lines = nonBlank(definition.added);
      const at = indexOfRun(lines, body);
      if (at < 0 || lines.length - body.length > MAX_EXTRA_LINES) return false;
      return onlyHeaderAndEnd(lines.slice(0, at), lines.slice(at + body.length), site);
    });
    if (matches.length !== 1) continue;
    found.set(call.id, { partner: matches[0], name, role: 'call' });
    found.set(matches[0].id, { partner: call, name, role: 'definition' });
  }
  extractions.set(commit, found);
  return found;
}

const where = (change: Change, side: 'old' | 'new') => {
  const range = side === 'old' ? change.old : change.new;
  return range === null ? change.file : `${side === 'old' ? (change.oldFile ?? change.file) : change.file}:${range.start}`;
};

export const refactorExtract: Heuristic = {
  meta: {
    id: 'refactor-extract',
    description: 'A removed block reappears as the body of a new function, replaced by a call to it.',
    produces: ['refactor'],
    languages: 'all',
    messages,
  },
  appliesTo: (file, language) => !file.binary && !language.whitespaceAlwaysSignificant,
  classify(change, context): HeuristicResult | null {
    const extraction = findExtractions(context.commit).get(change.id);
    if (extraction === undefined) return null;
    const { partner, name } = extraction;
    return extraction.role === 'call'
      ? { kind: 'refactor', detail: 'extract', confidence: 0.7, messageId: 'callSite', data: { name, target: where(partner, 'new') }, links: [partner.id] }
      : { kind: 'refactor', detail: 'extract', confidence: 0.7, messageId: 'definition', data: { name, source: where(partner, 'old') }, links: [partner.id] };
  },
};
