/**
 * dependency-manifest: dependency declarations and lockfiles, one case per
 * ecosystem it claims, and the near misses in the same files that are not
 * dependencies (scripts, the package's own name and version, other TOML keys).
 *
 * Commit practice, "What must not be mixed" 6: a raised minimum version is a new
 * requirement that must not hide in a refactor, so `raised-minimum` is pinned
 * with the package, the old and the new spec in its reason. An upper bound
 * (`<3` → `<4`) raises no minimum.
 *
 * Decision: diff only, a line is claimed only when the hunk's context shows the
 * section it is in; a header outside the hunk leaves it functional.
 */
import { dependencyManifest } from '../../heuristics/dependency-manifest';
import { classifyCase, runHeuristicTests } from '../helpers/heuristic-tester';

const dep = (detail: string, messageId: string) => ({ kind: 'dependency' as const, detail, messageId });
const raised = dep('raised-minimum', 'raisedMinimum');
const lowered = dep('lowered', 'lowered');
const added = dep('added', 'added');
const removed = dep('removed', 'removed');
const changed = dep('changed', 'changed');
const lockfile = dep('lockfile', 'lockfile');

/** A package.json with the given dependency lines, script line and package version. */
const pkg = (deps: string[], script = '"build": "tsc"', version = '1.0.0') =>
  `{\n  "name": "x",\n  "version": "${version}",\n  "scripts": {\n    ${script}\n  },\n  "dependencies": {\n${deps.map((line) => `    ${line}`).join(',\n')}\n  }\n}\n`;
const CARGO = (version: string, serde: string) => `[package]\nname = "x"\nversion = "${version}"\nedition = "2021"\n\n[dependencies]\nserde = "${serde}"\n`;
const PYPROJECT = (name: string, requests: string, description = 'a') =>
  `[project]\nname = "${name}"\nversion = "1.0"\ndependencies = [\n    "requests${requests}",\n    "click",\n]\ndescription = "${description}"\n`;
const GO_MOD = (go: string, text: string) => `module example.com/x\n\ngo ${go}\n\nrequire (\n\tgithub.com/a/b v1.0.0\n\tgolang.org/x/text ${text}\n)\n`;

const raisedLeftPad = {
  name: 'npm: package.json dependency ^1.2.0 → ^1.3.0 raises the minimum',
  path: 'package.json',
  before: pkg(['"a": "^1.0.0"', '"left-pad": "^1.2.0"', '"z": "^2.0.0"']),
  after: pkg(['"a": "^1.0.0"', '"left-pad": "^1.3.0"', '"z": "^2.0.0"']),
  expect: [raised],
};

