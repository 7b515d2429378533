/**
 * How findings get their severity: the configured one, a milder one when the
 * rule asks (never a harsher one), none for a rule turned off; and no message
 * rules for fixup!/squash!/amend! commits, which autosquash folds away.
 */
import { runRules } from '../../src/check/analyse';
import { subjectLength } from '../../src/rules/subject-length';
import { subjectMissing } from '../../src/rules/subject-missing';
import { parseCommitMessage } from '../../src/message';
import { configOf } from '../helpers/rule-tester';

const analysis = (raw: string) => ({ sha: null, author: null, rawMessage: raw, message: parseCommitMessage(raw), diff: null });
const LONG = `area: ${'x'.repeat(80)}\n`;
const MEDIUM = `area: ${'x'.repeat(50)}\n`;

describe('runRules', () => {
  it('uses the configured severity, a milder one when the finding asks, and skips rules turned off', () => {
    expect(runRules(analysis(LONG), configOf(), [subjectLength]).map((finding) => finding.severity)).toEqual(['error']);
    expect(runRules(analysis(MEDIUM), configOf(), [subjectLength]).map((finding) => finding.severity)).toEqual(['warn']);
    expect(runRules(analysis(LONG), configOf({ rules: { 'subject-length': 'warn' } }), [subjectLength]).map((finding) => finding.severity)).toEqual(['warn']);
    expect(runRules(analysis(LONG), configOf({ rules: { 'subject-length': 'off' } }), [subjectLength])).toEqual([]);
  });

  it('puts errors first', () => {
    const findings = runRules(analysis(MEDIUM), configOf(), [subjectLength, subjectMissing]);
    expect(findings.map((finding) => finding.rule)).toEqual(['subject-length']);
    const both = runRules(analysis('\n'), configOf({ rules: { 'subject-missing': 'warn' } }), [subjectMissing, subjectLength]);
    expect(both.map((finding) => `${finding.rule}:${finding.severity}`)).toEqual(['subject-missing:warn']);
  });

  it.each(['fixup! ', 'squash! ', 'amend! '])('runs no message rule on a %scommit', (prefix) => {
    expect(runRules(analysis(`${prefix}${'x'.repeat(80)}\n`), configOf(), [subjectLength])).toEqual([]);
  });
});
