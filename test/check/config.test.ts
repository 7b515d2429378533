/**
 * The gate's policy: where it is read from, what it may hold, and errors that
 * name the key and the allowed values; the ignore globs and custom areas.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { customArea, globMatcher, loadConfig, validateConfig } from '../../src/check/config';
import { InputError } from '../../src/errors';
import { cleanupRepos, makeTempDir } from '../helpers/git-repo';

/** The rules' ids and defaults, as the registry gives them (a fixed list: the test does not depend on which rules exist). */
const metas = [
  { id: 'mixed-whitespace', defaultSeverity: 'error' as const },
  { id: 'too-large', defaultSeverity: 'warn' as const },
  { id: 'subject-area', defaultSeverity: 'warn' as const },
  { id: 'body-why', defaultSeverity: 'warn' as const },
];
const validate = (raw: unknown) => validateConfig(raw, '.split-advisor.json', metas);

afterAll(cleanupRepos);

describe('validateConfig', () => {
  it('fills in defaults', () => {
    const config = validate({});
    expect(config.rules['mixed-whitespace']).toBe('error');
    expect(config.rules['too-large']).toBe('warn');
    expect(config.thresholds).toMatchObject({ subjectWarn: 50, subjectMax: 72 });
    expect(config.ignore).toEqual([]);
  });

  it('takes severities, ignores, thresholds and areas', () => {
    const config = validate({ rules: { 'too-large': 'off', 'subject-area': 'error' }, ignore: ['dist/**'], thresholds: { maxLines: 800 }, areas: { 'src/syntax/': 'syntax', 'src/': 'core' } });
    expect(config.rules).toMatchObject({ 'too-large': 'off', 'subject-area': 'error', 'mixed-whitespace': 'error' });
    expect(config.thresholds.maxLines).toBe(800);
    expect(customArea(config, 'src/syntax/load.ts')).toBe('syntax');
    expect(customArea(config, 'src/cli.ts')).toBe('core');
    expect(customArea(config, 'test/x.ts')).toBeNull();
  });

  it.each([
    [{ rulez: {} }, /^\.split-advisor\.json: rulez: unknown key \(allowed: rules, ignore, thresholds, areas\)$/],
    [{ rules: { 'too-large': 'maybe' } }, /rules\.too-large: "maybe" is not a severity \(allowed: off, warn, error\)/],
    [{ rules: { 'too-large': 2 } }, /rules\.too-large: 2 is not a severity \(allowed: off, warn, error\)/],
    [{ rules: { 'no-such-rule': 'warn' } }, /rules\.no-such-rule: unknown rule \(known: mixed-whitespace, too-large, subject-area, body-why\)/],
    [{ rules: [] }, /rules: expected an object/],
    [{ ignore: 'dist' }, /ignore: expected an array of path globs/],
    [{ thresholds: { maxLines: -1 } }, /thresholds\.maxLines: -1 is not allowed \(a whole number of at least 1\)/],
    [{ thresholds: { maxLine: 10 } }, /thresholds\.maxLine: unknown threshold \(allowed: subjectWarn/],
    [{ thresholds: { subjectWarn: 80 } }, /thresholds\.subjectWarn: 80 is over thresholds\.subjectMax \(72\)/],
    [{ areas: { 'src/': 3 } }, /areas\.src\/: 3 is not allowed \(an area name/],
    [[], /\(top level\): expected an object/],
  ])('rejects %j', (raw, message) => {
    expect(() => validate(raw)).toThrow(InputError);
    expect(() => validate(raw)).toThrow(message);
  });
});

describe('loadConfig', () => {
  it('reads .split-advisor.json, else package.json "split-advisor", else defaults', () => {
    const dir = makeTempDir();
    expect(loadConfig(metas, dir, undefined, dir).source).toBeNull();
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', 'split-advisor': { rules: { 'too-large': 'off' } } }));
    expect(loadConfig(metas, dir, undefined, dir)).toMatchObject({ source: 'package.json: "split-advisor"', rules: { 'too-large': 'off' } });
    fs.writeFileSync(path.join(dir, '.split-advisor.json'), JSON.stringify({ rules: { 'too-large': 'error' } }));
    expect(loadConfig(metas, dir, undefined, dir)).toMatchObject({ source: '.split-advisor.json', rules: { 'too-large': 'error' } });
    fs.writeFileSync(path.join(dir, 'strict.json'), JSON.stringify({ rules: { 'body-why': 'error' } }));
    expect(loadConfig(metas, dir, 'strict.json', dir)).toMatchObject({ source: 'strict.json', rules: { 'body-why': 'error', 'too-large': 'warn' } });
  });

  it('names the file in read and JSON errors', () => {
    const dir = makeTempDir();
    expect(() => loadConfig(metas, dir, 'missing.json', dir)).toThrow('cannot read config missing.json: no such file');
    fs.writeFileSync(path.join(dir, '.split-advisor.json'), '{ "rules": ');
    expect(() => loadConfig(metas, dir, undefined, dir)).toThrow(/^\.split-advisor\.json: not valid JSON/);
  });
});

describe('globMatcher', () => {
  it.each([
    ['dist/**', 'dist/a/b.js', true],
    ['dist/**', 'src/dist/a.js', false],
    ['dist/', 'dist/a.js', true],
    ['*.min.js', 'web/app.min.js', true],
    ['*.min.js', 'app.min.jsx', false],
    ['src/*.ts', 'src/a.ts', true],
    ['src/*.ts', 'src/x/a.ts', false],
    ['src/**/*.ts', 'src/a.ts', true],
    ['src/**/*.ts', 'src/x/y/a.ts', true],
    ['vendor', 'vendor', true],
    ['vendor', 'lib/vendor', true],
    ['file?.c', 'file1.c', true],
    ['a.c', 'abc', false],
  ])('%s matches %s: %s', (glob, file, expected) => {
    expect(globMatcher(glob)(file)).toBe(expected);
  });
});