runHeuristicTests(dependencyManifest, {
  valid: [
    { name: 'npm: a package.json scripts change is not a dependency', path: 'package.json', before: pkg(['"a": "^1.0.0"']), after: pkg(['"a": "^1.0.0"'], '"build": "tsc -p ."') },
    { name: "npm: the package's own version is not a dependency", path: 'package.json', before: pkg(['"a": "^1.0.0"']), after: pkg(['"a": "^1.0.0"'], undefined, '1.1.0') },
    {
      name: 'npm, diff only: a scripts change with its section in the hunk context is not a dependency',
      path: 'package.json',
      before: pkg(['"a": "^1.0.0"']),
      after: pkg(['"a": "^1.0.0"'], '"build": "tsc -p ."'),
      diffOnly: true,
    },
    { name: 'Cargo: a [package] version change is not a dependency', path: 'Cargo.toml', before: CARGO('0.1.0', '1.0.100'), after: CARGO('0.2.0', '1.0.100') },
    { name: 'Cargo, diff only: a [package] version change is not a dependency', path: 'Cargo.toml', before: CARGO('0.1.0', '1.0.100'), after: CARGO('0.2.0', '1.0.100'), diffOnly: true },
    { name: 'pyproject: a [project] name change is not a dependency', path: 'pyproject.toml', before: PYPROJECT('x', '>=2.20'), after: PYPROJECT('y', '>=2.20') },
    {
      name: 'pyproject: a key after the closed dependencies array is not a dependency',
      path: 'pyproject.toml',
      before: PYPROJECT('x', '>=2.20', 'a'),
      after: PYPROJECT('x', '>=2.20', 'b'),
    },
    {
      name: 'pyproject, diff only: a key after the closed dependencies array is not a dependency',
      path: 'pyproject.toml',
      before: PYPROJECT('x', '>=2.20', 'a'),
      after: PYPROJECT('x', '>=2.20', 'b'),
      diffOnly: true,
    },
    {
      name: 'pyproject: [tool.setuptools.packages.find] is not a dependency table',
      path: 'pyproject.toml',
      before: '[tool.setuptools.packages.find]\nwhere = ["src"]\n',
      after: '[tool.setuptools.packages.find]\nwhere = ["lib"]\n',
    },
    { name: 'Go: the go.mod module path is not a dependency', path: 'go.mod', before: 'module example.com/x\n\ngo 1.20\n', after: 'module example.com/y\n\ngo 1.20\n' },
    {
      name: "Gradle: the project's own version is not a dependency",
      path: 'build.gradle',
      before: "plugins {\n    id 'java'\n}\nversion = '1.0'\n",
      after: "plugins {\n    id 'java'\n}\nversion = '1.1'\n",
    },
    {
      name: 'decision, diff only: a Cargo line whose section header is outside the hunk is not claimed',
      path: 'Cargo.toml',
      before: `[dependencies]\n${'a = "1"\n'.repeat(6)}serde = "1.0.100"\n`,
      after: `[dependencies]\n${'a = "1"\n'.repeat(6)}serde = "1.0.190"\n`,
      diffOnly: true,
    },
  ],
  invalid: [
    // --- npm.
    raisedLeftPad,
    {
      name: 'npm: package.json dependency ^1.3.0 → ^1.2.0 is lowered',
      path: 'package.json',
      before: pkg(['"a": "^1.0.0"', '"left-pad": "^1.3.0"', '"z": "^2.0.0"']),
      after: pkg(['"a": "^1.0.0"', '"left-pad": "^1.2.0"', '"z": "^2.0.0"']),
      expect: [lowered],
    },
    {
      name: 'npm: a dependency added to package.json',
      path: 'package.json',
      before: pkg(['"a": "^1.0.0"', '"z": "^2.0.0"']),
      after: pkg(['"a": "^1.0.0"', '"left-pad": "^1.3.0"', '"z": "^2.0.0"']),
      expect: [added],
    },
    {
      name: 'npm: a dependency removed from package.json',
      path: 'package.json',
      before: pkg(['"a": "^1.0.0"', '"left-pad": "^1.3.0"', '"z": "^2.0.0"']),
      after: pkg(['"a": "^1.0.0"', '"z": "^2.0.0"']),
      expect: [removed],
    },
    {
      name: 'npm: engines.node >=18 → >=20 raises the minimum',
      path: 'package.json',
      before: '{\n  "name": "x",\n  "engines": {\n    "node": ">=18"\n  }\n}\n',
      after: '{\n  "name": "x",\n  "engines": {\n    "node": ">=20"\n  }\n}\n',
      expect: [raised],
    },
    { ...raisedLeftPad, name: 'npm, diff only: the dependencies section is found in the hunk context', diffOnly: true },
    { name: 'npm: package-lock.json is a lockfile', path: 'package-lock.json', before: '{\n  "a": 1\n}\n', after: '{\n  "a": 2\n}\n', expect: [lockfile] },
    { name: 'Yarn: yarn.lock is a lockfile', path: 'yarn.lock', before: 'a@^1:\n  version "1.0.0"\n', after: 'a@^1:\n  version "1.1.0"\n', expect: [lockfile] },

    // --- Python.
    {
      name: 'pip: requirements.txt requests>=2.20 → >=2.31 raises the minimum',
      path: 'requirements.txt',
      before: 'flask==2.0\nrequests>=2.20\nsix\n',
      after: 'flask==2.0\nrequests>=2.31\nsix\n',
      expect: [raised],
    },
    {
      name: 'pip: an upper bound requests<3 → <4 raises no minimum (changed)',
      path: 'requirements.txt',
      before: 'flask==2.0\nrequests<3\nsix\n',
      after: 'flask==2.0\nrequests<4\nsix\n',
      expect: [changed],
    },
    { name: 'pyproject: an entry of [project] dependencies raised', path: 'pyproject.toml', before: PYPROJECT('x', '>=2.20'), after: PYPROJECT('x', '>=2.31'), expect: [raised] },
    {
      name: 'pyproject, diff only: an entry inside the dependencies array is found from the hunk context',
      path: 'pyproject.toml',
      before: PYPROJECT('x', '>=2.20'),
      after: PYPROJECT('x', '>=2.31'),
      diffOnly: true,
      expect: [raised],
    },

    // --- Go.
    { name: 'Go: go.mod go 1.20 → go 1.22 raises the minimum', path: 'go.mod', before: GO_MOD('1.20', 'v0.3.0'), after: GO_MOD('1.22', 'v0.3.0'), expect: [raised] },
    { name: 'Go: a go.mod require line v0.3.0 → v0.14.0 raises the minimum', path: 'go.mod', before: GO_MOD('1.20', 'v0.3.0'), after: GO_MOD('1.20', 'v0.14.0'), expect: [raised] },
    { name: 'Go: go.sum is a lockfile', path: 'go.sum', before: 'a v1.0.0 h1:x=\n', after: 'a v1.1.0 h1:y=\n', expect: [lockfile] },

    // --- Rust.
    { name: 'Cargo: [dependencies] serde 1.0.100 → 1.0.190 raises the minimum', path: 'Cargo.toml', before: CARGO('0.1.0', '1.0.100'), after: CARGO('0.1.0', '1.0.190'), expect: [raised] },
    {
      name: 'Cargo, diff only: the [dependencies] header is found in the hunk context',
      path: 'Cargo.toml',
      before: CARGO('0.1.0', '1.0.100'),
      after: CARGO('0.1.0', '1.0.190'),
      diffOnly: true,
      expect: [raised],
    },
    {
      name: 'Cargo: Cargo.lock is a lockfile',
      path: 'Cargo.lock',
      before: '[[package]]\nname = "a"\nversion = "1.0.0"\n',
      after: '[[package]]\nname = "a"\nversion = "1.1.0"\n',
      expect: [lockfile],
    },

    // --- Ruby, JVM.
    {
      name: "Ruby: Gemfile gem 'rails', '~> 7.0.0' → '~> 7.1.0' raises the minimum",
      path: 'Gemfile',
      before: "source 'https://rubygems.org'\n\ngem 'rails', '~> 7.0.0'\ngem 'puma'\n",
      after: "source 'https://rubygems.org'\n\ngem 'rails', '~> 7.1.0'\ngem 'puma'\n",
      expect: [raised],
    },
    {
      name: 'Gradle: an implementation line 31.0-jre → 32.1.0-jre raises the minimum',
      path: 'build.gradle',
      before: "dependencies {\n    implementation 'com.google.guava:guava:31.0-jre'\n}\n",
      after: "dependencies {\n    implementation 'com.google.guava:guava:32.1.0-jre'\n}\n",
      expect: [raised],
    },
  ],
});

describe('dependency-manifest reasons', () => {
  it.each([
    [raisedLeftPad, 'left-pad', '^1.2.0', '^1.3.0'],
    [{ name: 'requirements', path: 'requirements.txt', before: 'requests>=2.20\n', after: 'requests>=2.31\n' }, 'requests', '>=2.20', '>=2.31'],
    [{ name: 'go.mod', path: 'go.mod', before: GO_MOD('1.20', 'v0.3.0'), after: GO_MOD('1.22', 'v0.3.0') }, 'go', '1.20', '1.22'],
  ])('a raised minimum names the package, from and to (%#)', (testCase, name, from, to) => {
    const [change] = classifyCase(dependencyManifest, testCase);
    expect(change.verdict.reason).toBe(`Raises the minimum version of ${name} from ${from} to ${to}: a new requirement for everyone who builds this.`);
  });
});
