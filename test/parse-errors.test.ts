/**
 * What the parser refuses, and where it says the problem is: each malformed or
 * unsupported input must throw a ParseError whose `line` is the 1-based input
 * line at fault and whose message says what is wrong. Inputs that are not diffs
 * at all are not errors: they hold zero files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ParseError, parsePatch } from '../src/parse';
import { FIXTURE_DIR } from './helpers/scenarios';

const lines = (...text: string[]) => text.map((line) => line + '\n').join('');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURE_DIR, `${name}.diff`));
const lineCount = (input: Buffer) => input.toString('latin1').split('\n').length - 1;

const GIT_FILE = ['diff --git a/f.txt b/f.txt', 'index 1234567..89abcde 100644', '--- a/f.txt', '+++ b/f.txt'];

interface ErrorCase {
  name: string;
  input: () => string | Buffer;
  line: number;
  message: RegExp;
}

const errorCases: ErrorCase[] = [
  {
    name: 'a combined diff (diff --cc)',
    input: () => lines('diff --cc f.txt', 'index 1234567,89abcde..0123456', '--- a/f.txt', '+++ b/f.txt', '@@@ -1,1 -1,1 +1,1 @@@', '- a', ' -b', '++c'),
    line: 1,
    message: /combined \(merge\) diff/,
  },
  {
    name: 'a combined diff (diff --combined)',
    input: () => lines('some text', 'diff --combined f.txt'),
    line: 2,
    message: /merge/,
  },
  {
    name: 'git show of a merge commit',
    input: () =>
      lines('commit 0123456789abcdef0123456789abcdef01234567', 'Merge: 1234567 89abcde', 'Author: A <a@example.com>', '', '    Merge branch x', '', 'diff --cc f.txt'),
    line: 7,
    message: /merge.*--first-parent/,
  },
  {
    name: "a hunk starting '@@@' under a git file header",
    input: () => lines(...GIT_FILE, '@@@ -1 -1 +1 @@@', '- a', ' -b', '++c'),
    line: 5,
    message: /merge/,
  },
  {
    name: "a lone '@@@' hunk",
    input: () => lines('@@@ -1,2 -1,2 +1,2 @@@'),
    line: 1,
    message: /merge/,
  },
  {
    name: 'a hunk with fewer lines than its header says, at the end of the input',
    input: () => lines(...GIT_FILE, '@@ -1,3 +1,3 @@', ' a', '-b', '+c'),
    // The hunk runs out at the last line of the input.
    line: 8,
    message: /hunk at line 5 ends early: expected 1 more old and 1 more new lines/,
  },
  {
    name: 'a hunk with fewer lines than its header says, followed by the next file',
    input: () => lines(...GIT_FILE, '@@ -1,3 +1,3 @@', ' a', '-b', '+c', 'diff --git a/g.txt b/g.txt'),
    line: 9,
    message: /hunk at line 5 expected 1 more old and 1 more new lines .*found 'diff --git a\/g.txt b\/g.txt'/,
  },
  {
    name: 'a hunk with fewer lines than its header says, in the middle of a hunk list',
    input: () => lines(...GIT_FILE, '@@ -1,2 +1,2 @@', '-a', '+b', '@@ -10 +10 @@', '-x', '+y'),
    line: 8,
    message: /hunk at line 5 expected 1 more old and 1 more new lines .*found '@@ -10 \+10 @@'/,
  },
  {
    name: 'a hunk with more old lines than its header says',
    input: () => lines(...GIT_FILE, '@@ -1,2 +1,2 @@', ' a', '-b', '-x', '+c'),
    line: 8,
    message: /hunk at line 5 has more old lines than its header '@@ -1,2 \+1,2 @@' counts/,
  },
  {
    name: 'a hunk with more new lines than its header says',
    input: () => lines(...GIT_FILE, '@@ -1,2 +1 @@', '+b', '+c', '-a', '-d'),
    line: 7,
    message: /hunk at line 5 has more new lines than its header/,
  },
  {
    name: 'a hunk header without a file header',
    input: () => lines('@@ -1 +1 @@', '-a', '+b'),
    line: 1,
    message: /hunk header without a file header/,
  },
  {
    name: 'a hunk header after prose, without a file header',
    input: () => lines('Here is my change:', '', '@@ -1 +1 @@', '-a', '+b'),
    line: 3,
    message: /hunk header without a file header/,
  },
  {
    name: "a git file whose hunk has no '---'/'+++' lines",
    input: () => lines('diff --git a/f.txt b/f.txt', 'index 1234567..89abcde 100644', '@@ -1 +1 @@', '-a', '+b'),
    line: 3,
    message: /expected '---' and '\+\+\+' lines before the first hunk/,
  },
  {
    name: "a '---' line without '+++' in a git file",
    input: () => lines('diff --git a/f.txt b/f.txt', '--- a/f.txt', '@@ -1 +1 @@'),
    line: 3,
    message: /expected a '\+\+\+' line/,
  },
  {
    name: "a plain '---'/'+++' pair without a hunk",
    input: () => lines('--- a/f.txt', '+++ b/f.txt', 'not a hunk'),
    line: 3,
    message: /expected a hunk header/,
  },
  {
    name: 'a quoted path with an unknown escape',
    input: () => lines('diff --git "a/x\\q" "b/x\\q"', 'index 1234567..89abcde 100644'),
    line: 1,
    message: /bad escape/,
  },
  {
    name: 'two concatenated format-patch mails',
    input: () => Buffer.concat([fixture('format-patch'), fixture('format-patch')]),
    line: lineCount(fixture('format-patch')) + 1,
    message: /more than one commit or mail/,
  },
  {
    name: 'two concatenated git show outputs (git log -p)',
    input: () => Buffer.concat([fixture('git-show'), Buffer.from('\n'), fixture('git-show')]),
    line: lineCount(fixture('git-show')) + 2,
    message: /more than one commit or mail/,
  },
];

describe('parsePatch refuses', () => {
  it.each(errorCases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
    let caught: unknown;
    try {
      parsePatch(testCase.input());
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ParseError);
    const error = caught as ParseError;
    expect(error.message).toMatch(testCase.message);
    expect(error.line).toBe(testCase.line);
    expect(error.message.startsWith(`line ${testCase.line}: `)).toBe(true);
  });
});

describe('parsePatch accepts without error', () => {
  it.each([
    ['empty input', ''],
    ['prose', lines('Hello,', '', 'this is not a diff at all.', '-- ', 'a signature')],
    ['a lone separator and plus lines', lines('---', '+ not a file', '- nor this')],
    ['binary garbage', Buffer.from([0x00, 0xff, 0xfe, 0x0a, 0xe9, 0x0a])],
  ])('%s, holding zero files', (_name, input) => {
    const parsed = parsePatch(input);
    expect(parsed.files).toEqual([]);
    expect(parsed.message).toBeNull();
  });

  it('lines after a hunk its header already counted are not part of it (as git apply reads them)', () => {
    // git apply stops a hunk when its counts are met and skips what follows up to the
    // next header; the parser does the same, which is also what lets a mail signature
    // (`-- `) follow the last hunk.
    const parsed = parsePatch(lines(...GIT_FILE, '@@ -1 +1 @@', '-a', '+b', '+extra', '-- ', '2.39.5'));
    expect(parsed.files).toHaveLength(1);
    expect(parsed.files[0].hunks[0].lines.map((line) => line.type + line.text)).toEqual(['-a', '+b']);
  });
});
