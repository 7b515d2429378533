// Functions passed to page.evaluate run in the browser: they need the DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The review page in a real browser: Debian's chromium driven by playwright-core
 * (which downloads no browser), against the review server started in-process.
 *
 *   const browser = await launchChromium();                 // beforeAll, one per test file
 *   const server = await startReview();                      // port 0, 127.0.0.1
 *   const review = await openReview(browser, server);        // beforeAll: one context and page per file
 *   await review.reload();                                   // beforeEach: the page afresh
 *   await review.analyse(() => review.page.click('#analyse'));
 *   review.expectClean();                                    // afterEach: no dialog, console error, page error or foreign request
 *
 * Without chromium the tests skip with a message, except under CI, where a
 * missing browser must fail the run rather than pass it silently.
 */
import * as fs from 'node:fs';
import { Browser, BrowserContext, Page, Response, chromium } from 'playwright-core';
import type { CliIo } from '../../src/cli';
import { startReviewServer } from '../../src/serve/command';
import type { RunningServer } from '../../src/serve/server';

/** The chromium binary: CHROMIUM_PATH, else Debian's package. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function onCi(): boolean {
  const value = (process.env.CI ?? '').toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/** Why the browser tests cannot run here, or null when they can (or must, under CI). */
export function browserSkipReason(): string | null {
  if (fs.existsSync(CHROMIUM_PATH) || onCi()) return null;
  return `browser tests skipped: no chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH); under CI=true they fail instead`;
}

/** `describe`, or `describe.skip` with the reason printed once when chromium is absent outside CI. */
export function describeInBrowser(name: string, body: () => void): void {
  const reason = browserSkipReason();
  if (reason === null) {
    describe(name, body);
  } else {
    process.stderr.write(`${reason}\n`);
    describe.skip(name, body);
  }
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`no chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  // As root (CI containers) chromium refuses to start with its sandbox; /dev/shm is small in containers.
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...(isRoot ? ['--no-sandbox'] : []), '--disable-dev-shm-usage'] });
}

export interface ReviewServer extends RunningServer {
  /** What the server wrote to its terminal (internal errors are logged there). */
  log: string[];
}

/** Starts the review server in this process on a free port of 127.0.0.1. */
export async function startReview(directory: string = process.cwd()): Promise<ReviewServer> {
  const log: string[] = [];
  const io: CliIo = {
    stdout: (text) => log.push(text),
    stderr: (text) => log.push(text),
    cwd: directory,
    env: process.env,
    isTTY: false,
    readStdin: () => Buffer.alloc(0),
  };
  const server = await startReviewServer({ port: 0 }, io);
  return { ...server, log };
}

/** True for the analysis request, whatever its query. */
function isAnalyse(response: Response): boolean {
  return new URL(response.url()).pathname === '/api/analyse';
}

export class ReviewPage {
  /** Everything that must not happen on the page: dialogs, console errors (CSP violations land there), page errors, foreign requests. */
  readonly problems: string[] = [];

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly origin: string,
  ) {
    page.on('dialog', (dialog) => {
      this.problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // Chromium logs every 4xx answer; a refused analysis is one the page explains in #error, which the tests check.
      const refusedAnalysis = new URL(message.location().url || 'about:blank', this.origin).pathname === '/api/analyse' && /status of 4\d\d/.test(message.text());
      if (!refusedAnalysis) this.problems.push(`console error: ${message.text().slice(0, 300)}`);
    });
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message.slice(0, 300)}`));
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:')) return; // inline, nothing leaves the page
      // A blob: URL's origin is the page's that made it (`blob:http://127.0.0.1:PORT/uuid`).
      const origin = url.startsWith('blob:') ? new URL(url.slice('blob:'.length)).origin : new URL(url).origin;
      if (origin !== this.origin) this.problems.push(`request leaving the page's origin: ${request.method()} ${url.slice(0, 200)}`);
    });
  }

  /** Runs `trigger` (a click, a key) and waits for the analysis answer and for the page to render it. */
  async analyse(trigger: () => Promise<unknown>): Promise<Response> {
    const [response] = await Promise.all([this.page.waitForResponse(isAnalyse), trigger()]);
    await response.finished();
    if (response.ok()) await this.page.locator('#download-json[href^="blob:"]').waitFor({ state: 'attached' });
    else await this.page.locator('#error').filter({ hasText: /\S/ }).waitFor();
    return response;
  }

  /** Pastes `text` into the diff box (fill: the input events of typing it) and analyses with the button. */
  async pasteAndAnalyse(text: string): Promise<Response> {
    await this.page.fill('#diff-input', text);
    return this.analyse(() => this.page.click('#analyse'));
  }

  /** Drops a file holding `bytes` on the diff box, as a file manager does. */
  async drop(bytes: Buffer, name: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ base64, fileName }) => {
        const data = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], fileName, { type: 'text/x-diff' }));
        return transfer;
      },
      { base64: bytes.toString('base64'), fileName: name },
    );
    await this.page.dispatchEvent('#diff-input', 'dragenter', { dataTransfer });
    await this.page.dispatchEvent('#diff-input', 'dragover', { dataTransfer });
    await this.page.dispatchEvent('#diff-input', 'drop', { dataTransfer });
  }

  /** Starts a test afresh: the page reloaded (no state kept but the context's), the default size, no problems recorded. */
  async reload(): Promise<void> {
    this.problems.length = 0;
    await this.page.setViewportSize(DEFAULT_VIEWPORT);
    await this.page.goto(`${this.origin}/`);
  }

  /** Fails the test with every problem seen, if any. */
  expectClean(): void {
    expect(this.problems).toEqual([]);
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

const DEFAULT_VIEWPORT = { width: 1280, height: 900 };

/**
 * A fresh context (own storage, downloads accepted) with the review page loaded.
 * Tests of one file share it and call reload() between them: a new page costs
 * seconds on a loaded machine, a reload a fraction of that.
 */
export async function openReview(browser: Browser, server: RunningServer): Promise<ReviewPage> {
  const context = await browser.newContext({ acceptDownloads: true, viewport: DEFAULT_VIEWPORT });
  const page = await context.newPage();
  const review = new ReviewPage(context, page, new URL(server.url).origin);
  await page.goto(server.url);
  return review;
}
