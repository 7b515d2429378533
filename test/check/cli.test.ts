/**
 * `check`, `lint-message` and `install-hook` through the CLI, in-process, on
 * temporary repositories: exit codes (0 clean or warnings, 1 errors, 2 bad
 * usage), every output format, the policy file, and the history audit.
 */
import * as fs from 'node:fs';
import { TestRepo, cleanupRepos, createRepo, runCliIn } from '../helpers/git-repo';

const C = 'int add(int a, int b) {\n  return a;\n}\n\n\n\n\n\nint sub(int a, int b) {\n    return a - b;\n}\n';
const WHY = '\n\nThe callers need the total, not the first operand.\n';
const NO_CI = { CI: undefined, GITHUB_ACTIONS: undefined };

let repo: TestRepo;
let base: string;
let clean: string;
let tangled: string;
let warned: string;

beforeAll(() => {
  repo = createRepo();
  base = repo.commitFiles(`calc: start${WHY}`, { 'src/calc.c': C });
  clean = repo.commitFiles(`calc: return the sum${WHY}`, { 'src/calc.c': C.replace('return a;', 'return a + b;') });
  tangled = repo.commitFiles(`calc: return the difference${WHY}`, { 'src/calc.c': C.replace('return a;', 'return a - b;').replace('    return a - b;', '  return a - b;') });
  warned = repo.commitFiles(`calc: return the product of both operands, for the new pricing${WHY}`, { 'src/calc.c': C.replace('return a;', 'return a * b;').replace('    return a - b;', '  return a - b;') });
});

afterAll(cleanupRepos);

const check = (argv: string[], env: NodeJS.ProcessEnv = {}) => runCliIn(repo.dir, ['check', ...argv], '', { env: { ...NO_CI, ...env } });

