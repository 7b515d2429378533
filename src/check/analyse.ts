/**
 * One commit through the same stages as `suggest` (changes → classify → series,
 * as in src/advise.ts, keeping the per-change symbols the rules need), then
 * through every enabled rule. Pure: the commits were read by history.ts.
 */
import { areaOf } from '../area';
import { buildChanges } from '../changes';
import { Commit, FileContents, classifyChanges } from '../classify';
import { Heuristic } from '../heuristic';
import { CommitMessage, DiffFile, Report, Source } from '../model';
import { brokenFilesChecker } from '../prefix-check';
import { buildSeries } from '../series';
import { publicDeclarations, symbolsOf } from '../symbols';
import { SyntaxService } from '../syntax/types';
import { CheckConfig, customArea } from './config';
import { CommitAnalysis, DiffFacts, Rule } from './rule';

/** A finding as reported: the rule, its effective severity, one sentence, and where. */
export interface Finding {
  rule: string;
  severity: 'warn' | 'error';
  message: string;
  file?: string;
  line?: number;
}

/** One commit of the suggested split, as check reports it. */
export interface SplitStep {
  index: number;
  kind: string;
  title: string;
  changes: number;
}

/** What check keeps of a commit: small and plain, so worker threads can send it back. */
export interface CommitResult {
  /** Full id; null for lint-message. */
  sha: string | null;
  author: string | null;
  subject: string;
  findings: Finding[];
  /** The suggested series (`split-advisor suggest <sha>` prints it in full); empty without a diff. */
  split: SplitStep[];
  /** Areas the commit touches (custom areas, else top directories), for the audit summary. */
  areas: string[];
  changedLines: number;
  changedFiles: number;
  /** The first changed file, for outputs that need a location for every result (SARIF). */
  firstFile: string | null;
}

/** Changes of these kinds are not counted in a commit's size (nobody reviews them line by line). */
function countsForSize(kind: string, detail: string | undefined): boolean {
  return kind !== 'generated' && !(kind === 'dependency' && detail === 'lockfile');
}

/** Languages whose "declarations" are keys of data, not an API that code calls. */
const DATA_LANGUAGES = new Set(['json', 'yaml', 'toml', 'xml', 'markdown', 'html', 'css', 'text']);

/** The classified changes, symbols and suggested series of one diff. */
export function diffFacts(source: Source, files: DiffFile[], contents: Array<FileContents | undefined>, message: CommitMessage | null, syntax: SyntaxService[], heuristics?: readonly Heuristic[]): DiffFacts {
  const changes = buildChanges(files);
  const view = new Commit(files, changes, contents, syntax);
  const classified = classifyChanges(files, changes, { view, ...(heuristics !== undefined ? { heuristics } : {}) });
  const symbols = new Map(changes.map((change) => [change.id, symbolsOf(view, change)]));
  const { series, notes } = buildSeries(classified, files, message, symbols, { brokenFiles: brokenFilesChecker(view) });
  const report: Report = { source, diffOnly: contents.length === 0, files, changes: classified, series, message, notes };
  // The public names each new-API change declares (from the parser's declarations, not every name on its lines).
  const apiNames = new Map<string, string[]>();
  for (const change of classified) {
    if (change.verdict.kind !== 'api-addition' || change.new === null) continue;
    if (DATA_LANGUAGES.has(view.language(change.fileIndex).id)) continue;
    apiNames.set(change.id, publicDeclarations(view.syntax(change.fileIndex, 'new'), change.new));
  }
  const paths = [...new Set(files.flatMap((file) => [file.newPath?.text, file.oldPath?.text]).filter((name): name is string => name !== undefined))];
  let changedLines = 0;
  const sizedFiles = new Set<number>();
  for (const change of classified) {
    if (!countsForSize(change.verdict.kind, change.verdict.detail)) continue;
    changedLines += change.removed.length + change.added.length;
    sizedFiles.add(change.fileIndex);
  }
  return { report, symbols, apiNames, paths, changedLines, changedFiles: sizedFiles.size };
}

const GENERIC = new Set(['src', 'lib', 'source', 'sources', 'app', 'pkg', 'internal', 'packages']);

/** The areas of a path for the audit: its custom area, else its first directory (two when the first is generic like `src`). */
export function auditArea(config: CheckConfig, file: string): string {
  const custom = customArea(config, file);
  if (custom !== null) return custom;
  const parts = file.split('/');
  if (parts.length === 1) return areaOf([file]);
  if (GENERIC.has(parts[0]) && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  return parts[0];
}

const SEVERITY_RANK = { warn: 1, error: 2 } as const;

/** Runs every enabled rule; findings come out errors first, then in registry order. */
export function runRules(analysis: CommitAnalysis, config: CheckConfig, rules: readonly Rule[]): Finding[] {
  const findings: Finding[] = [];
  // `git rebase --autosquash` folds fixup!/squash!/amend! commits away: their messages are not the ones that stay.
  const autosquash = /^(fixup|squash|amend)! /.test(analysis.message.subject);
  for (const rule of rules) {
    const configured = config.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (configured === 'off') continue;
    if (rule.meta.scope === 'diff' && analysis.diff === null) continue;
    if (rule.meta.scope === 'message' && autosquash) continue;
    for (const found of rule.check(analysis, config)) {
      const severity = found.severity !== undefined && SEVERITY_RANK[found.severity] < SEVERITY_RANK[configured] ? found.severity : configured;
      findings.push({
        rule: rule.meta.id,
        severity,
        message: found.message,
        ...(found.file !== undefined ? { file: found.file } : {}),
        ...(found.line !== undefined ? { line: found.line } : {}),
      });
    }
  }
  return findings.map((finding, order) => ({ finding, order })).sort((a, b) => SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity] || a.order - b.order).map(({ finding }) => finding);
}

/** The compact result of one analysed commit or message. */
export function toResult(analysis: CommitAnalysis, findings: Finding[], config: CheckConfig): CommitResult {
  const diff = analysis.diff;
  return {
    sha: analysis.sha,
    author: analysis.author,
    subject: analysis.message.subject,
    findings,
    split: diff === null ? [] : diff.report.series.map((commit) => ({ index: commit.index, kind: commit.kind, title: commit.title, changes: commit.changes.length })),
    areas: diff === null ? [] : [...new Set(diff.paths.map((file) => auditArea(config, file)))].sort(),
    changedLines: diff?.changedLines ?? 0,
    changedFiles: diff?.changedFiles ?? 0,
    firstFile: diff?.report.changes[0]?.file ?? null,
  };
}
