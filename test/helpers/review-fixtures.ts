/**
 * The commits behind fixtures/review/: each case is a base tree and a change on top,
 * committed with real git in a temporary repository (fixed names and dates, no global
 * configuration, see git-repo.ts), and its fixture is `git show` of the change, the
 * text a reviewer would paste into the review page.
 *
 * The browser tests rebuild the same repositories to analyse them by repository and
 * revision, so the pasted and the repository inputs come from one commit.
 *
 *   npm run fixtures:review            rewrite fixtures/review/*.diff
 *   npm run fixtures:review -- --check fail when a fixture is out of date
 */
import { TestRepo, createRepo } from './git-repo';

export interface ReviewCase {
  /** The fixture's file name without `.diff`. */
  name: string;
  /** What the fixture exercises (README table). */
  exercises: string;
  /** The change commit's message. */
  message: string;
  /** The base tree. */
  before: Record<string, string | Buffer>;
  /** Files the change writes (a `null` removes the file). */
  after: Record<string, string | Buffer | null>;
}

/** The command whose output is each fixture, run in the repository after the change commit. */
export const SHOW_COMMAND = ['-c', 'core.quotePath=true', 'show', '--no-color', '--no-ext-diff', '--no-textconv', '-M', '--format=medium', 'HEAD'];

/** The pieces of src/cart.ts, in the order each version has them. */
const CART = {
  item: `export interface Item {
  name: string;
  price: number;
  quantity: number;
}
`,
  countBefore: `export function countItems(items: Item[]): number {
  let n = 0;
  for (const item of items) n += item.quantity;
  return n;
}
`,
  countAfter: `export function countItems(items: Item[]): number {
  let count = 0;
  for (const item of items) count += item.quantity;
  return count;
}
`,
  isEmpty: `export function isEmpty(items: Item[]): boolean {
  return items.every((item) => item.quantity === 0);
}
`,
  formatPrice: `export function formatPrice(cents: number): string {
  const dollars = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  return '$' + dollars + '.' + rest;
}
`,
  subtotalBefore: `export function subtotal(items: Item[]): number {
    let sum = 0;
    for (const item of items) {
        sum += item.price * item.quantity;
    }
    return sum;
}
`,
  subtotalAfter: `export function subtotal(items: Item[]): number {
  let sum = 0;
  for (const item of items) {
    sum += item.price * item.quantity;
  }
  return sum;
}
`,
  cheapest: `export function cheapest(items: Item[]): Item | undefined {
  let best: Item | undefined;
  for (const item of items) if (best === undefined || item.price < best.price) best = item;
  return best;
}
`,
  discountBefore: `export function applyDiscount(total: number, percent: number): number {
  return total - Math.round((total * percent) / 100);
}
`,
  discountAfter: `export function applyDiscount(total: number, percent: number): number {
  const capped = Math.min(Math.max(percent, 0), 50);
  return total - Math.round((total * capped) / 100);
}
`,
  describe: `export function describe(items: Item[]): string {
  return items.map((item) => item.quantity + ' x ' + item.name).join(', ');
}
`,
};

const CART_BEFORE = [CART.item, CART.countBefore, CART.isEmpty, CART.cheapest, CART.subtotalBefore, CART.discountBefore, CART.describe, CART.formatPrice].join('\n');
const CART_AFTER = [CART.item, CART.cheapest, CART.countAfter, CART.isEmpty, CART.subtotalAfter, CART.discountAfter, CART.describe].join('\n');

const FORMAT_AFTER = `/** Money as the receipt prints it. */

export function formatPrice(cents: number): string {
  const dollars = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  return '$' + dollars + '.' + rest;
}
`;

const CHECKOUT_BEFORE = `import { Item, applyDiscount, formatPrice, subtotal } from './cart';

// The total the customer pays, formated for the receipt.
export function receipt(items: Item[], percent: number): string {
  return formatPrice(applyDiscount(subtotal(items), percent));
}
`;

const CHECKOUT_AFTER = `import { Item, applyDiscount, subtotal } from './cart';
import { formatPrice } from './format';

// The total the customer pays, formatted for the receipt.
export function receipt(items: Item[], percent: number): string {
  return formatPrice(applyDiscount(subtotal(items), percent));
}
`;

const README_BEFORE = `# cart

Adds up a shopping cart and prints the receipt.

## Discounts

\`applyDiscount(total, percent)\` takes a percentage off the total.
`;

const README_AFTER = `# cart

Adds up a shopping cart and prints the receipt.

## Discounts

\`applyDiscount(total, percent)\` takes a percentage off the total, at most 50%.
`;

