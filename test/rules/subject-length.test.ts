/**
 * subject-length: a warning over thresholds.subjectWarn (50), the configured
 * severity over thresholds.subjectMax (72); a first paragraph of several lines is
 * one subject to git.
 */
import { subjectLength } from '../../src/rules/subject-length';
import { runRuleTests } from '../helpers/rule-tester';

const subject = (length: number) => `area: ${'x'.repeat(length - 6)}`;

runRuleTests(subjectLength, {
  valid: [
    { name: '50 characters', message: `${subject(50)}\n\nbody\n` },
    { name: 'thresholds from the config', message: `${subject(60)}\n`, config: { thresholds: { subjectWarn: 60, subjectMax: 80 } } },
    { name: 'characters, not bytes', message: `${'é'.repeat(50)}\n` },
  ],
  invalid: [
    { name: '51 characters warns', message: `${subject(51)}\n`, expect: [{ severity: 'warn', message: /51 characters: keep it to about 50/ }] },
    { name: '72 characters warns', message: `${subject(72)}\n`, expect: [{ severity: 'warn' }] },
    { name: '73 characters fails', message: `${subject(73)}\n`, expect: [{ severity: 'error', message: /73 characters, over 72/ }] },
    { name: 'a subject over two lines', message: 'parser: accept CRLF line endings in\nhunks and headers alike\n\nbody\n', expect: [{ severity: 'warn', message: /first paragraph has 2 lines/ }] },
    { name: 'configured as a warning, never an error', message: `${subject(80)}\n`, config: { rules: { 'subject-length': 'warn' } }, expect: [{ severity: 'warn' }] },
  ],
});
