/**
 * The pure half of plan/apply: laying out a file with some of its changes
 * applied (bytes in, bytes out), reading a hand-edited plan file, and the sh
 * helpers the generated scripts are made of. Diffs come from real
 * `git diff --no-index` runs on temporary files, so the changes are the ones the
 * advisor sees.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildChanges } from '../src/changes';
import { Change } from '../src/model';
import { parsePatch } from '../src/parse';
import { FileSlot, canSplitText, changeDigest, composeText, layoutStep, readPlanFile, splitLines } from '../src/plan';
import { commentLines, embedBytes, shellWord } from '../src/render/shell';
import { cleanupRepos, makeTempDir } from './helpers/git-repo';

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(cleanupRepos);

/** The changes git finds between two versions of one file. */
function changesOf(before: Buffer | string, after: Buffer | string): Change[] {
  fs.writeFileSync(path.join(dir, 'a'), before);
  fs.writeFileSync(path.join(dir, 'b'), after);
  const result = spawnSync('git', ['diff', '--no-index', '--no-color', '-U3', 'a', 'b'], { cwd: dir });
  return buildChanges(parsePatch(result.stdout).files);
}

/** Every subset of the changes, as predicates. */
function subsets(changes: Change[]): Array<Set<string>> {
  const out: Array<Set<string>> = [];
  for (let mask = 0; mask < 1 << changes.length; mask++) out.push(new Set(changes.filter((_change, k) => mask & (1 << k)).map((change) => change.id)));
  return out;
}

describe('composeText', () => {
  const cases: Array<[string, Buffer | string, Buffer | string]> = [
    ['two far-apart edits', 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n', 'A\nb\nc\nd\ne\nf\ng\nh\ni\nJ\n'],
    ['CRLF lines', 'one\r\ntwo\r\nthree\r\nfour\r\nfive\r\nsix\r\nseven\r\neight\r\nnine\r\n', 'ONE\r\ntwo\r\nthree\r\nfour\r\nfive\r\nsix\r\nseven\r\neight\r\nNINE\r\n'],
    ['an insertion after a last line that loses its final newline', 'hello\nworld\n', 'hello\nthere\nworld'],
    ['a final newline added', 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj', 'A\nb\nc\nd\ne\nf\ng\nh\ni\nj\n'],
    ['latin1 bytes', Buffer.from('caf\xe9\n1\n2\n3\n4\n5\n6\n7\n8\nna\xefve\n', 'latin1'), Buffer.from('CAF\xc9\n1\n2\n3\n4\n5\n6\n7\n8\nNA\xcfVE\n', 'latin1')],
  ];
  it.each(cases)('%s: every subset gives one line per line, none and all give back the files', (_name, before, after) => {
    const oldData = Buffer.from(before as string);
    const newData = Buffer.from(after as string);
    const changes = changesOf(oldData, newData);
    expect(changes.length).toBeGreaterThan(1);
    expect(canSplitText(oldData, newData, changes)).toBe(true);
    for (const applied of subsets(changes)) {
      const out = composeText(oldData, newData, changes, (change) => applied.has(change.id));
      if (applied.size === 0) expect(out.equals(oldData)).toBe(true);
      if (applied.size === changes.length) expect(out.equals(newData)).toBe(true);
      // No two lines fused: every line of the result is a line of one of the two files.
      const known = new Set([...splitLines(oldData), ...splitLines(newData)].map((line) => line.toString('latin1').replace(/\n$/, '')));
      for (const line of splitLines(out)) expect(known.has(line.toString('latin1').replace(/\n$/, ''))).toBe(true);
    }
  });

  it('keeps the insertion apart from a line without final newline', () => {
    const changes = changesOf('hello\nworld\n', 'hello\nthere\nworld');
    const insertion = changes.find((change) => change.removed.length === 0)!;
    const out = composeText(Buffer.from('hello\nworld\n'), Buffer.from('hello\nthere\nworld'), changes, (change) => change === insertion);
    expect(out.toString()).toBe('hello\nthere\nworld\n');
  });

  it('refuses changes that do not give back the files', () => {
    const changes = changesOf('a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n', 'A\nb\nc\nd\ne\nf\ng\nh\ni\nJ\n');
    expect(canSplitText(Buffer.from('x\nb\nc\nd\ne\nf\ng\nh\ni\nj\n'), Buffer.from('A\nb\nc\nd\ne\nf\ng\nh\ni\nJ\n'), changes)).toBe(false);
  });
});

describe('layoutStep', () => {
  const entry = (id: string, mode = '100644') => ({ mode, id });
  const change = (id: string): Change => ({ id, fileIndex: 0, hunkIndex: -1, file: 'x', oldFile: 'x', status: 'modified', old: null, new: null, removed: [], added: [], blockStart: 0, blockLength: 0, removedOffset: 0, addedOffset: 0 });
  const bytes = (text: string) => Buffer.from(text);
  const show = (states: ReturnType<typeof layoutStep>) => states.map((state) => `${state.path.toString()}=${state.content === null ? '-' : 'id' in state.content ? state.content.id : 'data'}`);

  it('moves a renamed file with its first change and keeps a copy source', () => {
    const rename: FileSlot = { oldPath: bytes('old'), newPath: bytes('new'), copy: false, old: entry('o'), new: entry('n'), changes: [change('c1')], text: null };
    const copy: FileSlot = { oldPath: bytes('src'), newPath: bytes('dup'), copy: true, old: entry('s'), new: entry('d'), changes: [change('c2')], text: null };
    expect(show(layoutStep([rename, copy], new Set()))).toEqual(['old=o', 'src=s']);
    expect(show(layoutStep([rename, copy], new Set(['c1', 'c2'])))).toEqual(['old=-', 'new=n', 'src=s', 'dup=d']);
  });

  it('lets an applied addition win over an unapplied deletion of the same path (a file turned symlink)', () => {
    const deletion: FileSlot = { oldPath: bytes('config'), newPath: null, copy: false, old: entry('file'), new: null, changes: [change('c1')], text: null };
    const addition: FileSlot = { oldPath: null, newPath: bytes('config'), copy: false, old: null, new: entry('link', '120000'), changes: [change('c2')], text: null };
    const last = (applied: string[]) => show(layoutStep([deletion, addition], new Set(applied))).filter((state) => state.startsWith('config=')).pop();
    expect(last([])).toBe('config=file');
    expect(last(['c2'])).toBe('config=link');
    expect(last(['c1'])).toBe('config=-');
    expect(last(['c1', 'c2'])).toBe('config=link');
  });
});

describe('readPlanFile', () => {
  let changes: Change[];
  beforeAll(() => {
    changes = changesOf('a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n', 'A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL\n');
  });
  const plan = (series: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ series, ...extra });
  const read = (text: string) => readPlanFile(text, 'plan.json', changes, 'f'.repeat(40));

  it('reads commits in order, with the edited title replacing the first line of the message', () => {
    const result = read(plan([{ title: 'b: second', message: 'b: first\n\nbody', changes: ['c2'] }, { message: 'a: only\n\nwhy', changes: ['c1'] }]));
    expect(result.steps.map((step) => step.message)).toEqual(['b: second\n\nbody', 'a: only\n\nwhy']);
    expect(result.steps.map((step) => step.changes)).toEqual([['c2'], ['c1']]);
  });

  const refusals: Array<[string, string, RegExp]> = [
    ['invalid JSON', '{', /plan\.json: not valid JSON/],
    ['no series', '{}', /no "series" list/],
    ['a change in no commit', plan([{ title: 't', changes: ['c1'] }]), /change c2 .* is in no commit/],
    ['a change in two commits', plan([{ title: 't', changes: ['c1', 'c2'] }, { title: 'u', changes: ['c2'] }]), /change c2 is in commits 1 and 2/],
    ['an unknown change', plan([{ title: 't', changes: ['c1', 'c2', 'c9'] }]), /names change c9/],
    ['an empty commit', plan([{ title: 't', changes: ['c1', 'c2'] }, { title: 'u', changes: [] }]), /commit 2 has no changes/],
    ['no title or message', plan([{ changes: ['c1', 'c2'] }]), /neither a "title" nor a "message"/],
    ['a stale digest', plan([{ title: 't', changes: ['c1', 'c2'] }], { changes: [{ id: 'c1', digest: 'nope' }, { id: 'c2' }] }), /no longer matches ffffffffffff: change c1/],
    ['a change the commit lacks', plan([{ title: 't', changes: ['c1', 'c2'] }], { changes: [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }] }), /no longer matches .* change c3/],
  ];
  it.each(refusals)('refuses %s with one line', (_name, text, pattern) => {
    expect(() => read(text)).toThrow(pattern);
    try {
      read(text);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
      expect((error as { exitCode?: number }).exitCode).toBe(2);
    }
  });

  it('accepts the digests it wrote', () => {
    const digests = changes.map((change) => ({ id: change.id, digest: changeDigest(change) }));
    expect(read(plan([{ title: 't', changes: ['c1', 'c2'] }], { changes: digests })).steps).toHaveLength(1);
  });
});

