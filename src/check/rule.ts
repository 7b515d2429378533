/**
 * What a `check` rule is and what it is given. A rule (one file in src/rules/)
 * is pure: `check(commit, config)` reads the analysed commit (its message, and
 * for commits its classified changes and suggested series) and returns findings;
 * it never runs git or reads a file. Rules that need the diff return nothing when
 * there is none (`lint-message` without `--staged`).
 */
import { ClassifiedChange, CommitMessage, Report } from '../model';
import { ChangeSymbols } from '../symbols';
import { CheckConfig } from './config';

export type Severity = 'off' | 'warn' | 'error';

export interface RuleMeta {
  /** Kebab-case id, equal to the rule's file name (`mixed-whitespace`). */
  id: string;
  /** One line: what the rule looks for. */
  description: string;
  defaultSeverity: 'warn' | 'error';
  /** `diff` rules need the commit's changes; `message` rules read the message (and the diff, when there is one). */
  scope: 'diff' | 'message';
  /** Why the rule exists, quoting the rule of ../shared/docs/commit-practice.md it enforces (printed by `--explain`). */
  rationale: string;
}

/** What a rule reports: one sentence, optionally a place, optionally a milder severity. */
export interface RuleFinding {
  message: string;
  /** A file the finding points at (for SARIF, annotations), with a line on the new side when known. */
  file?: string;
  line?: number;
  /**
   * A severity below the configured one (subject-length warns over 50 characters
   * and uses the configured severity over 72). Never raises it.
   */
  severity?: 'warn';
}

export interface Rule {
  meta: RuleMeta;
  check(commit: CommitAnalysis, config: CheckConfig): RuleFinding[];
}

/** The diff side of a commit analysis. */
export interface DiffFacts {
  report: Report;
  /** Names defined, used and enclosing, per change id (src/symbols.ts). */
  symbols: Map<string, ChangeSymbols>;
  /** For each api-addition change, the public names it declares (from the real parsers). */
  apiNames: Map<string, string[]>;
  /** Changed paths (new and old), after the configured ignores. */
  paths: string[];
  /** Added plus removed lines, generated files and lockfiles excluded. */
  changedLines: number;
  /** Files with changes, generated files and lockfiles excluded. */
  changedFiles: number;
}

/** One commit (or one message, for lint-message) as the rules see it. */
export interface CommitAnalysis {
  /** Full commit id; null for a message not yet committed. */
  sha: string | null;
  author: string | null;
  /** The message as written (comments already stripped for lint-message). */
  rawMessage: string;
  message: CommitMessage;
  /** null when there is no diff (lint-message without --staged). */
  diff: DiffFacts | null;
}

/** Kinds that change behaviour: what the "beside functional changes" rules count. */
export const FUNCTIONAL_KINDS: ReadonlySet<string> = new Set(['functional', 'api-addition', 'api-change', 'api-removal']);
/** Kinds that change nothing a program does. */
export const NO_OP_KINDS: ReadonlySet<string> = new Set(['whitespace', 'formatting', 'comment', 'refactor', 'move']);

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** `a.c`, `a.c and b.c`, `a.c, b.c and 3 more`. */
export function listFiles(files: string[], max = 2): string {
  const unique = [...new Set(files)];
  if (unique.length <= max) return unique.length === 2 ? `${unique[0]} and ${unique[1]}` : unique.join(', ');
  return `${unique.slice(0, max).join(', ')} and ${unique.length - max} more`;
}

/** The first line a change touches on the new side (old side for deletions). */
export function lineOf(change: ClassifiedChange): number | undefined {
  const range = change.new ?? change.old;
  if (range === null) return undefined;
  return Math.max(range.start, 1);
}
