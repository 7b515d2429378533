/**
 * The gate's policy: rule severities, ignored paths, thresholds and custom area
 * names, read from `--config FILE`, else `.split-advisor.json` at the top of the
 * work tree, else the `split-advisor` key of its `package.json`, else defaults.
 * Anything invalid is an InputError (exit 2) naming the key and what is allowed,
 * like ESLint's and commitlint's config errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import type { Severity } from './rule';

export interface Thresholds {
  /** Subject length that gives a warning (commit practice: "about 50 characters"). */
  subjectWarn: number;
  /** Subject length that gives the rule's configured severity ("never over 72"). */
  subjectMax: number;
  /** A commit changing more lines than this (generated files and lockfiles aside) is large. */
  maxLines: number;
  /** A commit changing more files than this is large. */
  maxFiles: number;
  /** A change of at most this many behaviour-changing lines may have a subject-only message. */
  trivialLines: number;
  /** A body of at least this many words is taken to explain why (the why heuristics are generous). */
  bodyWords: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  subjectWarn: 50,
  subjectMax: 72,
  maxLines: 500,
  maxFiles: 30,
  trivialLines: 10,
  bodyWords: 30,
};

const THRESHOLD_HELP: Record<keyof Thresholds, string> = {
  subjectWarn: 'subject length that warns',
  subjectMax: 'subject length that fails',
  maxLines: 'changed lines above which a commit is too large',
  maxFiles: 'changed files above which a commit is too large',
  trivialLines: 'behaviour-changing lines up to which a subject-only message is fine',
  bodyWords: 'body words from which a body is taken to explain why',
};

export interface CheckConfig {
  /** Severity of every known rule (defaults filled in). */
  rules: Record<string, Severity>;
  /** Globs of paths left out of the analysis (generated code, vendored trees). */
  ignore: string[];
  thresholds: Thresholds;
  /** Path prefix → area name, longest prefix first. */
  areas: Array<{ prefix: string; name: string }>;
  /** The file the config came from, or null for the defaults. */
  source: string | null;
}

const SEVERITIES: Severity[] = ['off', 'warn', 'error'];
const TOP_KEYS = ['$schema', 'rules', 'ignore', 'thresholds', 'areas'];

export interface RuleDefaults {
  id: string;
  defaultSeverity: 'warn' | 'error';
}

/** The defaults: every rule at its default severity, nothing ignored. */
export function defaultConfig(rules: readonly RuleDefaults[]): CheckConfig {
  return {
    rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.defaultSeverity])),
    ignore: [],
    thresholds: { ...DEFAULT_THRESHOLDS },
    areas: [],
    source: null,
  };
}

/**
 * Reads the policy for a work tree. `explicit` is `--config FILE` (relative to
 * `cwd`); otherwise `.split-advisor.json` or package.json's `split-advisor` key at
 * `top`.
 */
export function loadConfig(rules: readonly RuleDefaults[], top: string | null, explicit: string | undefined, cwd: string): CheckConfig {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    const value = readJson(file, explicit);
    const raw = path.basename(file) === 'package.json' ? (value as Record<string, unknown>)['split-advisor'] : value;
    if (raw === undefined) throw new InputError(`${explicit}: no "split-advisor" key`);
    return validateConfig(raw, explicit, rules);
  }
  if (top === null) return defaultConfig(rules);
  const own = path.join(top, '.split-advisor.json');
  if (fs.existsSync(own)) return validateConfig(readJson(own, '.split-advisor.json'), '.split-advisor.json', rules);
  const manifest = path.join(top, 'package.json');
  if (fs.existsSync(manifest)) {
    const value = readJson(manifest, 'package.json');
    if (typeof value === 'object' && value !== null && 'split-advisor' in value) {
      return validateConfig((value as Record<string, unknown>)['split-advisor'], 'package.json: "split-advisor"', rules);
    }
  }
  return defaultConfig(rules);
}

