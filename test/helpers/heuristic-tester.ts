/**
 * RuleTester-style table tests for heuristics (after ESLint's `RuleTester.run`).
 *
 * A case is a small file before and after; the tester builds a git-style diff
 * from it, parses it with the real parser, cuts it with the real change builder
 * and classifies it with the heuristic under test followed by functional-default,
 * so every test goes through the same pipeline as the CLI. Cases that span
 * several files (moves and renames across files) list them in `files`; cases
 * that need a diff text files cannot express (modes, binaries, renames) pass
 * `diff` instead.
 *
 * - `valid` cases: the heuristic must not give any change one of its positive
 *   kinds (every kind it produces except 'functional').
 * - `invalid` cases: one `expect` entry per change, in order; the count, the
 *   kind, and (when given) detail, messageId, heuristic and links must all match.
 *
 * Options any case may carry:
 * - `syntax: true` gives the classification the real parsers (the TypeScript
 *   service, tree-sitter) for the languages of the case's files, as the CLI
 *   does; heuristics that read declarations (api-surface) need them. Loading is
 *   asynchronous, so `runHeuristicTests` loads them once per table, in a
 *   `beforeAll`, for the languages of all such cases; without the flag a case
 *   runs on the table lexer alone, as before.
 * - `heuristics` replaces the heuristic under test and functional-default with
 *   another list (the full registry, for expectations across heuristics such
 *   as "a moved exported function is a move, not an API removal").
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { functionalDefault } from '../../heuristics/functional-default';
import { buildChanges } from '../../src/changes';
import { classifyChanges, FileContents } from '../../src/classify';
import { Heuristic } from '../../src/heuristic';
import { languageOf } from '../../src/language';
import { ChangeKind, ClassifiedChange } from '../../src/model';
import { parsePatch } from '../../src/parse';
import { loadSyntaxServices } from '../../src/syntax/load';
import { SyntaxService } from '../../src/syntax/types';

/** Options any case form may carry (see the file comment). */
export interface CaseOptions {
  /** Classify with the real parsers for the case's languages, loaded once per table. */
  syntax?: boolean;
  /** Run these heuristics, in order, instead of the one under test and functional-default. */
  heuristics?: readonly Heuristic[];
}

/** A case given as one file's text before and after the change. */
export interface FileCase {
  name: string;
  /** Path inside the repository; its name decides the language. */
  path: string;
  before: string;
  after: string;
  /** Analyse from the diff alone, as for a pasted patch (no full file contents). */
  diffOnly?: boolean;
}

/** One file of a multi-file case; null before means an added file, null after a deleted one. */
export interface CaseFile {
  path: string;
  before: string | null;
  after: string | null;
}

/** A case spanning several files, in diff order (moves and renames across files). */
export interface FilesCase {
  name: string;
  files: CaseFile[];
  /** Analyse from the diff alone, as for a pasted patch (no full file contents). */
  diffOnly?: boolean;
}

/** A case given as a ready diff text (mode changes, binaries, renames, submodules). */
export interface DiffCase {
  name: string;
  diff: string;
  /** Full contents per file of the diff; omitted means diff-only analysis. */
  contents?: FileContents[];
}

export type HeuristicCase = (FileCase | FilesCase | DiffCase) & CaseOptions;

export interface ExpectedVerdict {
  kind: ChangeKind;
  detail?: string;
  messageId?: string;
  /** Id of the heuristic expected to decide; defaults to any. */
  heuristic?: string;
  /** Positions (0-based, in `expect`) of the changes this one's verdict links to, in any order; [] for none. */
  links?: number[];
}

export type InvalidCase = HeuristicCase & { expect: ExpectedVerdict[] };

export interface HeuristicTests {
  valid: HeuristicCase[];
  invalid: InvalidCase[];
}

/** Builds the git-style diff `git diff` would print for one modified file. */
export function diffOf(path: string, before: string, after: string): string {
  const body = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
  return `diff --git a/${path} b/${path}\n${body}`;
}

