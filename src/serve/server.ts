/**
 * The review page's HTTP server (node:http, no framework), bound to 127.0.0.1
 * only. It serves a fixed list of static assets and one JSON endpoint,
 * POST /api/analyse, which runs the CLI's pipeline (analyse-request.ts).
 *
 * Safety: every response carries a strict Content-Security-Policy; the Host
 * header must name this server (a DNS-rebinding page cannot reach it) and an
 * Origin, when sent, must be this server's (another site's page cannot post
 * to it); bodies must be JSON and no larger than the limit; errors are one
 * sentence, and an internal error never shows its stack to the client.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { InputError } from '../errors';

export const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/** The default request size limit, in MiB: a pasted diff of that size is already far beyond a reviewable one. */
export const DEFAULT_MAX_REQUEST_MIB = 32;

/** URL path → asset file and its type. Nothing outside this list is ever read. */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  '/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
};

/** Where the assets are: next to this module (src/serve/assets, or dist/src/serve/assets after `npm run build`). */
export const ASSETS_DIRECTORY = path.join(__dirname, 'assets');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export interface ServerOptions {
  /** 0 (the default) lets the system pick a free port. */
  port?: number;
  maxRequestBytes?: number;
  /** The directory the page's repository field starts with (absolute). */
  repository?: string;
  /** Answers a parsed request body; rejects with InputError for a bad request. */
  analyse: (body: unknown) => Promise<unknown>;
  /** Where internal errors are logged (the terminal running serve). */
  log: (text: string) => void;
}

export interface RunningServer {
  /** http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  close: () => Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Reads the assets once, at start: a missing one is an installation error, found before anyone connects. */
function readAssets(repository: string): Map<string, { body: Buffer; type: string }> {
  const assets = new Map<string, { body: Buffer; type: string }>();
  for (const [urlPath, asset] of Object.entries(ASSETS)) {
    let body = fs.readFileSync(path.join(ASSETS_DIRECTORY, asset.file));
    if (asset.file === 'index.html') {
      // The one value the page needs from the server, as an attribute: no extra endpoint, no inline script.
      body = Buffer.from(body.toString('utf8').replace('content="" data-repository', `content="${escapeAttribute(repository)}" data-repository`), 'utf8');
    }
    assets.set(urlPath, { body, type: asset.type });
  }
  return assets;
}

function send(response: http.ServerResponse, status: number, type: string, body: Buffer | string, extra: Record<string, string> = {}): void {
  const data = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(data.length), ...extra });
  response.end(response.req.method === 'HEAD' ? undefined : data);
}

function sendJson(response: http.ServerResponse, status: number, value: unknown, extra: Record<string, string> = {}): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value), extra);
}

/** The one-sentence 413 answer: the limit, and how to raise it. */
export function tooLargeMessage(maxRequestBytes: number): string {
  const mib = maxRequestBytes / 1024 / 1024;
  return `the request is larger than the limit of ${Number.isInteger(mib) ? mib : mib.toFixed(2)} MiB; restart split-advisor serve with --max-request-size MIB to raise it`;
}

/** Reads the body up to the limit; over it, rejects with 413 without buffering the rest. */
function readBody(request: http.IncomingMessage, maxRequestBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxRequestBytes) {
      reject(new HttpError(413, tooLargeMessage(maxRequestBytes)));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > maxRequestBytes) {
        over = true;
        reject(new HttpError(413, tooLargeMessage(maxRequestBytes)));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

async function handleAnalyse(request: http.IncomingMessage, response: http.ServerResponse, options: ServerOptions & { maxRequestBytes: number }): Promise<void> {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'the request body must be JSON (Content-Type: application/json)');
  const data = await readBody(request, options.maxRequestBytes);
  let body: unknown;
  try {
    body = JSON.parse(data.toString('utf8'));
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
  sendJson(response, 200, await options.analyse(body));
}

/** The checks every request passes first: who it is for, and who sent it. */
function checkCaller(request: http.IncomingMessage, port: number): void {
  const host = request.headers.host ?? '';
  // A DNS-rebinding page reaches 127.0.0.1 under its own name: refuse any other Host.
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) throw new HttpError(403, `the Host header must be 127.0.0.1:${port} or localhost:${port}`);
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) throw new HttpError(403, `requests from another origin (${origin.slice(0, 100)}) are refused`);
}

async function handle(request: http.IncomingMessage, response: http.ServerResponse, port: number, assets: Map<string, { body: Buffer; type: string }>, options: ServerOptions & { maxRequestBytes: number }): Promise<void> {
  checkCaller(request, port);
  // The path alone, as sent: no decoding and no normalisation, so /%2e%2e/ and /../ are just unknown paths.
  const urlPath = (request.url ?? '').split('?')[0];
  if (urlPath === '/api/analyse') {
    if (request.method !== 'POST') throw new HttpError(405, 'use POST for /api/analyse');
    await handleAnalyse(request, response, options);
    return;
  }
  const asset = assets.get(urlPath);
  if (asset === undefined) throw new HttpError(404, `no such page: ${urlPath.slice(0, 200)}`);
  if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, `use GET for ${urlPath}`);
  send(response, 200, asset.type, asset.body);
}

/** Starts the server on 127.0.0.1; rejects (with the system error) when the port cannot be bound. */
export function startServer(options: ServerOptions): Promise<RunningServer> {
  const settings = { ...options, maxRequestBytes: options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_MIB * 1024 * 1024 };
  const assets = readAssets(options.repository ?? '');
  let port = 0;
  const server = http.createServer((request, response) => {
    handle(request, response, port, assets, settings).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const close = { Connection: 'close' };
      if (error instanceof HttpError) {
        const extra = error.status === 405 ? { ...close, Allow: request.url?.startsWith('/api/') ? 'POST' : 'GET, HEAD' } : close;
        sendJson(response, error.status, { error: error.message }, extra);
      } else if (error instanceof InputError) {
        sendJson(response, 400, { error: error.message.split('\n')[0] });
      } else {
        options.log(`split-advisor: internal error while answering ${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        sendJson(response, 500, { error: 'internal error: the analysis failed (the terminal running split-advisor serve shows why; please report it)' }, close);
      }
      // Unread body bytes (a refused upload) are not worth reading: drop the connection once answered.
      if (!request.complete) response.on('finish', () => request.destroy());
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
