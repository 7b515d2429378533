/**
 * The review page's HTTP contract (../shared prompts: shared-api.md) against a
 * real server on 127.0.0.1, port 0: the fixed asset list, the security headers
 * on every response, the Host/Origin checks, JSON-only bodies and the size
 * limit, one-sentence errors, and reports equal to the CLI's for the same
 * pasted diff or the same repository and revision.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseRequest } from '../../src/serve/analyse-request';
import { CONTENT_SECURITY_POLICY, RunningServer, startServer } from '../../src/serve/server';
import { TestRepo, cleanupRepos, createRepo, gitIn, makeTempDir, runCliIn, suggestJson } from '../helpers/git-repo';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'parse');
const STACK_LINE = /\n\s+at /;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

let server: RunningServer;
let small: RunningServer;
let repo: TestRepo;
let notARepo: string;
const logged: string[] = [];

/** Sends one request; every answer, whatever its status, must carry the security headers. */
function send(target: RunningServer, options: { method?: string; path?: string; headers?: http.OutgoingHttpHeaders; body?: string | Buffer; chunked?: boolean }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { Host: `127.0.0.1:${target.port}`, ...options.headers };
    if (options.body !== undefined && !options.chunked) headers['Content-Length'] = Buffer.byteLength(options.body);
    const request = http.request({ host: '127.0.0.1', port: target.port, method: options.method ?? 'GET', path: options.path ?? '/', headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['referrer-policy']).toBe('no-referrer');
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    // A refused upload may be cut off before all of it is written: the answer still arrives.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}

function analyse(target: RunningServer, body: unknown, headers: http.OutgoingHttpHeaders = {}): Promise<Answer> {
  return send(target, { method: 'POST', path: '/api/analyse', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** A 4xx answer: JSON with one sentence in `error`, no stack, matching `pattern`. */
function expectError(answer: Answer, status: number, pattern: RegExp): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  const body = JSON.parse(answer.text) as { error: string };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error).not.toMatch(/\n/);
  expect(body.error).not.toMatch(STACK_LINE);
  expect(body.error).toMatch(pattern);
}

beforeAll(async () => {
  process.env.GIT_CEILING_DIRECTORIES = fs.realpathSync(os.tmpdir());
  server = await startServer({ analyse: analyseRequest, log: (text) => logged.push(text) });
  small = await startServer({ analyse: analyseRequest, log: (text) => logged.push(text), maxRequestBytes: 1024 * 1024 });
  repo = createRepo();
  repo.commitFiles('project: start', {
    'src/total.ts': 'export function total(values: number[]): number {\n  let sum = 0;\n  for (const value of values) sum += value;\n  return sum;\n}\n',
    'notes.md': '# Notes\n\nNothing yet.\n',
  });
  repo.commitFiles('total: skip negative values\n\nNegative values are refunds, counted elsewhere.\n', {
    'src/total.ts': 'export function total(values: number[]): number {\n    let sum = 0;\n    for (const value of values) if (value > 0) sum += value;\n    return sum;\n}\n',
    'notes.md': '# Notes\n\nRefunds are counted elsewhere.\n',
  });
  notARepo = makeTempDir();
});

afterAll(async () => {
  await server.close();
  await small.close();
  delete process.env.GIT_CEILING_DIRECTORIES;
  cleanupRepos();
});

describe('assets', () => {
  test.each([
    ['/', /^text\/html/, /<textarea id="diff-input"/],
    ['/app.js', /^text\/javascript/, /use strict/],
    ['/app.css', /^text\/css/, /\.line/],
    ['/favicon.svg', /^image\/svg\+xml/, /<svg/],
    ['/?query=ignored', /^text\/html/, /<html/],
  ])('%s is served', async (urlPath, type, content) => {
    const answer = await send(server, { path: urlPath });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(type);
    expect(answer.text).toMatch(content);
  });

  test.each(['/index.html', '/package.json', '/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/app.js', '/app.js/', '//app.js', '/api', '/src/serve/server.ts'])('%s is not found', async (urlPath) => {
    expectError(await send(server, { path: urlPath }), 404, /^no such page/);
  });

  test('the page starts with the server directory in the repository field, as an escaped attribute', async () => {
    const odd = path.join(makeTempDir(), 'a "quoted" <dir> & more');
    fs.mkdirSync(odd);
    const withOdd = await startServer({ analyse: analyseRequest, log: () => {}, repository: odd });
    try {
      const answer = await send(withOdd, { path: '/' });
      expect(answer.text).toContain('content="' + odd.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;') + '" data-repository');
      expect(answer.text).not.toContain('<dir>');
    } finally {
      await withOdd.close();
    }
  });

  test('other methods are refused with 405', async () => {
    expectError(await send(server, { method: 'POST', path: '/', headers: { 'Content-Type': 'application/json' }, body: '{}' }), 405, /GET/);
    expectError(await send(server, { path: '/api/analyse' }), 405, /POST/);
  });
});

describe('who may call', () => {
  test.each([
    ['another name', { Host: 'evil.example:80' }],
    ['a rebinding name on the right port', { Host: 'evil.example:PORT' }],
    ['the right name on another port', { Host: '127.0.0.1:1' }],
    ['no port', { Host: 'localhost' }],
  ])('a Host header of %s is refused', async (_name, headers) => {
    const answer = await send(server, { path: '/', headers: { Host: headers.Host.replace('PORT', String(server.port)) } });
    expectError(answer, 403, /Host header must be 127\.0\.0\.1:\d+ or localhost:\d+/);
  });

  test.each([
    ['another site', 'http://evil.example'],
    ['the same host on another port', 'http://127.0.0.1:1'],
    ['https instead of http', 'https://127.0.0.1:PORT'],
    ['an opaque origin', 'null'],
  ])('an Origin of %s is refused, for the page and the API', async (_name, origin) => {
    const headers = { Origin: origin.replace('PORT', String(server.port)) };
    expectError(await send(server, { path: '/', headers }), 403, /another origin/);
    expectError(await analyse(server, { diff: 'x' }, headers), 403, /another origin/);
  });

  test.each([
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
  ])('the page itself (%s) may call, with or without Origin', async (_name, name) => {
    const host = `${name}:${server.port}`;
    expect((await send(server, { path: '/', headers: { Host: host, Origin: `http://${host}` } })).status).toBe(200);
    expect((await send(server, { path: '/', headers: { Host: host } })).status).toBe(200);
  });
});

describe('request bodies', () => {
  test.each([
    ['no Content-Type', {}],
    ['text/plain', { 'Content-Type': 'text/plain' }],
    ['a form', { 'Content-Type': 'application/x-www-form-urlencoded' }],
  ])('%s is refused with 415', async (_name, headers) => {
    expectError(await send(server, { method: 'POST', path: '/api/analyse', headers, body: '{"diff":"x"}' }), 415, /must be JSON/);
  });

  test('JSON with a charset parameter is accepted', async () => {
    const diff = fs.readFileSync(path.join(FIXTURES, 'modify-lines.diff'), 'utf8');
    const answer = await send(server, { method: 'POST', path: '/api/analyse', headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify({ diff }) });
    expect(answer.status).toBe(200);
  });

  test.each([
    ['a declared length', false],
    ['a chunked upload', true],
  ])('a body over the limit is refused with 413, naming the limit and the option (%s)', async (_name, chunked) => {
    const body = JSON.stringify({ diff: 'x'.repeat(1536 * 1024) });
    const answer = await send(small, { method: 'POST', path: '/api/analyse', headers: { 'Content-Type': 'application/json' }, body, chunked });
    expectError(answer, 413, /^the request is larger than the limit of 1 MiB; restart split-advisor serve with --max-request-size MIB to raise it$/);
  });

  test.each([
    ['not JSON', '{"diff": '],
    ['empty', ''],
  ])('a body that is %s is a 400', async (_name, body) => {
    expectError(await send(server, { method: 'POST', path: '/api/analyse', headers: { 'Content-Type': 'application/json' }, body }), 400, /not valid JSON/);
  });

  test.each([
    ['an array', [], /JSON object/],
    ['a string', 'diff', /JSON object/],
    ['nothing to analyse', {}, /exactly one of/],
    ['two inputs', { diff: 'a', repository: '/tmp' }, /exactly one of/],
    ['an unknown field', { diff: 'a', colour: true }, /unknown field "colour"/],
    ['a diff that is not a string', { diff: 42 }, /"diff" must be a string/],
    ['base64 with foreign characters', { diffBase64: 'not base64!' }, /"diffBase64" must be a base64 string/],
    ['a relative repository', { repository: 'some/dir', revision: 'HEAD' }, /absolute path/],
    ['a bad granularity', { diff: 'a', granularity: 'medium' }, /"granularity" must be one of coarse, normal, fine/],
    ['an empty revision', { repository: '/', revision: ' ' }, /"revision" must be/],
  ])('a request with %s is a 400', async (_name, body, pattern) => {
    expectError(await analyse(server, body), 400, pattern);
  });

  test.each([
    ['prose', 'Just some text.\nNo diff here.\n', /^the pasted diff: no diff found/],
    ['an empty diff', '', /^the pasted diff: the patch is empty/],
    ['a hunk that lies about its length', ['diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1,3 +1,3 @@', ' a', '-b', '+c', ''].join('\n'), /^the pasted diff: /],
    ['a line that is not a diff line inside a hunk', ['diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1,3 +1,3 @@', ' a', '-b', '+c', 'this is not a diff line', ''].join('\n'), /^the pasted diff: /],
  ])('a malformed diff (%s) is a 400 with one sentence', async (_name, diff, pattern) => {
    expectError(await analyse(server, { diff }), 400, pattern);
  });
});

describe('the analysis equals the CLI', () => {
  test.each(['format-patch.diff', 'many-hunks.diff', 'rename-with-edit.diff', 'binary-modify.diff', 'crlf-content.diff'])('a pasted %s gives the report of suggest --patch', async (name) => {
    const file = path.join(FIXTURES, name);
    const answer = await analyse(server, { diff: fs.readFileSync(file, 'utf8') });
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.text);
    const cli = await runCliIn(FIXTURES, ['suggest', '--json', '--patch', name]);
    expect(cli.code).toBe(0);
    expect(body.report).toEqual(JSON.parse(cli.stdout));
    expect(body.downloads.json).toBe(cli.stdout);
    expect(body.downloads.todo).toBeUndefined();
  });

  test('a file sent as base64 keeps its bytes: invalid UTF-8 gives the same report as the file', async () => {
    const name = 'content-non-utf8.diff';
    const bytes = fs.readFileSync(path.join(FIXTURES, name));
    const answer = await analyse(server, { diffBase64: bytes.toString('base64') });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).report).toEqual(await suggestJson(FIXTURES, ['--patch', name]));
  });

  test('a granularity is passed on', async () => {
    const diff = fs.readFileSync(path.join(FIXTURES, 'many-hunks.diff'), 'utf8');
    const answer = await analyse(server, { diff, granularity: 'fine' });
    expect(JSON.parse(answer.text).report).toEqual(await suggestJson(FIXTURES, ['--patch', 'many-hunks.diff', '--granularity', 'fine']));
  });

  test('a repository and a commit give the report of suggest REV --json, and the todo of plan REV', async () => {
    const answer = await analyse(server, { repository: repo.dir, revision: 'HEAD' });
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.text);
    const cli = await runCliIn(repo.dir, ['suggest', 'HEAD', '--json']);
    expect(body.report).toEqual(JSON.parse(cli.stdout));
    expect(body.report.diffOnly).toBe(false);
    expect(body.downloads.json).toBe(cli.stdout);
    const plan = await runCliIn(repo.dir, ['plan', 'HEAD']);
    expect(plan.code).toBe(0);
    expect(body.downloads.todo).toBe(plan.stdout);
  });

  test('a pasted diff is read with full files where serve runs in the repository holding its blobs, as suggest --patch there', async () => {
    const mail = repo.gitRaw(['format-patch', '--stdout', '-1', 'HEAD']).toString('utf8');
    const inRepository = await analyseRequest({ diff: mail }, { directory: repo.dir });
    expect(inRepository.report).toEqual(await suggestJson(repo.dir, ['--patch', '-'], mail));
    expect(inRepository.report.diffOnly).toBe(false);
    // The serve command hands its -C directory on.
    const { startReviewServer } = await import('../../src/serve/command');
    const io = { stdout: () => {}, stderr: () => {}, cwd: repo.dir, env: {}, isTTY: false, readStdin: () => Buffer.alloc(0) };
    const served = await startReviewServer({ port: 0 }, io);
    try {
      const answer = await analyse(served, { diff: mail });
      expect(JSON.parse(answer.text).report).toEqual(inRepository.report);
    } finally {
      await served.close();
    }
    const elsewhere = await analyseRequest({ diff: mail }, { directory: notARepo });
    expect(elsewhere.report.diffOnly).toBe(true);
  });

  test('a range gives the report of suggest a..b --json, and no todo', async () => {
    const answer = await analyse(server, { repository: repo.dir, revision: 'HEAD~1..HEAD' });
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.text);
    expect(body.report).toEqual(await suggestJson(repo.dir, ['HEAD~1..HEAD']));
    expect(body.downloads.todo).toBeUndefined();
  });

  test.each([
    ['an unknown revision', () => ({ repository: repo.dir, revision: 'no-such-branch' }), /unknown revision: no-such-branch/],
    ['an option as a revision', () => ({ repository: repo.dir, revision: '--output=/tmp/x' }), /not a revision/],
    ['a directory that is not a repository', () => ({ repository: notARepo, revision: 'HEAD' }), /not a git repository/],
    ['a directory that does not exist', () => ({ repository: path.join(notARepo, 'missing'), revision: 'HEAD' }), /no such directory/],
  ])('%s is a 400', async (_name, body, pattern) => {
    expectError(await analyse(server, body()), 400, pattern);
  });
});