/**
 * The diff of one file of a multi-file case: `diffOf` for a modified file, with
 * git's `new file mode`/`deleted file mode` header and /dev/null for an added or
 * deleted one.
 */
export function diffOfCaseFile({ path, before, after }: CaseFile): string {
  if (before !== null && after !== null) return diffOf(path, before, after);
  if (before === null && after === null) throw new Error(`file ${path}: before and after cannot both be null`);
  const added = before === null;
  const body = createTwoFilesPatch(added ? '/dev/null' : `a/${path}`, added ? `b/${path}` : '/dev/null', before ?? '', after ?? '', undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
  return `diff --git a/${path} b/${path}\n${added ? 'new' : 'deleted'} file mode 100644\n${body}`;
}

/** The diff text and per-file contents of any case form. */
function diffAndContents(testCase: HeuristicCase): { diffText: string; contents: FileContents[] } {
  if ('path' in testCase) {
    return { diffText: diffOf(testCase.path, testCase.before, testCase.after), contents: testCase.diffOnly === true ? [] : [{ old: testCase.before, new: testCase.after }] };
  }
  if ('files' in testCase) {
    // Identical files make no diff section: they would shift the contents out of step.
    const same = testCase.files.find((file) => file.before === file.after);
    if (same !== undefined) throw new Error(`case '${testCase.name}': file ${same.path} is identical before and after`);
    return {
      diffText: testCase.files.map(diffOfCaseFile).join(''),
      contents: testCase.diffOnly === true ? [] : testCase.files.map((file) => ({ old: file.before, new: file.after })),
    };
  }
  return { diffText: testCase.diff, contents: testCase.contents ?? [] };
}

/** The language ids of a case's files, from their paths. */
export function caseLanguages(testCase: HeuristicCase): string[] {
  const paths =
    'path' in testCase ? [testCase.path]
    : 'files' in testCase ? testCase.files.map((file) => file.path)
    : parsePatch(testCase.diff).files.map((file) => (file.newPath ?? file.oldPath)?.text ?? '');
  return [...new Set(paths.map((path) => languageOf(path).id))];
}

/**
 * The real parsers for the languages of every case marked `syntax: true`;
 * [] when there is none. Async: call it from a `beforeAll`.
 */
export async function loadCaseSyntax(cases: readonly HeuristicCase[]): Promise<SyntaxService[]> {
  const languages = new Set(cases.filter((testCase) => testCase.syntax === true).flatMap(caseLanguages));
  return languages.size === 0 ? [] : loadSyntaxServices(languages);
}

/**
 * Runs one case through parse → buildChanges → classifyChanges with the given
 * heuristics, in order, and the given parsers (none: the table lexer alone).
 */
export function classifyCaseWith(active: readonly Heuristic[], testCase: HeuristicCase, syntax: SyntaxService[] = []): ClassifiedChange[] {
  const { diffText, contents } = diffAndContents(testCase);
  const { files } = parsePatch(diffText);
  if (files.length === 0) throw new Error(`case '${testCase.name}': the diff holds no file (before and after identical?)`);
  const changes = buildChanges(files);
  return classifyChanges(files, changes, { contents, heuristics: active, syntax });
}

/**
 * Runs one case through parse → buildChanges → classifyChanges with `heuristic`
 * and functional-default, or the case's own `heuristics`; `syntax` is used only
 * when the case asks for it.
 */
export function classifyCase(heuristic: Heuristic, testCase: HeuristicCase, syntax: SyntaxService[] = []): ClassifiedChange[] {
  const active = testCase.heuristics ?? (heuristic === functionalDefault ? [functionalDefault] : [heuristic, functionalDefault]);
  return classifyCaseWith(active, testCase, testCase.syntax === true ? syntax : []);
}

/** A readable one-line summary of verdicts, for failure messages. */
export function summarise(classified: ClassifiedChange[]): string {
  return classified
    .map((change) => {
      const { kind, detail, messageId, heuristic } = change.verdict;
      const { links } = change.verdict;
      const linked = links === undefined ? '' : ` links=${links.join(',')}`;
      return `${change.id} ${kind}${detail === undefined ? '' : `/${detail}`} [${heuristic}:${messageId ?? '?'}]${linked} ${JSON.stringify([...change.removed, '=>', ...change.added])}`;
    })
    .join('\n  ');
}

/**
 * Declares a `describe` block for the heuristic with one `it` per case.
 * Failures name the case and list every verdict that was produced.
 */
export function runHeuristicTests(heuristic: Heuristic, { valid, invalid }: HeuristicTests): void {
  const { id, produces, messages } = heuristic.meta;
  const positiveKinds: ChangeKind[] = produces.filter((kind) => kind !== 'functional');
  const knownMessageIds = new Set([...Object.keys(messages), ...Object.keys(functionalDefault.meta.messages)]);

  describe(id, () => {
    let syntax: SyntaxService[] = [];
    const needsSyntax = [...valid, ...invalid].some((testCase) => testCase.syntax === true);
    if (needsSyntax) {
      beforeAll(async () => {
        syntax = await loadCaseSyntax([...valid, ...invalid]);
      });
    }
    if (valid.length > 0) {
      describe('valid: not claimed', () => {
        it.each(valid.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
          const classified = classifyCase(heuristic, testCase, syntax);
          const claimed = classified.filter(
            (change) => change.verdict.heuristic === id && positiveKinds.includes(change.verdict.kind),
          );
          if (claimed.length > 0) {
            throw new Error(`'${testCase.name}': ${id} claimed ${claimed.length} change(s) as ${positiveKinds.join('/')}:\n  ${summarise(classified)}`);
          }
          // With other heuristics than this one, only this one's verdicts are checked.
          if (testCase.heuristics === undefined) for (const change of classified) expect(change.verdict.kind).toBe('functional');
        });
      });
    }
    if (invalid.length > 0) {
      describe('invalid: classified as expected', () => {
        it.each(invalid.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
          const known = testCase.heuristics === undefined ? knownMessageIds : new Set(testCase.heuristics.flatMap((active) => Object.keys(active.meta.messages)));
          for (const expected of testCase.expect) {
            if (expected.messageId !== undefined && !known.has(expected.messageId)) {
              throw new Error(`'${testCase.name}': unknown messageId '${expected.messageId}' (known: ${[...known].join(', ')})`);
            }
          }
          const classified = classifyCase(heuristic, testCase, syntax);
          if (classified.length !== testCase.expect.length) {
            throw new Error(`'${testCase.name}': expected ${testCase.expect.length} change(s), got ${classified.length}:\n  ${summarise(classified)}`);
          }
          classified.forEach((change, k) => {
            const expected = testCase.expect[k];
            const fields = ['kind', 'detail', 'messageId', 'heuristic'] as const;
            const wrong = fields.filter((field) => expected[field] !== undefined && expected[field] !== change.verdict[field]);
            if (wrong.length > 0) {
              const actual = Object.fromEntries(fields.filter((field) => expected[field] !== undefined).map((field) => [field, change.verdict[field]]));
              throw new Error(
                `'${testCase.name}', change ${k + 1}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}:\n  ${summarise(classified)}`,
              );
            }
            if (expected.links !== undefined) {
              const want = expected.links.map((position) => classified[position]?.id ?? `#${position}`).sort();
              const got = [...(change.verdict.links ?? [])].sort();
              if (JSON.stringify(want) !== JSON.stringify(got)) {
                throw new Error(`'${testCase.name}', change ${k + 1}: expected links to ${JSON.stringify(want)}, got ${JSON.stringify(got)}:\n  ${summarise(classified)}`);
              }
            }
          });
        });
      });
    }
  });
}
