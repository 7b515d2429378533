// Functions passed to page.evaluate run in the browser: they need the DOM types.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The review page end to end, in headless chromium (test/helpers/browser.ts): a
 * pasted, dropped or chosen diff, or a repository and revision, goes through the
 * real server and page, and what the page shows and offers for download is
 * compared with what the CLI prints for the same input. Every test also fails on
 * any dialog, console error (CSP violations), page error or request leaving the
 * page's origin.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ReviewPage, ReviewServer, describeInBrowser, launchChromium, openReview, startReview } from '../helpers/browser';
import { SuggestJson, TestRepo, cleanupRepos, runCliIn } from '../helpers/git-repo';
import { buildReviewRepo, reviewCases } from '../helpers/review-fixtures';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'fixtures', 'review');
const MIXED = path.join(FIXTURES, 'mixed-typescript.diff');
const HOSTILE = path.join(FIXTURES, 'hostile.diff');

/** The contract's categories (shared-api.md), written out here so the page is checked against the table, not against itself. */
const SKIM_KINDS = new Set(['whitespace', 'formatting', 'comment', 'refactor', 'move']);
function categoryOf(kind: string): 'read' | 'skim' | 'generated' {
  if (SKIM_KINDS.has(kind)) return 'skim';
  return kind === 'generated' ? 'generated' : 'read';
}

type Change = SuggestJson['changes'][number];

/** Changed lines of a change: removed plus added. */
function changedLines(change: Change): number {
  return (change.old?.lines ?? 0) + (change.new?.lines ?? 0);
}

async function cliJson(cwd: string, argv: string[]): Promise<{ text: string; json: SuggestJson }> {
  const result = await runCliIn(cwd, argv);
  if (result.code !== 0) throw new Error(`split-advisor ${argv.join(' ')} exited ${result.code}: ${result.stderr}`);
  return { text: result.stdout, json: JSON.parse(result.stdout) as SuggestJson };
}

interface ShownLine {
  type: string;
  change: string | null;
  kind: string | null;
  hidden: boolean;
  selected: boolean;
  text: string;
}

/** Every diff line the page draws, as data. */
function shownLines(page: Page): Promise<ShownLine[]> {
  return page.$$eval('#files .line', (elements) =>
    elements.map((element) => {
      const text = element.querySelector('.text');
      return {
        type: element.getAttribute('data-type') ?? '',
        change: element.getAttribute('data-change'),
        kind: element.getAttribute('data-kind'),
        // Hidden itself or inside a hidden change block: either way the reader does not see it.
        hidden: element.closest('[hidden]') !== null,
        selected: element.classList.contains('selected'),
        text: (text ?? element).textContent ?? '',
      };
    }),
  );
}

/** change id → the one kind its lines show (a change whose lines disagree shows as 'A|B'). */
function kindsShown(lines: ShownLine[]): Record<string, string> {
  const kinds = new Map<string, Set<string>>();
  for (const line of lines) {
    if (line.change === null) continue;
    const set = kinds.get(line.change) ?? new Set<string>();
    set.add(line.kind ?? '(none)');
    kinds.set(line.change, set);
  }
  return Object.fromEntries([...kinds].map(([id, set]) => [id, [...set].sort().join('|')]));
}

/** The CLI's kind of every change that has text lines (the ones drawn as lines). */
function kindsOf(report: SuggestJson): Record<string, string> {
  return Object.fromEntries(report.changes.filter((change) => changedLines(change) > 0).map((change) => [change.id, change.kind]));
}

async function download(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const saved = await file.path();
  return { name: file.suggestedFilename(), text: fs.readFileSync(saved, 'utf8') };
}

