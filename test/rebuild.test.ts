/**
 * A pasted diff inside a checkout: src/rebuild.ts puts the hunks on the old text
 * exactly as git does (checked against the text git itself has), refuses hunks that
 * do not fit, and `suggest --patch` then analyses full files when the repository
 * holds the diff's old blobs, and the diff alone elsewhere.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cleanupRepos, createRepo, makeTempDir, suggestJson } from './helpers/git-repo';
import { parsePatch } from '../src/parse';
import { blobId, rebuildNewText } from '../src/rebuild';

afterAll(cleanupRepos);

const many = (count: number, word = 'line') => Array.from({ length: count }, (_, k) => `${word} ${k + 1}`).join('\n') + '\n';

describe('rebuildNewText gives the text git gives', () => {
  const cases: Array<{ name: string; before: string; after: string }> = [
    { name: 'one line changed in the middle', before: many(20), after: many(20).replace('line 10\n', 'line ten\n') },
    { name: 'lines added at the start', before: many(8), after: 'first\nsecond\n' + many(8) },
    { name: 'lines added at the end', before: many(8), after: many(8) + 'last\n' },
    { name: 'lines removed at the end', before: many(8), after: many(6) },
    { name: 'two far-apart hunks', before: many(60), after: many(60).replace('line 3\n', 'three\n').replace('line 50\n', '') },
    { name: 'the final newline removed', before: many(5), after: many(5).replace(/\n$/, '') },
    { name: 'the final newline added', before: many(5).replace(/\n$/, ''), after: many(5) },
    { name: 'last line changed, still without newline', before: 'a\nb\nc', after: 'a\nb\nC' },
    { name: 'a line added after a last line without newline', before: 'a\nb', after: 'a\nb\nc\n' },
    { name: 'everything removed', before: many(4), after: '' },
    { name: 'a file created from nothing', before: '', after: many(3) },
    { name: 'CRLF lines', before: 'a\r\nb\r\nc\r\n', after: 'a\r\nB\r\nc\r\n' },
    { name: 'unicode text', before: 'café\nnaïve\n', after: 'café\nnaïf\n' },
  ];

  test.each(cases)('$name', ({ before, after }) => {
    const repo = createRepo();
    repo.commitFiles('base', { 'f.txt': before });
    repo.write('f.txt', after);
    const parsed = parsePatch(repo.gitRaw(['diff', '--no-color', '--no-ext-diff', '-U3']));
    expect(parsed.files).toHaveLength(1);
    expect(rebuildNewText(before, parsed.files[0])).toBe(after);
    // Zero context: git's hunks still fit.
    const unified0 = parsePatch(repo.gitRaw(['diff', '--no-color', '--no-ext-diff', '-U0']));
    expect(rebuildNewText(before, unified0.files[0])).toBe(after);
  });

  test.each([
    { name: 'a context line that differs', old: many(20).replace('line 9\n', 'line nine\n') },
    { name: 'a removed line that differs', old: many(20).replace('line 10\n', 'LINE 10\n') },
    { name: 'a file too short for the hunk', old: many(5) },
  ])('refuses hunks that do not fit: $name', ({ old }) => {
    const repo = createRepo();
    repo.commitFiles('base', { 'f.txt': many(20) });
    repo.write('f.txt', many(20).replace('line 10\n', 'line ten\n'));
    const patch = repo.gitRaw(['diff', '--no-color']);
    expect(rebuildNewText(old, parsePatch(patch).files[0])).toBeNull();
  });

  test('refuses a diff whose last line lacks its newline when the old text has one', () => {
    const repo = createRepo();
    repo.commitFiles('base', { 'f.txt': 'a\nb' });
    repo.write('f.txt', 'a\nB');
    const file = parsePatch(repo.gitRaw(['diff', '--no-color'])).files[0];
    expect(rebuildNewText('a\nb', file)).toBe('a\nB');
    expect(rebuildNewText('a\nb\n', file)).toBeNull();
  });

  test('blobId is the id git gives', () => {
    const repo = createRepo();
    const data = Buffer.from('some text\nwith two lines\n');
    expect(blobId(data, 'sha1')).toBe(repo.git(['hash-object', '--stdin'], { input: data }));
  });
});

describe('suggest --patch inside a checkout reads full files', () => {
  /** A file whose re-indentation is whitespace only with the whole file, and not provable from the hunk alone. */
  const SOURCE = [
    'export function total(items: number[]): number {',
    '  let sum = 0;',
    '  const text = `a template',
    '    that spans lines`;',
    '  for (const item of items) {',
    '    sum += item;',
    '  }',
    '  return sum + text.length;',
    '}',
    '',
  ].join('\n');
  const REINDENTED = SOURCE.replace('    sum += item;', '        sum += item;');

  function pasteCase() {
    const repo = createRepo();
    repo.commitFiles('base', { 'src/total.ts': SOURCE });
    repo.write('src/total.ts', REINDENTED);
    // git diff names the new blob by a hash it never stored: the new text must be rebuilt.
    const patch = repo.gitRaw(['diff', '--no-color']);
    repo.git(['checkout', '--', '.']);
    const file = path.join(makeTempDir(), 'change.diff');
    fs.writeFileSync(file, patch);
    return { repo, file, patch };
  }

  test('the old blob in the store, the new one rebuilt: full files, so the re-indent is whitespace', async () => {
    const { repo, file } = pasteCase();
    const json = await suggestJson(repo.dir, ['--patch', file]);
    expect(json.diffOnly).toBe(false);
    expect(json.changes.map((change) => change.kind)).toEqual(['whitespace']);
    expect(json.notes.join(' ')).not.toMatch(/diff alone/);
  });

  test('outside any repository the same patch is analysed from the diff alone', async () => {
    const { file } = pasteCase();
    const json = await suggestJson(path.dirname(file), ['--patch', file]);
    expect(json.diffOnly).toBe(true);
    expect(json.notes.join(' ')).toMatch(/diff alone/);
  });

  test('standard input inside the checkout is read the same way', async () => {
    const { repo, patch } = pasteCase();
    const json = await suggestJson(repo.dir, ['--patch', '-'], patch);
    expect(json.diffOnly).toBe(false);
  });

  test('a hunk edited by hand no longer fits: that file falls back to the diff alone, with a note', async () => {
    const { repo, patch } = pasteCase();
    repo.commitFiles('another file', { 'other.txt': many(10) });
    repo.write('other.txt', many(10).replace('line 5\n', 'five\n'));
    const second = repo.gitRaw(['diff', '--no-color']);
    repo.git(['checkout', '--', '.']);
    // The first file's hunk now claims a context line its old blob does not have.
    const edited = Buffer.concat([Buffer.from(patch.toString('utf8').replace('   for (const item of items) {', '   for (let item of items) {')), second]);
    const json = await suggestJson(repo.dir, ['--patch', '-'], edited);
    expect(json.diffOnly).toBe(false);
    expect(json.notes.join(' ')).toMatch(/Full files read from this repository for 1 of 2 text files/);
  });

  test('a new blob id that the rebuilt text does not hash to is not trusted', async () => {
    const { repo, patch } = pasteCase();
    // Same hunks, but the index line names another new blob: the text cannot be proven.
    const forged = patch.toString('utf8').replace(/^index ([0-9a-f]+)\.\.([0-9a-f]+)/m, (_line, old: string, current: string) => `index ${old}..${'0123456'.slice(0, current.length).padEnd(current.length, '1')}`);
    const json = await suggestJson(repo.dir, ['--patch', '-'], forged);
    expect(json.diffOnly).toBe(true);
  });
});
