/**
 * The input edge of `suggest --typecheck`: a TypeScript project over the new
 * commit's tree, read from git, in which the diff's files can be laid out as
 * any prefix of the series has them (src/prefix-check.ts decides which layouts
 * to count; src/series.ts what to do with a step that would not type-check).
 *
 * - The tree: `git ls-tree` of the new commit and one `git cat-file --batch` for
 *   every file TypeScript may read (.ts/.tsx/.mts/.cts/.js/.jsx/.mjs/.cjs/.json,
 *   up to MAX_FILE_BYTES each); the configuration is the tree's root tsconfig.json.
 * - What git does not hold (node_modules) comes from the real work tree: any path
 *   with a node_modules segment, or outside the repository, is read from disk.
 * - The default library files come from ts-morph's bundled TypeScript, whose
 *   lib .d.ts texts live in memory (@ts-morph/common), not on disk.
 * - Programs are built one after the other, each with the previous one as
 *   `oldProgram`, and SourceFile objects of unchanged texts are reused, so a
 *   step costs the re-check of what changed, not a cold start.
 *
 * TypeScript is required on the first use only (as in src/syntax/typescript.ts):
 * this module is itself required only when --typecheck is given.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { Git, TreeBlob, listTreeBlobs, openRepository, readBlobs } from './git';
import type { LoadedInput } from './input';
import { TYPECHECKED_FILE, TypecheckProject } from './prefix-check';

type Ts = typeof import('ts-morph').ts;
type TsProgram = import('ts-morph').ts.Program;
type TsSourceFile = import('ts-morph').ts.SourceFile;

/** Files TypeScript may read from the tree: sources, declarations, configuration and package.json files. */
const READABLE = /\.(?:[cm]?tsx?|[cm]?jsx?|json)$/i;
/** Larger files of the tree are left out (they count as absent in every step alike). */
const MAX_FILE_BYTES = 2 * 1024 * 1024;
const CONFIG = 'tsconfig.json';

export interface TypecheckSetup {
  /** Null when there is nothing to check, or no way to (the notes say why). */
  project: TypecheckProject | null;
  notes: string[];
}

/** Reads what `--typecheck` needs for a loaded commit or range, or says why it does not apply. */
export function loadTypecheck(loaded: LoadedInput, cwd: string): TypecheckSetup {
  const source = loaded.source;
  const none = (note: string): TypecheckSetup => ({ project: null, notes: [note] });
  if ((source.kind !== 'commit' && source.kind !== 'range') || source.rev === undefined) return none('--typecheck applies to a commit or a range only; not checked.');
  const touched = loaded.files.some((file) => [file.oldPath, file.newPath].some((name) => name !== null && TYPECHECKED_FILE.test(name.text)));
  if (!touched) return none('--typecheck: no TypeScript/JavaScript file changed.');
  const rev = source.kind === 'commit' ? source.rev : source.rev.slice(source.rev.lastIndexOf('..') + 2);
  const git = openRepository(cwd);
  const blobs = listTreeBlobs(git, rev);
  if (!blobs.some((blob) => blob.path === CONFIG)) return none(`--typecheck: no ${CONFIG} at the repository root of ${rev.slice(0, 12)}; not checked.`);
  const files = readTree(git, blobs);
  const notes: string[] = [];
  if (files.skipped > 0) notes.push(`--typecheck: ${files.skipped} file(s) over ${MAX_FILE_BYTES / 1024 / 1024} MiB were left out of the type check.`);
  const project = createProject(git.cwd, files.texts, blobs.map((blob) => blob.path));
  if (typeof project === 'string') return { project: null, notes: [...notes, project] };
  return { project, notes };
}

function readTree(git: Git, blobs: TreeBlob[]): { texts: Map<string, string>; skipped: number } {
  const wanted = blobs.filter((blob) => /^100(644|755)$/.test(blob.mode) && READABLE.test(blob.path) && !blob.path.split('/').includes('node_modules'));
  const { blobs: data, skipped } = readBlobs(git, wanted.map((blob) => blob.id), MAX_FILE_BYTES);
  const texts = new Map<string, string>();
  for (const blob of wanted) {
    const bytes = data.get(blob.id);
    if (bytes !== undefined) texts.set(blob.path, bytes.toString('utf8'));
  }
  return { texts, skipped: skipped.length };
}

