/**
 * The rule registry guard (like test/heuristics/registry.test.ts): a rule is
 * src/rules/<id>.ts, registered in src/rules/index.ts, with a table at
 * test/rules/<id>.test.ts and a row in the README's rules table; its rationale
 * quotes the commit practice it enforces.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Rule } from '../../src/check/rule';
import { rules } from '../../src/rules';

const root = path.resolve(__dirname, '../..');
const rulesDir = path.join(root, 'src', 'rules');
const files = fs.readdirSync(rulesDir).filter((name) => name.endsWith('.ts') && name !== 'index.ts' && !name.endsWith('.d.ts')).sort();
const fileIds = files.map((name) => name.replace(/\.ts$/, ''));
const registryIds = rules.map((rule) => rule.meta.id);
const practice = path.resolve(root, '../shared/docs/commit-practice.md');

const isRule = (value: unknown): value is Rule => typeof value === 'object' && value !== null && 'meta' in value && 'check' in value;
const squash = (text: string) => text.replace(/[*`]/g, '').replace(/["']/g, "'").replace(/\s+/g, ' ').trim();

/** Ids in the first column of the table under README.md's "### Rules" heading, with their default severity cell. */
function readmeRules(): Map<string, string> {
  const lines = fs.readFileSync(path.join(root, 'README.md'), 'utf8').split('\n');
  const start = lines.findIndex((line) => /^#{2,4}\s+Rules\b/.test(line));
  const rows = new Map<string, string>();
  if (start < 0) return rows;
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,4}\s/.test(line)) break;
    const row = /^\|\s*`([a-z0-9-]+)`\s*\|\s*([a-z]+)\s*\|/.exec(line);
    if (row !== null) rows.set(row[1], row[2]);
  }
  return rows;
}

describe('rule registry', () => {
  it('registers exactly the rules in src/rules/*.ts (id == file name)', () => {
    expect(files.length).toBeGreaterThan(0);
    expect([...registryIds].sort()).toEqual(fileIds);
    expect(new Set(registryIds).size).toBe(registryIds.length);
  });

  it.each(files)('%s exports one registered rule whose id is its file name', (file) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = Object.values(require(path.join(rulesDir, file)) as Record<string, unknown>).filter(isRule);
    expect(exported).toHaveLength(1);
    expect(exported[0].meta.id).toBe(file.replace(/\.ts$/, ''));
    expect(rules).toContain(exported[0]);
  });

  it.each(fileIds)('%s has a table at test/rules/<id>.test.ts', (id) => {
    if (!fs.existsSync(path.join(root, 'test', 'rules', `${id}.test.ts`))) throw new Error(`missing test/rules/${id}.test.ts`);
  });

  describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s meta', (_id, rule) => {
    it('has a kebab-case id, a description, a default severity and a scope', () => {
      expect(rule.meta.id).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(rule.meta.description.trim()).not.toBe('');
      expect(['warn', 'error']).toContain(rule.meta.defaultSeverity);
      expect(['diff', 'message']).toContain(rule.meta.scope);
    });

    it('quotes the commit practice in its rationale', () => {
      expect(rule.meta.rationale).toMatch(/Commit practice/);
      const quotes = [...rule.meta.rationale.matchAll(/"([^"]{12,})"/g)].map((match) => match[1]);
      expect(quotes.length).toBeGreaterThan(0);
      if (!fs.existsSync(practice)) return; // a clone without ../shared: the quote cannot be checked here
      const text = squash(fs.readFileSync(practice, 'utf8'));
      // Every quote, cut at the quoting's own ellipses, appears in the practice.
      for (const quote of quotes) for (const part of quote.split(/\s*\.\.\.\s*/)) if (part.length > 8) expect(text).toContain(squash(part));
    });
  });

  it("lists every rule in the README's rules table with its default severity", () => {
    const table = readmeRules();
    const missing = registryIds.filter((id) => !table.has(id));
    if (missing.length > 0) throw new Error(`README.md's "### Rules" table has no row for: ${missing.join(', ')}`);
    for (const rule of rules) expect({ id: rule.meta.id, severity: table.get(rule.meta.id) }).toEqual({ id: rule.meta.id, severity: rule.meta.defaultSeverity });
    const unknown = [...table.keys()].filter((id) => !registryIds.includes(id));
    expect(unknown).toEqual([]);
  });
});
