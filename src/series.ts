/**
 * Groups classified changes into the suggested series, orders it, and writes each
 * commit's message: the advisor's main job.
 *
 * Grouping treats changes as a graph (commit practice: one logical change per
 * commit) and joins them with union-find:
 * - hard links: move halves, rename sites, import reorders and extractions (the
 *   heuristics' `links`); manifest and lockfile; what the user said to keep together;
 * - a change that uses a name another functional change defines (def-use), a
 *   member one adds to a type and the edits that start to read it, edits inside
 *   one function or class, the same rewrite made in several places, a name
 *   several edits bring into a file that never held it; and, after all links,
 *   two groups that name mostly the same things;
 * - no-op kinds (whitespace/formatting, comments, refactors, moves) group by kind
 *   and area, never with functional changes (but whitespace against an edit,
 *   type-only edits in a file the commit changes, and comments in a function
 *   whose code it changes, stay with that edit); new APIs by file, in commits before
 *   their users; tests travel with the code they test; a dependency change goes with
 *   the first functional change that names the package; docs go with the change
 *   they describe when they name its identifiers, else last.
 * Ordering: definitions before uses, and the removed reads of a declaration before
 * (or with) its removal (`dependsOn`); two groups that each need the other are
 * one commit; then the canonical order of the commit practice, then the position
 * of the first change: stable for the same input.
 */
import { areaOf, printableName } from './area';
import { incidentalTo, linesBetween } from './incidental';
import { formatCommitMessage } from './message';
import { ClassifiedChange, CommitMessage, DiffFile, SeriesCommit } from './model';
import { isTestPath } from './paths';
import { ChangeSymbols, isExportSlot } from './symbols';
import * as path from 'node:path';

export type Granularity = 'coarse' | 'normal' | 'fine';

/** The links grouping joins changes by, in the order buildSeries applies them. */
export const LINK_NAMES = [
  'heuristic',
  'together',
  'incidental-whitespace',
  'type-only',
  'comment-in-function',
  'kind-and-area',
  'enclosing',
  'container',
  'same-declaration',
  'def-use',
  'callers',
  'same-edit',
  'same-rewrite',
  'fresh-name',
  'nearby',
  'header-source',
  'new-member',
  'rare-name',
  'api-declaration',
  'test-to-code',
  'test-fixture',
  'dependency-user',
  'docs-to-code',
  'docs-area',
  'generated-file',
  'generated-source',
  'generated-run',
  'shared-names',
] as const;
export type LinkName = (typeof LINK_NAMES)[number];

export interface SeriesOptions {
  granularity?: Granularity;
  /** Merge commits until at most this many remain. */
  maxCommits?: number;
  /** Sets of change ids or paths (globs with `*`) whose changes must share a commit. */
  together?: string[][];
  /**
   * Files that would not parse if only these changes were applied (for "every step
   * builds"); omitted when full files or parsers are not available.
   */
  brokenFiles?: (changeIds: Set<string>) => string[];
  /**
   * Files with more type errors (counted by the TypeScript compiler) with only
   * these changes applied than both before and after the commit (`--typecheck`);
   * omitted when not asked for or not possible.
   */
  typeErrors?: (changeIds: Set<string>) => TypeErrorCount[];
  /** Links left out, to measure what each one is worth (`npm run bench:links`); not a user option. */
  withoutLinks?: ReadonlySet<LinkName>;
}

/** A file that would not type-check, and how many errors it would have beyond the original's. */
export interface TypeErrorCount {
  file: string;
  newErrors: number;
}

export interface SeriesResult {
  series: SeriesCommit[];
  notes: string[];
}

type Category = 'format' | 'comment' | 'refactor' | 'api' | 'dependency' | 'functional' | 'test' | 'docs' | 'generated';

/** The commit practice's canonical order: clean-up, refactors, new APIs, the change with its tests, docs. */
const RANK: Record<Category, number> = { format: 0, comment: 1, refactor: 2, api: 3, dependency: 4, functional: 5, test: 6, docs: 7, generated: 8 };
const NO_OP: ReadonlySet<Category> = new Set(['format', 'comment', 'refactor']);

const MAX_SUBJECT = 72;
/** Edits this close (in lines, same file) are taken as one change unless the granularity is fine. */
const NEARBY_LINES = 30;
/** A name shared by at most this many changes links them. */
const RARE = 2;
/** An identical edit in several places links them when it is at least this long (without whitespace). */
const MIN_SAME_EDIT = 10;
/** C and C++ headers and sources: `x.h` is the interface of `x.c`. */
const C_HEADER = /\.(?:h|hh|hpp|hxx)$/;
const C_SOURCE = /\.(?:c|cc|cpp|cxx)$/;
/** A file name shorter than this (`index`, `util`) names too many things to tell which source a generated file or a doc came from. */
const MIN_NAMED_STEM = 6;

function categoryOf(change: ClassifiedChange): Category {
  switch (change.verdict.kind) {
    case 'whitespace':
    case 'formatting':
      return 'format';
    case 'comment':
      return 'comment';
    case 'refactor':
    case 'move':
      return 'refactor';
    case 'api-addition':
      return 'api';
    case 'dependency':
      return 'dependency';
    case 'test':
      return 'test';
    case 'docs':
      return 'docs';
    case 'generated':
      return 'generated';
    default:
      return 'functional';
  }
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_value, index) => index);
  }
  find(index: number): number {
    while (this.parent[index] !== index) {
      this.parent[index] = this.parent[this.parent[index]];
      index = this.parent[index];
    }
    return index;
  }
  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    // The smaller index stays root, so groups are named by their first change.
    if (rootA < rootB) this.parent[rootB] = rootA;
    else if (rootB < rootA) this.parent[rootA] = rootB;
  }
}

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*')}$`);
}

/** Where a change sits, coarse to fine: the granularity decides how many levels group no-ops. */
function areaKey(file: string, granularity: Granularity): string {
  if (granularity === 'coarse') return '';
  if (granularity === 'fine') return file;
  const directory = path.posix.dirname(file);
  return directory.split('/').slice(0, 2).join('/');
}

