/**
 * refactor-rename: an identifier renamed consistently. Every candidate change's
 * token stream equals its other side under one mapping of identifiers, the same
 * bijective mapping across the whole commit (`hard_reboot → _hard_reboot`).
 *
 * Commit practice rule 2 (a rename is a no-op refactor in its own commit), and the
 * traps that make a rename not a no-op, each refused:
 * - the mapping is not one-to-one across the commit (a → b here, a → c there);
 * - the old name still appears in a file of the commit after the change (a partial
 *   rename: the rest now means something else, or nothing);
 * - the new name already appears in a file of the commit before the change (a
 *   collision: the renamed uses now reach another declaration);
 * - a keyword, string or number changed, or the layout changed meaning;
 * - a renamed name is used both as a plain name and after `.`/`->`/`::` (a local
 *   `mode` and a field `args.mode` are different things that share a name);
 * - a renamed name is a key, not a reference: a keyword argument or parameter
 *   default (`f(mode=mode)`), an object key or shorthand property (`{ mode }`,
 *   `{ mode: x }`), a destructured property, a named argument;
 * - a string in a touched file still holds the old name (`getattr(m,
 *   "hard_reboot")`, `__all__`), which the rename leaves behind;
 * - the old or new name is one the language or a test runner calls by name
 *   (`__len__`, `test_*`, Go `init` and `TestX`, `toString`, `main`), or the
 *   declaration overrides or is overridden (`override`, `virtual`, `@Override`).
 */
import { CommitView, Heuristic, HeuristicResult, stringsMayHide } from '../src/heuristic';
import { LexedLine, Token } from '../src/lexer';
import { Change } from '../src/model';
import { compareLayout, sameToken } from '../src/token-compare';

const messages = {
  rename: 'Renames {{mapping}} consistently ({{sites}} site(s) in {{files}} file(s)); no other token changes.',
};

/** Words that are never identifiers in the languages the advisor knows (a conservative union). */
const KEYWORDS = new Set(
  (
    'if else elif for while do switch case default break continue return goto try catch finally throw throws raise except ' +
    'def class function func fn var let const val mut static public private protected internal final abstract virtual override ' +
    'import from export as package module use require include namespace struct enum union interface trait impl type typedef ' +
    'new delete this self super null nil None true false True False and or not in is instanceof typeof void async await yield ' +
    'lambda with pass global nonlocal assert del print int long short char float double bool boolean string auto unsigned signed ' +
    'extern register volatile inline sizeof end then begin unless until loop match where pub crate mod go defer chan map select ' +
    'range fallthrough local elseif echo fi esac done readonly declare'
  ).split(' '),
);

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function isIdentifier(token: Token): boolean {
  if (token.identifier === true) return IDENTIFIER.test(token.text);
  return token.type === 'word' && IDENTIFIER.test(token.text) && !KEYWORDS.has(token.text);
}

interface Candidate {
  change: Change;
  pairs: Map<string, string>;
}

interface RenameFacts {
  /** change id → the mapping entries it applies. */
  sites: Map<string, Array<[string, string]>>;
  /** old name → every change applying it. */
  byName: Map<string, string[]>;
  /** old name → changes of comments only that apply it (a doc comment on a line of its own). */
  comments: Map<string, string[]>;
}

const flat = (lines: LexedLine[]) => lines.flatMap((line) => line.tokens).filter((token) => token.type !== 'comment');

/** The identifier pairs that turn one side into the other, or null when anything else differs. */
function pairsOf(commit: CommitView, change: Change): Map<string, string> | null {
  const before = flat(commit.lexSide(change, 'old').lines);
  const after = flat(commit.lexSide(change, 'new').lines);
  if (before.length !== after.length || before.length === 0) return null;
  const pairs = new Map<string, string>();
  for (let k = 0; k < before.length; k++) {
    const a = before[k];
    const b = after[k];
    if (a.text === b.text && a.type === b.type) {
      if (isIdentifier(a)) {
        if (pairs.has(a.text) && pairs.get(a.text) !== a.text) return null;
        pairs.set(a.text, a.text);
      }
      continue;
    }
    if (!isIdentifier(a) || !isIdentifier(b)) return null;
    if (pairs.has(a.text) && pairs.get(a.text) !== b.text) return null;
    pairs.set(a.text, b.text);
  }
  return pairs;
}

