/**
 * What a path says about a file's role: test, documentation, dependency manifest,
 * lockfile, or generated output. Shared by the path-based heuristics and, later,
 * by grouping (tests travel with the code they test).
 */
import * as path from 'node:path';
import { languageOf } from './language';

const TEST_PATTERNS = [
  /(^|\/)(tests?|__tests__|spec|specs|testing|testdata|test-data|t)\//i,
  /\.(test|spec|e2e-spec)\.[cm]?[jt]sx?$/,
  /_test\.(go|py|rb|exs?|cc|cpp|c|rs)$/,
  /(^|\/)test_[^/]*\.py$/,
  /(^|\/)conftest\.py$/,
  /Tests?\.(java|kt|cs|scala|swift)$/,
  /_spec\.rb$/,
  /\.t$/,
];

const DOC_PATTERNS = [
  /\.(md|markdown|rst|adoc|asciidoc|txt|texi|pod)$/i,
  // README, CHANGELOG... bare or with a documentation extension (README.zh-CN.org):
  // `src/changes.ts` or `lib/history.py` is code that happens to share the name.
  /(^|\/)(README|CHANGELOG|CHANGES|NEWS|CONTRIBUTING|AUTHORS|HISTORY|RELEASE[-_]NOTES)((\.[\w-]+)?\.(org|rdoc|textile|html?))?$/i,
  /\.[1-9]$/,
];

/** A docs/, doc/, documentation/ or man/ directory anywhere in the path. */
const DOC_DIRECTORY = /(^|\/)(docs?|documentation|man)\//i;

/**
 * Languages that are documentation when they sit in a documentation directory.
 * Code there (`docs/conf.py`, `src/man/parse.c`, `src/doc/mod.rs`) is code.
 */
const DOC_DIRECTORY_LANGUAGES = new Set(['markdown', 'text', 'html', 'yaml', 'json']);

/** Lockfiles: written by package managers, not by people. */
const LOCKFILES = new Set([
  'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lockb', 'bun.lock',
  'cargo.lock', 'go.sum', 'gemfile.lock', 'poetry.lock', 'pipfile.lock', 'composer.lock', 'uv.lock',
  'pdm.lock', 'mix.lock', 'pubspec.lock', 'podfile.lock', 'packages.lock.json', 'flake.lock',
]);

/** Manifests that declare dependencies, by file name. */
const MANIFESTS = new Set([
  'package.json', 'go.mod', 'cargo.toml', 'gemfile', 'pyproject.toml', 'pipfile', 'setup.py', 'setup.cfg',
  'pom.xml', 'build.gradle', 'build.gradle.kts', 'composer.json', 'mix.exs', 'pubspec.yaml', 'podfile',
  'environment.yml', 'environment.yaml', 'deno.json',
]);

const GENERATED_PATTERNS = [
  /\.min\.(js|css|mjs)$/,
  /\.(js|css)\.map$/,
  /(^|\/)__snapshots__\//,
  /\.snap$/,
  /\.pb\.(go|cc|h)$/,
  /_pb2(_grpc)?\.pyi?$/,
  /\.generated\.[^/]+$/,
  /\.g\.(dart|cs)$/,
  /(^|\/)zz_generated[^/]*\.go$/,
];

export function isTestPath(file: string): boolean {
  return TEST_PATTERNS.some((pattern) => pattern.test(file));
}

export function isDocPath(file: string): boolean {
  const base = path.posix.basename(file).toLowerCase();
  if (base === 'cmakelists.txt' || isManifest(file) || isLockfile(file)) return false;
  const byName = DOC_PATTERNS.some((pattern) => pattern.test(file));
  const byDirectory = DOC_DIRECTORY.test(file) && DOC_DIRECTORY_LANGUAGES.has(languageOf(file).id);
  return (byName || byDirectory) && !isTestPath(file);
}

export function isLockfile(file: string): boolean {
  return LOCKFILES.has(path.posix.basename(file).toLowerCase());
}

export function isManifest(file: string): boolean {
  const base = path.posix.basename(file).toLowerCase();
  return MANIFESTS.has(base) || /^requirements[^/]*\.(txt|in)$/.test(base) || /^constraints[^/]*\.txt$/.test(base) || base.endsWith('.gemspec') || base.endsWith('.csproj');
}

export function isGeneratedPath(file: string): boolean {
  return GENERATED_PATTERNS.some((pattern) => pattern.test(file));
}

/** A marker that tools put in the first lines of files they write. */
export const GENERATED_MARKER = /@generated|\bDO NOT EDIT\b|\bCode generated\b.*\bDO NOT EDIT\b|\bauto-?generated\b|\bautomatically generated\b/i;
