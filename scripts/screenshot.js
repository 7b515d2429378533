#!/usr/bin/env node
/**
 * Writes docs/images/review-page.png, the README's picture of the review page:
 * starts the built server (dist/, so `npm run build` first), pastes a diff into
 * the page in headless chromium, analyses it, chooses the last suggested
 * commit and takes a 1280x900 screenshot.
 *
 *   npm run screenshot [-- DIFF_FILE [OUTPUT_PNG]]
 *
 * By default it rebuilds the repository behind fixtures/review/mixed-typescript.diff
 * (a commit mixing re-indentation, a rename, a move, a dependency bump, docs,
 * tests and a functional change; test/helpers/review-fixtures.ts, loaded through
 * test/helpers/register-ts.js, which `npm run screenshot` preloads), serves from
 * it and pastes that diff: the page then reads full files from the repository,
 * as a reviewer's checkout gives them. A DIFF_FILE given is pasted into a server
 * run in the current directory. Chromium: CHROMIUM_PATH or /usr/bin/chromium.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function fail(message) {
  process.stderr.write(`screenshot: ${message}\n`);
  process.exit(1);
}

async function main() {
  const output = path.resolve(process.argv[3] ?? path.join(ROOT, 'docs', 'images', 'review-page.png'));
  const command = path.join(ROOT, 'dist', 'src', 'serve', 'command.js');
  if (!fs.existsSync(command)) fail('dist/ has no review server: run npm run build first');
  if (!fs.existsSync(CHROMIUM_PATH)) fail(`no chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);
  let diff;
  let directory = process.cwd();
  let cleanup = () => {};
  if (process.argv[2] !== undefined) {
    const diffFile = path.resolve(process.argv[2]);
    if (!fs.existsSync(diffFile)) fail(`no such file: ${diffFile}`);
    diff = fs.readFileSync(diffFile, 'utf8');
  } else {
    if (require.extensions['.ts'] === undefined) fail('run it as npm run screenshot (it needs test/helpers/register-ts.js preloaded)');
    const fixtures = require(path.join(ROOT, 'test', 'helpers', 'review-fixtures.ts'));
    const { cleanupRepos } = require(path.join(ROOT, 'test', 'helpers', 'git-repo.ts'));
    const repo = fixtures.buildReviewRepo(fixtures.reviewCases.find((candidate) => candidate.name === 'mixed-typescript'));
    diff = fixtures.showChange(repo).toString('utf8');
    directory = repo.dir;
    cleanup = cleanupRepos;
  }

  const { chromium } = require('playwright-core');
  const { startReviewServer } = require(command);
  const io = { stdout: () => {}, stderr: (text) => process.stderr.write(text), cwd: directory, env: process.env, isTTY: false, readStdin: () => Buffer.alloc(0) };
  const server = await startReviewServer({ port: 0 }, io);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...(isRoot ? ['--no-sandbox'] : []), '--disable-dev-shm-usage'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.fill('#diff-input', diff);
    const [response] = await Promise.all([page.waitForResponse((answer) => new URL(answer.url()).pathname === '/api/analyse'), page.click('#analyse')]);
    if (!response.ok()) fail(`the page refused the diff: ${(await page.textContent('#error')) || response.status()}`);
    await page.locator('#download-json').waitFor({ state: 'attached' });
    // The last commit of the series holds the functional change: its lines are the first in the diff.
    await page.click('#series li.series-commit:last-child button');
    // The results, not the input form, are what the picture is for.
    await page.evaluate(() => document.querySelector('#results').scrollIntoView({ block: 'start' }));
    await page.mouse.move(0, 0);
    fs.mkdirSync(path.dirname(output), { recursive: true });
    await page.screenshot({ path: output, type: 'png' });
    process.stdout.write(`wrote ${path.relative(process.cwd(), output)} (${fs.statSync(output).size} bytes)\n`);
  } finally {
    await browser.close();
    await server.close();
    cleanup();
  }
}

main().catch((error) => fail(error && error.message ? error.message : String(error)));
