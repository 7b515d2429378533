/**
 * The pipeline, readable in one place: parsed files → changes → classified
 * changes → series → report. Pure: the input edge (input.ts) has already read
 * git or the patch file; renderers (render/) turn the report into text or JSON.
 */
import { buildChanges } from './changes';
import { Commit, FileContents, classifyChanges } from './classify';
import { TypecheckProject, brokenFilesChecker, typeErrorsChecker } from './prefix-check';
import { CommitMessage, DiffFile, Report, Source } from './model';
import { parsePatch } from './parse';
import { Granularity, buildSeries } from './series';
import { symbolsOf } from './symbols';
import { SyntaxService } from './syntax/types';

export interface AnalysisInput {
  source: Source;
  files: DiffFile[];
  message: CommitMessage | null;
  /** Full file texts indexed like files; empty for a pasted diff. */
  contents: Array<FileContents | undefined>;
  diffOnly: boolean;
  notes: string[];
}

export interface AnalysisOptions {
  /** Real parsers already loaded (src/syntax/load.ts); without them the table lexer classifies. */
  syntax?: SyntaxService[];
  granularity?: Granularity;
  maxCommits?: number;
  /** Sets of change ids or path globs whose changes must share a commit. */
  together?: string[][];
  /**
   * `--typecheck`: the new tree as a TypeScript project, built at the input edge
   * (src/typecheck.ts); each prefix must then type-check as well as the original.
   */
  typecheck?: TypecheckProject;
  /** Filled with milliseconds per stage when given (SPLIT_ADVISOR_TIMINGS=1 prints them). */
  timings?: Record<string, number>;
}

export function analyse(input: AnalysisInput, options: AnalysisOptions = {}): Report {
  const clock = stopwatch(options.timings);
  const changes = buildChanges(input.files);
  clock('changes');
  const view = new Commit(input.files, changes, input.contents, options.syntax ?? []);
  const classified = classifyChanges(input.files, changes, { view });
  clock('classify');
  const symbols = new Map(changes.map((change) => [change.id, symbolsOf(view, change)]));
  const typeErrors = options.typecheck !== undefined ? typeErrorsChecker(view, options.typecheck) : undefined;
  const { series, notes } = buildSeries(classified, input.files, input.message, symbols, {
    granularity: options.granularity,
    maxCommits: options.maxCommits,
    together: options.together,
    brokenFiles: brokenFilesChecker(view),
    ...(typeErrors !== undefined ? { typeErrors } : {}),
  });
  if (typeErrors !== undefined) notes.push(typeErrors.summary());
  clock('series');
  return {
    source: input.source,
    diffOnly: input.diffOnly,
    files: input.files,
    changes: classified,
    series,
    message: input.message,
    notes: [
      ...input.notes,
      ...notes,
      ...(view.failures.length > 0 ? [`${view.failures.length} heuristic check(s) failed and made no claim (please report): ${view.failures.slice(0, 3).join('; ')}`] : []),
    ],
  };
}

/** Returns a function that records the time since its previous call under a stage name. */
function stopwatch(timings: Record<string, number> | undefined): (stage: string) => void {
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    if (timings !== undefined) timings[stage] = (timings[stage] ?? 0) + (now - last);
    last = now;
  };
}

/** Advises on a unified diff given as text or bytes, with no repository at hand. */
export function adviseOnPatch(patch: Buffer | string): Report {
  const parsed = parsePatch(patch);
  return analyse({
    source: { kind: 'patch', ...(parsed.message ? { subject: parsed.message.subject } : {}) },
    files: parsed.files,
    message: parsed.message,
    contents: [],
    diffOnly: true,
    notes: [],
  });
}
