/**
 * The text output (no --json): a summary line first, and colour only when it
 * is wanted: on a terminal without NO_COLOR, or with --color; never with
 * --no-color, NO_COLOR, or a pipe.
 */
import { TestRepo, cleanupRepos, createRepo, runCliIn } from './helpers/git-repo';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

let repo: TestRepo;
let commit: string;
let empty: string;

beforeAll(() => {
  repo = createRepo();
  repo.commitFiles('project: start', { 'src/a.c': 'int f(void)\n{\n  return 1;\n}\n', 'b.py': 'x = 1\n' });
  commit = repo.commitFiles('a: return two', { 'src/a.c': 'int f(void)\n{\n    return 2;\n}\n', 'b.py': 'x = 1\ny = 2\n' });
  empty = repo.commit('nothing: an empty commit', { allowEmpty: true });
});

afterAll(cleanupRepos);

/** Neither NO_COLOR nor FORCE_COLOR (jest may set the latter), and a terminal that can show colour. */
const plainEnv = { NO_COLOR: undefined, FORCE_COLOR: undefined, TERM: 'xterm-256color' };

test('starts with a summary line naming the number of suggested commits', async () => {
  const result = await runCliIn(repo.dir, ['suggest', commit], '', { env: plainEnv });
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  const [first] = result.stdout.split('\n');
  expect(first).toMatch(/^\d+ commits? suggested for commit [0-9a-f]{12} "a: return two": \d+ changes? in 2 files/);
  expect(result.stdout).toContain('src/a.c');
  expect(result.stdout).toContain('b.py');
});

test('an empty commit says there is nothing to split', async () => {
  const result = await runCliIn(repo.dir, ['suggest', empty], '', { env: plainEnv });
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^Nothing to split in commit [0-9a-f]{12}/);
});

test.each([
  ['a pipe (not a terminal)', [], false, {}, false],
  ['a terminal', [], true, {}, true],
  ['a terminal with NO_COLOR=1', [], true, { NO_COLOR: '1' }, false],
  ['a terminal with TERM=dumb', [], true, { TERM: 'dumb' }, false],
  ['a terminal with --no-color', ['--no-color'], true, {}, false],
  ['a pipe with --color', ['--color'], false, {}, true],
  ['a pipe with --color and NO_COLOR=1', ['--color'], false, { NO_COLOR: '1' }, true],
  ['a pipe with FORCE_COLOR=1', [], false, { FORCE_COLOR: '1' }, true],
] as Array<[string, string[], boolean, Record<string, string>, boolean]>)('colour on %s', async (_name, flags, isTTY, env, colored) => {
  const result = await runCliIn(repo.dir, ['suggest', ...flags, commit], '', { env: { ...plainEnv, ...env }, isTTY });
  expect(result.code).toBe(0);
  expect(ANSI.test(result.stdout)).toBe(colored);
  // Colour never changes the words.
  // eslint-disable-next-line no-control-regex
  expect(result.stdout.replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0]).toMatch(/^\d+ commits? suggested/);
});

test('--json output has no colour even when forced', async () => {
  const result = await runCliIn(repo.dir, ['suggest', '--json', '--color', commit], '', { env: plainEnv, isTTY: true });
  expect(result.code).toBe(0);
  expect(ANSI.test(result.stdout)).toBe(false);
  expect(() => JSON.parse(result.stdout)).not.toThrow();
});