describe('check', () => {
  it('passes a clean commit', async () => {
    const result = await check([`${base}..${clean}`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ [0-9a-f]{12} {2}calc: return the sum/);
    expect(result.stdout).toMatch(/1 commit checked: no findings/);
  });

  it('fails a tangled commit, names the rule and shows the suggested split', async () => {
    const result = await check([`${clean}..${tangled}`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`✗ ${tangled.slice(0, 12)}  calc: return the difference`);
    expect(result.stdout).toMatch(/error {2}mixed-whitespace {2}1 whitespace or formatting change \(indentation; in src\/calc\.c\) beside 1 functional change/);
    expect(result.stdout).toContain(`suggested split into 2 commits (split-advisor suggest ${tangled.slice(0, 12)}):`);
    expect(result.stdout).toMatch(/1 error, 0 warnings in 1 of 1 commit: failed/);
  });

  it('exits 0 with warnings only', async () => {
    const result = await check([`${tangled}..${warned}`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/warn {3}subject-length/);
    expect(result.stdout).toMatch(/passed with warnings/);
  });

  it('reads the policy: severities, ignored paths', async () => {
    repo.write('.split-advisor.json', JSON.stringify({ rules: { 'mixed-whitespace': 'warn' } }));
    try {
      expect((await check([`${clean}..${tangled}`])).code).toBe(0);
      repo.write('.split-advisor.json', JSON.stringify({ ignore: ['src/'] }));
      const ignored = await check([`${clean}..${tangled}`]);
      expect(ignored.code).toBe(0);
      expect(ignored.stdout).not.toContain('mixed-whitespace');
    } finally {
      repo.remove('.split-advisor.json');
    }
  });

  it('names the key of an invalid config and exits 2', async () => {
    repo.write('bad.json', JSON.stringify({ rules: { 'mixed-whitespace': 'fatal' } }));
    const result = await check([`${clean}..${tangled}`, '--config', 'bad.json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('split-advisor: bad.json: rules.mixed-whitespace: "fatal" is not a severity (allowed: off, warn, error)\n');
  });

  it('explains a rule, and refuses an unknown one', async () => {
    const explained = await check(['--explain', 'mixed-whitespace']);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toMatch(/^mixed-whitespace \(default: error; reads the diff\)/);
    expect(explained.stdout).toContain('Whitespace goes in a commit of its own, usually first.');
    const unknown = await check(['--explain', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^split-advisor: unknown rule 'nope' \(known: mixed-whitespace, /);
  });

  it('says how to name a range when there is no upstream', async () => {
    const result = await check([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^split-advisor: branch 'main' has no upstream: name a range/);
  });

  it('prints JSON with findings, the split and the suggest command', async () => {
    const result = await check([`${base}..${warned}`, '--format', 'json']);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ schemaVersion: 1, passed: false, totals: { commits: 3, errors: 1 } });
    const commit = json.commits.find((entry: { sha: string }) => entry.sha === tangled);
    expect(commit.findings[0]).toMatchObject({ rule: 'mixed-whitespace', severity: 'error', file: 'src/calc.c' });
    expect(commit.split).toHaveLength(2);
    expect(commit.suggest).toBe(`split-advisor suggest ${tangled}`);
  });

  it('prints SARIF 2.1.0 with rules and located results', async () => {
    const sarif = JSON.parse((await check([`${clean}..${tangled}`, '--format', 'sarif'])).stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('mixed-whitespace');
    expect(run.results[0]).toMatchObject({ ruleId: 'mixed-whitespace', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'src/calc.c' }, region: { startLine: 10 } } }] });
    expect(run.results[0].partialFingerprints['splitAdvisorCommitRule/v1']).toBe(`${tangled}:mixed-whitespace`);
  });

  it('prints a markdown PR comment', async () => {
    const markdown = (await check([`${clean}..${tangled}`, '--format', 'markdown'])).stdout;
    expect(markdown).toMatch(/^### ❌ split-advisor check: 1 error, 0 warnings in 1 of 1 commit\n/);
    expect(markdown).toContain('| `mixed-whitespace` |');
    expect(markdown).toContain('<details><summary>Suggested split of');
  });

  it('adds GitHub annotations when GITHUB_ACTIONS is set', async () => {
    const result = await check([`${clean}..${tangled}`], { GITHUB_ACTIONS: 'true' });
    expect(result.stdout.split('\n')[0]).toMatch(/^::error file=src\/calc\.c,line=10,title=split-advisor mixed-whitespace \([0-9a-f]{12}\)::[0-9a-f]{12} "calc: return the difference": 1 whitespace/);
    expect(result.stdout).toContain('split-advisor check: 1 commit');
  });

  it('refuses a range with --all, and an unknown format', async () => {
    expect((await check(['HEAD', '--all'])).code).toBe(2);
    const format = await check(['HEAD', '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/Invalid values|unknown format/);
  });

  it('audits everything with --all and prints a summary', async () => {
    const result = await check(['--all']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('history audit of 4 commits (all branches and tags)');
    expect(result.stdout).toMatch(/By rule\n {2}rule +commits +errors +warnings\n {2}mixed-whitespace +1 +1 +0\n {2}subject-length +1 +0 +1\n/);
    expect(result.stdout).toMatch(/By author \(most tangled first\)\n {2}author +commits +tangled +% +message findings\n {2}Test User +4 +1 +25% +1/);
    expect(result.stdout).toContain('Worst offenders');
  });
});

describe('lint-message', () => {
  const lint = (argv: string[], stdin = '') => runCliIn(repo.dir, ['lint-message', ...argv], stdin, { env: NO_CI });

  it('passes a good message and fails a reference-only body', async () => {
    expect((await lint(['-'], `calc: return the sum${WHY}`)).code).toBe(0);
    const bad = await lint(['-'], 'calc: return the sum\n\nhttps://bugs.example.com/1\n');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/error {2}body-only-reference/);
  });

  it('reads a file and strips what git strips: comments and the scissors part', async () => {
    repo.write('.git/MSG', `calc: return the sum${WHY}# Please enter the commit message\n# ------------------------ >8 ------------------------\nhttps://x.example.com/only-a-url\n`);
    expect((await lint(['.git/MSG'])).code).toBe(0);
  });

  it('compares with the staged diff when asked', async () => {
    repo.write('src/calc.c', C.replace('return a;', `return a;\n${'  a += 1;\n'.repeat(12)}`));
    repo.add('src/calc.c');
    try {
      expect((await lint(['-'], 'calc: count\n')).code).toBe(0);
      const staged = await lint(['--staged', '-'], 'calc: count\n');
      expect(staged.code).toBe(1);
      expect(staged.stdout).toMatch(/body-missing/);
      repo.write('ignore-src.json', JSON.stringify({ ignore: ['src/'] }));
      expect((await lint(['--staged', '--config', 'ignore-src.json', '-'], 'calc: count\n')).code).toBe(0);
    } finally {
      repo.git(['reset', '-q', '--hard']);
    }
  });

  it('names a missing file', async () => {
    const result = await lint(['no-such-file']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('split-advisor: cannot read message file: no-such-file (no such file)\n');
  });
});

describe('long ranges', () => {
  it('give the same results on worker threads as on one, with a progress bar only on a terminal', async () => {
    const long = createRepo();
    long.commitFiles(`calc: start${WHY}`, { 'calc.c': C });
    for (let k = 0; k < 44; k++) {
      const whitespace = k % 5 === 0 ? C.replace('    return a - b;', '  return a - b;') : C;
      long.commitFiles(`calc: step ${k}${WHY}`, { 'calc.c': whitespace.replace('return a;', `return a + ${k};`) });
    }
    const one = await runCliIn(long.dir, ['check', 'HEAD~44..HEAD', '--format', 'json', '--jobs', '1'], '', { env: NO_CI });
    const two = await runCliIn(long.dir, ['check', 'HEAD~44..HEAD', '--format', 'json', '--jobs', '2'], '', { env: NO_CI });
    expect(one.code).toBe(1);
    const strip = (text: string) => JSON.parse(text).commits;
    expect(strip(two.stdout)).toEqual(strip(one.stdout));
    expect(strip(one.stdout).filter((commit: { findings: Array<{ rule: string }> }) => commit.findings.some((finding) => finding.rule === 'mixed-whitespace'))).toHaveLength(18);
    // A progress bar on a terminal, none in CI or when piped.
    const tty = await runCliIn(long.dir, ['check', 'HEAD~44..HEAD', '--jobs', '1'], '', { env: NO_CI, isTTY: true });
    expect(tty.stderr).toMatch(/\r\[#+\] 44\/44 commits, \d+\/s/);
    expect((await runCliIn(long.dir, ['check', 'HEAD~44..HEAD', '--jobs', '1'], '', { env: { CI: 'true' }, isTTY: true })).stderr).toBe('');
    expect((await runCliIn(long.dir, ['check', 'HEAD~44..HEAD', '--jobs', '1'], '', { env: NO_CI, isTTY: false })).stderr).toBe('');
  });
});

describe('install-hook', () => {
  it('writes the hook, keeps an existing one as .legacy, and updates its own', async () => {
    const hooked = createRepo();
    fs.mkdirSync(hooked.path('.git/hooks'), { recursive: true });
    fs.writeFileSync(hooked.path('.git/hooks/pre-push'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const first = await runCliIn(hooked.dir, ['install-hook', 'pre-push']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Installed the pre-push hook: .*\.git\/hooks\/pre-push\nKept your existing pre-push hook as pre-push\.legacy/);
    expect(fs.readFileSync(hooked.path('.git/hooks/pre-push.legacy'), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
    expect(fs.readFileSync(hooked.path('.git/hooks/pre-push'), 'utf8')).toMatch(/check --pre-push --remote "\$1"/);
    expect(fs.statSync(hooked.path('.git/hooks/pre-push')).mode & 0o111).not.toBe(0);
    const again = await runCliIn(hooked.dir, ['install-hook']);
    expect(again.stdout).toMatch(/^Updated the pre-push hook/);
    expect(fs.readFileSync(hooked.path('.git/hooks/pre-push.legacy'), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
    expect((await runCliIn(hooked.dir, ['install-hook', 'post-commit'])).code).toBe(2);
  });
});