const PACKAGE_BEFORE = `{
  "name": "cart",
  "version": "1.0.0",
  "devDependencies": {
    "jest": "29.7.0"
  }
}
`;

const PACKAGE_AFTER = `{
  "name": "cart",
  "version": "1.0.0",
  "devDependencies": {
    "jest": "30.2.0"
  }
}
`;

const TEST_BEFORE = `import { applyDiscount } from '../src/cart';

test('takes the percentage off', () => {
  expect(applyDiscount(1000, 10)).toBe(900);
});
`;

const TEST_AFTER = `import { applyDiscount } from '../src/cart';

test('takes the percentage off', () => {
  expect(applyDiscount(1000, 10)).toBe(900);
});

test('caps the discount at half the total', () => {
  expect(applyDiscount(1000, 80)).toBe(500);
});
`;

const STYLE_BEFORE = `.receipt {
    font-family: monospace;
    padding: 1em;
}

.receipt .total {
    font-weight: bold;
}
`;

const STYLE_AFTER = `.receipt {
  font-family: monospace;
  padding: 1em;
}

.receipt .total {
  font-weight: bold;
}
`;

/** A line of about 200 KB: the page must neither hang nor widen past its scroll area. */
const HUGE_LINE = `const huge = "${'<b>&amp;</b> '.repeat(16 * 1024)}";`;

export const reviewCases: ReviewCase[] = [
  {
    name: 'mixed-typescript',
    exercises: 'a TypeScript commit mixing re-indentation, a local rename, a function moved to a new file and a functional change',
    message: 'cart: cap discounts at 50%\n\nLarger discounts were typos in the price list.\n',
    before: { 'README.md': README_BEFORE, 'package.json': PACKAGE_BEFORE, 'src/cart.ts': CART_BEFORE, 'src/checkout.ts': CHECKOUT_BEFORE, 'src/receipt.css': STYLE_BEFORE, 'test/cart.test.ts': TEST_BEFORE },
    after: {
      'README.md': README_AFTER,
      'package.json': PACKAGE_AFTER,
      'src/cart.ts': CART_AFTER,
      'src/format.ts': FORMAT_AFTER,
      'src/checkout.ts': CHECKOUT_AFTER,
      'src/receipt.css': STYLE_AFTER,
      'test/cart.test.ts': TEST_AFTER,
    },
  },
  {
    name: 'hostile',
    exercises: 'markup, entities, `javascript:` URLs, a 200 KB line and invalid UTF-8 in file names and lines, which the page must show as text',
    message: 'hostile: <script>alert(1)</script> & <img src=x onerror=alert(1)>\n\nSee javascript:alert(1) and &amp; &lt;b&gt;.\n',
    before: {
      'docs/<img src=x onerror=alert(1)>.md': '# Title\n\nplain text\n',
      'src/&amp; javascript:alert(1).txt': 'first\nsecond\nthird\n',
      'src/latin1.txt': Buffer.from('caf\xe9 cr\xe8me\n', 'latin1'),
    },
    after: {
      'docs/<img src=x onerror=alert(1)>.md': '# Title\n\n<img src=x onerror=alert(1)> and <a href="javascript:alert(1)">click</a>\n',
      '<script>alert(1)</script>.ts': '// <script>alert(1)</script>\nexport const link = "javascript:alert(1)";\nexport const entity = "&amp; &lt;script&gt; &#x3C;";\n',
      'src/&amp; javascript:alert(1).txt': 'first\n<script>alert(1)</script>\n&amp;&lt;&#60;\njavascript:alert(1)\nthird\n',
      'src/huge.ts': `${HUGE_LINE}\n`,
      'src/latin1.txt': Buffer.concat([Buffer.from('caf\xe9 cr\xe8me br\xfbl\xe9e\n', 'latin1'), Buffer.from([0xff, 0xfe, 0x3c, 0x73, 0x3e, 0x0a])]),
    },
  },
];

/** Builds a case's repository (base commit, then the change) and returns it; cleanupRepos() removes it. */
export function buildReviewRepo(reviewCase: ReviewCase): TestRepo {
  const repo = createRepo();
  repo.commitFiles('base', reviewCase.before);
  for (const [file, content] of Object.entries(reviewCase.after)) {
    if (content === null) repo.remove(file);
    else repo.write(file, content);
  }
  repo.commit(reviewCase.message);
  return repo;
}

/** The fixture's bytes: `git show` of the change commit. */
export function showChange(repo: TestRepo): Buffer {
  return repo.gitRaw(SHOW_COMMAND);
}