/**
 * Whether a name is an identifier-like word of some touched file's old or new
 * text (whole files when known, else the diff's lines). A file whose text does
 * not hold the name at all is not lexed: most names occur nowhere else, and
 * lexing every touched file whole cost more than the rest of the heuristic.
 */
function nameLookup(commit: CommitView, fileIndexes: Set<number>, side: 'old' | 'new'): (name: string) => boolean {
  const perFile = new Map<number, Set<string>>();
  const namesOf = (fileIndex: number): Set<string> => {
    let names = perFile.get(fileIndex);
    if (names !== undefined) return names;
    names = new Set<string>();
    perFile.set(fileIndex, names);
    const lexed = commit.lexedFile(fileIndex, side);
    if (lexed !== null) {
      for (const line of lexed) for (const token of line.tokens) if (isIdentifier(token)) names.add(token.text);
      return names;
    }
    for (const hunk of commit.files[fileIndex].hunks) {
      for (const line of hunk.lines) {
        if (line.type === (side === 'old' ? '+' : '-')) continue;
        for (const word of line.text.match(/[A-Za-z_$][\w$]*/g) ?? []) names.add(word);
      }
    }
    return names;
  };
  return (name) => {
    for (const fileIndex of fileIndexes) {
      const text = commit.text(fileIndex, side);
      if (text !== null && !text.includes(name)) continue;
      if (namesOf(fileIndex).has(name)) return true;
    }
    return false;
  };
}

/**
 * Rewrites every whole-word occurrence of a renamed name in a text (a comment)
 * to its new name, all at once (a swap `a ↔ b` stays a swap). A comment that
 * changed in any other way still differs afterwards, and the site is no rename.
 */