describe('sh helpers', () => {
  const run = (script: string) => spawnSync('sh', ['-c', script], { cwd: dir });

  it('embeds any bytes exactly', () => {
    const samples = [
      Buffer.from('plain\ntext\n'),
      Buffer.from('SPLIT_ADVISOR_EOF\nSPLIT_ADVISOR_EOF_1\nx\n'),
      Buffer.from('no final newline'),
      Buffer.from([0, 1, 2, 0x0a, 0x25, 0x27, 0x5c, 0xe9, 0xff, 0x0d, 0x0a]),
      Buffer.from("'$(touch INJECTED)' `touch INJECTED` %s %% \\n\n"),
      Buffer.from('ünïcödé\r\n'),
    ];
    for (const data of samples) {
      const result = run(embedBytes('"$PWD/out"', data));
      expect(result.status).toBe(0);
      expect(fs.readFileSync(path.join(dir, 'out')).equals(data)).toBe(true);
    }
    expect(fs.existsSync(path.join(dir, 'INJECTED'))).toBe(false);
  });

  it('quotes words and keeps comments on one line', () => {
    const word = "it's $(touch INJECTED) `x` -n";
    expect(run(`printf '%s' ${shellWord(word)}`).stdout.toString()).toBe(word);
    expect(shellWord('plain/path-1.txt')).toBe('plain/path-1.txt');
    expect(shellWord('-x')).toBe("'-x'");
    expect(commentLines('a\nexec rm -rf x\r')).toEqual(['# a', '# exec rm -rf x\\r']);
    expect(commentLines('name\nwith newline', '  ').join('\n')).not.toMatch(/\n[^#]/);
  });
});
