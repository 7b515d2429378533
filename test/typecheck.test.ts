/**
 * `suggest --typecheck`, against real git in temporary repositories: a step
 * that would not type-check is merged with the next one (and a note says so),
 * a series whose steps all type-check is kept, and the flag is a no-op with a
 * note when no TS/JS file changed, without a root tsconfig.json, or for a patch.
 * The projects import no package, so no node_modules is needed.
 */
import * as fs from 'node:fs';
import { TestRepo, cleanupRepos, createRepo, runCliIn, suggestJson } from './helpers/git-repo';

afterAll(cleanupRepos);

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'commonjs', types: [] }, include: ['src'] }, null, 2) + '\n';

const A_BEFORE = ['export interface Options {', '  verbose?: boolean;', '}', '', 'export function run(options: Options): string {', "  return options.verbose ? 'loud' : 'quiet';", '}', ''].join('\n');
const B_BEFORE = ["import { Options, run } from './a';", '', 'const options: Options = { verbose: true };', 'console.log(run(options));', ''].join('\n');

function baseRepo(files: Record<string, string> = {}): TestRepo {
  const repo = createRepo();
  repo.commitFiles('base', { 'tsconfig.json': TSCONFIG, 'src/a.ts': A_BEFORE, 'src/b.ts': B_BEFORE, ...files });
  return repo;
}

/** The ids of the changes each suggested commit holds, with their files. */
function commitsOf(json: Awaited<ReturnType<typeof suggestJson>>): string[][] {
  const fileOf = new Map(json.changes.map((change) => [change.id, change.file]));
  return json.series.map((commit) => commit.changes.map((id) => fileOf.get(id)!));
}

