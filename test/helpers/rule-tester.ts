/**
 * Table tests for `check` rules (after ESLint's RuleTester). A case is a commit
 * message and, optionally, the files it changes (before/after texts); the tester
 * builds the diff, runs it through the same stages as `check` (changes →
 * classify with check's heuristics → series), and runs the one rule under test
 * with the case's config (defaults otherwise).
 *
 * - `valid` cases: the rule reports nothing.
 * - `invalid` cases: one `expect` entry per finding, in order; severity and a
 *   pattern for the message are checked when given.
 *
 * A case without `files` has no diff, like `lint-message` without `--staged`.
 */
import { diffFacts } from '../../src/check/analyse';
import { CheckConfig, validateConfig } from '../../src/check/config';
import { Rule } from '../../src/check/rule';
import { runRules } from '../../src/check/analyse';
import { CHECK_HEURISTICS } from '../../src/check/run';
import { languageOf } from '../../src/language';
import { parseCommitMessage } from '../../src/message';
import { parsePatch } from '../../src/parse';
import { rules } from '../../src/rules';
import { loadSyntaxServices } from '../../src/syntax/load';
import { SyntaxService } from '../../src/syntax/types';
import { CaseFile, diffOfCaseFile } from './heuristic-tester';

export interface RuleCase {
  name: string;
  message: string;
  files?: CaseFile[];
  /** Analyse without full file contents. */
  diffOnly?: boolean;
  /** Give the analysis the real parsers (needed for api-addition). */
  syntax?: boolean;
  /** A config object as in .split-advisor.json. */
  config?: unknown;
}

export interface ExpectedFinding {
  severity?: 'warn' | 'error';
  message?: RegExp;
  file?: string;
}

export type InvalidRuleCase = RuleCase & { expect: ExpectedFinding[] };

export function configOf(raw: unknown = {}): CheckConfig {
  return validateConfig(raw, 'test config', rules.map((rule) => rule.meta));
}

/** The findings of one rule for one case. */
export function runRuleCase(rule: Rule, testCase: RuleCase, syntax: SyntaxService[] = []) {
  const config = configOf(testCase.config);
  const message = parseCommitMessage(testCase.message);
  let diff = null;
  if (testCase.files !== undefined) {
    const { files } = parsePatch(testCase.files.map(diffOfCaseFile).join(''));
    const contents = testCase.diffOnly ? [] : testCase.files.map((file) => ({ old: file.before ?? '', new: file.after ?? '' }));
    diff = diffFacts({ kind: 'commit', rev: '0'.repeat(40), subject: message.subject }, files, contents, message, testCase.syntax ? syntax : [], CHECK_HEURISTICS);
  }
  const analysis = { sha: testCase.files === undefined ? null : '0'.repeat(40), author: 'Test <t@example.com>', rawMessage: testCase.message, message, diff };
  return { findings: runRules(analysis, config, [rule]), analysis };
}

function describeAnalysis(analysis: ReturnType<typeof runRuleCase>['analysis']): string {
  if (analysis.diff === null) return '(no diff)';
  const changes = analysis.diff.report.changes.map((change) => `${change.id} ${change.file} ${change.verdict.kind}${change.verdict.detail ? '/' + change.verdict.detail : ''}`).join('; ');
  const series = analysis.diff.report.series.map((step) => `${step.index}:${step.kind}[${step.changes.join(',')}]`).join(' ');
  return `changes: ${changes}\n  series: ${series}`;
}

export function runRuleTests(rule: Rule, { valid, invalid }: { valid: RuleCase[]; invalid: InvalidRuleCase[] }): void {
  describe(rule.meta.id, () => {
    let syntax: SyntaxService[] = [];
    const withSyntax = [...valid, ...invalid].filter((testCase) => testCase.syntax && testCase.files !== undefined);
    if (withSyntax.length > 0) {
      beforeAll(async () => {
        syntax = await loadSyntaxServices(new Set(withSyntax.flatMap((testCase) => testCase.files!.map((file) => languageOf(file.path).id))));
      });
    }
    if (valid.length > 0) {
      describe('valid: no finding', () => {
        it.each(valid.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
          const { findings, analysis } = runRuleCase(rule, testCase, syntax);
          if (findings.length > 0) throw new Error(`'${testCase.name}': unexpected finding(s):\n  ${findings.map((finding) => `${finding.severity} ${finding.message}`).join('\n  ')}\n  ${describeAnalysis(analysis)}`);
        });
      });
    }
    if (invalid.length > 0) {
      describe('invalid: reported', () => {
        it.each(invalid.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
          const { findings, analysis } = runRuleCase(rule, testCase, syntax);
          if (findings.length !== testCase.expect.length) {
            throw new Error(`'${testCase.name}': expected ${testCase.expect.length} finding(s), got ${findings.length}:\n  ${findings.map((finding) => `${finding.severity} ${finding.message}`).join('\n  ')}\n  ${describeAnalysis(analysis)}`);
          }
          testCase.expect.forEach((expected, k) => {
            const found = findings[k];
            expect(found.rule).toBe(rule.meta.id);
            if (expected.severity !== undefined) expect(found.severity).toBe(expected.severity);
            if (expected.message !== undefined) expect(found.message).toMatch(expected.message);
            if (expected.file !== undefined) expect(found.file).toBe(expected.file);
          });
        });
      });
    }
  });
}