describe('the per-line view', () => {
  test('every changed line names its change, and every change covers exactly its lines', async () => {
    const answer = await analyse(server, { repository: repo.dir, revision: 'HEAD' });
    const body = JSON.parse(answer.text) as {
      report: { changes: Array<{ id: string; file: string; old: { start: number; lines: number } | null; new: { start: number; lines: number } | null }> };
      files: Array<{ path: string; hunks: Array<{ header: string; lines: Array<{ type: string; oldLine: number | null; newLine: number | null; change: string | null }> }> }>;
    };
    for (const change of body.report.changes) {
      const lines = body.files.filter((file) => file.path === change.file).flatMap((file) => file.hunks.flatMap((hunk) => hunk.lines)).filter((line) => line.change === change.id);
      const removed = lines.filter((line) => line.type === '-').map((line) => line.oldLine);
      const added = lines.filter((line) => line.type === '+').map((line) => line.newLine);
      expect(removed).toEqual(Array.from({ length: change.old?.lines ?? 0 }, (_, k) => change.old!.start + k));
      expect(added).toEqual(Array.from({ length: change.new?.lines ?? 0 }, (_, k) => change.new!.start + k));
    }
    const all = body.files.flatMap((file) => file.hunks.flatMap((hunk) => hunk.lines));
    expect(all.filter((line) => line.type !== ' ' && line.change === null)).toEqual([]);
    expect(all.filter((line) => line.type === ' ' && line.change !== null)).toEqual([]);
    expect(body.files[0].hunks[0].header).toMatch(/^@@ -\d+(,\d+)? \+\d+(,\d+)? @@/);
  });
});

