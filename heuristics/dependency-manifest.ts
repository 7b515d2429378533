/**
 * dependency-manifest: dependency declarations in manifests (package.json
 * dependency sections, requirements files, go.mod, Cargo.toml, pyproject.toml,
 * Gemfile/gemspec, Gradle, Maven, composer.json) and lockfiles.
 *
 * Commit practice, "What must not be mixed" 6: a raised minimum version is a new
 * requirement and must not hide inside a refactor, so the reason names it.
 */
import { Heuristic, HeuristicResult } from '../src/heuristic';
import { Change, Hunk } from '../src/model';
import { isLockfile, isManifest } from '../src/paths';
import * as path from 'node:path';

const messages = {
  lockfile: 'Lockfile ({{file}}): written by the package manager; it goes with the manifest change that caused it.',
  raisedMinimum: 'Raises the minimum version of {{name}} from {{from}} to {{to}}: a new requirement for everyone who builds this.',
  lowered: 'Lowers the version of {{name}} from {{from}} to {{to}}.',
  added: 'Adds the dependency {{name}}{{version}}.',
  removed: 'Removes the dependency {{name}}.',
  changed: 'Changes dependency declarations in {{file}}.',
};

const JSON_SECTIONS = new Set(['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies', 'engines', 'overrides', 'resolutions', 'require', 'require-dev', 'imports']);

interface Requirement {
  name: string;
  version: string;
}