/** Moves focus off any input, so page-wide keys apply. */
async function blurInputs(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** data-change of the focused element, or null. */
function focusedChange(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-change') ?? null);
}

describeInBrowser('review page in chromium', () => {
  let browser: Browser;
  let server: ReviewServer;
  let review: ReviewPage;
  let mixedText: string;
  let mixed: { text: string; json: SuggestJson };
  let hostile: { text: string; json: SuggestJson };
  /** The mixed commit in a real repository, and what `suggest --json HEAD` says of it there. */
  let repo: TestRepo;
  let suggested: { text: string; json: SuggestJson };

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startReview(ROOT)]);
    review = await openReview(browser, server);
    mixedText = fs.readFileSync(MIXED, 'utf8');
    mixed = await cliJson(ROOT, ['suggest', '--patch', MIXED, '--json']);
    hostile = await cliJson(ROOT, ['suggest', '--patch', HOSTILE, '--json']);
    repo = buildReviewRepo(reviewCases.find((reviewCase) => reviewCase.name === 'mixed-typescript')!);
    suggested = await cliJson(repo.dir, ['suggest', '--json', 'HEAD']);
  });

  async function analyseRepository(page: Page): Promise<void> {
    await page.fill('#repository', repo.dir);
    await page.fill('#revision', 'HEAD');
    const response = await review.analyse(() => page.click('#analyse'));
    expect(response.status()).toBe(200);
  }

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    cleanupRepos();
  });

  beforeEach(async () => {
    await review.reload();
  });

  afterEach(() => {
    review.expectClean();
    expect(server.log.join('')).not.toMatch(/internal error/);
  });

  test('a pasted commit shows every change with the kind `suggest --patch --json` gives it', async () => {
    const response = await review.pasteAndAnalyse(mixedText);
    expect(response.status()).toBe(200);
    const lines = await shownLines(review.page);
    expect(kindsShown(lines)).toEqual(kindsOf(mixed.json));
    // Each change's removed and added lines are all drawn, and no more.
    for (const change of mixed.json.changes) {
      const own = lines.filter((line) => line.change === change.id);
      expect({ id: change.id, removed: own.filter((line) => line.type === 'removed').length, added: own.filter((line) => line.type === 'added').length }).toEqual({
        id: change.id,
        removed: change.old?.lines ?? 0,
        added: change.new?.lines ?? 0,
      });
    }
    const files = await review.page.$$eval('#files section.file', (sections) => sections.map((section) => ({ path: section.getAttribute('data-path'), text: section.textContent ?? '' })));
    expect(files.map((file) => file.path).sort()).toEqual([...new Set(mixed.json.changes.map((change) => change.file))].sort());
    for (const file of files) expect(file.text).toContain(file.path);
    const legend = await review.page.$$eval('#legend [data-kind]', (entries) => entries.map((entry) => entry.getAttribute('data-kind')));
    expect([...legend].sort()).toEqual([...new Set(mixed.json.changes.map((change) => change.kind))].sort());
    // The fixture is worth its name: it mixes kinds of both categories.
    expect(new Set(Object.values(kindsOf(mixed.json)).map(categoryOf))).toEqual(new Set(['read', 'skim']));
  });

  test('the summary bar gives the changed lines of each category', async () => {
    const response = await review.pasteAndAnalyse(mixedText);
    const shown = await review.page.$$eval('#summary [data-category]', (figures) => figures.map((figure) => [figure.getAttribute('data-category'), figure.getAttribute('data-lines')]));
    const expected = { read: 0, skim: 0, generated: 0 };
    for (const change of mixed.json.changes) expected[categoryOf(change.kind)] += changedLines(change);
    // The server's ReviewSummary, when it sends one (shared-api.md), says the same.
    const summary = ((await response.json()) as { summary?: { lines: Record<string, number> } }).summary;
    if (summary !== undefined) expect(summary.lines).toEqual(expected);
    expect(Object.fromEntries(shown)).toEqual({ read: String(expected.read), skim: String(expected.skim), generated: String(expected.generated) });
    // The figures are visible text, not only attributes.
    const summaryText = await review.page.textContent('#summary');
    expect(summaryText).toContain(String(expected.read));
    expect(summaryText).toContain(String(expected.skim));
  });

  const hideInputs: Array<[string, () => Promise<unknown>]> = [
    ['pasted: whitespace to skim', () => review.pasteAndAnalyse(mixedText)],
    ['by repository: whitespace, comment, rename and move to skim', () => analyseRepository(review.page)],
  ];

  test.each(hideInputs)('hide-noop hides exactly the lines of skim kinds, by click and by the h key (%s)', async (_name, analyse) => {
    await analyse();
    const page = review.page;
    const skimOnly = (lines: ShownLine[]) => lines.map((line) => ({ change: line.change, hidden: line.hidden, expected: line.kind !== null && categoryOf(line.kind) === 'skim' }));
    const before = await shownLines(page);
    expect(before.some((line) => line.kind !== null && categoryOf(line.kind) === 'skim')).toBe(true);
    expect(before.filter((line) => line.hidden)).toEqual([]);

    await page.click('#hide-noop');
    expect(await page.isChecked('#hide-noop')).toBe(true);
    const hidden = skimOnly(await shownLines(page));
    expect(hidden.map((line) => line.hidden)).toEqual(hidden.map((line) => line.expected));
    const firstSkim = before.findIndex((line) => line.kind !== null && categoryOf(line.kind) === 'skim');
    expect(await page.locator('#files .line').nth(firstSkim).isVisible()).toBe(false);

    await page.click('#hide-noop');
    expect((await shownLines(page)).filter((line) => line.hidden)).toEqual([]);

    await blurInputs(page);
    await page.keyboard.press('h');
    expect(await page.isChecked('#hide-noop')).toBe(true);
    const byKey = skimOnly(await shownLines(page));
    expect(byKey.map((line) => line.hidden)).toEqual(byKey.map((line) => line.expected));
    await page.keyboard.press('h');
    expect(await page.isChecked('#hide-noop')).toBe(false);
    expect((await shownLines(page)).filter((line) => line.hidden)).toEqual([]);

    // Typing an h into the diff box is typing, not a shortcut.
    const typed = await page.inputValue('#diff-input');
    await page.focus('#diff-input');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('h');
    expect(await page.isChecked('#hide-noop')).toBe(false);
    expect(await page.inputValue('#diff-input')).toBe(`${typed}h`);
  });

  test('choosing a suggested commit shows its message and marks exactly its lines', async () => {
    await review.pasteAndAnalyse(mixedText);
    const page = review.page;
    expect(mixed.json.series.length).toBeGreaterThan(1);
    for (const commit of [mixed.json.series[0], mixed.json.series[mixed.json.series.length - 1]]) {
      await page.click(`#series li.series-commit[data-index="${commit.index}"] button`);
      const items = await page.$$eval('#series li.series-commit', (elements) =>
        elements.map((element) => ({ index: element.getAttribute('data-index'), chosen: element.getAttribute('aria-selected') === 'true' || element.getAttribute('aria-current') === 'true' })),
      );
      expect(items.filter((item) => item.chosen).map((item) => item.index)).toEqual([String(commit.index)]);
      expect(await page.isVisible('#commit-detail')).toBe(true);
      expect(await page.textContent('#commit-detail pre.commit-message')).toBe(commit.message);
      const lines = (await shownLines(page)).filter((line) => line.change !== null);
      const mine = new Set(commit.changes);
      expect(lines.map((line) => ({ change: line.change, selected: line.selected }))).toEqual(lines.map((line) => ({ change: line.change, selected: mine.has(line.change as string) })));
      expect(lines.some((line) => line.selected)).toBe(true);
    }
  });

  test('the JSON download is byte for byte what `suggest --patch --json` prints', async () => {
    await review.pasteAndAnalyse(mixedText);
    const link = await review.page.$eval('a#download-json', (anchor) => ({ href: anchor.getAttribute('href') ?? '', download: anchor.getAttribute('download') }));
    expect(link.href.startsWith('blob:')).toBe(true);
    expect(link.download).toMatch(/\.json$/);
    const file = await download(review.page, 'a#download-json');
    expect(file.name).toBe(link.download);
    expect(file.text).toBe(mixed.text);
  });

  test('every download the server answers with is offered as a blob: link with its exact text', async () => {
    const response = await review.pasteAndAnalyse(mixedText);
    const body = (await response.json()) as { downloads: Record<string, string>; markdown?: string };
    const expected: Record<string, string> = { ...body.downloads, ...(body.markdown !== undefined ? { markdown: body.markdown } : {}) };
    const links = await review.page.$$eval('#downloads a[id^="download-"]', (anchors) =>
      anchors.map((anchor) => ({ id: anchor.id, href: anchor.getAttribute('href') ?? '', download: anchor.getAttribute('download') ?? '' })),
    );
    expect(links.map((link) => link.id).sort()).toEqual(Object.keys(expected).map((key) => `download-${key}`).sort());
    for (const link of links) {
      expect(link.href.startsWith('blob:')).toBe(true);
      expect(link.download).not.toBe('');
      expect((await download(review.page, `a#${link.id}`)).text).toBe(expected[link.id.slice('download-'.length)]);
    }
  });

  describe('a repository and a revision', () => {
    test('show the kinds and offer the JSON and rebase todo that suggest and plan print', async () => {
      const page = review.page;
      await analyseRepository(page);
      expect(kindsShown(await shownLines(page))).toEqual(kindsOf(suggested.json));
      // With the full files the commit's no-op changes are recognised, moves among them.
      expect(suggested.json.changes.map((change) => change.kind)).toEqual(expect.arrayContaining(['whitespace', 'refactor', 'move', 'functional']));
      expect((await download(page, 'a#download-json')).text).toBe(suggested.text);
      const todo = await download(page, 'a#download-todo');
      const plan = await runCliIn(repo.dir, ['plan', 'HEAD']);
      expect(plan.code).toBe(0);
      expect(todo.text).toBe(plan.stdout);
    });

    test('move halves link to each other, and following a link focuses the other half', async () => {
      const page = review.page;
      await analyseRepository(page);
      const moves = suggested.json.changes.filter((change) => change.kind === 'move').map((change) => change.id);
      expect(moves.length).toBe(2);
      const links = await page.$$eval('#files [data-change] a.link[data-target]', (anchors) =>
        anchors.map((anchor) => ({ from: anchor.closest('[data-change]')?.getAttribute('data-change'), to: anchor.getAttribute('data-target'), href: anchor.getAttribute('href') ?? '' })),
      );
      expect(links.filter((link) => moves.includes(link.from ?? '')).map((link) => [link.from, link.to]).sort()).toEqual([
        [moves[0], moves[1]],
        [moves[1], moves[0]],
      ]);
      for (const link of links) expect(link.href.startsWith('#')).toBe(true);
      await page.click(`#files [data-change="${moves[0]}"] a.link[data-target="${moves[1]}"]`);
      expect(await focusedChange(page)).toBe(moves[1]);
    });
  });

  describe('hostile input renders as text', () => {
    async function expectInert(page: Page, before: { scripts: number; images: number }): Promise<void> {
      // A handler that did get in would fire on the next tasks: give it the chance to raise a dialog.
      await page.waitForTimeout(200);
      const found = await page.evaluate(() => {
        const all = [...document.querySelectorAll('*')];
        return {
          scripts: document.querySelectorAll('script').length,
          images: document.querySelectorAll('img, svg image, iframe, object, embed').length,
          handlers: all.flatMap((element) => [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => `${element.tagName} ${attribute.name}`)),
          javascriptUrls: all.flatMap((element) =>
            ['href', 'src', 'action', 'formaction', 'xlink:href'].filter((name) => /^\s*javascript:/i.test(element.getAttribute(name) ?? '')).map((name) => `${element.tagName} ${name}`),
          ),
        };
      });
      expect(found).toEqual({ scripts: before.scripts, images: before.images, handlers: [], javascriptUrls: [] });
    }

    function ownElements(page: Page): Promise<{ scripts: number; images: number }> {
      return page.evaluate(() => ({ scripts: document.querySelectorAll('script').length, images: document.querySelectorAll('img, svg image, iframe, object, embed').length }));
    }

    test('pasted: names and lines with markup, entities and javascript: URLs are shown literally', async () => {
      const page = review.page;
      const before = await ownElements(page);
      const response = await review.pasteAndAnalyse(fs.readFileSync(HOSTILE, 'utf8'));
      expect(response.status()).toBe(200);
      await expectInert(page, before);
      const paths = await page.$$eval('#files section.file', (sections) => sections.map((section) => ({ path: section.getAttribute('data-path'), text: section.querySelector('h3, header, .file-header')?.textContent ?? section.textContent ?? '' })));
      for (const name of ['<script>alert(1)</script>.ts', 'docs/<img src=x onerror=alert(1)>.md', 'src/&amp; javascript:alert(1).txt']) {
        const section = paths.find((entry) => entry.path === name);
        expect(section?.text).toContain(name);
      }
      const texts = (await shownLines(page)).map((line) => line.text);
      expect(texts).toEqual(expect.arrayContaining(['<script>alert(1)</script>', '&amp;&lt;&#60;', 'javascript:alert(1)', '<img src=x onerror=alert(1)> and <a href="javascript:alert(1)">click</a>']));
      const huge = texts.find((text) => text.startsWith('const huge = "'));
      expect(huge?.length).toBeGreaterThan(200 * 1000);
      expect(await page.textContent('#source')).toContain('hostile: <script>alert(1)</script> & <img src=x onerror=alert(1)>');
    });

    const byteInputs: Array<[string, (page: ReviewPage, bytes: Buffer) => Promise<unknown>]> = [
      ['dropped on the diff box', (page, bytes) => page.drop(bytes, 'hostile.diff')],
      ['chosen with the file input', (page, bytes) => page.page.setInputFiles('#file-input', { name: 'hostile.diff', mimeType: 'text/x-diff', buffer: bytes })],
    ];

    test.each(byteInputs)('%s: its bytes, invalid UTF-8 included, give the kinds and JSON of `suggest --patch`', async (_name, give) => {
      const page = review.page;
      const before = await ownElements(page);
      const response = await review.analyse(() => give(review, fs.readFileSync(HOSTILE)));
      expect(response.status()).toBe(200);
      expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({ diffBase64: fs.readFileSync(HOSTILE).toString('base64') });
      await expectInert(page, before);
      const lines = await shownLines(page);
      expect(kindsShown(lines)).toEqual(kindsOf(hostile.json));
      // A line that is not UTF-8 is read as latin1, one character per byte (parse.ts): nothing is lost or replaced.
      expect(lines.map((line) => line.text)).toEqual(expect.arrayContaining(['caf\u00e9 cr\u00e8me', 'caf\u00e9 cr\u00e8me br\u00fbl\u00e9e', '\u00ff\u00fe<s>']));
      expect((await download(page, 'a#download-json')).text).toBe(hostile.text);
    });
  });

  test('keys: Ctrl+Enter analyses, n and p move between changes and show their detail', async () => {
    const page = review.page;
    await page.fill('#diff-input', mixedText);
    await review.analyse(() => page.press('#diff-input', 'Control+Enter'));
    const order = await page.$$eval('#files [data-change][tabindex="0"]', (elements) => [...new Set(elements.map((element) => element.getAttribute('data-change') ?? ''))]);
    expect([...order].sort()).toEqual(Object.keys(kindsOf(mixed.json)).sort());
    await blurInputs(page);
    const byId = new Map(mixed.json.changes.map((change) => [change.id, change]));
    const expectFocused = async (id: string) => {
      expect(await focusedChange(page)).toBe(id);
      const change = byId.get(id)!;
      expect(await page.isVisible('#change-detail')).toBe(true);
      const detail = (await page.textContent('#change-detail')) ?? '';
      expect(detail).toContain(change.kind);
      expect(detail).toContain(change.reason);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('title') ?? '')).toContain(change.reason);
    };
    await page.keyboard.press('n');
    await expectFocused(order[0]);
    await page.keyboard.press('n');
    await expectFocused(order[1]);
    await page.keyboard.press('n');
    await expectFocused(order[2]);
    await page.keyboard.press('p');
    await expectFocused(order[1]);
  });

  const narrowCases: Array<[string, string]> = [
    ['the mixed commit', MIXED],
    ['the hostile diff (a 200 KB line)', HOSTILE],
  ];

  test.each(narrowCases)('at 380 px wide nothing but the diff scrolls sideways: %s', async (_name, fixture) => {
    const page = review.page;
    await page.setViewportSize({ width: 380, height: 800 });
    await review.pasteAndAnalyse(fs.readFileSync(fixture, 'utf8'));
    await page.click('#series li.series-commit button');
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const clips = (element: Element) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(element).overflowX);
      const escaping: string[] = [];
      for (const element of document.querySelectorAll('body *')) {
        const rect = element.getBoundingClientRect();
        if (rect.width === 0 || rect.right <= width + 1) continue;
        // Inside a box that scrolls or clips sideways and itself fits: that box's own scroll area.
        let ancestor = element.parentElement;
        let contained = false;
        while (ancestor !== null && ancestor !== document.body) {
          if (clips(ancestor) && ancestor.getBoundingClientRect().right <= width + 1) {
            contained = true;
            break;
          }
          ancestor = ancestor.parentElement;
        }
        if (!contained) escaping.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')} right=${Math.round(rect.right)}`);
      }
      return { scrollWidth: document.documentElement.scrollWidth, width, escaping: escaping.slice(0, 10) };
    });
    expect(overflow.escaping).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);
  });

  const errorCases: Array<[string, string, RegExp]> = [
    ['text that is no diff', 'hello\nthis is not a diff\n', /no diff found/i],
    ['a hunk cut short', 'diff --git a/x.ts b/x.ts\n--- a/x.ts\n+++ b/x.ts\n@@ -1,5 +1,5 @@\n-a\n+b\n', /hunk at line 4 ends early/],
  ];

  test.each(errorCases)('a malformed diff (%s) shows one sentence in #error and no results', async (_name, text, pattern) => {
    const response = await review.pasteAndAnalyse(text);
    expect(response.status()).toBe(400);
    const error = (await review.page.textContent('#error')) ?? '';
    expect(error).toMatch(pattern);
    expect(error.trim()).toBe(error);
    expect(error).not.toMatch(/\n|\bat .*\(.*:\d+:\d+\)|Error:/);
    expect(error.length).toBeLessThan(300);
    expect(await review.page.isVisible('#error')).toBe(true);
    expect(await review.page.$$eval('#files section.file', (sections) => sections.length)).toBe(0);
  });
});
