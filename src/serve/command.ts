/**
 * `split-advisor serve`: starts the review page's server (server.ts) on
 * 127.0.0.1, prints its address, optionally opens it in a browser, and runs
 * until SIGINT or SIGTERM. cli.ts requires this module only when it runs.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliIo } from '../cli';
import { InputError } from '../errors';
import { ExitCode } from '../exit-codes';
import { analyseRequest } from './analyse-request';
import { DEFAULT_MAX_REQUEST_MIB, RunningServer, startServer } from './server';

export interface ServeArguments {
  port?: number;
  open?: boolean;
  'max-request-size'?: number;
  C?: string;
  _?: Array<string | number>;
}

/** Resolves when the process is asked to stop (Ctrl+C, or a service manager's SIGTERM). */
export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** The command that opens a URL in the desktop's browser, per platform. */
function openerFor(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; its first quoted argument is a window title (the empty one, quoted by libuv).
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '', url] };
  return { command: 'xdg-open', args: [url] };
}

/** Opens the page; a missing or failing opener is a warning, the server keeps running. */
function openInBrowser(url: string, io: CliIo): void {
  const { command, args } = openerFor(process.platform, url);
  const warn = (why: string) => io.stderr(`split-advisor: warning: could not open a browser (${why}); open ${url} yourself\n`);
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, env: io.env });
    child.on('error', (error: NodeJS.ErrnoException) => warn(error.code === 'ENOENT' ? `${command} not found` : error.message));
    child.on('exit', (code) => {
      if (code !== null && code !== 0) warn(`${command} exited with ${code}`);
    });
    child.unref();
  } catch (error) {
    warn(error instanceof Error ? error.message : String(error));
  }
}

/** Checks the options, as one-line InputErrors (exit 2). */
function checkArguments(args: ServeArguments, io: CliIo): { port: number; maxRequestBytes: number; directory: string } {
  const extra = (args._ ?? []).slice(1);
  if (extra.length > 0) throw new InputError(`unexpected argument: ${extra[0]}`);
  const port = args.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`--port must be a whole number from 0 to 65535, not ${args.port}`);
  const mib = args['max-request-size'] ?? DEFAULT_MAX_REQUEST_MIB;
  if (!Number.isFinite(mib) || mib <= 0) throw new InputError(`--max-request-size must be a positive number of MiB, not ${args['max-request-size']}`);
  const directory = args.C !== undefined ? path.resolve(io.cwd, args.C) : io.cwd;
  let isDirectory = false;
  try {
    isDirectory = fs.statSync(directory).isDirectory();
  } catch {
    isDirectory = false;
  }
  if (!isDirectory) throw new InputError(`no such directory: ${args.C ?? directory}`);
  return { port, maxRequestBytes: Math.floor(mib * 1024 * 1024), directory };
}

/** Starts the review page's server for these options; the caller closes it. */
export async function startReviewServer(args: ServeArguments, io: CliIo): Promise<RunningServer> {
  const { port, maxRequestBytes, directory } = checkArguments(args, io);
  try {
    return await startServer({ port, maxRequestBytes, repository: directory, analyse: (body) => analyseRequest(body, { directory }), log: io.stderr });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new InputError(`port ${port} is in use; choose another with --port, or leave it out for a free one`);
    if (code === 'EACCES') throw new InputError(`port ${port} needs privileges to listen on; choose one above 1023`);
    throw error;
  }
}

export async function runServe(args: ServeArguments, io: CliIo, stopped: () => Promise<void> = untilSignal): Promise<number> {
  const server = await startReviewServer(args, io);
  io.stdout(`split-advisor: serving the review page on ${server.url}\n`);
  if (args.open) openInBrowser(server.url, io);
  await stopped();
  await server.close();
  return ExitCode.Success;
}