/** Reads `name` and version spec from one manifest line, by the manifest's syntax. */
function parseRequirement(base: string, line: string): Requirement | null {
  let match: RegExpExecArray | null;
  if (base.endsWith('.json')) {
    match = /^\s*"([^"]+)"\s*:\s*"([^"]*)"/.exec(line);
    return match ? { name: match[1], version: match[2] } : null;
  }
  if (/^requirements|^constraints|\.in$/.test(base)) {
    match = /^\s*([A-Za-z0-9][A-Za-z0-9_.-]*)(?:\[[^\]]*\])?\s*(?:(==|>=|~=|===|>|<=|<|!=)\s*([\w.*+!-]+))?/.exec(line);
    return match && !line.trim().startsWith('#') && !line.trim().startsWith('-') ? { name: match[1], version: match[2] === undefined ? '' : `${match[2]}${match[3]}` } : null;
  }
  if (base === 'go.mod') {
    if ((match = /^\s*go\s+(\d[\w.]*)\s*$/.exec(line))) return { name: 'go', version: match[1] };
    if ((match = /^\s*toolchain\s+go(\d[\w.]*)/.exec(line))) return { name: 'go toolchain', version: match[1] };
    match = /^\s*(?:require\s+)?([\w.\-/~]+\.[\w.\-/~]+)\s+(v[\w.\-+]+)/.exec(line);
    return match ? { name: match[1], version: match[2] } : null;
  }
  if (base.endsWith('.toml') || base === 'pipfile') {
    match = /^\s*([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{[^}]*version\s*=\s*"([^"]*)")/.exec(line);
    if (match) return { name: match[1], version: match[2] ?? match[3] ?? match[4] ?? '' };
    match = /^\s*"([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?\s*([<>=~!]=?\s*[\w.*+-]+)?[^"]*",?\s*$/.exec(line);
    return match ? { name: match[1], version: match[2] ?? '' } : null;
  }
  if (base === 'gemfile' || base.endsWith('.gemspec')) {
    match = /(?:gem|add_(?:runtime_|development_)?dependency)\s*\(?\s*['"]([^'"]+)['"](?:\s*,\s*['"]([^'"]+)['"])?/.exec(line);
    return match ? { name: match[1], version: match[2] ?? '' } : null;
  }
  if (base.startsWith('build.gradle')) {
    match = /['"]([\w.-]+:[\w.-]+):([\w.+-]+)['"]/.exec(line);
    return match ? { name: match[1], version: match[2] } : null;
  }
  return null;
}

/**
 * The numeric minimum a version spec allows (`^1.4.2` → [1,4,2], `>=2,<3` → [2]),
 * or null when it states none: an upper bound or an exclusion (`<3`, `!=2.1`) is
 * not a minimum, so moving it neither raises nor lowers one.
 */
function minimumOf(spec: string): number[] | null {
  for (const match of spec.matchAll(/(<=?|!=|>=?|~=|===?|\^|~>?|=)?\s*v?(\d+(?:\.\d+)*)/g)) {
    if (match[1] === undefined || !/^(<|!)/.test(match[1])) return match[2].split('.').map(Number);
  }
  return null;
}

function compareVersions(a: number[], b: number[]): number {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const difference = (a[k] ?? 0) - (b[k] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The lines above a change on its new (or old) side: whole file when known, else the hunk's context. */
function linesAbove(change: Change, text: string | null, hunk: Hunk | null, side: 'old' | 'new'): string[] {
  const range = side === 'new' ? change.new : change.old;
  if (text !== null && range !== null) return text.split('\n').slice(0, Math.max(0, range.lines === 0 ? range.start : range.start - 1));
  if (hunk === null) return [];
  const skip = side === 'new' ? '-' : '+';
  return hunk.lines.slice(0, change.blockStart).filter((line) => line.type !== skip).map((line) => line.text);
}

/** A TOML `key = value` line (bare, dotted or quoted key). */
const TOML_KEY = /^\s*[\w."'-]+\s*=/;

/** Whether a changed line sits in a dependency section of its manifest. */
function inDependencySection(base: string, above: string[], line: string): boolean {
  if (base.endsWith('.json')) {
    // The innermost enclosing `"key": {` with less indentation than the line.
    const indent = /^\s*/.exec(line)![0].length;
    for (let k = above.length - 1; k >= 0; k--) {
      const match = /^(\s*)"([^"]+)"\s*:\s*[{[]/.exec(above[k]);
      if (match && match[1].length < indent) return JSON_SECTIONS.has(match[2]);
    }
    return false;
  }
  if (base.endsWith('.toml') || base === 'pipfile') {
    if (/^\s*(dependencies|requires-python|optional-dependencies|requires)\s*=/.test(line)) return true;
    // Inside a `dependencies = [` array only until a line closes it or another key starts:
    // `description = ...` after the array belongs to the table, not to the array.
    let mayBeInArray = !TOML_KEY.test(line);
    for (let k = above.length - 1; k >= 0; k--) {
      const header = /^\s*\[+([^\]]+)\]+/.exec(above[k]);
      // Pipfile's [packages] and [dev-packages], not [tool.setuptools.packages.find].
      if (header) return /dependencies|^\s*(dev-)?packages\s*$|requires|build-system/i.test(header[1]);
      if (mayBeInArray && /^\s*(dependencies|optional-dependencies|requires)\s*=\s*\[/.test(above[k])) return !/\]\s*(#.*)?$/.test(above[k]);
      if (/^\s*\]/.test(above[k]) || TOML_KEY.test(above[k])) mayBeInArray = false;
    }
    return false;
  }
  if (base === 'go.mod') return /^\s*(go|toolchain|require|replace|exclude)\b/.test(line) || above.some((text) => /^\s*require\s*\(/.test(text)) || /\sv\d/.test(line);
  if (base === 'pom.xml') return /<(dependency|version|artifactId|groupId|scope)>/.test(line);
  if (base.startsWith('build.gradle')) return /\b(implementation|api|compileOnly|runtimeOnly|testImplementation|classpath|kapt|annotationProcessor)\b/.test(line);
  if (base === 'setup.py' || base === 'setup.cfg') return /install_requires|python_requires|[A-Za-z0-9_.-]+\s*(>=|==|~=|<)/.test(line);
  return true;
}

export const dependencyManifest: Heuristic = {
  meta: {
    id: 'dependency-manifest',
    description: 'Dependency declarations in manifests, and lockfiles; a raised minimum version is called out.',
    produces: ['dependency'],
    languages: 'all',
    messages,
  },
  appliesTo: (file) => {
    const name = (file.newPath ?? file.oldPath)?.text ?? '';
    return isLockfile(name) || isManifest(name);
  },
  classify(change, context): HeuristicResult | null {
    if (isLockfile(change.file)) return { kind: 'dependency', detail: 'lockfile', confidence: 0.95, messageId: 'lockfile', data: { file: change.file } };
    const base = path.posix.basename(change.file).toLowerCase();
    const changed = [...change.removed, ...change.added].filter((line) => line.trim() !== '');
    if (changed.length === 0) return null;
    const aboveNew = linesAbove(change, context.commit.text(change.fileIndex, 'new'), context.hunk, 'new');
    const aboveOld = linesAbove(change, context.commit.text(change.fileIndex, 'old'), context.hunk, 'old');
    const inSection =
      change.added.every((line) => line.trim() === '' || inDependencySection(base, aboveNew, line)) &&
      change.removed.every((line) => line.trim() === '' || inDependencySection(base, aboveOld, line));
    if (!inSection) return null;

    const before = new Map(change.removed.map((line) => parseRequirement(base, line)).filter((r): r is Requirement => r !== null).map((r) => [r.name, r.version]));
    const after = new Map(change.added.map((line) => parseRequirement(base, line)).filter((r): r is Requirement => r !== null).map((r) => [r.name, r.version]));
    for (const [name, version] of after) {
      const previous = before.get(name);
      if (previous === undefined || previous === version) continue;
      const from = minimumOf(previous);
      const to = minimumOf(version);
      if (from !== null && to !== null && compareVersions(to, from) > 0) {
        return { kind: 'dependency', detail: 'raised-minimum', confidence: 0.9, messageId: 'raisedMinimum', data: { name, from: previous, to: version } };
      }
      if (from !== null && to !== null && compareVersions(to, from) < 0) {
        return { kind: 'dependency', detail: 'lowered', confidence: 0.9, messageId: 'lowered', data: { name, from: previous, to: version } };
      }
    }
    const added = [...after.keys()].filter((name) => !before.has(name));
    if (added.length > 0 && before.size === 0) {
      const version = after.get(added[0]);
      return { kind: 'dependency', detail: 'added', confidence: 0.9, messageId: 'added', data: { name: added.join(', '), version: added.length === 1 && version ? ` ${version}` : '' } };
    }
    const removed = [...before.keys()].filter((name) => !after.has(name));
    if (removed.length > 0 && after.size === 0) return { kind: 'dependency', detail: 'removed', confidence: 0.9, messageId: 'removed', data: { name: removed.join(', ') } };
    return { kind: 'dependency', detail: 'changed', confidence: 0.8, messageId: 'changed', data: { file: change.file } };
  },
};
