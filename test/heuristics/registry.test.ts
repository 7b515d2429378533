/**
 * The registry guard (after ESLint's checkRuleFiles and commitlint's index test):
 * adding a heuristic means touching four known places — its file, the registry,
 * its test table and the README's heuristic table — and this test names any
 * that were missed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { heuristics } from '../../heuristics';
import { Heuristic } from '../../src/heuristic';

const root = path.resolve(__dirname, '../..');
const heuristicsDir = path.join(root, 'heuristics');

/** Heuristic files: `heuristics/*.ts` except the registry and any test. */
const files = fs
  .readdirSync(heuristicsDir)
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts' && !name.endsWith('.test.ts') && !name.endsWith('.d.ts'))
  .sort();
const fileIds = files.map((name) => name.replace(/\.ts$/, ''));
const registryIds = heuristics.map((heuristic) => heuristic.meta.id);

function isHeuristic(value: unknown): value is Heuristic {
  return typeof value === 'object' && value !== null && 'meta' in value && 'classify' in value && 'appliesTo' in value;
}

/** The heuristics a file exports (one is expected). */
function exportedHeuristics(file: string): Heuristic[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module: Record<string, unknown> = require(path.join(heuristicsDir, file));
  return Object.values(module).filter(isHeuristic);
}

/** Ids in the first column of the table under README.md's "## Heuristics", with their "produces" cell. */
function readmeTable(): Map<string, string[]> | null {
  const readme = path.join(root, 'README.md');
  if (!fs.existsSync(readme)) return null;
  const lines = fs.readFileSync(readme, 'utf8').split('\n');
  const start = lines.findIndex((line) => /^##\s+Heuristics\b/.test(line));
  if (start < 0) return new Map();
  const rows = new Map<string, string[]>();
  for (const line of lines.slice(start + 1)) {
    if (/^##\s/.test(line)) break;
    const row = /^\|\s*`([a-z0-9-]+)`\s*\|([^|]*)\|/.exec(line);
    // The produces cell lists kinds, each optionally followed by details in parentheses: `refactor (\`rename\`)`.
    if (row !== null) rows.set(row[1], row[2].replace(/\([^)]*\)/g, '').split(',').map((kind) => kind.trim()).filter((kind) => kind !== ''));
  }
  return rows;
}

describe('heuristic registry', () => {
  it('finds heuristic files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('registers exactly the heuristics in heuristics/*.ts (id == file name)', () => {
    const unregistered = fileIds.filter((id) => !registryIds.includes(id));
    if (unregistered.length > 0) throw new Error(`not in heuristics/index.ts: ${unregistered.map((id) => `heuristics/${id}.ts`).join(', ')}`);
    const fileless = registryIds.filter((id) => !fileIds.includes(id));
    if (fileless.length > 0) throw new Error(`registered ids with no heuristics/<id>.ts file: ${fileless.join(', ')}`);
  });

  it('has no duplicate ids', () => {
    expect(new Set(registryIds).size).toBe(registryIds.length);
  });

  it.each(files)('%s exports one heuristic whose meta.id is its file name, and that object is registered', (file) => {
    const exported = exportedHeuristics(file);
    expect(exported).toHaveLength(1);
    expect(exported[0].meta.id).toBe(file.replace(/\.ts$/, ''));
    if (!heuristics.includes(exported[0])) throw new Error(`heuristics/index.ts does not register the heuristic exported by heuristics/${file}`);
  });

  it('runs functional-default last', () => {
    expect(registryIds[registryIds.length - 1]).toBe('functional-default');
  });

  it.each(fileIds)('%s has a test table at test/heuristics/<id>.test.ts', (id) => {
    const table = path.join(root, 'test', 'heuristics', `${id}.test.ts`);
    if (!fs.existsSync(table)) throw new Error(`missing test/heuristics/${id}.test.ts: every heuristic needs a table of valid and invalid cases`);
  });

  describe.each(heuristics.map((heuristic) => [heuristic.meta.id, heuristic] as const))('%s meta', (_id, heuristic) => {
    const { meta } = heuristic;

    it('has a kebab-case id, a description and the kinds it produces', () => {
      expect(meta.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)+$/);
      expect(meta.description.trim()).not.toBe('');
      expect(meta.produces.length).toBeGreaterThan(0);
    });

    it('has camelCase message ids with non-empty templates', () => {
      const entries = Object.entries(meta.messages);
      expect(entries.length).toBeGreaterThan(0);
      for (const [messageId, template] of entries) {
        expect(messageId).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(template.trim()).not.toBe('');
      }
    });

    it('writes every placeholder as {{name}}, the only form renderReason fills', () => {
      for (const [messageId, template] of Object.entries(meta.messages)) {
        const stray = template.replace(/\{\{\w+\}\}/g, '').match(/\{\{|\}\}/g);
        if (stray !== null) throw new Error(`message '${messageId}' has a malformed placeholder: ${JSON.stringify(template)}`);
      }
    });
  });

  it('lists every heuristic in the README heuristic table, with the kinds it produces', () => {
    const table = readmeTable();
    if (table === null) throw new Error('README.md is missing: it must have a "## Heuristics" table with a row per heuristic id (`id` | produces | ...)');
    const missing = registryIds.filter((id) => !table.has(id));
    if (missing.length > 0) throw new Error(`README.md's "## Heuristics" table has no row for: ${missing.map((id) => `\`${id}\``).join(', ')}`);
    const unknown = [...table.keys()].filter((id) => !registryIds.includes(id));
    if (unknown.length > 0) throw new Error(`README.md's "## Heuristics" table lists ids that are not registered: ${unknown.join(', ')}`);
    for (const heuristic of heuristics) {
      expect({ id: heuristic.meta.id, produces: [...(table.get(heuristic.meta.id) ?? [])].sort() }).toEqual({
        id: heuristic.meta.id,
        produces: [...heuristic.meta.produces].sort(),
      });
    }
  });
});
