/**
 * Whether a TypeScript change is type-only: both versions of the file emit the
 * same JavaScript (refactor-type-only's proof). Kept apart from the
 * SyntaxService (typescript.ts), whose loader it shares: TypeScript is loaded on
 * the first call only.
 */
import { extensionFor, typeScript } from './typescript';

/** Emitted JavaScript per extension and text, or null when the text has syntax errors. */
const emitted = new Map<string, Map<string, string | null>>();
let emittedCount = 0;
const EMIT_CACHE_LIMIT = 64;

function emitOf(text: string, filePath: string): string | null {
  const extension = extensionFor(/\.[cm]?jsx?$/i.test(filePath) ? 'javascript' : 'typescript', filePath);
  let byText = emitted.get(extension);
  if (byText === undefined) {
    byText = new Map();
    emitted.set(extension, byText);
  }
  const cached = byText.get(text);
  if (cached !== undefined || byText.has(text)) return cached ?? null;
  if (emittedCount >= EMIT_CACHE_LIMIT) {
    emitted.clear();
    emittedCount = 0;
    byText = new Map();
    emitted.set(extension, byText);
  }
  const ts = typeScript();
  let result: import('ts-morph').ts.TranspileOutput;
  try {
    result = transpileWith(ts, text, extension);
  } catch {
    // A compiler crash (TypeScript 6.0 throws on some decorator metadata) proves
    // nothing: not type-only, and the analysis goes on.
    byText.set(text, null);
    return null;
  }
  const broken = (result.diagnostics ?? []).some((diagnostic) => diagnostic.file !== undefined && diagnostic.category === ts.DiagnosticCategory.Error);
  const output = broken ? null : result.outputText;
  byText.set(text, output);
  emittedCount++;
  return output;
}

function transpileWith(ts: typeof import('ts-morph').ts, text: string, extension: string): import('ts-morph').ts.TranspileOutput {
  return ts.transpileModule(text, {
    fileName: `input${extension}`,
    reportDiagnostics: true,
    compilerOptions: {
      // ES2022 keeps the output close to the source (no down-levelling that
      // could hide or invent differences) and, like this project's own build,
      // defines class fields: a new `x: number;` field is emitted, so it is
      // rightly not type-only; `declare x: number;` is erased.
      target: ts.ScriptTarget.ES2022,
      useDefineForClassFields: true,
      // ESNext leaves import/export statements as written instead of wrapping
      // them in CommonJS helpers; imports used only as types are still elided,
      // as in a default TypeScript build.
      module: ts.ModuleKind.ESNext,
      jsx: ts.JsxEmit.Preserve,
      removeComments: true,
      // With decorator metadata, types of decorated members are emitted
      // (`design:type`), so changing them is not type-only: claim less.
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      // TypeScript 6.0 crashes printing module specifiers for decorator metadata
      // when neither `paths` nor `baseUrl` is set; an empty `paths` maps nothing.
      paths: {},
    },
  });
}

/**
 * True when both versions of a TS/JS file emit identical JavaScript, i.e. the
 * change only touched types (annotations, interfaces, type aliases, `declare`,
 * overload signatures, type-only imports): `ts.transpileModule` with target
 * ES2022, module ESNext, comments removed, decorator metadata on. False when
 * either side has syntax errors. Also true for changes the printer normalises
 * away (pure formatting, comments), so run those heuristics first. Emitted
 * output is cached per text.
 */
export function typeOnlyEqual(oldText: string, newText: string, filePath: string): boolean {
  if (oldText === newText) return true;
  const before = emitOf(oldText, filePath);
  if (before === null) return false;
  const after = emitOf(newText, filePath);
  return after !== null && before === after;
}