/** ts-morph's TypeScript, and its default library files (kept in memory by @ts-morph/common). */
function loadTypeScript(): { ts: Ts; libTexts: Map<string, string> } {
  /* eslint-disable @typescript-eslint/no-require-imports */
  // Through V8's code cache, as the parsers load it (the same module, whichever loads first).
  const compiler = require('./syntax/typescript-compiler') as typeof import('./syntax/typescript-compiler');
  const ts = compiler.loadTypeScript();
  const libTexts = new Map<string, string>();
  try {
    const common = require(compiler.tsMorphCommonEntry()) as { getLibFiles(): Array<{ fileName: string; text: string }> };
    for (const file of common.getLibFiles()) libTexts.set(file.fileName, file.text);
  } catch {
    // Without them the library files are looked for on disk, next to TypeScript.
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { ts, libTexts };
}

const toPosix = (file: string) => file.split(nodePath.sep).join('/');

/**
 * The project over the tree (`texts`: repository-relative path → text; `paths`:
 * every path of the tree, for directory listings), or a note saying why there is none.
 */
function createProject(top: string, texts: Map<string, string>, paths: string[]): TypecheckProject | string {
  const { ts, libTexts } = loadTypeScript();
  const root = toPosix(top);
  const libDirectory = toPosix(nodePath.dirname(ts.getDefaultLibFilePath({})));
  const configPath = `${root}/${CONFIG}`;
  let overlay = new Map<string, string | null>();

  // Directories of the tree, each with its subdirectories.
  const children = new Map<string, Set<string>>([['', new Set()]]);
  const addDirectories = (file: string) => {
    const parts = file.split('/');
    for (let k = 1; k < parts.length; k++) {
      const parent = parts.slice(0, k - 1).join('/');
      const directory = parts.slice(0, k).join('/');
      if (!children.has(parent)) children.set(parent, new Set());
      children.get(parent)!.add(parts[k - 1]);
      if (!children.has(directory)) children.set(directory, new Set());
    }
  };
  paths.forEach(addDirectories);

  /** The repository-relative path of a file git holds, or null for one from disk (node_modules, outside). */
  const inTree = (file: string): string | null => {
    const relative = file === root ? '' : file.startsWith(root + '/') ? file.slice(root.length + 1) : null;
    return relative === null || relative.split('/').includes('node_modules') ? null : relative;
  };
  const diskTexts = new Map<string, string | undefined>();
  const readFile = (file: string): string | undefined => {
    if (file.startsWith(libDirectory + '/')) {
      const text = libTexts.get(file.slice(libDirectory.length + 1));
      if (text !== undefined) return text;
    }
    const relative = inTree(file);
    if (relative !== null) return overlay.has(relative) ? (overlay.get(relative) ?? undefined) : texts.get(relative);
    if (!diskTexts.has(file)) {
      let text: string | undefined;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      diskTexts.set(file, text);
    }
    return diskTexts.get(file);
  };
  const fileExists = (file: string): boolean => {
    const relative = inTree(file);
    if (relative !== null || file.startsWith(libDirectory + '/')) return readFile(file) !== undefined;
    if (diskTexts.has(file)) return diskTexts.get(file) !== undefined;
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  };
  const overlayDirectories = (): Set<string> => {
    const directories = new Set<string>();
    for (const [file, text] of overlay) {
      if (text === null) continue;
      const parts = file.split('/');
      for (let k = 1; k < parts.length; k++) directories.add(parts.slice(0, k).join('/'));
    }
    return directories;
  };
  const directoryExists = (directory: string): boolean => {
    if (directory === libDirectory) return true;
    const relative = inTree(directory);
    if (relative !== null) return children.has(relative) || overlayDirectories().has(relative);
    try {
      return fs.statSync(directory).isDirectory();
    } catch {
      return false;
    }
  };
  const getDirectories = (directory: string): string[] => {
    const relative = inTree(directory);
    if (relative !== null) return [...(children.get(relative) ?? [])];
    try {
      return fs.readdirSync(directory, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    } catch {
      return [];
    }
  };
  /** Names of the files and directories in a tree directory, as the current layout has them. */
  const entries = (directory: string): { files: string[]; directories: string[] } => {
    const relative = inTree(directory);
    if (relative === null) {
      try {
        const found = fs.readdirSync(directory, { withFileTypes: true });
        return { files: found.filter((entry) => entry.isFile()).map((entry) => entry.name).sort(), directories: found.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort() };
      } catch {
        return { files: [], directories: [] };
      }
    }
    const prefix = relative === '' ? '' : relative + '/';
    const files = new Set<string>();
    for (const file of [...texts.keys(), ...overlay.keys()]) {
      if (!file.startsWith(prefix) || file.slice(prefix.length).includes('/')) continue;
      if (fileExists(`${root}/${file}`)) files.add(file.slice(prefix.length));
    }
    const directories = new Set(children.get(relative) ?? []);
    for (const file of overlayDirectories()) if (file.startsWith(prefix) && !file.slice(prefix.length).includes('/')) directories.add(file.slice(prefix.length));
    return { files: [...files].sort(), directories: [...directories].sort() };
  };
  const realpath = (file: string): string => {
    if (inTree(file) !== null || file.startsWith(libDirectory + '/')) return file;
    try {
      return toPosix(fs.realpathSync(file));
    } catch {
      return file;
    }
  };
  const matchFiles = (ts as unknown as { matchFiles?: (...args: unknown[]) => string[] }).matchFiles;
  const parseHost: import('ts-morph').ts.ParseConfigHost = {
    useCaseSensitiveFileNames: true,
    fileExists,
    readFile,
    readDirectory: (directory, extensions, excludes, includes, depth) => (matchFiles === undefined ? [] : matchFiles(directory, extensions, excludes, includes, true, root, depth, entries, realpath)),
  };

  const sourceFiles = new Map<string, { text: string; file: TsSourceFile }>();
  const host: import('ts-morph').ts.CompilerHost = {
    getSourceFile: (fileName, languageVersion) => {
      const text = readFile(fileName);
      if (text === undefined) return undefined;
      const cached = sourceFiles.get(fileName);
      if (cached !== undefined && cached.text === text) return cached.file;
      const file = ts.createSourceFile(fileName, text, languageVersion, false);
      sourceFiles.set(fileName, { text, file });
      return file;
    },
    getDefaultLibFileName: (options) => toPosix(ts.getDefaultLibFilePath(options)),
    writeFile: () => undefined,
    getCurrentDirectory: () => root,
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists,
    readFile,
    directoryExists,
    getDirectories,
    realpath,
  };

  // Checked once, on the new tree: a configuration TypeScript cannot read means no check.
  const probe = ts.readConfigFile(configPath, readFile);
  if (probe.error !== undefined) return `--typecheck: ${CONFIG} cannot be read (${ts.flattenDiagnosticMessageText(probe.error.messageText, ' ')}); not checked.`;

  let previous: TsProgram | undefined;
  return {
    countErrors(layout, files) {
      overlay = layout;
      const counts = new Map<string, number>();
      const read = ts.readConfigFile(configPath, readFile);
      if (read.error !== undefined) return counts;
      const parsed = ts.parseJsonConfigFileContent(read.config, parseHost, root, undefined, configPath);
      const options = { ...parsed.options, noEmit: true };
      // TypeScript 6.0 computes module specifiers for error messages from a base
      // path that is undefined without `paths` or `baseUrl` (and throws); an empty
      // `paths` mapping, relative to the root, gives it one and maps nothing.
      if (options.paths === undefined && options.baseUrl === undefined) Object.assign(options, { paths: {}, pathsBasePath: root });
      const program = ts.createProgram({
        rootNames: parsed.fileNames,
        options,
        projectReferences: parsed.projectReferences,
        host,
        oldProgram: previous,
      });
      previous = program;
      for (const file of files) {
        const sourceFile = program.getSourceFile(`${root}/${file}`);
        if (sourceFile === undefined) continue;
        try {
          const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
          counts.set(file, diagnostics.filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error).length);
        } catch {
          // A compiler failure leaves the file unchecked in this layout (never held against a step).
        }
      }
      return counts;
    },
  };
}
