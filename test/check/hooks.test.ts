/**
 * The hooks, for real: `install-hook` in a temporary repository, then real
 * `git push` to a local bare remote and real `git commit`, so git itself runs
 * the hook (with its pre-push protocol on stdin) and the built CLI
 * (dist/src/cli.js, built by `npm test`'s pretest) decides.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { TestRepo, cleanupRepos, createRepo, gitEnv, gitIn, makeTempDir, runCliIn } from '../helpers/git-repo';

const C = 'int add(int a, int b) {\n  return a;\n}\n\n\n\n\n\nint sub(int a, int b) {\n    return a - b;\n}\n';
const WHY = '\n\nThe callers need the total, not the first operand.\n';
const ENV = { CI: undefined, GITHUB_ACTIONS: undefined };

let repo: TestRepo;
let remote: string;

/** Runs git with hooks enabled (no --no-verify); returns the exit code and both outputs. */
function gitRun(args: string[], input?: string) {
  const result = spawnSync('git', args, { cwd: repo.dir, env: gitEnv({ CI: '', GITHUB_ACTIONS: '' }), input, encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const remoteHas = (ref: string) => spawnSync('git', ['rev-parse', '--verify', '--quiet', ref], { cwd: remote, env: gitEnv(), encoding: 'utf8' }).stdout.trim();

beforeAll(async () => {
  remote = makeTempDir();
  gitIn(remote, ['init', '-q', '--bare', '-b', 'main']);
  repo = createRepo();
  repo.git(['remote', 'add', 'origin', remote]);
  repo.commitFiles(`calc: start${WHY}`, { 'calc.c': C });
  const installed = await runCliIn(repo.dir, ['install-hook', 'pre-push'], '', { env: ENV });
  expect(installed.code).toBe(0);
});

afterAll(cleanupRepos);

describe('pre-push hook', () => {
  it('lets a clean push through', () => {
    const push = gitRun(['push', '-q', 'origin', 'main']);
    expect(push).toMatchObject({ code: 0 });
    expect(push.output).toMatch(/1 commit checked: no findings/);
    expect(remoteHas('refs/heads/main')).toBe(repo.head());
  });

  it('refuses a push with a tangled commit, and leaves the remote as it was', () => {
    const before = repo.head();
    repo.commitFiles(`calc: return the difference${WHY}`, { 'calc.c': C.replace('return a;', 'return a - b;').replace('    return a - b;', '  return a - b;') });
    const push = gitRun(['push', 'origin', 'main']);
    expect(push.code).not.toBe(0);
    expect(push.output).toMatch(/error {2}mixed-whitespace/);
    expect(push.output).toMatch(/failed to push some refs/);
    expect(remoteHas('refs/heads/main')).toBe(before);
    // Fix it the way the report says: split the commit.
    repo.git(['reset', '-q', '--hard', before]);
  });

  it('checks only the new commits of a new branch, and several refs in one push', () => {
    repo.git(['checkout', '-q', '-b', 'topic']);
    repo.commitFiles(`calc: return the sum${WHY}`, { 'calc.c': C.replace('return a;', 'return a + b;') });
    repo.git(['checkout', '-q', '-b', 'other', 'main']);
    repo.commitFiles(`calc: subtract in add${WHY}`, { 'calc.c': C.replace('return a;', 'return a - b;').replace('    return a - b;', '  return a - b;') });
    const both = gitRun(['push', 'origin', 'topic', 'other']);
    expect(both.code).not.toBe(0);
    expect(both.output).toMatch(/2 commits \(push to origin\)/);
    expect(remoteHas('refs/heads/topic')).toBe('');
    const one = gitRun(['push', 'origin', 'topic']);
    expect(one.code).toBe(0);
    expect(one.output).toMatch(/1 commit checked: no findings/);
    repo.git(['checkout', '-q', 'main']);
  });

  it('lets a deletion through without checking anything', () => {
    const push = gitRun(['push', 'origin', ':topic']);
    expect(push.code).toBe(0);
    expect(push.output).toMatch(/Nothing to check/);
    expect(remoteHas('refs/heads/topic')).toBe('');
  });

  it('runs a hook that was there before, first, and stops when it fails', async () => {
    const hooks = repo.path('.git/hooks');
    fs.rmSync(`${hooks}/pre-push`);
    fs.writeFileSync(`${hooks}/pre-push`, '#!/bin/sh\ncat > "$(dirname "$0")/../legacy-stdin"\nexit "${LEGACY_EXIT:-0}"\n', { mode: 0o755 });
    expect((await runCliIn(repo.dir, ['install-hook'], '', { env: ENV })).code).toBe(0);
    repo.commitFiles(`calc: return the sum${WHY}`, { 'calc.c': C.replace('return a;', 'return a + b;') });
    const refused = spawnSync('git', ['push', 'origin', 'main'], { cwd: repo.dir, env: gitEnv({ LEGACY_EXIT: '1' }), encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(fs.readFileSync(repo.path('.git/legacy-stdin'), 'utf8')).toMatch(new RegExp(`^refs/heads/main ${repo.head()} refs/heads/main [0-9a-f]{40}\\n`));
    const push = gitRun(['push', 'origin', 'main']);
    expect(push.code).toBe(0);
    expect(remoteHas('refs/heads/main')).toBe(repo.head());
  });
});

describe('commit-msg hook', () => {
  it('refuses a reference-only message and accepts a good one', async () => {
    expect((await runCliIn(repo.dir, ['install-hook', 'commit-msg'], '', { env: ENV })).code).toBe(0);
    // More than thresholds.trivialLines lines: a reference alone does not explain them.
    repo.write('calc.c', C.replace('return a;', `int r = 0;\n${'  r += a;\n'.repeat(11)}  return a * b + r;`));
    repo.add('calc.c');
    const refused = gitRun(['commit', '-F', '-'], 'calc: multiply\n\nhttps://bugs.example.com/1\n');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/error {2}body-only-reference/);
    const accepted = gitRun(['commit', '-q', '-F', '-'], `calc: multiply${WHY}`);
    expect(accepted.code).toBe(0);
  });
});
