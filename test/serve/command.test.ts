/**
 * `split-advisor serve`: prints its address and serves until SIGINT/SIGTERM
 * (exit 0); a port in use, a bad option or a bad -C is one line and exit 2;
 * --open runs the desktop's opener and only warns when it fails. The last
 * case runs the built CLI as a real process, so the assets must be in dist.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { CliIo, runCli } from '../../src/cli';
import { CONTENT_SECURITY_POLICY } from '../../src/serve/server';
import { cleanupRepos, makeTempDir, runCliIn } from '../helpers/git-repo';

const ADDRESS = /^split-advisor: serving the review page on (http:\/\/127\.0\.0\.1:(\d+)\/)\n$/;
const CLI = path.resolve(__dirname, '..', '..', 'dist', 'src', 'cli.js');

afterAll(cleanupRepos);

function get(url: string): Promise<{ status: number; csp: string | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, csp: response.headers['content-security-policy'] as string | undefined, text }));
      })
      .on('error', reject);
  });
}

/** Starts `serve` in-process; resolves with the printed address once it is listening. */
function startServe(argv: string[], env: NodeJS.ProcessEnv = process.env): { output: { stdout: string; stderr: string }; address: Promise<string>; exit: Promise<number> } {
  const output = { stdout: '', stderr: '' };
  let announce: (url: string) => void = () => {};
  const address = new Promise<string>((resolve) => (announce = resolve));
  const io: CliIo = {
    stdout: (text) => {
      output.stdout += text;
      const match = ADDRESS.exec(output.stdout);
      if (match) announce(match[1]);
    },
    stderr: (text) => {
      output.stderr += text;
    },
    cwd: makeTempDir(),
    env,
    isTTY: false,
    readStdin: () => Buffer.alloc(0),
  };
  return { output, address, exit: runCli(['serve', ...argv], io) };
}

describe('serving', () => {
  test.each(['SIGINT', 'SIGTERM'] as const)('prints its address, serves the page, and exits 0 on %s', async (signal) => {
    const serve = startServe([]);
    const url = await serve.address;
    const page = await get(url);
    expect(page.status).toBe(200);
    expect(page.csp).toBe(CONTENT_SECURITY_POLICY);
    expect(page.text).toContain('id="diff-input"');
    process.emit(signal);
    expect(await serve.exit).toBe(0);
    expect(serve.output.stderr).toBe('');
    await expect(get(url)).rejects.toThrow(/ECONNREFUSED/);
  });

  test('--port listens there, and -C fills the repository field', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const directory = makeTempDir();
    const serve = startServe(['--port', String(port), '-C', directory]);
    const url = await serve.address;
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    expect((await get(url)).text).toContain(`content="${directory}" data-repository`);
    process.emit('SIGINT');
    expect(await serve.exit).toBe(0);
  });

  test('--open runs the opener with the address', async () => {
    const bin = makeTempDir();
    const opened = path.join(bin, 'opened');
    fs.writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`, { mode: 0o755 });
    const serve = startServe(['--open'], { ...process.env, PATH: `${bin}:${process.env.PATH}` });
    const url = await serve.address;
    for (let tries = 0; tries < 100 && !fs.existsSync(opened); tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fs.readFileSync(opened, 'utf8')).toBe(url);
    process.emit('SIGINT');
    expect(await serve.exit).toBe(0);
    expect(serve.output.stderr).toBe('');
  });

  test.each([
    ['is missing', () => makeTempDir()],
    ['fails', () => {
      const bin = makeTempDir();
      fs.writeFileSync(path.join(bin, 'xdg-open'), '#!/bin/sh\nexit 3\n', { mode: 0o755 });
      return bin;
    }],
  ])('--open only warns when the opener %s, and keeps serving', async (_name, bin) => {
    const serve = startServe(['--open'], { ...process.env, PATH: bin() });
    const url = await serve.address;
    for (let tries = 0; tries < 100 && serve.output.stderr === ''; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(serve.output.stderr).toMatch(new RegExp(`^split-advisor: warning: could not open a browser \\(.+\\); open ${url.replace(/[.]/g, '\\.')} yourself\\n$`));
    expect((await get(url)).status).toBe(200);
    process.emit('SIGINT');
    expect(await serve.exit).toBe(0);
  });
});

describe('bad input: one line, exit code 2', () => {
  let taken: net.Server;
  let takenPort: number;

  beforeAll(async () => {
    taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    takenPort = (taken.address() as net.AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  test.each([
    ['a port in use', () => ['--port', String(takenPort)], /^split-advisor: port \d+ is in use; choose another with --port, or leave it out for a free one$/],
    ['a port that is not a number', () => ['--port', 'eighty'], /--port must be a whole number from 0 to 65535/],
    ['a port out of range', () => ['--port', '70000'], /--port must be a whole number from 0 to 65535, not 70000/],
    ['a size limit of zero', () => ['--max-request-size', '0'], /--max-request-size must be a positive number of MiB, not 0/],
    ['a -C that does not exist', () => ['-C', '/no/such/directory'], /no such directory: \/no\/such\/directory/],
    ['a -C that is a file', () => ['-C', __filename], /no such directory/],
    ['an unknown option', () => ['--colour'], /Unknown argument/],
    ['an extra argument', () => ['HEAD'], /HEAD/],
  ])('%s', async (_name, argv, pattern) => {
    const result = await runCliIn(makeTempDir(), ['serve', ...argv()]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.replace(/\n$/, '').split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^split-advisor: /);
    expect(lines[0]).toMatch(pattern);
  });
});

describe('the built CLI', () => {
  test('serves its assets from dist and exits 0 on SIGTERM', async () => {
    expect(fs.existsSync(CLI)).toBe(true);
    const child = spawn(process.execPath, [CLI, 'serve'], { cwd: makeTempDir(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const match = ADDRESS.exec(stdout);
        if (match) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`serve exited early: ${stderr}`)));
    });
    for (const asset of ['', 'app.js', 'app.css', 'favicon.svg']) expect((await get(url + asset)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });
});