describe('suggest --typecheck', () => {
  it('merges a step that adds a required property before its users are updated', async () => {
    const repo = baseRepo();
    repo.commitFiles('feature: limit and double', {
      'src/a.ts': A_BEFORE.replace('  verbose?: boolean;\n', '  verbose?: boolean;\n  limit: number;\n') + '\nexport function double(value: number): number {\n  return value * 2;\n}\n',
      'src/b.ts': B_BEFORE.replace("{ Options, run }", '{ Options, run, double }').replace('{ verbose: true }', '{ verbose: true, limit: 5 }').replace('run(options))', 'run(options), double(2))'),
    });
    const plain = await suggestJson(repo.dir, ['HEAD']);
    // Without the type check, the new API comes first, alone: b.ts would miss `limit`.
    expect(commitsOf(plain)).toEqual([['src/a.ts', 'src/a.ts'], ['src/b.ts', 'src/b.ts']]);
    const checked = await suggestJson(repo.dir, ['HEAD', '--typecheck']);
    expect(checked.series).toHaveLength(1);
    expect(checked.notes).toContain('Merged two suggested commits: after the first alone, src/b.ts would not type-check (1 new error).');
  });

  it('passes through plan: the plan has the merged step', async () => {
    const repo = baseRepo();
    repo.commitFiles('feature: limit', {
      'src/a.ts': A_BEFORE.replace('  verbose?: boolean;\n', '  verbose?: boolean;\n  limit: number;\n') + '\nexport function double(value: number): number {\n  return value * 2;\n}\n',
      'src/b.ts': B_BEFORE.replace('{ verbose: true }', '{ verbose: true, limit: 5 }'),
    });
    const plain = JSON.parse((await runCliIn(repo.dir, ['plan', 'HEAD', '--format', 'json'])).stdout) as { series: unknown[] };
    const result = await runCliIn(repo.dir, ['plan', 'HEAD', '--format', 'json', '--typecheck']);
    expect(result.code).toBe(0);
    const checked = JSON.parse(result.stdout) as { series: unknown[]; notes: string[] };
    expect(checked.series.length).toBeLessThan(plain.series.length);
    expect(checked.notes.some((note) => /src\/b\.ts would not type-check/.test(note))).toBe(true);
  });

  it('keeps a series whose every step type-checks: the function before its call', async () => {
    const repo = baseRepo();
    repo.commitFiles('feature: double the output', {
      'src/a.ts': A_BEFORE + '\nexport function double(value: number): number {\n  return value * 2;\n}\n',
      'src/b.ts': B_BEFORE.replace("{ Options, run }", '{ Options, run, double }').replace('run(options))', 'run(options), double(2))'),
    });
    const checked = await suggestJson(repo.dir, ['HEAD', '--typecheck']);
    const commits = commitsOf(checked);
    expect(commits.length).toBeGreaterThan(1);
    // The definition is in a commit before (or with) the call.
    const definedIn = commits.findIndex((files) => files.includes('src/a.ts'));
    const calledIn = commits.findIndex((files) => files.includes('src/b.ts'));
    expect(definedIn).toBeLessThanOrEqual(calledIn);
    expect(checked.notes.some((note) => /would not type-check/.test(note))).toBe(false);
    expect(checked.notes.some((note) => /^--typecheck: \d+ prefix\(es\) of the series checked with tsconfig\.json/.test(note))).toBe(true);
  });

  it('holds a step to the errors the original had, not to zero', async () => {
    // b.ts has an error before and after the commit: it is not held against any step.
    const repo = baseRepo({ 'src/b.ts': B_BEFORE + 'const wrong: number = "text";\n' });
    repo.commitFiles('feature: double the output', {
      'src/a.ts': A_BEFORE + '\nexport function double(value: number): number {\n  return value * 2;\n}\n',
      'src/b.ts': B_BEFORE.replace("{ Options, run }", '{ Options, run, double }').replace('run(options))', 'run(options), double(2))') + 'const wrong: number = "text";\n',
    });
    const checked = await suggestJson(repo.dir, ['HEAD', '--typecheck']);
    expect(checked.notes.some((note) => /would not type-check/.test(note))).toBe(false);
    expect(checked.series.length).toBeGreaterThan(1);
  });

  it('is a no-op with a note when no TypeScript/JavaScript file changed', async () => {
    const repo = baseRepo({ 'README.md': '# demo\n' });
    repo.commitFiles('docs: more words', { 'README.md': '# demo\n\nMore words.\n' });
    const checked = await suggestJson(repo.dir, ['HEAD', '--typecheck']);
    expect(checked.notes).toContain('--typecheck: no TypeScript/JavaScript file changed.');
  });

  it('is a no-op with a note without a tsconfig.json at the root', async () => {
    const repo = createRepo();
    repo.commitFiles('base', { 'src/a.ts': A_BEFORE, 'src/b.ts': B_BEFORE });
    repo.commitFiles('feature', { 'src/a.ts': A_BEFORE.replace('  verbose?: boolean;\n', '  verbose?: boolean;\n  limit: number;\n') });
    const checked = await suggestJson(repo.dir, ['HEAD', '--typecheck']);
    expect(checked.notes.some((note) => /^--typecheck: no tsconfig\.json at the repository root of [0-9a-f]{12}; not checked\.$/.test(note))).toBe(true);
  });

  it('is a no-op with a note for a patch', async () => {
    const repo = baseRepo();
    repo.commitFiles('feature', { 'src/a.ts': A_BEFORE.replace('  verbose?: boolean;\n', '  verbose?: boolean;\n  limit: number;\n') });
    const patch = repo.gitRaw(['format-patch', '-1', '--stdout', 'HEAD']);
    fs.writeFileSync(repo.path('change.patch'), patch);
    const checked = await suggestJson(repo.dir, ['--patch', 'change.patch', '--typecheck']);
    expect(checked.notes).toContain('--typecheck applies to a commit or a range only; not checked.');
  });

  it('checks a range against the tree of its last commit', async () => {
    const repo = baseRepo();
    const base = repo.head();
    repo.commitFiles('api', { 'src/a.ts': A_BEFORE.replace('  verbose?: boolean;\n', '  verbose?: boolean;\n  limit: number;\n') });
    repo.commitFiles('users', { 'src/b.ts': B_BEFORE.replace('{ verbose: true }', '{ verbose: true, limit: 5 }') });
    const checked = await suggestJson(repo.dir, [`${base}..HEAD`, '--typecheck']);
    expect(checked.series).toHaveLength(1);
    expect(checked.notes.some((note) => /src\/b\.ts would not type-check/.test(note))).toBe(true);
  });
});