function readJson(file: string, shown: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read config ${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${shown}: not valid JSON (${(error as Error).message})`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a parsed config object and fills in the defaults; `where` names it in errors. */
export function validateConfig(raw: unknown, where: string, rules: readonly RuleDefaults[]): CheckConfig {
  const config = defaultConfig(rules);
  config.source = where;
  const fail = (key: string, problem: string): never => {
    throw new InputError(`${where}: ${key}: ${problem}`);
  };
  if (!isObject(raw)) fail('(top level)', `expected an object with keys ${TOP_KEYS.slice(1).join(', ')}`);
  const top = raw as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (!TOP_KEYS.includes(key)) fail(key, `unknown key (allowed: ${TOP_KEYS.slice(1).join(', ')})`);
  }
  if (top.rules !== undefined) {
    if (!isObject(top.rules)) fail('rules', `expected an object of rule id → severity (${SEVERITIES.join(', ')})`);
    const known = rules.map((rule) => rule.id);
    for (const [id, value] of Object.entries(top.rules as Record<string, unknown>)) {
      if (!known.includes(id)) fail(`rules.${id}`, `unknown rule (known: ${known.join(', ')})`);
      if (typeof value !== 'string' || !SEVERITIES.includes(value as Severity)) {
        fail(`rules.${id}`, `${JSON.stringify(value)} is not a severity (allowed: ${SEVERITIES.join(', ')})`);
      }
      config.rules[id] = value as Severity;
    }
  }
  if (top.ignore !== undefined) {
    if (!Array.isArray(top.ignore) || top.ignore.some((item) => typeof item !== 'string' || item.trim() === '')) {
      fail('ignore', 'expected an array of path globs, e.g. ["dist/**", "*.min.js"]');
    }
    config.ignore = (top.ignore as string[]).map((item) => item.trim());
  }
  if (top.thresholds !== undefined) {
    if (!isObject(top.thresholds)) fail('thresholds', `expected an object (keys: ${Object.keys(DEFAULT_THRESHOLDS).join(', ')})`);
    for (const [key, value] of Object.entries(top.thresholds as Record<string, unknown>)) {
      if (!(key in DEFAULT_THRESHOLDS)) fail(`thresholds.${key}`, `unknown threshold (allowed: ${Object.entries(THRESHOLD_HELP).map(([name, help]) => `${name} (${help})`).join(', ')})`);
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail(`thresholds.${key}`, `${JSON.stringify(value)} is not allowed (a whole number of at least 1)`);
      config.thresholds[key as keyof Thresholds] = value as number;
    }
    if (config.thresholds.subjectWarn > config.thresholds.subjectMax) {
      fail('thresholds.subjectWarn', `${config.thresholds.subjectWarn} is over thresholds.subjectMax (${config.thresholds.subjectMax})`);
    }
  }
  if (top.areas !== undefined) {
    if (!isObject(top.areas)) fail('areas', 'expected an object of path prefix → area name, e.g. {"src/syntax/": "syntax"}');
    for (const [prefix, name] of Object.entries(top.areas as Record<string, unknown>)) {
      if (typeof name !== 'string' || name.trim() === '') fail(`areas.${prefix}`, `${JSON.stringify(name)} is not allowed (an area name: a non-empty string)`);
      config.areas.push({ prefix: prefix.replace(/^\.\//, ''), name: (name as string).trim() });
    }
    config.areas.sort((a, b) => b.prefix.length - a.prefix.length);
  }
  return config;
}

/**
 * A glob as a regular expression: `**` any depth, `*` and `?` within a path part;
 * a glob without a slash matches a name at any depth (like .gitignore); a trailing
 * slash means everything under the directory.
 */
export function globMatcher(glob: string): (file: string) => boolean {
  let pattern = glob.replace(/^\.\//, '').replace(/^\//, '');
  if (pattern.endsWith('/')) pattern += '**';
  const anywhere = !pattern.includes('/');
  let body = '';
  for (let k = 0; k < pattern.length; k++) {
    const char = pattern[k];
    if (pattern.startsWith('**/', k)) {
      body += '(?:.*/)?';
      k += 2;
    } else if (pattern.startsWith('/**', k) && k + 3 === pattern.length) {
      body += '(?:/.*)?';
      k += 2;
    } else if (pattern.startsWith('**', k)) {
      body += '.*';
      k += 1;
    } else if (char === '*') body += '[^/]*';
    else if (char === '?') body += '[^/]';
    else body += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const regex = new RegExp(`^${anywhere ? '(?:.*/)?' : ''}${body}$`);
  return (file) => regex.test(file);
}

/** A predicate for the config's ignored paths. */
export function ignoreMatcher(config: CheckConfig): (file: string) => boolean {
  const matchers = config.ignore.map(globMatcher);
  return (file) => matchers.some((match) => match(file));
}

/** The custom area of a path: the name of the longest prefix it starts with (end a directory with '/'), or null. */
export function customArea(config: CheckConfig, file: string): string | null {
  for (const area of config.areas) {
    if (file.startsWith(area.prefix)) return area.name;
  }
  return null;
}
