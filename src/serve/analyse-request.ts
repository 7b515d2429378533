/**
 * The review page's one request, without HTTP: a parsed JSON body (a pasted
 * diff, its bytes, or a repository and revision) → the response object. It
 * runs the CLI's own pipeline (input.ts, syntax/load.ts, advise.ts, and the
 * renderers of `suggest --json` and `--format markdown`), so the page shows
 * exactly what `suggest` would. Bad requests throw InputError with one
 * sentence; server.ts turns that into 400.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../advise';
import { InputError } from '../errors';
import { LoadedInput, loadInput } from '../input';
import { Report } from '../model';
import { JsonReport, renderJson, toJson } from '../render/json';
import { renderMarkdown } from '../render/markdown';
import { ReviewSummary, reviewSummary } from '../render/review-kinds';
import { Granularity } from '../series';
import { renderMbox, renderPatchScript, seriesPatches } from '../series-patches';
import { loadSyntaxForInput } from '../syntax/load';
import { ReviewFile, reviewFiles } from './review-files';

export interface AnalyseResponse {
  /** Exactly the object `suggest --json` prints. */
  report: JsonReport;
  /** Changed lines to read, to skim and generated: the table `suggest --format markdown` uses too. */
  summary: ReviewSummary;
  files: ReviewFile[];
  /** Move halves and rename sites: change id → the ids it must land with (not in the JSON contract). */
  links: Record<string, string[]>;
  /** `suggest --format markdown`, a review comment. */
  markdown: string;
  downloads: { json: string; mbox?: string; script?: string; todo?: string };
  /** Why the mbox and script are missing, when the series could not be composed from the diff (one sentence). */
  downloadsNote?: string;
}

/** The name a pasted diff goes by in error messages. */
const PASTED = 'the pasted diff';

const GRANULARITIES: readonly Granularity[] = ['coarse', 'normal', 'fine'];
const FIELDS = new Set(['diff', 'diffBase64', 'repository', 'revision', 'granularity', 'firstParent']);

interface Request {
  input: { kind: 'bytes'; bytes: Buffer } | { kind: 'repository'; repository: string; revision: string; firstParent: boolean };
  granularity?: Granularity;
}

/** Checks the body's shape; every refusal is one sentence naming the field. */
export function readRequest(body: unknown): Request {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError('the request body must be a JSON object with "diff", "diffBase64", or "repository" and "revision"');
  }
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).find((key) => !FIELDS.has(key));
  if (unknown !== undefined) throw new InputError(`unknown field "${unknown}" (allowed: ${[...FIELDS].join(', ')})`);
  const given = ['diff', 'diffBase64', 'repository'].filter((key) => fields[key] !== undefined);
  if (given.length !== 1) throw new InputError('give exactly one of "diff", "diffBase64" or "repository"');
  let granularity: Granularity | undefined;
  if (fields.granularity !== undefined) {
    if (!GRANULARITIES.includes(fields.granularity as Granularity)) throw new InputError(`"granularity" must be one of ${GRANULARITIES.join(', ')}`);
    granularity = fields.granularity as Granularity;
  }
  const options = granularity !== undefined ? { granularity } : {};
  if (fields.diff !== undefined) {
    if (typeof fields.diff !== 'string') throw new InputError('"diff" must be a string');
    return { input: { kind: 'bytes', bytes: Buffer.from(fields.diff, 'utf8') }, ...options };
  }
  if (fields.diffBase64 !== undefined) {
    const text = fields.diffBase64;
    // Buffer.from skips what is not base64; a truncated or mangled upload must not pass silently.
    if (typeof text !== 'string' || !/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(text)) throw new InputError('"diffBase64" must be a base64 string');
    return { input: { kind: 'bytes', bytes: Buffer.from(text, 'base64') }, ...options };
  }
  const repository = fields.repository;
  if (typeof repository !== 'string' || !path.isAbsolute(repository)) throw new InputError('"repository" must be an absolute path');
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(repository);
  } catch {
    stat = undefined;
  }
  if (stat === undefined || !stat.isDirectory()) throw new InputError(`no such directory: ${repository}`);
  const revision = fields.revision ?? 'HEAD';
  if (typeof revision !== 'string' || revision.trim() === '') throw new InputError('"revision" must be a revision such as HEAD or a range a..b');
  if (fields.firstParent !== undefined && typeof fields.firstParent !== 'boolean') throw new InputError('"firstParent" must be true or false');
  return { input: { kind: 'repository', repository, revision: revision.trim(), firstParent: fields.firstParent === true }, ...options };
}

function load(request: Request, directory: string): LoadedInput {
  const input = request.input;
  if (input.kind === 'bytes') {
    const loaded = loadInput({ kind: 'patch', path: PASTED, cwd: directory, bytes: input.bytes });
    // A pasted diff has no file name: the markdown says "patch" alone (the JSON never names it).
    const { path: _name, ...source } = loaded.source;
    return { ...loaded, source };
  }
  // The CLI's rule: a revision with `..` is a range, anything else one commit.
  if (/\.\./.test(input.revision)) return loadInput({ kind: 'range', rev: input.revision, cwd: input.repository });
  return loadInput({ kind: 'commit', rev: input.revision, cwd: input.repository, firstParent: input.firstParent });
}

/** Move halves and rename sites, both ways, as the page links them. */
function linksOf(report: Report): Record<string, string[]> {
  const links: Record<string, string[]> = {};
  const add = (from: string, to: string) => {
    const list = (links[from] ??= []);
    if (from !== to && !list.includes(to)) list.push(to);
  };
  for (const change of report.changes) {
    for (const other of change.verdict.links ?? []) {
      add(change.id, other);
      add(other, change.id);
    }
  }
  return links;
}

/**
 * Analyses one request body; throws InputError (one sentence) for bad input.
 * `directory` is where `serve` runs (-C): a pasted diff whose old blobs its
 * repository holds is analysed with full files, as `suggest --patch` there would.
 */
export async function analyseRequest(body: unknown, context: { directory: string } = { directory: process.cwd() }): Promise<AnalyseResponse> {
  const request = readRequest(body);
  const loaded = load(request, context.directory);
  const syntax = await loadSyntaxForInput(loaded);
  const report = analyse(loaded, { syntax, ...(request.granularity !== undefined ? { granularity: request.granularity } : {}) });
  const downloads: AnalyseResponse['downloads'] = { json: renderJson(report) };
  let downloadsNote: string | undefined;
  if (report.series.length > 0) {
    try {
      const patches = seriesPatches(report);
      downloads.mbox = renderMbox(patches, loaded.author !== undefined ? { author: loaded.author } : {});
      downloads.script = renderPatchScript(patches);
    } catch (error) {
      // A series that cannot be composed from the diff (a binary change without its data) still has its report.
      if (!(error instanceof InputError)) throw error;
      downloadsNote = `No mbox or script: ${error.message.split('\n')[0]}`;
    }
  }
  if (request.input.kind === 'repository' && report.source.kind === 'commit' && report.changes.length > 0) {
    // Required here: it loads the series builder only for a commit.
    const { suggestedTodo } = require('../plan-commands') as typeof import('../plan-commands');
    downloads.todo = suggestedTodo(request.input.repository, loaded, report);
  }
  return {
    report: toJson(report),
    summary: reviewSummary(report),
    files: reviewFiles(report.files, report.changes),
    links: linksOf(report),
    markdown: renderMarkdown(report),
    downloads,
    ...(downloadsNote !== undefined ? { downloadsNote } : {}),
  };
}
