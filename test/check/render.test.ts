/**
 * The check outputs from a hand-made report: the audit summary's counts, the
 * escaping of GitHub workflow commands and markdown cells, and the shape of
 * SARIF that code scanning accepts.
 */
import { CommitResult } from '../../src/check/analyse';
import { CheckReport, summarise } from '../../src/check/report';
import { escapeData, escapeProperty, renderGithubAnnotations } from '../../src/render/check-github';
import { renderCheckMarkdown } from '../../src/render/check-markdown';
import { renderCheckSarif } from '../../src/render/check-sarif';
import { renderCheckText } from '../../src/render/check-text';
import { rules } from '../../src/rules';

const result = (sha: string, author: string, areas: string[], findings: CommitResult['findings']): CommitResult => ({
  sha: sha.repeat(40).slice(0, 40),
  author,
  subject: `subject ${sha} | with a pipe`,
  findings,
  split: [{ index: 1, kind: 'whitespace', title: 'a: re-indent', changes: 1 }, { index: 2, kind: 'functional', title: 'a: fix', changes: 2 }],
  areas,
  changedLines: 10,
  changedFiles: 1,
  firstFile: 'src/a.c',
});

const results = [
  result('a', 'Ann', ['src/a'], [{ rule: 'mixed-whitespace', severity: 'error', message: 'mixed, 100%: yes', file: 'src/a,b.c', line: 3 }, { rule: 'subject-length', severity: 'warn', message: 'long' }]),
  result('b', 'Bob', ['docs'], [{ rule: 'subject-length', severity: 'warn', message: 'long' }]),
  result('c', 'Ann', ['src/a', 'docs'], []),
];

const report = (summary: boolean): CheckReport => ({ label: 'a..b', kind: 'commits', results, notes: [], configSource: null, depth: 'full', summary: summary ? summarise(results, rules) : null, rules, elapsedMs: 1000, jobs: 1 });

describe('summarise', () => {
  it('counts tangled commits per rule, area and author, and ranks the worst', () => {
    const summary = summarise(results, rules);
    expect(summary.totals).toEqual({ commits: 3, errors: 1, warnings: 2, flagged: 2 });
    expect(summary.tangled).toBe(1);
    expect(summary.byRule).toEqual([
      { rule: 'subject-length', commits: 2, errors: 0, warnings: 2 },
      { rule: 'mixed-whitespace', commits: 1, errors: 1, warnings: 0 },
    ]);
    expect(summary.byArea).toEqual([
      { name: 'src/a', commits: 2, tangled: 1, messages: 1 },
      { name: 'docs', commits: 2, tangled: 0, messages: 1 },
    ]);
    expect(summary.byAuthor[0]).toEqual({ name: 'Ann', commits: 2, tangled: 1, messages: 1 });
    expect(summary.worst.map((row) => row.sha[0])).toEqual(['a', 'b']);
  });
});

describe('GitHub annotations', () => {
  it('escapes messages and properties as the workflow command syntax requires', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
    const lines = renderGithubAnnotations(report(false)).split('\n');
    expect(lines[0]).toBe(`::error file=src/a%2Cb.c,line=3,title=split-advisor mixed-whitespace (aaaaaaaaaaaa)::aaaaaaaaaaaa "subject a | with a pipe": mixed, 100%25: yes`);
    expect(lines[1]).toMatch(/^::warning title=split-advisor subject-length \(aaaaaaaaaaaa\)::/);
  });
});

describe('markdown', () => {
  it('escapes pipes in table cells and folds the split', () => {
    const markdown = renderCheckMarkdown(report(false));
    expect(markdown).toContain('| `aaaaaaaaaaaa` subject a \\| with a pipe | ❌ error | `mixed-whitespace` | mixed, 100%: yes |');
    expect(markdown).toContain('<details><summary>Suggested split of <code>aaaaaaaaaaaa</code> into 2 commits</summary>');
    expect(markdown).not.toContain('Suggested split of <code>bbbbbbbbbbbb</code>');
  });
});

describe('SARIF', () => {
  it('describes every rule and locates every result', () => {
    const sarif = JSON.parse(renderCheckSarif(report(false)));
    expect(sarif.version).toBe('2.1.0');
    const driver = sarif.runs[0].tool.driver;
    expect(driver.rules).toHaveLength(rules.length);
    expect(driver.rules[0]).toMatchObject({ id: 'mixed-whitespace', name: 'MixedWhitespace', defaultConfiguration: { level: 'error' } });
    const results = sarif.runs[0].results;
    expect(results).toHaveLength(3);
    expect(results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'src/a,b.c' }, region: { startLine: 3 } });
    // A message finding has no file of its own: the commit's first file, line 1.
    expect(results[1].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'src/a.c' }, region: { startLine: 1 } });
    expect(results[1].level).toBe('warning');
  });
});

describe('text', () => {
  it('prints the audit summary instead of every commit', () => {
    const text = renderCheckText(report(true), { color: false });
    expect(text).toMatch(/^split-advisor check: history audit of 3 commits \(a\.\.b\)\n/);
    expect(text).toContain('Commits with findings: 2 of 3 (67%); tangled (a "must not be mixed" rule): 1 (33%).');
    expect(text).not.toContain('✗');
  });
});
