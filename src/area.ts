/**
 * Names the area a set of paths belongs to, for commit subjects (commit practice:
 * "a first line that summarises and names the area (module, driver, component, file)").
 */
import * as path from 'node:path';

/** Directory names too generic to name an area on their own. */
const GENERIC_DIRECTORIES = new Set(['src', 'lib', 'source', 'sources', 'app', 'pkg', 'internal', '.']);

function stem(file: string): string {
  const base = path.posix.basename(file);
  const dot = base.indexOf('.', 1);
  return dot > 0 ? base.slice(0, dot) : base;
}

/**
 * One file: its name without extension (`src/parser.ts` → `parser`). Several files:
 * their deepest common directory, less generic top levels (`nova/virt/a.py`,
 * `nova/virt/b.py` → `nova/virt`). Nothing in common: the top-level directories,
 * up to two, else `treewide`.
 */
export function areaOf(files: string[]): string {
  return printableName(rawAreaOf(files));
}

const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A path as one line of a commit message: control characters (a newline or tab
 * in a file name) written as JSON escapes, so a subject stays one line.
 */
export function printableName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\x00-\x1f\x7f]/g, (character) => NAMED_ESCAPES[character] ?? `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function rawAreaOf(files: string[]): string {
  const unique = [...new Set(files)].sort();
  if (unique.length === 0) return 'treewide';
  if (unique.length === 1) return stem(unique[0]);
  const directories = unique.map((file) => path.posix.dirname(file).split('/'));
  const common: string[] = [];
  for (let k = 0; k < directories[0].length; k++) {
    const part = directories[0][k];
    if (directories.every((parts) => parts[k] === part)) common.push(part);
    else break;
  }
  const meaningful = common.filter((part) => !GENERIC_DIRECTORIES.has(part));
  if (meaningful.length > 0) return meaningful.slice(-2).join('/');
  const stems = new Set(unique.map(stem));
  if (stems.size === 1) return [...stems][0];
  const tops = [...new Set(unique.map((file) => (file.includes('/') ? file.split('/')[0] : stem(file))))];
  if (tops.length <= 2) return tops.join(', ');
  return 'treewide';
}