/** `foo.test.ts`, `test_foo.py`, `foo_test.go`, `FooTest.java` → `foo`. */
function testedStem(file: string): string {
  const base = path.posix.basename(file).toLowerCase();
  return base
    .replace(/\.(test|spec|e2e-spec)(?=\.)/, '')
    .replace(/^test_/, '')
    .replace(/_(test|spec)(?=\.)/, '')
    .replace(/tests?(?=\.(java|kt|cs|scala|swift)$)/, '')
    .replace(/\.[^.]+$/, '');
}

const stemOf = (file: string) => path.posix.basename(file).toLowerCase().replace(/\.[^.]+$/, '');

/** A regular expression for a word standing alone: not run on into the characters `joiners` (by default, into a longer identifier). */
function wholeWord(word: string, flags: string, joiners = '\\w$'): RegExp {
  return new RegExp(`(?<![${joiners}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![${joiners}])`, flags);
}

/** What a group declares and reads on each side (see needs). */
interface GroupNames {
  newDefines: Set<string>;
  /** Of newDefines, those a member declares on its added lines but not on its removed ones: names that did not exist before it. */
  added: Set<string>;
  newUses: Set<string>;
  removes: Set<string>;
  oldUses: Set<string>;
  /** Names taken from one file and declared in another (a move), with the file they left: a line reading the name, and one naming that file (`weigh`, `util`). */
  movedAway: Array<{ name: string; reads: RegExp; names: RegExp }>;
}

interface Group {
  members: number[];
  category: Category;
}