describe('summary, markdown and the series as patches', () => {
  test('the summary counts every changed line once, by the shared table', async () => {
    const body = JSON.parse((await analyse(server, { repository: repo.dir, revision: 'HEAD' })).text);
    const changed = (body.report.changes as Array<{ old: { lines: number } | null; new: { lines: number } | null }>).reduce((sum, change) => sum + (change.old?.lines ?? 0) + (change.new?.lines ?? 0), 0);
    expect(body.summary.totalLines).toBe(changed);
    expect(body.summary.lines.read + body.summary.lines.skim + body.summary.lines.generated).toBe(changed);
    const kinds = new Set((body.report.changes as Array<{ kind: string }>).map((change) => change.kind));
    expect(new Set((body.summary.byKind as Array<{ kind: string }>).map((entry) => entry.kind))).toEqual(kinds);
  });

  test('the markdown is suggest --format markdown', async () => {
    const body = JSON.parse((await analyse(server, { diff: fs.readFileSync(path.join(FIXTURES, 'format-patch.diff'), 'utf8') })).text);
    const cli = await runCliIn(FIXTURES, ['suggest', '--format', 'markdown', '--patch', 'format-patch.diff']);
    expect(cli.code).toBe(0);
    // The same text, but for the patch's name: a pasted diff has none.
    expect(body.markdown).toBe(cli.stdout.replace('in patch format\\-patch\\.diff "', 'in patch "').replace('in patch format\\-patch\\.diff &quot;', 'in patch &quot;'));
    expect(body.markdown).not.toBe(cli.stdout);
  });

  test.each([
    ['the mbox, with git am', 'mbox'],
    ['the script, with sh', 'script'],
  ])('%s, rebuilds the commit on its parent, with its author', async (_name, download) => {
    const body = JSON.parse((await analyse(server, { repository: repo.dir, revision: 'HEAD' })).text);
    expect(body.report.series.length).toBeGreaterThan(1);
    const clone = path.join(makeTempDir(), 'clone');
    gitIn(repo.dir, ['clone', '-q', repo.dir, clone]);
    gitIn(clone, ['config', 'user.name', 'Reviewer']);
    gitIn(clone, ['config', 'user.email', 'reviewer@example.com']);
    gitIn(clone, ['checkout', '-q', '-b', 'series', 'HEAD~1']);
    const file = path.join(makeTempDir(), download);
    fs.writeFileSync(file, body.downloads[download]);
    if (download === 'mbox') gitIn(clone, ['am', '-q', '--patch-format=mboxrd', file]);
    else gitIn(clone, ['-c', 'alias.x=!sh', 'x', file]);
    expect(gitIn(clone, ['rev-parse', 'HEAD^{tree}']).toString().trim()).toBe(repo.git(['rev-parse', 'HEAD^{tree}']));
    const count = Number(gitIn(clone, ['rev-list', '--count', `${repo.git(['rev-parse', 'HEAD~1'])}..HEAD`]).toString().trim());
    expect(count).toBe(body.report.series.length);
    if (download === 'mbox') expect(gitIn(clone, ['log', '-1', '--format=%an <%ae>']).toString().trim()).toBe('Test User <test@example.com>');
  });

  test('a series that cannot be written as patches keeps its report, and says why there is no mbox or script', async () => {
    const diff = 'diff --git a/image.png b/image.png\nindex 1111111..2222222 100644\nBinary files a/image.png and b/image.png differ\n';
    const body = JSON.parse((await analyse(server, { diff })).text);
    expect(body.report.changes).toHaveLength(1);
    expect(Object.keys(body.downloads)).toEqual(['json']);
    expect(body.downloadsNote).toMatch(/^No mbox or script: image\.png is a binary change without its binary patch/);
  });
});

