/**
 * RuleTester-style table tests for heuristics (after ESLint's `RuleTester.run`).
 *
 * A case is a small file before and after; the tester builds a git-style diff
 * from it, parses it with the real parser, cuts it with the real change builder
 * and classifies it with the heuristic under test followed by functional-default,
 * so every test goes through the same pipeline as the CLI. Cases that need a
 * diff text files cannot express (modes, binaries, renames) pass `diff` instead.
 *
 * - `valid` cases: the heuristic must not give any change one of its positive
 *   kinds (every kind it produces except 'functional').
 * - `invalid` cases: one `expect` entry per change, in order; the count, the
 *   kind, and (when given) detail, messageId and heuristic must all match.
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { functionalDefault } from '../../heuristics/functional-default';
import { buildChanges } from '../../src/changes';
import { classifyChanges, FileContents } from '../../src/classify';
import { Heuristic } from '../../src/heuristic';
import { ChangeKind, ClassifiedChange } from '../../src/model';
import { parsePatch } from '../../src/parse';

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

/** A case given as a ready diff text (mode changes, binaries, renames, submodules). */
export interface DiffCase {
  name: string;
  diff: string;
  /** Full contents per file of the diff; omitted means diff-only analysis. */
  contents?: FileContents[];
}

export type HeuristicCase = FileCase | DiffCase;

export interface ExpectedVerdict {
  kind: ChangeKind;
  detail?: string;
  messageId?: string;
  /** Id of the heuristic expected to decide; defaults to any. */
  heuristic?: string;
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

/** Runs one case through parse → buildChanges → classifyChanges with `heuristic` and functional-default. */
export function classifyCase(heuristic: Heuristic, testCase: HeuristicCase): ClassifiedChange[] {
  const fileCase = 'path' in testCase;
  const diffText = fileCase ? diffOf(testCase.path, testCase.before, testCase.after) : testCase.diff;
  const { files } = parsePatch(diffText);
  if (files.length === 0) throw new Error(`case '${testCase.name}': the diff holds no file (before and after identical?)`);
  const changes = buildChanges(files);
  const contents = fileCase ? (testCase.diffOnly === true ? [] : [{ old: testCase.before, new: testCase.after }]) : (testCase.contents ?? []);
  const active = heuristic === functionalDefault ? [functionalDefault] : [heuristic, functionalDefault];
  return classifyChanges(files, changes, { contents, heuristics: active });
}

/** A readable one-line summary of verdicts, for failure messages. */
function summarise(classified: ClassifiedChange[]): string {
  return classified
    .map((change) => {
      const { kind, detail, messageId, heuristic } = change.verdict;
      return `${change.id} ${kind}${detail === undefined ? '' : `/${detail}`} [${heuristic}:${messageId ?? '?'}] ${JSON.stringify([...change.removed, '=>', ...change.added])}`;
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
    if (valid.length > 0) {
      describe('valid: not claimed', () => {
        it.each(valid.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
          const classified = classifyCase(heuristic, testCase);
          const claimed = classified.filter(
            (change) => change.verdict.heuristic === id && positiveKinds.includes(change.verdict.kind),
          );
          if (claimed.length > 0) {
            throw new Error(`'${testCase.name}': ${id} claimed ${claimed.length} change(s) as ${positiveKinds.join('/')}:\n  ${summarise(classified)}`);
          }
          for (const change of classified) expect(change.verdict.kind).toBe('functional');
        });
      });
    }
    if (invalid.length > 0) {
      describe('invalid: classified as expected', () => {
        it.each(invalid.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
          for (const expected of testCase.expect) {
            if (expected.messageId !== undefined && !knownMessageIds.has(expected.messageId)) {
              throw new Error(`'${testCase.name}': unknown messageId '${expected.messageId}' (known: ${[...knownMessageIds].join(', ')})`);
            }
          }
          const classified = classifyCase(heuristic, testCase);
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
          });
        });
      });
    }
  });
}