export function buildSeries(changes: ClassifiedChange[], _files: DiffFile[], original: CommitMessage | null, symbols: Map<string, ChangeSymbols> = new Map(), options: SeriesOptions = {}): SeriesResult {
  const granularity = options.granularity ?? 'normal';
  const notes: string[] = [];
  if (changes.length === 0) return { series: [], notes };
  const index = new Map(changes.map((change, position) => [change.id, position]));
  const categories = changes.map(categoryOf);
  const union = new UnionFind(changes.length);
  const symbolsAt = (position: number): ChangeSymbols => symbols.get(changes[position].id) ?? { defines: new Set(), uses: new Set(), enclosing: null, container: null };
  /** The names a change reads that a definition elsewhere links it to: its uses, and the common words it reads as members (`.data` of an interface gaining `data`). */
  const definitionUses = (position: number): Iterable<string> => {
    const { uses, memberUses } = symbolsAt(position);
    return memberUses === undefined ? uses : [...uses, ...memberUses];
  };
  /** A change's key as a list of none or one, for joinByKey. */
  const keyOrNone = (key: string | null): string[] => (key === null ? [] : [key]);
  /** Joins two changes by the named link, unless the options leave that link out. */
  const withoutLinks = options.withoutLinks ?? new Set<LinkName>();
  const link = (name: LinkName, first: number, second: number): void => {
    if (!withoutLinks.has(name)) union.union(first, second);
  };
  /** Joins a change to the edit it serves, which it then counts as (whitespace, a type or a comment serving code). */
  const adopt = (name: LinkName, owner: number, position: number): void => {
    if (withoutLinks.has(name)) return;
    union.union(owner, position);
    categories[position] = categories[owner];
  };
  /** Joins the changes that share a key, each to the first change with it; a change may have no key, one or several. */
  const joinByKey = (name: LinkName, positions: Iterable<number>, keysOf: (position: number) => Iterable<string>): void => {
    if (withoutLinks.has(name)) return;
    const first = new Map<string, number>();
    for (const position of positions) {
      for (const key of keysOf(position)) {
        const head = first.get(key);
        if (head === undefined) first.set(key, position);
        else union.union(head, position);
      }
    }
  };

  // Hard links from the heuristics.
  changes.forEach((change, position) => {
    for (const linked of change.verdict.links ?? []) {
      const other = index.get(linked);
      if (other !== undefined) link('heuristic', position, other);
    }
  });
  // What the user said must stay together.
  for (const set of options.together ?? []) {
    const patterns = set.map((item) => (index.has(item) ? null : globToRegExp(item)));
    const members = changes.map((change, position) => (set.includes(change.id) || patterns.some((pattern) => pattern !== null && (pattern.test(change.file) || (change.oldFile !== null && pattern.test(change.oldFile)))) ? position : -1)).filter((position) => position >= 0);
    for (const member of members.slice(1)) link('together', members[0], member);
  }

  // Re-indentation and blank lines that belong to a functional or test edit (the
  // body of a block it wrapped) stay with it, as the gate's mixed-whitespace rule
  // counts them: a whitespace commit of its own would indent code for a block
  // that does not exist yet.
  const edits = changes.filter((_change, position) => categories[position] === 'functional' || categories[position] === 'test');
  changes.forEach((change, position) => {
    const owner = incidentalTo(change, edits);
    if (owner === undefined) return;
    adopt('incidental-whitespace', index.get(owner.id)!, position);
  });

  // Type-only edits (an annotation, an interface field) in a file whose code this
  // commit changes serve that change: they stay with the file's nearest
  // functional change, as the gate's mixed-refactor rule does not count them.
  // Elsewhere they remain a no-op commit of their own.
  if (granularity !== 'fine') {
    const functionalByFile = new Map<number, number[]>();
    changes.forEach((change, position) => {
      if (categories[position] === 'functional') functionalByFile.set(change.fileIndex, [...(functionalByFile.get(change.fileIndex) ?? []), position]);
    });
    changes.forEach((change, position) => {
      if (change.verdict.kind !== 'refactor' || change.verdict.detail !== 'type-only') return;
      const owner = nearest(change, functionalByFile.get(change.fileIndex) ?? []);
      if (owner === undefined) return;
      adopt('type-only', owner, position);
    });
  }

  // A comment edited inside a function whose code this commit changes explains
  // that change: it stays with it. The commit practice keeps whitespace and
  // refactors apart from behaviour, not comments, and neither of the gate's
  // mixed-* rules counts them. Comments elsewhere remain a commit of their own.
  if (granularity !== 'fine') {
    const functionalByEnclosing = new Map<string, number>();
    changes.forEach((_change, position) => {
      const enclosing = symbolsAt(position).enclosing;
      if (categories[position] === 'functional' && enclosing !== null && !functionalByEnclosing.has(enclosing)) functionalByEnclosing.set(enclosing, position);
    });
    changes.forEach((_change, position) => {
      if (categories[position] !== 'comment') return;
      const enclosing = symbolsAt(position).enclosing;
      const owner = enclosing === null ? undefined : functionalByEnclosing.get(enclosing);
      if (owner !== undefined) adopt('comment-in-function', owner, position);
    });
  }

  // No-op kinds, new APIs and docs group by kind and area; functional changes by their links.
  joinByKey('kind-and-area', changes.keys(), (position) => {
    const change = changes[position];
    const category = categories[position];
    let key: string | null = null;
    if (NO_OP.has(category)) {
      const detail = change.verdict.kind === 'refactor' ? (change.verdict.detail ?? '') : change.verdict.kind === 'move' ? 'move' : '';
      // Renames are grouped by their mapping (the links), never with other renames.
      if (detail !== 'rename' && detail !== 'extract') key = `${category}:${detail}:${areaKey(change.file, granularity)}`;
    } else if (category === 'api') key = `api:${granularity === 'fine' ? change.id : granularity === 'coarse' ? '' : change.file}`;
    else if (category === 'dependency') key = `dependency:${path.posix.dirname(change.file)}`;
    // A docs file's changes are one change (a changelog's entries are not one
    // commit each); docs no code change claims are grouped by area further down.
    // One test file's changes are one edit of its suite (not with --granularity fine);
    // the suite then travels with the code it tests.
    else if (category === 'test' && granularity === 'normal') key = `test:${change.file}`;
    else if (category === 'docs') key = `docs:${change.file}`;
    else if (category === 'functional' && granularity === 'coarse') key = 'functional';
    return keyOrNone(key);
  });

  // The categories are final from here on.
  const inCategory = (...wanted: Category[]) => changes.map((_change, position) => position).filter((position) => wanted.includes(categories[position]));
  const functional = inCategory('functional');
  const tests = inCategory('test');
  // How many changes name each identifier: a name few changes share links them.
  const frequency = new Map<string, number>();
  changes.forEach((_change, position) => {
    const { uses, defines } = symbolsAt(position);
    for (const name of new Set([...uses, ...defines])) frequency.set(name, (frequency.get(name) ?? 0) + 1);
  });
  const normalizedText = changes.map((change) => [...change.removed, ...change.added].join('\n').replace(/\s+/g, ''));

  if (granularity !== 'coarse') {
    // Functional changes and tests: links between pairs, each a sign of one logical change.
    const linkable = [...functional, ...tests];
    // Edits inside one function or class belong together; so do edits inside one
    // class (struct, impl), a soft link. Neither with --granularity fine.
    if (granularity !== 'fine') {
      joinByKey('enclosing', linkable, (position) => keyOrNone(symbolsAt(position).enclosing));
      joinByKey('container', linkable, (position) => keyOrNone(symbolsAt(position).container));
    }
    // A change that uses a name another change defines; and the changes that
    // define the same name (its old and its new declaration) are one change.
    const definers = new Map<string, number[]>();
    for (const position of linkable) for (const name of symbolsAt(position).defines) definers.set(name, [...(definers.get(name) ?? []), position]);
    for (const positions of definers.values()) for (const position of positions.slice(1)) link('same-declaration', positions[0], position);
    for (const position of linkable) {
      for (const name of definitionUses(position)) for (const definer of definers.get(name) ?? []) if (definer !== position) link('def-use', definer, position);
    }
    // The callers switched to a name this commit defines (even as a new API in a
    // commit of its own) are one change: "switch the callers".
    const definedHere = new Set<string>();
    changes.forEach((_change, position) => symbolsAt(position).defines.forEach((name) => definedHere.add(name)));
    joinByKey('callers', linkable, (position) => [...definitionUses(position)].filter((name) => definedHere.has(name)));
    // The same edit made in several places (a call updated everywhere).
    joinByKey('same-edit', linkable, (position) => (normalizedText[position].length < MIN_SAME_EDIT ? [] : [normalizedText[position]]));
    // The same rewrite made in several places, whatever surrounds it: edits that
    // take away and bring in the same tokens (`int` → `uint32_t` in three loops,
    // one constant renamed at every use, `Object.assign(...)` made a spread).
    joinByKey('same-rewrite', linkable, (position) => editDelta(changes[position]));
    // A name the file never held, brought in by several of its edits (an import
    // and its use, a new local read in two places). Within a file only: across
    // files the same new import was as often two commits' as one's.
    joinByKey('fresh-name', linkable, (position) => [...(symbolsAt(position).freshWords ?? [])].map((word) => `${changes[position].fileIndex}:${word}`));
    // Nearby edits in one file: sorted by position, each neighbour is checked once.
    if (granularity === 'normal') {
      const byFile = new Map<number, number[]>();
      for (const position of linkable) byFile.set(changes[position].fileIndex, [...(byFile.get(changes[position].fileIndex) ?? []), position]);
      for (const positions of byFile.values()) {
        const start = (position: number) => (changes[position].new ?? changes[position].old)?.start ?? 0;
        const sorted = [...positions].sort((a, b) => start(a) - start(b));
        for (let k = 1; k < sorted.length; k++) if (linesBetween(changes[sorted[k - 1]], changes[sorted[k]]) < NEARBY_LINES) link('nearby', sorted[k - 1], sorted[k]);
      }
    }
    // A C/C++ header's functional edits go with those of its source file (x.h with
    // x.c): the header is that file's interface (a struct field, a macro, a prototype
    // whose definition changes too), not another change.
    if (granularity === 'normal') {
      const sourceEdit = new Map<string, number>();
      for (const position of functional) {
        const file = changes[position].file;
        const stem = file.replace(C_SOURCE, '');
        if (stem !== file && !sourceEdit.has(stem)) sourceEdit.set(stem, position);
      }
      for (const position of functional) {
        const file = changes[position].file;
        const stem = file.replace(C_HEADER, '');
        const source = stem !== file ? sourceEdit.get(stem) : undefined;
        if (source !== undefined) link('header-source', source, position);
      }
    }
    // A member added to a type (a struct field, a property, `self.name = ...`) and
    // the edits that start to read it: in its own file or its C header/source
    // partner any new read, elsewhere only a read the file never made before.
    const interfaceOf = (file: string) => file.replace(C_HEADER, '').replace(C_SOURCE, '');
    const memberDeclarers = new Map<string, number[]>();
    for (const position of linkable) for (const name of symbolsAt(position).newMembers ?? []) memberDeclarers.set(name, [...(memberDeclarers.get(name) ?? []), position]);
    if (memberDeclarers.size > 0) {
      for (const position of linkable) {
        const reads = symbolsAt(position).memberReads;
        if (reads === undefined) continue;
        for (const name of reads.local) {
          for (const declarer of memberDeclarers.get(name) ?? []) {
            const near = interfaceOf(changes[declarer].file) === interfaceOf(changes[position].file);
            if (declarer !== position && (near || reads.fresh.has(name))) link('new-member', declarer, position);
          }
        }
      }
    }
    // Edits of one file sharing a name that nothing else uses. Across files, two
    // such names were as often two commits' as one's (the same rare import, a
    // type both mention): 18 of their 41 joins on the development sets were
    // wrong, against 10 of 33 within a file, so they link nothing.
    const holders = new Map<string, number[]>();
    for (const position of linkable) {
      const { uses, defines } = symbolsAt(position);
      for (const name of new Set([...uses, ...defines])) if ((frequency.get(name) ?? 0) <= RARE) holders.set(name, [...(holders.get(name) ?? []), position]);
    }
    for (const positions of holders.values()) {
      if (positions.length === 2 && changes[positions[0]].fileIndex === changes[positions[1]].fileIndex) link('rare-name', positions[0], positions[1]);
    }
  }
  // New APIs: a declaration and its prototype or re-export in another file are one addition.
  joinByKey('api-declaration', changes.keys(), (position) => (categories[position] === 'api' ? symbolsAt(position).defines : []));

  // Tests travel with the code they test: by file name, else by the names they use.
  // A file's functional change first; else its new API (the test of a new API goes in the API's commit).
  const codeByStem = new Map<string, number>();
  for (const candidate of [...functional, ...inCategory('api')]) {
    const stem = stemOf(changes[candidate].file);
    if (!codeByStem.has(stem) && !isTestPath(changes[candidate].file)) codeByStem.set(stem, candidate);
  }
  const unattachedTests: number[] = [];
  for (const position of tests) {
    let target: number | undefined = codeByStem.get(testedStem(changes[position].file));
    if (target === undefined) target = bestOverlap(position, functional);
    if (target !== undefined) link('test-to-code', target, position);
    else unattachedTests.push(position);
  }
  // A test fixture and its expected output (`case.tsx` and `case.tsx.shot`,
  // `case.src.js` and `case.result.js`: one directory, one name before the first
  // dot) are one test case, when neither went with a code change.
  if (granularity === 'normal') {
    joinByKey('test-fixture', unattachedTests, (position) => {
      const file = changes[position].file;
      return [`${path.posix.dirname(file)}/${path.posix.basename(file).replace(/\..*$/, '')}`];
    });
  }
  // Dependencies go with the first functional change that names the package.
  for (const position of inCategory('dependency')) {
    const packages = [...(changes[position].verdict.reason.match(/(?:of|dependency) ([@\w./-]+)/g) ?? [])].map((text) => text.replace(/^(of|dependency) /, ''));
    const names = packages.flatMap((name) => name.split(/[/@.-]/)).filter((name) => name.length >= 3);
    const user = functional.find((candidate) => names.some((name) => [...changes[candidate].added, ...changes[candidate].removed].some((line) => line.includes(name))));
    if (user !== undefined) link('dependency-user', user, position);
  }
  // Docs: with the code change of their own name (docs/rules/no-foo.md documents
  // src/rules/no-foo.ts), else the functional change they share rare names with.
  // Docs files that no code change claims stay together by area, as a final docs
  // commit; grouped only now, so that two claimed docs files of one area do not
  // join their code changes to each other.
  const claimedDocs = new Set<number>();
  for (const position of inCategory('docs')) {
    const stem = stemOf(changes[position].file);
    const documented = stem.length >= MIN_NAMED_STEM ? codeByStem.get(stem) : undefined;
    const target = documented ?? bestOverlap(position, functional, 1);
    if (target === undefined) continue;
    link('docs-to-code', target, position);
    claimedDocs.add(changes[position].fileIndex);
  }
  if (granularity !== 'fine') joinByKey('docs-area', inCategory('docs'), (position) => (claimedDocs.has(changes[position].fileIndex) ? [] : [areaKey(changes[position].file, granularity)]));
  // Generated output is regenerated as a whole: one file's changes stay together,
  // and go with the source they were generated from (`x.ts.snap` next to `x.ts`,
  // a snapshot beside its test), else with the one code change whose file it
  // names (a generated config listing the rule `no-unused-vars` that
  // src/rules/no-unused-vars.ts changed), else with a change in the same or the
  // parent directory. What is left came from one run of the generator: one commit.
  const generated = inCategory('generated');
  const sources = inCategory('functional', 'test', 'api');
  const firstOfFile = new Map<number, number>();
  const generatedText = new Map<number, string>();
  for (const position of generated) {
    const fileIndex = changes[position].fileIndex;
    const first = firstOfFile.get(fileIndex);
    if (first === undefined) firstOfFile.set(fileIndex, position);
    else link('generated-file', first, position);
    generatedText.set(fileIndex, `${generatedText.get(fileIndex) ?? ''}\n${[...changes[position].removed, ...changes[position].added].join('\n')}`);
  }
  const unattachedGenerated: number[] = [];
  // The code files a generated file could name, each by its first code change (not tests).
  const codeFiles = new Map<number, number>();
  for (const candidate of inCategory('functional', 'api')) if (!isTestPath(changes[candidate].file) && !codeFiles.has(changes[candidate].fileIndex)) codeFiles.set(changes[candidate].fileIndex, candidate);
  for (const position of firstOfFile.values()) {
    const file = changes[position].file;
    const base = path.posix.basename(file);
    const byName = sources.find((candidate) => {
      const other = path.posix.basename(changes[candidate].file);
      return base.startsWith(other + '.') || base.startsWith(stemOf(changes[candidate].file) + '.');
    });
    const sameDirectory = sources.find((candidate) => path.posix.dirname(changes[candidate].file) === path.posix.dirname(file));
    const parentDirectory = sources.find((candidate) => path.posix.dirname(changes[candidate].file) === path.posix.dirname(path.posix.dirname(file)));
    const target = byName ?? namedSource(generatedText.get(changes[position].fileIndex) ?? '') ?? sameDirectory ?? parentDirectory;
    if (target !== undefined) link('generated-source', target, position);
    else unattachedGenerated.push(position);
  }
  if (granularity !== 'fine') for (const position of unattachedGenerated.slice(1)) link('generated-run', unattachedGenerated[0], position);

  /** The one code change (not a test) whose file's name the text holds as a word of its own; undefined when none or several. */
  function namedSource(text: string): number | undefined {
    const lower = text.toLowerCase();
    const named = new Set<number>();
    for (const candidate of codeFiles.values()) {
      const stem = stemOf(changes[candidate].file);
      if (stem.length < MIN_NAMED_STEM) continue;
      if (lower.includes(stem) && wholeWord(stem, '', '\\w-').test(lower)) named.add(candidate);
    }
    return named.size === 1 ? [...named][0] : undefined;
  }

  /** The candidate closest to this change in its file (candidates are in the same file). */
  function nearest(change: ClassifiedChange, candidates: number[]): number | undefined {
    let best: number | undefined;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
      const distance = linesBetween(change, changes[candidate]);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate;
      }
    }
    return best;
  }

  /** The functional change sharing the most rarely used identifiers with this one. */
  function bestOverlap(position: number, candidates: number[], minimum = 2): number | undefined {
    const mine = symbolsAt(position).uses;
    let best: number | undefined;
    let bestScore = minimum - 1;
    for (const candidate of candidates) {
      const theirs = symbolsAt(candidate);
      let score = 0;
      for (const name of mine) if (name.length >= 5 && (theirs.uses.has(name) || theirs.defines.has(name))) score++;
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    return best;
  }

  // Two functional groups that name mostly the same things are one change.
  if (granularity === 'normal') {
    const namesByRoot = new Map<number, Set<string>>();
    for (const position of [...functional, ...tests]) {
      const root = union.find(position);
      const names = namesByRoot.get(root) ?? new Set<string>();
      const { uses, defines } = symbolsAt(position);
      for (const name of [...uses, ...defines]) if (name.length >= 4) names.add(name);
      namesByRoot.set(root, names);
    }
    const roots = [...namesByRoot].filter(([, names]) => names.size > 0);
    if (roots.length <= 1000) {
      for (let a = 0; a < roots.length; a++) {
        for (let b = a + 1; b < roots.length; b++) {
          const [first, mine] = roots[a];
          const [second, theirs] = roots[b];
          let shared = 0;
          for (const name of mine) if (theirs.has(name)) shared++;
          if (shared >= 3 && shared / (mine.size + theirs.size - shared) >= 0.5) link('shared-names', first, second);
        }
      }
    }
  }
  // Collect groups; the group's category is that of its highest-ranked member
  // among functional > api > refactor..., so a functional group that absorbed its
  // tests and docs stays functional.
  const groupsByRoot = new Map<number, Group>();
  changes.forEach((_change, position) => {
    const root = union.find(position);
    const group = groupsByRoot.get(root) ?? { members: [], category: categories[position] };
    group.members.push(position);
    groupsByRoot.set(root, group);
  });
  let groups = [...groupsByRoot.values()];
  const groupNames = new WeakMap<Group, GroupNames>();
  for (const group of groups) group.category = dominantCategory(group.members.map((position) => categories[position]));

  groups = orderGroups(groups);
  groups = enforceMaxCommits(groups, options.maxCommits, notes);
  if (options.brokenFiles !== undefined || options.typeErrors !== undefined) groups = enforceBuildableSteps(groups, options.brokenFiles, options.typeErrors);

  return { series: writeMessages(groups), notes };

  function dominantCategory(members: Category[]): Category {
    const order: Category[] = ['functional', 'api', 'dependency', 'refactor', 'comment', 'format', 'test', 'docs', 'generated'];
    return order.find((category) => members.includes(category)) ?? members[0];
  }

  /**
   * Whether `later` must come after `earlier` for every step to build: it reads,
   * on its added lines, a name `earlier` declares on its added lines; or it
   * takes away a declaration (from a file, without declaring the name again
   * there, or anywhere) that `earlier`'s removed lines read: the removed reads
   * go first, or with it (remove the callers, then the function; a rename or
   * a move with its callers is one commit, as the two directions make a cycle).
   */
  function needs(later: Group, earlier: Group): boolean {
    const after = namesOf(later);
    const before = namesOf(earlier);
    if (before.newDefines.size > 0) for (const name of after.newUses) if (before.newDefines.has(name)) return true;
    return removalNeeds(later, earlier);
  }

  /**
   * Whether `later` takes away a declaration `earlier`'s removed lines read: in
   * the same file, anywhere when no file declares it again, or, for a name
   * moved to another file, on a removed line that also names the file it left
   * (`import { weigh } from './util'` when `weigh` leaves util.ts).
   */
  function removalNeeds(later: Group, earlier: Group): boolean {
    const after = namesOf(later);
    const before = namesOf(earlier);
    if (after.removes.size > 0) for (const key of before.oldUses) if (after.removes.has(key)) return true;
    for (const { name, reads, names } of after.movedAway) {
      if (!before.oldUses.has(name)) continue;
      if (earlier.members.some((position) => changes[position].removed.some((line) => reads.test(line) && names.test(line)))) return true;
    }
    return false;
  }

  /** A group's names by side, gathered once: ordering asks for every pair of groups. Removals and removed reads are keyed both `name` and `file::name`. */
  function namesOf(group: Group): GroupNames {
    let names = groupNames.get(group);
    if (names === undefined) {
      names = { newDefines: new Set(), added: new Set(), newUses: new Set(), removes: new Set(), oldUses: new Set(), movedAway: [] };
      const declaredIn = new Set<string>();
      for (const position of group.members) {
        const symbols = symbolsAt(position);
        const file = changes[position].file;
        const sides = symbols.sides;
        for (const name of sides?.new.defines ?? symbols.defines) {
          names.newDefines.add(name);
          declaredIn.add(`${file}::${name}`);
          if (sides !== undefined && !sides.old.defines.has(name)) names.added.add(name);
        }
        for (const name of sides?.new.uses ?? definitionUses(position)) names.newUses.add(name);
        for (const name of sides?.old.uses ?? []) names.oldUses.add(name).add(`${file}::${name}`);
      }
      for (const position of group.members) {
        const file = changes[position].file;
        for (const name of symbolsAt(position).removes ?? []) {
          if (!declaredIn.has(`${file}::${name}`)) {
            names.removes.add(`${file}::${name}`);
            if (names.newDefines.has(name)) names.movedAway.push({ name, reads: wholeWord(name, ''), names: wholeWord(stemOf(file), 'i') });
          }
          if (!names.newDefines.has(name)) names.removes.add(name);
        }
      }
      groupNames.set(group, names);
    }
    return names;
  }

  /**
   * Groups that each need the other build in neither order: one commit. Only the
   * surest needs count here: reading a name the other group declares for the
   * first time, or taking away a declaration the other's removed lines read.
   * A read of a declaration that only changes (a struct gaining a field) orders
   * the groups, but two such reads, one each way, are too often a shared word to
   * merge on.
   */
  function mergeMutual(input: Group[]): Group[] {
    const surelyNeeds = (later: Group, earlier: Group): boolean => {
      const added = namesOf(earlier).added;
      if (added.size > 0) for (const name of namesOf(later).newUses) if (added.has(name)) return true;
      return removalNeeds(later, earlier);
    };
    let current = input;
    for (;;) {
      let found: [number, number] | null = null;
      for (let a = 0; a < current.length && found === null; a++) {
        for (let b = a + 1; b < current.length; b++) {
          const one = current[a];
          const two = current[b];
          if (surelyNeeds(one, two) && surelyNeeds(two, one)) {
            found = [a, b];
            break;
          }
        }
      }
      if (found === null) return current;
      const [a, b] = found;
      current = [...current.slice(0, a), combine(current[a], current[b]), ...current.slice(a + 1, b), ...current.slice(b + 1)];
    }
  }

  function orderGroups(input: Group[]): Group[] {
    const sorted = [...mergeMutual(input)].sort((a, b) => RANK[a.category] - RANK[b.category] || a.members[0] - b.members[0]);
    // Kahn's algorithm over def-use edges, taking the canonically first ready group;
    // a cycle (each uses the other) merges the groups involved.
    const result: Group[] = [];
    let remaining = sorted;
    while (remaining.length > 0) {
      const ready = remaining.find((group) => !remaining.some((other) => other !== group && needs(group, other) && !needs(other, group)));
      if (ready === undefined) {
        // Every group waits on another: merge the first two and go on.
        const [first, second, ...rest] = remaining;
        remaining = [combine(first, second), ...rest];
        continue;
      }
      result.push(ready);
      remaining = remaining.filter((group) => group !== ready);
    }
    return result;
  }

  /** One group of two: their changes in order, the category that dominates. */
  function combine(one: Group, two: Group): Group {
    return { members: [...one.members, ...two.members].sort((a, b) => a - b), category: dominantCategory([one.category, two.category]) };
  }

  function merge(list: Group[], at: number, reason: string | null): Group[] {
    if (reason !== null) notes.push(reason);
    return [...list.slice(0, at), combine(list[at], list[at + 1]), ...list.slice(at + 2)];
  }

  function enforceMaxCommits(list: Group[], max: number | undefined, _notes: string[]): Group[] {
    if (max === undefined || max < 1) return list;
    let current = list;
    while (current.length > max) {
      // Merge the adjacent pair that costs least: two no-op commits, then same kinds, then anything.
      let bestAt = 0;
      let bestCost = Infinity;
      for (let k = 0; k + 1 < current.length; k++) {
        const a = current[k].category;
        const b = current[k + 1].category;
        const cost = a === b ? 0 : NO_OP.has(a) && NO_OP.has(b) ? 1 : NO_OP.has(a) || NO_OP.has(b) ? 3 : 2;
        if (cost < bestCost) {
          bestCost = cost;
          bestAt = k;
        }
      }
      current = merge(current, bestAt, null);
    }
    if (current.length < list.length) notes.push(`Merged into ${current.length} commit(s) to respect --max-commits ${max}.`);
    return current;
  }

  /**
   * Every prefix must parse (and, with `typeErrors`, type-check as well as the
   * original): a prefix that does not is merged with the next commit, again
   * until it does (the whole commit always does).
   */
  function enforceBuildableSteps(list: Group[], brokenFiles: ((ids: Set<string>) => string[]) | undefined, typeErrors: ((ids: Set<string>) => TypeErrorCount[]) | undefined): Group[] {
    let current = list;
    let k = 0;
    while (k < current.length - 1) {
      const applied = new Set(current.slice(0, k + 1).flatMap((group) => group.members.map((position) => changes[position].id)));
      const broken = brokenFiles?.(applied) ?? [];
      if (broken.length > 0) {
        current = merge(current, k, `Merged two suggested commits: after the first alone, ${broken.slice(0, 3).join(', ')} would not parse.`);
        continue;
      }
      const untyped = typeErrors?.(applied) ?? [];
      if (untyped.length > 0) {
        const count = untyped.reduce((sum, { newErrors }) => sum + newErrors, 0);
        const named = untyped.slice(0, 3).map(({ file }) => file).join(', ') + (untyped.length > 3 ? ' and more' : '');
        current = merge(current, k, `Merged two suggested commits: after the first alone, ${named} would not type-check (${count} new error${count === 1 ? '' : 's'}).`);
        continue;
      }
      k++;
    }
    return current;
  }

  function writeMessages(list: Group[]): SeriesCommit[] {
    const trailers = original?.trailers ?? [];
    const changeIdTrailers = trailers.filter((trailer) => trailer.key.toLowerCase() === 'change-id');
    const sharedTrailers = trailers.filter((trailer) => trailer.key.toLowerCase() !== 'change-id');
    // The original message describes the functional group with the most changed
    // lines; among those in the area its subject names (`cli: ...`), when some are,
    // else the new API of that area (`slug: add slugify`), when there is one.
    const size = (group: Group) => group.members.reduce((sum, position) => sum + changes[position].removed.length + changes[position].added.length, 0);
    const functionalGroups = list.filter((group) => group.category === 'functional');
    const candidates = functionalGroups.length > 0 ? functionalGroups : list;
    const namedArea = /^([\w./-]+):\s/.exec(original?.subject ?? '')?.[1].toLowerCase();
    const inNamedArea = (group: Group) =>
      namedArea !== undefined &&
      (areaOf(group.members.map((position) => changes[position].file)).toLowerCase() === namedArea ||
        group.members.some((position) => stemOf(changes[position].file) === namedArea || changes[position].file.toLowerCase().split('/').includes(namedArea)));
    const pools = [candidates.filter(inNamedArea), list.filter((group) => group.category === 'api' && inNamedArea(group)), candidates];
    const main = pools.find((pool) => pool.length > 0)!.reduce((best, group) => (size(group) > size(best) ? group : best));
    if (changeIdTrailers.length > 0 && list.length > 1) notes.push(`Change-Id kept on commit ${list.indexOf(main) + 1} only: Gerrit rejects the same Change-Id on two commits.`);

    const commits = list.map((group, position): SeriesCommit => {
      const members = group.members.map((member) => changes[member]);
      const groupTrailers = [...sharedTrailers, ...(group === main ? changeIdTrailers : [])];
      const message = group === main && original !== null && original.subject !== '' ? { subject: original.subject, body: original.body, trailers: groupTrailers } : describeGroup(group, members, groupTrailers);
      const kinds = new Map<string, number>();
      for (const member of members) kinds.set(member.verdict.kind, (kinds.get(member.verdict.kind) ?? 0) + 1);
      const dominant = [...kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0] as SeriesCommit['kind'];
      return { index: position + 1, kind: group.category === 'functional' && kinds.has('functional') ? 'functional' : dominant, title: message.subject, message: formatCommitMessage(message), changes: members.map((member) => member.id), dependsOn: [] };
    });
    // dependsOn: an earlier commit defining a name this one uses, or touching lines
    // near this one's in the same file (its patch context comes from that commit).
    for (let later = 1; later < list.length; later++) {
      for (let earlier = 0; earlier < later; earlier++) {
        if (needs(list[later], list[earlier]) || nearby(list[later], list[earlier])) commits[later].dependsOn.push(earlier + 1);
      }
    }
    return commits;
  }

  function nearby(a: Group, b: Group): boolean {
    const CONTEXT = 3;
    return a.members.some((x) =>
      b.members.some((y) => {
        const one = changes[x];
        const two = changes[y];
        if (one.fileIndex !== two.fileIndex) return false;
        if (one.old === null || two.old === null) return true;
        const endOne = one.old.start + Math.max(one.old.lines, 1);
        const endTwo = two.old.start + Math.max(two.old.lines, 1);
        return one.old.start <= endTwo + CONTEXT && two.old.start <= endOne + CONTEXT;
      }),
    );
  }

  /** What an API commit's subject names: the public declarations its changes add (`Box`, not also `Box.width`), or undefined without a parse. */
  function publicNames(members: ClassifiedChange[]): string[] | undefined {
    const exported = [...new Set(members.flatMap((member) => symbolsAt(index.get(member.id)!).exports ?? []))];
    return exported.length > 0 ? exported : undefined;
  }

  function describeGroup(group: Group, members: ClassifiedChange[], groupTrailers: CommitMessage['trailers']): CommitMessage {
    const area = areaOf(members.map((member) => member.file));
    const list = describeFiles(members);
    const names = [...new Set(members.flatMap((member) => [...symbolsAt(index.get(member.id)!).defines]))];
    const details = new Set(members.map((member) => member.verdict.detail ?? member.verdict.kind));
    const reasons = [...new Set(members.map((member) => member.verdict.reason))];
    const memberCategories = new Set(members.map((member) => categoryOf(member)));
    if (memberCategories.size > 1 && [...memberCategories].every((category) => NO_OP.has(category))) {
      // Merged no-op kinds (--max-commits): say what is in it, and that none of it changes behaviour.
      return { subject: fit(`${area}: `, ['clean up without functional change']), body: `No functional change.\n\n${reasons.join('\n')}\n\n${list}`, trailers: groupTrailers };
    }
    switch (group.category) {
      case 'format': {
        const formatting = members.some((member) => member.verdict.kind === 'formatting');
        const what = formatting ? 'reformat' : whitespaceWhat(details);
        // Markdown has no token stream to compare: its proof is the render.
        const byRender = members.filter((member) => member.verdict.heuristic === 'format-markdown');
        const byTokens = members.filter((member) => member.verdict.heuristic !== 'format-markdown');
        const proofs = [
          ...(byTokens.length > 0 ? [`the token streams are ${byTokens.some((member) => member.verdict.kind === 'formatting') ? 'equivalent' : 'identical'}`] : []),
          ...(byRender.length > 0 ? ['the Markdown renders to the same HTML'] : []),
        ];
        return { subject: fit(`${area}: `, [what]), body: `${formatting ? 'Formatting' : 'Whitespace'} only; no functional change: ${proofs.join(', and ')}.\n\n${list}`, trailers: groupTrailers };
      }
      case 'comment':
        return { subject: fit(`${area}: `, [details.has('docstring') && details.size === 1 ? 'update docstrings' : 'update comments']), body: `Comments only; no functional change: the code tokens are identical.\n\n${list}`, trailers: groupTrailers };
      case 'refactor': {
        const renames = [...new Set(members.filter((member) => member.verdict.detail === 'rename').map((member) => /Renames (.+?) consistently/.exec(member.verdict.reason)?.[1]).filter((text): text is string => text !== undefined))];
        if (renames.length > 0) {
          const mapping = renames[0].replace(/ → /g, ' to ');
          return { subject: fit(`${area}: `, [`rename ${mapping}`]), body: `Rename ${mapping} across ${area}; no functional change.\n\n${list}`, trailers: groupTrailers };
        }
        if (members.every((member) => member.verdict.kind === 'move')) {
          return { subject: fit(`${area}: move `, names.length > 0 ? names : [`code in ${area}`]), body: `Move code without changing it; no functional change.\n\n${reasons.join('\n')}`, trailers: groupTrailers };
        }
        const what = details.has('import-order') && details.size === 1 ? 'sort imports' : details.has('extract') ? `extract ${names.join(', ') || 'helper'}` : details.has('type-only') && details.size === 1 ? 'change type annotations only' : 'refactor';
        return { subject: fit(`${area}: `, [what]), body: `No functional change.\n\n${reasons.join('\n')}\n\n${list}`, trailers: groupTrailers };
      }
      case 'api':
        return { subject: fit(`${area}: add `, publicNames(members) ?? (names.length > 0 ? names : ['new API'])), body: `Add the API on its own, before the code that uses it, so its design can be reviewed by itself.\n\n${reasons.join('\n')}`, trailers: groupTrailers };
      case 'docs':
        return { subject: fit(`${area}: `, ['update documentation']), body: `Documentation only.\n\n${list}`, trailers: groupTrailers };
      case 'test':
        return { subject: fit(`${area}: `, ['add or update tests']), body: `Tests only.\n\n${list}`, trailers: groupTrailers };
      case 'dependency':
        return { subject: fit(`${area}: `, ['update dependencies']), body: `${reasons.join('\n')}\n\n${list}`, trailers: groupTrailers };
      case 'generated':
        return { subject: fit(`${area}: `, ['regenerate files']), body: `Generated files; review their sources instead.\n\n${list}`, trailers: groupTrailers };
      default: {
        // Not "change default": a module's default export is no name to tell the change by.
        const enclosing = [...new Set(members.map((member) => symbolsAt(index.get(member.id)!).enclosing?.split('::')[1]).filter((name): name is string => name !== undefined && !isExportSlot(name)))];
        const subjects = names.length > 0 ? names : enclosing;
        const dependencyNotes = members.filter((member) => member.verdict.kind === 'dependency' && member.verdict.detail === 'raised-minimum').map((member) => member.verdict.reason);
        const body = [`Functional change; describe the problem it solves and why.`, ...dependencyNotes, list].join('\n\n');
        return { subject: subjects.length > 0 ? fit(`${area}: change `, subjects) : fit(`${area}: `, ['update']), body, trailers: groupTrailers };
      }
    }
  }
}