describe('links', () => {
  test('the two halves of a move link to each other', async () => {
    const moved = 'static int add_numbers(int first, int second)\n{\n\treturn first + second;\n}\n';
    const stays = 'int main(void)\n{\n\tint total = add_numbers(1, 2);\n\tprintf("%d\\n", total);\n\treturn total > 3 ? 1 : 0;\n}\n';
    const moves = createRepo();
    moves.commitFiles('start', { 'x.c': `${moved}\n${stays}` });
    moves.commitFiles('x: define add_numbers after main', { 'x.c': `${stays}\n${moved}` });
    const body = JSON.parse((await analyse(server, { repository: moves.dir, revision: 'HEAD' })).text) as { report: { changes: Array<{ id: string; kind: string }> }; links: Record<string, string[]> };
    expect(body.report.changes.map((change) => change.kind)).toEqual(['move', 'move']);
    expect(body.links).toEqual({ c1: ['c2'], c2: ['c1'] });
  });

  test('changes that link to nothing are left out', async () => {
    const body = JSON.parse((await analyse(server, { diff: fs.readFileSync(path.join(FIXTURES, 'modify-lines.diff'), 'utf8') })).text);
    expect(body.links).toEqual({});
  });
});

describe('internal errors', () => {
  test('are a 500 with one sentence; the stack goes to the log only', async () => {
    const log: string[] = [];
    const failing = await startServer({
      analyse: () => Promise.reject(new Error('secret detail from deep inside')),
      log: (text) => log.push(text),
    });
    try {
      const answer = await analyse(failing, { diff: 'x' });
      expect(answer.status).toBe(500);
      const body = JSON.parse(answer.text) as { error: string };
      expect(body.error).toMatch(/^internal error: /);
      expect(answer.text).not.toContain('secret');
      expect(answer.text).not.toMatch(/ at /);
      expect(log.join('')).toContain('secret detail from deep inside');
      expect(log.join('')).toMatch(STACK_LINE);
    } finally {
      await failing.close();
    }
  });
});
