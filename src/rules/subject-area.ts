/**
 * subject-area: the subject names no area the diff touches. Areas are taken
 * generously: every directory and file name (and the parts of hyphenated names)
 * of the changed paths, the custom area names of the config, the declarations
 * the diff defines or edits inside, and "docs"/"tests"/"deps"/"ci" for such
 * files. A subject word matches an area when equal, or when they share a prefix
 * of at least 4 letters (parse/parsing, hook/hooks).
 */
import { areaOf } from '../area';
import { customArea } from '../check/config';
import { Rule } from '../check/rule';
import { isDocPath, isLockfile, isManifest, isTestPath } from '../paths';

const GENERIC = new Set(['src', 'lib', 'source', 'sources', 'app', 'pkg', 'internal', 'packages', 'index', 'main', 'mod', 'init', '__init__']);

const normalise = (word: string) => word.toLowerCase().replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');

function commonPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

export function wordMatches(word: string, area: string): boolean {
  if (word === area) return true;
  const shared = commonPrefix(word, area);
  return shared >= 4 && shared >= Math.min(word.length, area.length) - 3;
}

/** The names a subject may use for what this diff touches. */
export function areaNames(paths: string[], symbols: Iterable<string>, custom: string[]): Set<string> {
  const names = new Set<string>();
  const add = (name: string) => {
    const word = normalise(name);
    if (word.length >= 2 && !GENERIC.has(word)) names.add(word);
  };
  const addWithParts = (name: string) => {
    add(name);
    for (const part of name.split(/[-_.\s]+|(?<=[a-z])(?=[A-Z])/)) if (part.length >= 3) add(part);
  };
  for (const file of paths) {
    const parts = file.split('/');
    parts.slice(0, -1).forEach(addWithParts);
    const base = parts[parts.length - 1];
    add(base);
    addWithParts(base.replace(/^\.+/, '').replace(/\..*$/, ''));
    if (isDocPath(file)) ['doc', 'docs', 'documentation', 'readme'].forEach(add);
    if (isTestPath(file)) ['test', 'tests', 'testing', 'spec'].forEach(add);
    if (isManifest(file) || isLockfile(file)) ['deps', 'dependencies', 'dependency', 'build', 'package'].forEach(add);
    if (/^\.(github|gitlab|circleci|ci)\b|(^|\/)(\.gitlab-ci\.yml|\.travis\.yml|Jenkinsfile|azure-pipelines\.yml)$/.test(file)) ['ci', 'build', 'workflows'].forEach(add);
  }
  for (const name of symbols) addWithParts(name);
  for (const name of custom) addWithParts(name);
  return names;
}

export const subjectArea: Rule = {
  meta: {
    id: 'subject-area',
    description: 'The subject names no area (directory, file, component, symbol) that the diff touches.',
    defaultSeverity: 'warn',
    scope: 'message',
    rationale:
      'Commit practice, "What a commit message must carry" 5: "A first line that summarises and names the area (module, driver, component, file) in little space". In a shortlog, the area tells a reader which commits concern them without opening any.',
  },
  check(commit, config) {
    const diff = commit.diff;
    const subject = commit.message.subject.trim();
    if (diff === null || diff.paths.length === 0 || subject === '') return [];
    const custom = diff.paths.map((file) => customArea(config, file)).filter((name): name is string => name !== null);
    const symbols: string[] = [];
    for (const change of diff.report.changes) {
      const found = diff.symbols.get(change.id);
      if (found === undefined) continue;
      symbols.push(...found.defines);
      if (found.enclosing !== null) symbols.push(found.enclosing.split('::').pop() ?? '');
    }
    const names = areaNames(diff.paths, symbols, custom);
    const words = subject.split(/[^A-Za-z0-9_.\-]+/).flatMap((word) => [word, ...word.split(/[-_.]/)]).map(normalise).filter((word) => word.length >= 2);
    if (words.some((word) => [...names].some((name) => wordMatches(word, name)))) return [];
    const uniqueCustom = [...new Set(custom)];
    const suggestion = uniqueCustom.length === 1 && custom.length === diff.paths.length ? uniqueCustom[0] : areaOf(diff.paths);
    return [{ message: `the subject names nothing this commit touches (${diff.paths.length === 1 ? diff.paths[0] : `${diff.paths.length} files`}): start it with the area, e.g. "${suggestion}: ...".` }];
  },
};