function whitespaceWhat(details: Set<string>): string {
  if (details.size !== 1) return 'whitespace clean-up';
  const only = [...details][0];
  return only === 'indentation' ? 're-indent' : only === 'trailing-whitespace' ? 'remove trailing whitespace' : only === 'blank-lines' ? 'tidy blank lines' : only === 'line-endings' ? 'normalise line endings' : 'whitespace clean-up';
}

const DELTA_TOKEN = /[A-Za-z_$][\w$]*|\d+|[^\s\w$]/g;

/**
 * What an edit does, apart from where, as join keys: the tokens its removed
 * lines have and its added lines lack, and the other way round, as counted
 * multisets; and, when two or more words are among them, those words alone (the
 * same rewrite of different arguments). None for an edit that only adds or only
 * removes lines (any two new lines of one kind would match), or whose
 * difference holds no word (a bracket or a number alone says nothing about
 * which change it serves).
 */
function editDelta(change: ClassifiedChange): string[] {
  if (change.removed.length === 0 || change.added.length === 0) return [];
  const count = (lines: string[]) => {
    const counts = new Map<string, number>();
    for (const line of lines) for (const token of line.match(DELTA_TOKEN) ?? []) counts.set(token, (counts.get(token) ?? 0) + 1);
    return counts;
  };
  const before = count(change.removed);
  const after = count(change.added);
  const beyond = (mine: Map<string, number>, theirs: Map<string, number>) =>
    [...mine]
      .map(([token, times]) => [token, times - (theirs.get(token) ?? 0)] as const)
      .filter(([, times]) => times > 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const removed = beyond(before, after);
  const added = beyond(after, before);
  const words = (tokens: ReadonlyArray<readonly [string, number]>) => tokens.map(([token]) => token).filter((token) => /^[A-Za-z_$]/.test(token));
  const removedWords = words(removed);
  const addedWords = words(added);
  if (removedWords.length + addedWords.length === 0) return [];
  // The words alone, when there are two or more: `Object.assign(a, b)` → `{ ...a, ...b }`
  // wherever the arguments differ. One word alone (`size_t` brought in) says too little.
  return [JSON.stringify([removed, added]), ...(removedWords.length + addedWords.length >= 2 ? [JSON.stringify([removedWords, addedWords])] : [])];
}

/** `prefix` + as many items as fit in the subject limit. */
function fit(prefix: string, items: string[]): string {
  for (let count = items.length; count > 0; count--) {
    const more = count < items.length ? ' and more' : '';
    const candidate = `${prefix}${items.slice(0, count).join(', ')}${more}`;
    if (candidate.length <= MAX_SUBJECT) return candidate;
  }
  const single = `${prefix}${items[0] ?? ''}`;
  return single.length <= MAX_SUBJECT ? single : single.slice(0, MAX_SUBJECT - 3) + '...';
}

function describeFiles(changes: ClassifiedChange[]): string {
  const byFile = new Map<string, Set<string>>();
  for (const change of changes) {
    const details = byFile.get(change.file) ?? new Set<string>();
    details.add((change.verdict.detail ?? change.verdict.kind).replace(/-/g, ' '));
    byFile.set(change.file, details);
  }
  return [...byFile].map(([file, details]) => `- ${printableName(file)}: ${[...details].join(', ')}`).join('\n');
}
