/**
 * Loads the real parsers a diff needs, and only those: the TypeScript service when
 * a TS/JS file changed (its module loads TypeScript on first parse, not here),
 * tree-sitter grammars for the other languages it has. Called by the input edge
 * before the pure analysis runs, because tree-sitter's WebAssembly starts
 * asynchronously.
 */
import { languageOf } from '../language';
import { DiffFile } from '../model';
import { GRAMMARS } from './grammars';
import { SyntaxService } from './types';

const TYPESCRIPT_LANGUAGES = new Set(['typescript', 'javascript']);

export async function loadSyntaxServices(languageIds: Iterable<string>): Promise<SyntaxService[]> {
  const wanted = new Set(languageIds);
  const services: SyntaxService[] = [];
  if ([...wanted].some((id) => TYPESCRIPT_LANGUAGES.has(id))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createTypeScriptSyntax } = require('./typescript') as typeof import('./typescript');
    services.push(createTypeScriptSyntax());
  }
  // Asked of the light table first: requiring the runtime costs ~20 ms, wasted on
  // a commit of Markdown or plain text.
  const supported = [...wanted].filter((id) => !TYPESCRIPT_LANGUAGES.has(id) && Object.prototype.hasOwnProperty.call(GRAMMARS, id));
  if (supported.length > 0) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { loadTreeSitter } = require('./tree-sitter') as typeof import('./tree-sitter');
      services.push(await loadTreeSitter(supported));
    } catch {
      // Without tree-sitter the table lexer still classifies, more conservatively.
    }
  }
  return services;
}

/**
 * Loads the parsers for the files of a loaded input whose full text is known
 * (a pasted diff has none, so it loads nothing).
 */
export function loadSyntaxForInput(input: { files: DiffFile[]; contents: ReadonlyArray<unknown> }): Promise<SyntaxService[]> {
  const languages = new Set(input.files.filter((_file, index) => input.contents[index] !== undefined).map((file) => languageOf((file.newPath ?? file.oldPath)?.text ?? '').id));
  return loadSyntaxServices(languages);
}