function wordRenamer(renamed: Array<[string, string]>): (text: string) => string {
  const mapping = new Map(renamed);
  const escaped = renamed.map(([a]) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const word = new RegExp(`(?<![\\w$])(?:${escaped.join('|')})(?![\\w$])`, 'g');
  return (text) => (renamed.length === 0 ? text : text.replace(word, (name) => mapping.get(name) ?? name));
}

const DECLARING = new Set(['def', 'class', 'function', 'func', 'fn', 'let', 'const', 'var', 'val', 'struct', 'type', 'interface', 'enum', 'trait', 'module', 'sub', 'local', 'mut']);

/**
 * Old names whose declaration is among the renamed sites. Without it, swapping a
 * call from one existing function to another (`min` → `max`) would look like a
 * rename; a rename renames the declaration too.
 */
function declaredNames(commit: CommitView, candidates: Candidate[]): Set<string> {
  const names = new Set<string>();
  for (const { change } of candidates) {
    const syntax = commit.syntax(change.fileIndex, 'old');
    if (syntax !== null && change.old !== null) {
      const last = change.old.start + change.old.lines - 1;
      for (const declaration of syntax.declarations) {
        if (declaration.startLine <= last && declaration.headerEndLine >= change.old.start) names.add(declaration.name);
      }
    }
    const tokens = flat(commit.lexSide(change, 'old').lines);
    tokens.forEach((token, k) => {
      if (!isIdentifier(token)) return;
      const previous = tokens[k - 1];
      const next = tokens[k + 1];
      const afterKeyword = previous !== undefined && DECLARING.has(previous.text);
      // Go's `x := ...` declares as well (one token from a parser, two from the lexer).
      const shortDeclaration = next !== undefined && (next.text === ':=' || (next.text === ':' && tokens[k + 2]?.text === '=' && tokens[k + 2]?.spaceBefore === ''));
      const assigned = next !== undefined && ((next.text === '=' && tokens[k + 2]?.text !== '=') || shortDeclaration) && (previous === undefined || previous.text !== '.');
      const typedParameter = next !== undefined && next.text === ':' && previous !== undefined && (previous.text === '(' || previous.text === ',');
      if (afterKeyword || assigned || typedParameter) names.add(token.text);
    });
  }
  return names;
}

/** How a renamed name is used at its sites. */
interface Usage {
  /** After `.`, `?.`, `->` or `::`: a member of something else. */
  member: number;
  /** A plain name (a variable, a function, a type). */
  plain: number;
  /** A key, not a reference: keyword argument, object key, shorthand property, named argument. */
  key: number;
}

/** Words after which a name is declared as a function or method: compatible with member and plain uses. */
const FUNCTION_DECLARING = new Set(['def', 'function', 'func', 'fn', 'sub', 'proc']);

/** Where a token sits: the bracket around it and the token before it, from the whole file when known. */
interface Place {
  /** The enclosing open bracket's text, or null at the top level or when the change does not show it. */
  opener: string | null;
  /** The token before that bracket. */
  before: Token | undefined;
  /** The code token before this one (in the file, when known). */
  previous: Token | undefined;
  /** Lexed from the file's start, so `opener: null` means the top level. */
  known: boolean;
}

const JS_LIKE = new Set(['javascript', 'typescript']);
/** JavaScript tokens after which `{` opens an object literal or pattern, not a block. */
const JS_OBJECT_BEFORE = new Set(['=', '(', ',', ':', '[', '?', 'return', 'const', 'let', 'var', 'yield', 'await']);

/**
 * For each token of one side of a change, where it sits: from the whole file
 * when the side was lexed with it (the lexed lines are the file's own), else
 * from the change's tokens alone.
 */
/** Places of a whole file's tokens, computed once per file version (a large commit asks per change). */
const filePlaces = new WeakMap<LexedLine[], { lines: Set<LexedLine>; places: Map<Token, Place> }>();

function placesOf(commit: CommitView, change: Change, side: 'old' | 'new'): Map<Token, Place> {
  const lexed = commit.lexSide(change, side);
  const file = commit.lexedFile(change.fileIndex, side);
  if (lexed.wholeFile && file !== null && lexed.lines.length > 0) {
    let cached = filePlaces.get(file);
    if (cached === undefined) {
      cached = { lines: new Set(file), places: walkPlaces(file, true) };
      filePlaces.set(file, cached);
    }
    if (cached.lines.has(lexed.lines[0])) return cached.places;
  }
  return walkPlaces(lexed.lines, false);
}

/** Each token's enclosing bracket and previous token, walking the lines in order. */
function walkPlaces(lines: LexedLine[], known: boolean): Map<Token, Place> {
  const result = new Map<Token, Place>();
  const stack: Array<{ opener: string; before: Token | undefined }> = [];
  let previous: Token | undefined;
  for (const line of lines) {
    for (const token of line.tokens) {
      if (token.type === 'comment') continue;
      const top = stack[stack.length - 1];
      result.set(token, { opener: top?.opener ?? null, before: top?.before, previous, known });
      if (token.type === 'punct' && '([{'.includes(token.text)) stack.push({ opener: token.text, before: previous });
      if (token.type === 'punct' && ')]}'.includes(token.text)) stack.pop();
      previous = token;
    }
  }
  return result;
}

const isPunct = (candidate: Token | undefined, text: string) => candidate !== undefined && candidate.type === 'punct' && candidate.text === text;

/**
 * Whether the name at `k` is a key rather than a reference to the renamed
 * declaration: a keyword argument or parameter default in Python, an object key,
 * shorthand property or destructured property in JavaScript, a named argument or
 * literal field key elsewhere.
 */
function isKey(language: string, tokens: Token[], k: number, place: Place): boolean {
  const { previous, opener } = place;
  const next = tokens[k + 1];
  const next2 = tokens[k + 2];
  const listStart = isPunct(previous, '(') || isPunct(previous, '{') || isPunct(previous, ',');
  // Not `::` (a path) nor Go's `:=` (a declaration).
  const colon = isPunct(next, ':') && !isPunct(next2, ':') && !(isPunct(next2, '=') && next2!.spaceBefore === '');
  const assign = isPunct(next, '=') && !isPunct(next2, '=');
  if (language === 'python') return assign && opener === '(' && (isPunct(previous, '(') || isPunct(previous, ','));
  if (JS_LIKE.has(language)) {
    if (!place.known && opener === null) return (previous === undefined || listStart) && (next === undefined || colon || isPunct(next, ',') || isPunct(next, '}'));
    const before = place.before;
    const specifiers = opener === '{' && before !== undefined && (before.text === 'import' || before.text === 'export');
    if (specifiers) return false;
    // `{ mode: x }`, a class field or a type member `mode: string`.
    if (colon && opener !== '(' && opener !== '[' && (isPunct(previous, '{') || isPunct(previous, ',') || previous?.text === ';')) return true;
    const objectish = opener === '{' && before !== undefined && JS_OBJECT_BEFORE.has(before.text);
    return objectish && listStart && (isPunct(next, ',') || isPunct(next, '}') || assign);
  }
  // Rust and Go parameters `(x: T)` / `(x T)` are not keys; elsewhere `f(x: 1)` is a named argument.
  if (colon && listStart) return !(language === 'rust' && opener === '(');
  return assign && opener === '(' && (isPunct(previous, '(') || isPunct(previous, ','));
}

/** Classifies the old-side uses of every renamed name over the candidate sites. */
function usagesOf(commit: CommitView, candidates: Candidate[]): Map<string, Usage> {
  const usages = new Map<string, Usage>();
  for (const { change, pairs } of candidates) {
    const language = commit.language(change.fileIndex).id;
    const tokens = flat(commit.lexSide(change, 'old').lines);
    const places = placesOf(commit, change, 'old');
    tokens.forEach((token, k) => {
      if (!isIdentifier(token) || !pairs.has(token.text) || pairs.get(token.text) === token.text) return;
      const usage = usages.get(token.text) ?? { member: 0, plain: 0, key: 0 };
      usages.set(token.text, usage);
      const place = places.get(token) ?? { opener: null, before: undefined, previous: tokens[k - 1], known: false };
      const previous = place.previous;
      const previous2 = tokens[k - 2];
      const glued = previous !== undefined && previous.spaceBefore === '';
      const spread = isPunct(previous, '.') && isPunct(previous2, '.');
      // Real parsers give `->`, `::` and `?.` as one token, the table lexer as two.
      const member =
        (isPunct(previous, '.') && !spread) ||
        ['->', '::', '?.'].some((operator) => isPunct(previous, operator)) ||
        (isPunct(previous, '>') && isPunct(previous2, '-') && glued) ||
        (isPunct(previous, ':') && isPunct(previous2, ':') && glued);
      if (member) usage.member++;
      else if (previous !== undefined && FUNCTION_DECLARING.has(previous.text)) return;
      else if (language === 'go' && isGoMethodName(tokens, k)) return;
      else if (isKey(language, tokens, k, place)) usage.key++;
      else usage.plain++;
    });
  }
  return usages;
}

/** `func (q *Queue) Retry(`: the name after a Go method's receiver declares the method (called as `q.Retry`). */
function isGoMethodName(tokens: Token[], k: number): boolean {
  if (!isPunct(tokens[k - 1], ')')) return false;
  let depth = 0;
  for (let j = k - 1; j >= 0; j--) {
    if (isPunct(tokens[j], ')')) depth++;
    else if (isPunct(tokens[j], '(') && --depth === 0) return tokens[j - 1]?.text === 'func';
  }
  return false;
}

/** Whether a string literal of the new side of a touched file names `name` (exactly, or as the last part of a dotted path). */
function namedInStrings(commit: CommitView, fileIndexes: Set<number>, names: Set<string>): Set<string> {
  const found = new Set<string>();
  const check = (text: string) => {
    const body = text.replace(/^[A-Za-z]*(['"`])/, '').replace(/['"`]$/, '');
    const last = /([A-Za-z_$][\w$]*)$/.exec(body)?.[1];
    if (last !== undefined && names.has(last) && /^([\w$]+[.:/])*[\w$]+$/.test(body)) found.add(last);
  };
  for (const fileIndex of fileIndexes) {
    // A string naming one of the names holds it: a text without any needs no lexing.
    const text = commit.text(fileIndex, 'new');
    if (text !== null && ![...names].some((name) => text.includes(name))) continue;
    const lexed = commit.lexedFile(fileIndex, 'new');
    if (lexed !== null) {
      for (const line of lexed) for (const token of line.tokens) if (token.type === 'string') check(token.text);
      continue;
    }
    for (const hunk of commit.files[fileIndex].hunks) {
      for (const line of hunk.lines) {
        if (line.type === '-') continue;
        for (const match of line.text.match(/(['"`])[\w$.:/]+\1/g) ?? []) check(match);
      }
    }
  }
  return found;
}

/**
 * Names a language, runtime or test runner calls by name, so renaming the
 * declaration changes what runs even when every visible use is renamed:
 * special methods, test discovery prefixes, entry points, protocol methods.
 */
const CALLED_BY_NAME: Record<string, RegExp> = {
  python: /^(__\w+__|test\w*|Test\w*|setUp\w*|tearDown\w*|setup_\w+|teardown_\w+|main)$/,
  go: /^(init|main|(Test|Benchmark|Example|Fuzz)([A-Z_]\w*)?)$/,
  javascript: /^(constructor|toString|toLocaleString|valueOf|toJSON|then|handleEvent|connectedCallback|disconnectedCallback|adoptedCallback|attributeChangedCallback)$/,
  typescript: /^(constructor|toString|toLocaleString|valueOf|toJSON|then|handleEvent|connectedCallback|disconnectedCallback|adoptedCallback|attributeChangedCallback)$/,
  java: /^(main|run|call|close|equals|hashCode|toString|compareTo|clone|finalize|iterator|test\w*|setUp|tearDown)$/,
  kotlin: /^(main|run|invoke|close|equals|hashCode|toString|compareTo|iterator)$/,
  csharp: /^(Main|Dispose|ToString|Equals|GetHashCode|GetEnumerator|CompareTo)$/,
  ruby: /^(initialize|to_s|to_str|to_a|to_h|inspect|each|call|method_missing|respond_to_missing|test_\w+|setup|teardown)$/,
  php: /^(__\w+|test\w*|setUp|tearDown)$/,
  rust: /^(main|drop|fmt)$/,
  c: /^main$/,
  cpp: /^main$/,
  swift: /^(main|init|deinit|description)$/,
};

/**
 * Whether `name` is declared somewhere in the commit's files as overriding or
 * being overridden (`override`, `virtual`, `operator` on a line naming it, or an
 * `@Override` annotation right above): renaming it breaks the dispatch silently.
 */
function overrides(commit: CommitView, name: string): boolean {
  const word = new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}([^\\w$]|$)`);
  for (let fileIndex = 0; fileIndex < commit.files.length; fileIndex++) {
    const lines = commit.text(fileIndex, 'old')?.split('\n') ?? commit.files[fileIndex].hunks.flatMap((hunk) => hunk.lines.filter((line) => line.type !== '+').map((line) => line.text));
    let previous = '';
    for (const line of lines) {
      if (word.test(line) && (/\b(override|virtual|operator)\b/.test(line) || /^\s*@Override\b/.test(previous))) return true;
      if (line.trim() !== '') previous = line;
    }
  }
  return false;
}

/**
 * A rename is a commit of its own only if every site of the old name is a pure
 * rename site: an old name also removed inside another edit (a call whose
 * arguments changed too) would be left dangling by the rename commit alone, or
 * the edit would need a line that is in neither version. Such names are no
 * rename here; dropping a site can expose other names it renamed, so repeat.
 */
function dropRenamesMixedIntoEdits(commit: CommitView, sites: Map<string, Array<[string, string]>>): void {
  let changed = sites.size > 0;
  while (changed) {
    changed = false;
    const oldNames = new Set([...sites.values()].flatMap((renamed) => renamed.map(([a]) => a)));
    const mixed = new Set<string>();
    for (const change of commit.changes) {
      if (sites.has(change.id) || change.removed.length === 0) continue;
      const text = change.removed.join('\n');
      const present = [...oldNames].filter((name) => !mixed.has(name) && text.includes(name));
      if (present.length === 0) continue;
      for (const token of flat(commit.lexSide(change, 'old').lines)) if (isIdentifier(token) && present.includes(token.text)) mixed.add(token.text);
    }
    for (const [id, renamed] of sites) {
      if (renamed.some(([a]) => mixed.has(a))) {
        sites.delete(id);
        changed = true;
      }
    }
  }
}

const facts = new WeakMap<CommitView, RenameFacts>();

function findRenames(commit: CommitView): RenameFacts {
  const cached = facts.get(commit);
  if (cached !== undefined) return cached;
  const candidates: Candidate[] = [];
  for (const change of commit.changes) {
    if (change.removed.length === 0 || change.added.length === 0) continue;
    const pairs = pairsOf(commit, change);
    if (pairs === null) continue;
    const renamed = [...pairs].filter(([a, b]) => a !== b);
    if (renamed.length === 0) continue;
    candidates.push({ change, pairs });
  }
  if (candidates.length === 0) {
    const none = { sites: new Map(), byName: new Map(), comments: new Map() };
    facts.set(commit, none);
    return none;
  }
  // One mapping for the whole commit: a name maps to one name, and no two names to the same one.
  const forward = new Map<string, Set<string>>();
  const backward = new Map<string, Set<string>>();
  for (const { pairs } of candidates) {
    for (const [a, b] of pairs) {
      forward.set(a, (forward.get(a) ?? new Set()).add(b));
      backward.set(b, (backward.get(b) ?? new Set()).add(a));
    }
  }
  const consistent = (a: string, b: string) => forward.get(a)?.size === 1 && backward.get(b)?.size === 1;
  // Every file of the commit, not only those with rename sites: a caller left behind
  // in a file whose other lines changed is still a partial rename.
  const touched = new Set(commit.files.map((_file, fileIndex) => fileIndex));
  const inOld = nameLookup(commit, touched, 'old');
  const inNew = nameLookup(commit, touched, 'new');
  // The facts below read whole files (parses, tokens of every line): made on first
  // need, as most candidates already fail the cheaper tests before them.
  let declared: Set<string> | undefined;
  const isDeclared = (name: string) => (declared ??= declaredNames(commit, candidates)).has(name);
  let usages: Map<string, Usage> | undefined;
  let inStrings: Set<string> | undefined;
  // One thing renamed: not a key, not both a member and a plain name, not left behind in a string.
  const sound = (name: string) => {
    const usage = (usages ??= usagesOf(commit, candidates)).get(name);
    if (usage === undefined || usage.key > 0 || (usage.member > 0 && usage.plain > 0)) return false;
    inStrings ??= namedInStrings(commit, touched, new Set(candidates.flatMap(({ pairs }) => [...pairs].filter(([a, b]) => a !== b).map(([a]) => a))));
    return !inStrings.has(name);
  };
  // Neither name may be one the language or a test runner calls by name, nor an override.
  const languages = new Set(candidates.map(({ change }) => commit.language(change.fileIndex).id));
  const calledByName = (name: string) => [...languages].some((language) => CALLED_BY_NAME[language]?.test(name) === true);
  const dispatched = new Map<string, boolean>();
  const dispatchedFree = (a: string) => {
    if (!dispatched.has(a)) dispatched.set(a, overrides(commit, a));
    return dispatched.get(a) === false;
  };
  const sites = new Map<string, Array<[string, string]>>();
  const byName = new Map<string, string[]>();
  for (const { change, pairs } of candidates) {
    const renamed = [...pairs].filter(([a, b]) => a !== b);
    // Cheapest tests first; each is pure, so the order changes only the cost.
    const valid =
      [...pairs].every(([a, b]) => consistent(a, b)) &&
      renamed.every(([a, b]) => !calledByName(a) && !calledByName(b) && !inNew(a) && !inOld(b) && isDeclared(a) && sound(a) && dispatchedFree(a));
    if (!valid) continue;
    // The layout must be a no-op too: compare with the renamed tokens put back,
    // and the names renamed in comments as well (a doc comment naming the function).
    const inComments = wordRenamer(renamed);
    const oldLines = commit.lexSide(change, 'old').lines.map((line) => ({
      ...line,
      tokens: line.tokens.map((token) =>
        isIdentifier(token) && pairs.has(token.text) ? { ...token, text: pairs.get(token.text)! } : token.type === 'comment' ? { ...token, text: inComments(token.text) } : token,
      ),
    }));
    const layout = compareLayout(oldLines, commit.lexSide(change, 'new').lines, commit.language(change.fileIndex));
    if (!layout.equal) continue;
    sites.set(change.id, renamed);
  }
  dropRenamesMixedIntoEdits(commit, sites);
  for (const [id, renamed] of sites) for (const [a] of renamed) byName.set(a, [...(byName.get(a) ?? []), id]);
  const result = { sites, byName, comments: renamedInComments(commit, sites) };
  facts.set(commit, result);
  return result;
}

/**
 * Changes of comments only whose comments differ exactly by the commit's renames
 * (`// Retry puts ...` above a renamed method, on a line of its own): they belong
 * to the rename's commit, so its sites link them. Their kind stays `comment`.
 */
function renamedInComments(commit: CommitView, sites: Map<string, Array<[string, string]>>): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const mapping = new Map<string, string>();
  for (const renamed of sites.values()) for (const [a, b] of renamed) mapping.set(a, b);
  if (mapping.size === 0) return found;
  const rename = wordRenamer([...mapping]);
  const commentsOf = (lines: LexedLine[]) => lines.flatMap((line) => line.tokens).filter((token) => token.type === 'comment').map((token) => token.text);
  for (const change of commit.changes) {
    if (sites.has(change.id) || change.removed.length === 0 || change.added.length === 0) continue;
    // Cheap first: the old text must name an old name, the new text its new name.
    const named = [...mapping].filter(([a, b]) => change.removed.some((line) => line.includes(a)) && change.added.some((line) => line.includes(b)));
    if (named.length === 0) continue;
    const before = commit.lexSide(change, 'old').lines;
    const after = commit.lexSide(change, 'new').lines;
    const code = [flat(before), flat(after)];
    if (code[0].length !== code[1].length || code[0].some((token, k) => !sameToken(token, code[1][k]))) continue;
    const oldComments = commentsOf(before);
    const newComments = commentsOf(after);
    if (oldComments.length !== newComments.length || oldComments.every((text, k) => text === newComments[k])) continue;
    if (!oldComments.every((text, k) => rename(text) === newComments[k])) continue;
    for (const [a] of named) found.set(a, [...(found.get(a) ?? []), change.id]);
  }
  return found;
}

export const refactorRename: Heuristic = {
  meta: {
    id: 'refactor-rename',
    description: 'Identifiers renamed by one consistent one-to-one mapping across the commit, with no other token changed.',
    produces: ['refactor'],
    languages: 'all',
    messages,
  },
  appliesTo: (file, language) => !file.binary && !language.whitespaceAlwaysSignificant,
  classify(change, context): HeuristicResult | null {
    if (change.removed.length === 0 || change.added.length === 0) return null;
    if (stringsMayHide(context)) return null;
    const { sites, byName, comments } = findRenames(context.commit);
    const renamed = sites.get(change.id);
    if (renamed === undefined) return null;
    const linked = new Set<string>();
    for (const [a] of renamed) for (const id of byName.get(a) ?? []) if (id !== change.id) linked.add(id);
    const siteIds = new Set([change.id, ...linked]);
    for (const [a] of renamed) for (const id of comments.get(a) ?? []) linked.add(id);
    const files = new Set(context.commit.changes.filter((other) => siteIds.has(other.id)).map((other) => other.fileIndex));
    return {
      kind: 'refactor',
      detail: 'rename',
      confidence: context.diffOnly ? 0.7 : 0.85,
      messageId: 'rename',
      data: { mapping: renamed.map(([a, b]) => `${a} → ${b}`).join(', '), sites: siteIds.size, files: files.size },
      links: [...linked],
    };
  },
};
