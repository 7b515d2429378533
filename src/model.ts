/**
 * The data model every stage hands to the next: parsed diff files, their hunks,
 * the changes cut from them, verdicts, and the suggested series. Plain data only.
 */

/** What happened to a file, as the JSON contract names it. */
export type FileStatus = 'modified' | 'added' | 'deleted' | 'renamed' | 'copied' | 'mode' | 'binary';

/** One line of a hunk body. `text` excludes the leading marker and the final newline. */
export interface DiffLine {
  /** ' ' context, '-' removed, '+' added. */
  type: ' ' | '-' | '+';
  /** The line's content, exactly as in the file (a trailing '\r' of a CRLF file stays here). */
  text: string;
  /** True when `\ No newline at end of file` followed this line. */
  noNewlineAtEnd: boolean;
  /**
   * How the bytes of this line were decoded: almost always 'utf8'; 'latin1' when
   * they were not valid UTF-8, so that re-encoding gives back the same bytes.
   */
  encoding: 'utf8' | 'latin1';
}

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Text after the second `@@` (git's function context), without the leading space. */
  section: string;
  lines: DiffLine[];
}

/** A file path as the diff named it: decoded text plus whether it was valid UTF-8. */
export interface DiffPath {
  text: string;
  encoding: 'utf8' | 'latin1';
}

/** One file section of a diff. */
export interface DiffFile {
  /** Path before the change; null for an added file. */
  oldPath: DiffPath | null;
  /** Path after the change; null for a deleted file. */
  newPath: DiffPath | null;
  status: FileStatus;
  /** Octal mode strings such as '100644', '100755', '120000' (symlink), '160000' (submodule). */
  oldMode: string | null;
  newMode: string | null;
  /** Rename/copy similarity (0-100), and dissimilarity for rewrites, when git gave one. */
  similarity: number | null;
  dissimilarity: number | null;
  /** Blob ids from the `index` line, abbreviated or full as the diff gave them. */
  oldBlob: string | null;
  newBlob: string | null;
  /** True for binary content ("Binary files ... differ" or a `GIT binary patch`). */
  binary: boolean;
  /** The verbatim lines of a `GIT binary patch` section (without the header line), when present. */
  binaryPatch: string[] | null;
  /** How the section started: a git extended diff, or a plain `diff -u` pair of ---/+++ lines. */
  format: 'git' | 'unified';
  /** For plain unified diffs: the text after the path on the ---/+++ lines (timestamps), kept for re-emission. */
  oldLabelSuffix: string;
  newLabelSuffix: string;
  hunks: Hunk[];
  /** 1-based line of the file's header in the input, for error messages. */
  inputLine: number;
}

/** A commit message split into its parts. */
export interface CommitMessage {
  subject: string;
  /** Human text after the subject, without the trailer block. */
  body: string;
  /** `Key: value` trailers of the final paragraph, in order. */
  trailers: Array<{ key: string; value: string }>;
}

/** Everything a parser recovered from a pasted diff or mail. */
export interface ParsedPatch {
  files: DiffFile[];
  /** The commit message of a `git format-patch` mail or `git show` output, when there is one. */
  message: CommitMessage | null;
  /** Author line of a mail or `git show`, when present. */
  author: string | null;
}

/** The kinds of change the advisor knows. An open set: document each in the README. */
export type ChangeKind =
  | 'whitespace'
  | 'formatting'
  | 'comment'
  | 'refactor'
  | 'move'
  | 'api-addition'
  | 'api-change'
  | 'api-removal'
  | 'functional'
  | 'test'
  | 'docs'
  | 'dependency'
  | 'generated';

/** A 1-based range of changed lines on one side; `lines = 0` means an insertion point. */
export interface LineRange {
  start: number;
  lines: number;
}

/**
 * The unit the advisor classifies and moves between commits: one contiguous block
 * of removed and/or added lines, or a whole file for changes without text lines.
 */
export interface Change {
  id: string;
  /** Index into the parsed files array. */
  fileIndex: number;
  /** Index of the hunk the change was cut from, or -1 for a change without text lines. */
  hunkIndex: number;
  /** Path after the change (old path for deletions). */
  file: string;
  /** Path before the change; null for additions. */
  oldFile: string | null;
  status: FileStatus;
  old: LineRange | null;
  new: LineRange | null;
  removed: string[];
  added: string[];
  /** The block (run of non-context lines in the hunk) the change was cut from: its index in `hunk.lines` and length. */
  blockStart: number;
  blockLength: number;
  /** Where the change's removed and added lines start among the block's removed and added lines. */
  removedOffset: number;
  addedOffset: number;
}

/** What a heuristic concluded about one change. */
export interface Verdict {
  kind: ChangeKind;
  detail?: string;
  confidence: number;
  reason: string;
  /** Id of the heuristic that decided. */
  heuristic: string;
  /** Key of the decisive heuristic's `meta.messages` that `reason` was rendered from. */
  messageId?: string;
  /** Ids of changes that must land in the same commit as this one (move halves, rename sites). */
  links?: string[];
}

export interface ClassifiedChange extends Change {
  verdict: Verdict;
}

/** One commit of the suggested series. */
export interface SeriesCommit {
  index: number;
  kind: ChangeKind;
  title: string;
  message: string;
  changes: string[];
  dependsOn: number[];
}

/** Where the analysed diff came from. */
export interface Source {
  kind: 'commit' | 'range' | 'staged' | 'worktree' | 'patch';
  rev?: string;
  subject?: string;
  /** The patch file name, or '-' for standard input. */
  path?: string;
}

/** The full answer of `suggest`, from which every renderer works. */
export interface Report {
  source: Source;
  /** True when no full file contents were available (a pasted patch). */
  diffOnly: boolean;
  files: DiffFile[];
  changes: ClassifiedChange[];
  series: SeriesCommit[];
  message: CommitMessage | null;
  /** Things the user should know about the analysis itself (skipped files, fallbacks). */
  notes: string[];
}
