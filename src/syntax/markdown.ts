/**
 * Markdown rendered to HTML, for proving that a Markdown edit changes nothing a
 * reader sees (heuristics/format-markdown.ts). markdown-it is a CommonMark
 * parser with GitHub's tables and strikethrough; it is required on the first
 * render, not when this module loads, so a commit without Markdown never pays
 * for it (test/lazy-loading.test.ts).
 *
 * The HTML is compared byte for byte, with one exception: a soft line break
 * (a newline inside a paragraph or heading) is rendered as a space. markdown-it
 * writes it as "\n", so re-wrapping a paragraph would otherwise always differ,
 * although HTML collapses both to one space in running text. Everything else is
 * exact: a hard break is a `<br>`, code blocks and code spans keep their spaces,
 * raw HTML is copied verbatim. Where raw HTML could make a newline count (a
 * `<pre>`, `<textarea>`, `<listing>`, `<xmp>` or `<plaintext>` element, or a
 * `white-space` style anywhere in the file, or inline HTML in the same
 * paragraph), soft breaks stay "\n".
 */
import type MarkdownIt from 'markdown-it';

type Renderer = MarkdownIt.MarkdownIt;
type Token = MarkdownIt.Token;

/** Raw HTML under which a newline may not be the same as a space. */
const PRESERVING_HTML = /<(?:pre|textarea|listing|xmp|plaintext)\b|white-space/i;

/**
 * markdown-it stops parsing (and drops the rest of a block or line) at this depth of
 * nesting, so a render that reaches it shows less than the text holds: no proof.
 */
const MAX_NESTING = 100;

/** Set in the render's env when soft breaks must stay newlines. */
const KEEP_SOFT_BREAKS = Symbol('keepSoftBreaks');

let renderer: Renderer | null = null;

function markdownIt(): Renderer {
  if (renderer === null) {
    // Required here, not imported at the top: see the file comment.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const create = require('markdown-it') as typeof MarkdownIt;
    // html: raw HTML passes through verbatim, as on GitHub. linkify: bare URLs become
    // links, as GitHub's autolink extension does. No typographer: GitHub keeps quotes.
    // The commonmark preset with GFM's tables and strikethrough enabled, rather than
    // the default preset: the same HTML here (xhtmlOut and maxNesting set as it sets
    // them), in about half the time on this README (4.7 against 9.6 ms per render).
    const created = create('commonmark', { html: true, linkify: true, typographer: false, xhtmlOut: false, maxNesting: MAX_NESTING }).enable(['table', 'strikethrough', 'linkify']);
    created.renderer.rules.softbreak = (tokens, _index, _options, env) =>
      env?.[KEEP_SOFT_BREAKS] === true || tokens.some((token) => token.type === 'html_inline') ? '\n' : ' ';
    renderer = created;
  }
  return renderer;
}

/** The deepest nesting level in the token tree (blocks, and inline tokens within their block). */
function deepestLevel(tokens: Token[], base = 0): number {
  let deepest = base;
  for (const token of tokens) {
    deepest = Math.max(deepest, base + token.level);
    if (token.children !== null) deepest = Math.max(deepest, deepestLevel(token.children, base + token.level));
  }
  return deepest;
}

/** True when raw HTML anywhere in the token tree could make white space significant. */
function hasPreservingHtml(tokens: Token[]): boolean {
  return tokens.some(
    (token) =>
      ((token.type === 'html_block' || token.type === 'html_inline') && PRESERVING_HTML.test(token.content)) ||
      (token.children !== null && hasPreservingHtml(token.children)),
  );
}

/**
 * The HTML a Markdown text renders to (see the file comment for the one
 * normalisation), or null when the text nests too deep for the parser to see all of it.
 */
export function renderMarkdown(text: string): string | null {
  const markdown = markdownIt();
  const env: MarkdownIt.Env = {};
  const tokens = markdown.parse(text, env);
  // Inline nesting counts from zero inside each block, so a limit near either is a refusal.
  if (deepestLevel(tokens) >= MAX_NESTING - 2) return null;
  env[KEEP_SOFT_BREAKS] = hasPreservingHtml(tokens);
  return markdown.renderer.render(tokens, markdown.options, env);
}
