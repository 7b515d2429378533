/**
 * Whether a TypeScript change is type-only: both versions of the file emit the
 * same JavaScript (refactor-type-only's proof). Kept apart from the
 * SyntaxService (typescript.ts), whose loader and scanner it shares:
 * TypeScript is loaded on the first call only.
 *
 * Two routes to the answer. Transpiling both versions and comparing the output
 * is the compiler's own word, but it binds, checks (for import elision) and
 * prints the whole file: 50-150 ms per version of a 20 KB file, and one
 * version per candidate change. Reading the two parse trees costs a parse and
 * two walks (compareErasedCode), and decides most changes: the code the
 * emitter keeps (every token outside type syntax, in the same tree shape) is
 * the same, or it is not. Where the trees cannot tell (an import list or the
 * names it brings in are involved), the transpile decides.
 */
import type { RawToken } from './typescript';
import { extensionFor, isErasedNode, modifiersOf, parseTypeScript, TYPE_MODIFIERS, typeScript } from './typescript';

type Ts = typeof import('ts-morph').ts;
type TsNode = import('ts-morph').ts.Node;

/** JavaScript files: only the transpile can judge them (the tree route reads TypeScript's erasures). */
const JAVASCRIPT_FILE = /\.[cm]?jsx?$/i;

/**
 * A value per key, made on first need. Texts are large and one commit needs
 * few: the map is emptied when it holds `limit` values.
 */
function memoised<T>(cache: Map<string, T>, limit: number, key: string, make: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  if (cache.size >= limit) cache.clear();
  const value = make();
  cache.set(key, value);
  return value;
}

/** Emitted JavaScript per extension and text, or null when the text has syntax errors. */
const emitted = new Map<string, string | null>();
const EMIT_CACHE_LIMIT = 64;

function emitOf(text: string, filePath: string): string | null {
  const extension = extensionFor(JAVASCRIPT_FILE.test(filePath) ? 'javascript' : 'typescript', filePath);
  return memoised(emitted, EMIT_CACHE_LIMIT, `${extension}\n${text}`, () => {
    const ts = typeScript();
    let result: import('ts-morph').ts.TranspileOutput;
    try {
      result = transpileWith(ts, text, extension);
    } catch {
      // A compiler crash (TypeScript 6.0 throws on some decorator metadata) proves
      // nothing: not type-only, and the analysis goes on.
      return null;
    }
    const broken = (result.diagnostics ?? []).some((diagnostic) => diagnostic.file !== undefined && diagnostic.category === ts.DiagnosticCategory.Error);
    return broken ? null : result.outputText;
  });
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
 * True when both versions of a TS/JS file emit identical JavaScript by the
 * compiler's own output: `ts.transpileModule` with target ES2022, module
 * ESNext, comments removed, decorator metadata on. False when either side has
 * syntax errors. Also true for changes the printer normalises away (pure
 * formatting, comments). Emitted output is cached per text.
 */
export function transpiledEqual(oldText: string, newText: string, filePath: string): boolean {
  if (oldText === newText) return true;
  const before = emitOf(oldText, filePath);
  if (before === null) return false;
  const after = emitOf(newText, filePath);
  return after !== null && before === after;
}

/**
 * True when both versions of a TS/JS file emit identical JavaScript, i.e. the
 * change only touched types (annotations, interfaces, type aliases, `declare`,
 * overload signatures, type-only imports). TypeScript files are judged from
 * their parse trees first (compareErasedCode), transpiled only where those
 * cannot tell; JavaScript files are transpiled. False when either side has
 * syntax errors. Also true for comments, so run comment-only first.
 */
export function typeOnlyEqual(oldText: string, newText: string, filePath: string): boolean {
  if (oldText === newText) return true;
  if (!JAVASCRIPT_FILE.test(filePath)) {
    const fromTrees = compareErasedCode(oldText, newText, filePath);
    if (fromTrees !== 'unknown') return fromTrees === 'same';
  }
  return transpiledEqual(oldText, newText, filePath);
}

// ---------------------------------------------------------------------------
// The emitted code, read from the parse tree
// ---------------------------------------------------------------------------

/**
 * What a version of a file emits, as far as its parse tree tells without the
 * checker: the kept tokens and the kept tree's shape, the import statements
 * apart (whether an import is emitted depends on how its names are used), and
 * the imported names that erased syntax reads in places that might count as a
 * use of the value (`typeof x`, a computed key, `implements x.Y`).
 */
interface ErasedCode {
  hasErrors: boolean;
  /** A module (has imports or exports): the emitter keeps it one with `export {}`. */
  module: boolean;
  /** Tokens outside type syntax and import statements, comments and trailing commas before `)` left out; one string, tokens separated by a newline. */
  kept: string;
  /** The kept tree: each node's kind where the walk enters it, -1 where it leaves. */
  shape: string;
  /** Where import and export-list statements stand among the kept nodes: the count of shape entries before each. */
  importPlaces: string;
  /** Has decorators: with decorator metadata, types are emitted (`design:type`). */
  decorated: boolean;
  /**
   * Erased syntax declares a name a value import also binds (`import type * as
   * ts` beside `import * as ts`, `declare const x` beside `import { x }`): a
   * clash the checker resolves, which can drop the value import.
   */
  clash: boolean;
  /** The tokens of the import and export-list statements, as `kept`. */
  imports: string;
  /** Names imported by those statements that erased syntax reads in a place that may be a value use, sorted. */
  erasedReads: string;
}

/** In a shape, after a parameter: it is a parameter property (`private x`). */
const PARAMETER_PROPERTY = -3;

/** Outcome of comparing two versions' erased code. */
export type ErasedComparison = 'same' | 'different' | 'unknown';

/** Kinds whose `questionToken` / `exclamationToken` is a type mark (`a?: T`, `x!: T`) the emitter drops; elsewhere `?` is a conditional's. */
function dropsMarks(ts: Ts, node: TsNode): boolean {
  const { SyntaxKind } = ts;
  return node.kind === SyntaxKind.Parameter || node.kind === SyntaxKind.PropertyDeclaration || node.kind === SyntaxKind.MethodDeclaration || node.kind === SyntaxKind.VariableDeclaration;
}

/** `(x as T)`, `((<T>x))`: parentheses the emitter drops with the assertion, adding back only what precedence needs (TypeScript's visitParenthesizedExpression). */
function wrapsAssertion(ts: Ts, node: TsNode): boolean {
  if (!ts.isParenthesizedExpression(node)) return false;
  let inner: TsNode = node.expression;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  return ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner) || ts.isTypeAssertionExpression(inner);
}

/** Parents under which an identifier of erased syntax names a type or declares something: never a read of a value. */
function typeOnlyParents(ts: Ts): ReadonlySet<number> {
  const k = ts.SyntaxKind;
  return new Set([
    k.TypeReference,
    k.InterfaceDeclaration,
    k.TypeAliasDeclaration,
    k.TypeParameter,
    k.PropertySignature,
    k.MethodSignature,
    k.NamedTupleMember,
    k.TypePredicate,
    k.MappedType,
  ]);
}

/** The offset of the first character at or after `at` that is not whitespace or a comment. */
function skipTrivia(text: string, at: number): number {
  let k = at;
  for (;;) {
    while (k < text.length && /\s/.test(text[k])) k++;
    if (text.startsWith('//', k)) {
      while (k < text.length && text[k] !== '\n') k++;
    } else if (text.startsWith('/*', k)) {
      const end = text.indexOf('*/', k + 2);
      k = end < 0 ? text.length : end + 2;
    } else {
      return k;
    }
  }
}

function erasedCodeOf(ts: Ts, text: string, extension: string): ErasedCode {
  const { SyntaxKind } = ts;
  // The SyntaxService has usually just parsed the old version and kept it; the
  // version with one change applied is read once (its result is cached below).
  const { sourceFile, tokens, hasErrors } = parseTypeScript(text, extension, false);
  if (hasErrors) return { hasErrors: true, module: false, kept: '', shape: '', importPlaces: '', decorated: false, clash: false, imports: '', erasedReads: '' };
  const erased = new Uint8Array(text.length + 1);
  const mark = (start: number, end: number) => erased.fill(1, start, end);
  const importSpans: Array<[number, number]> = [];
  const importedNames = new Set<string>();
  const erasedDeclared = new Set<string>();
  const reads = new Set<string>();
  const shape: number[] = [];
  const importPlaces: number[] = [];
  let decorated = false;
  const typeModifiers = new Set<number>(TYPE_MODIFIERS.map((name) => SyntaxKind[name]));
  const safeParents = typeOnlyParents(ts);

  /** Identifiers of erased syntax that may read a value: under `typeof`, a computed key, a heritage clause, or any parent not known to be a type's. */
  const collectReads = (node: TsNode, valueish: boolean): void => {
    if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const declared = parent !== undefined && (parent as { name?: TsNode }).name === node;
      const qualifiedType = parent !== undefined && ts.isQualifiedName(parent) && !valueish;
      if (valueish || !(declared || qualifiedType || (parent !== undefined && safeParents.has(parent.kind)))) reads.add(node.text);
      return;
    }
    const opens = ts.isTypeQueryNode(node) || ts.isComputedPropertyName(node) || ts.isExpressionWithTypeArguments(node) || ts.isDecorator(node);
    ts.forEachChild(node, (child) => collectReads(child, valueish || opens));
  };

  /** The names an import statement binds. */
  const boundBy = (node: TsNode, into: Set<string>): void => {
    if (ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isImportSpecifier(node) || ts.isImportEqualsDeclaration(node)) {
      if (node.name !== undefined) into.add(node.name.text);
    }
    ts.forEachChild(node, (child) => boundBy(child, into));
  };

  const noteImport = (node: TsNode): void => {
    importSpans.push([node.getStart(sourceFile), node.end]);
    boundBy(node, importedNames);
  };

  /** The names an erased declaration declares (`declare const a, b`, `interface I`). */
  const noteErasedDeclaration = (node: TsNode): void => {
    const name = (node as { name?: TsNode }).name;
    if (name !== undefined && ts.isIdentifier(name)) erasedDeclared.add(name.text);
    if (ts.isVariableStatement(node)) {
      for (const declaration of node.declarationList.declarations) if (ts.isIdentifier(declaration.name)) erasedDeclared.add(declaration.name.text);
    }
  };

  /** `<` ... `>` around a type argument or parameter list, with the list. */
  const markAngles = (list: import('ts-morph').ts.NodeArray<TsNode> | undefined): void => {
    if (list === undefined || list.length === 0 || text[list.pos - 1] !== '<') return;
    let close = skipTrivia(text, list.end);
    if (text[close] === ',') close = skipTrivia(text, close + 1);
    if (text[close] === '>') mark(list.pos - 1, close + 1);
  };

  const walk = (node: TsNode): void => {
    // `import type`, `export type {}`: erased whatever their names are used for.
    const typeOnlyStatement =
      (ts.isImportDeclaration(node) && node.importClause?.isTypeOnly === true) || (ts.isImportEqualsDeclaration(node) && node.isTypeOnly) || (ts.isExportDeclaration(node) && node.isTypeOnly);
    if (typeOnlyStatement) {
      mark(node.getStart(sourceFile), node.end);
      boundBy(node, erasedDeclared);
      return;
    }
    if (ts.isImportDeclaration(node) || ts.isImportEqualsDeclaration(node) || ts.isExportDeclaration(node) || ts.isNamespaceExportDeclaration(node)) {
      // A moved import moves in the output too.
      importPlaces.push(shape.length);
      noteImport(node);
      return;
    }
    if (isErasedNode(ts, node)) {
      let end = node.end;
      if (ts.isParameter(node)) {
        // `this: T,` goes with its comma.
        const after = skipTrivia(text, end);
        if (text[after] === ',') end = after + 1;
      }
      mark(node.getStart(sourceFile), end);
      collectReads(node, false);
      noteErasedDeclaration(node);
      return;
    }
    if (ts.isDecorator(node)) decorated = true;
    if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node)) {
      mark(node.expression.end, node.end);
      if (!ts.isNonNullExpression(node)) collectReads(node.type, false);
      walk(node.expression);
      return;
    }
    if (ts.isTypeAssertionExpression(node)) {
      mark(node.getStart(sourceFile), node.expression.pos);
      collectReads(node.type, false);
      walk(node.expression);
      return;
    }
    if (wrapsAssertion(ts, node)) {
      const start = node.getStart(sourceFile);
      mark(start, start + 1);
      mark(node.end - 1, node.end);
      walk((node as import('ts-morph').ts.ParenthesizedExpression).expression);
      return;
    }
    shape.push(node.kind);
    const dropped = modifiersOf(node).filter((modifier) => typeModifiers.has(modifier.kind));
    for (const modifier of dropped) mark(modifier.getStart(sourceFile), modifier.end);
    // A parameter with any of them is a parameter property, emitted as a field
    // assignment: that it is one is kept, not which of them made it so.
    if (ts.isParameter(node) && dropped.length > 0) shape.push(PARAMETER_PROPERTY);
    const marks = node as { questionToken?: TsNode; exclamationToken?: TsNode };
    const typeMarks = dropsMarks(ts, node) ? [marks.questionToken, marks.exclamationToken].filter((token): token is TsNode => token !== undefined) : [];
    for (const token of typeMarks) mark(token.end - 1, token.end);
    const annotation = (node as { type?: TsNode }).type;
    if (annotation !== undefined && ts.isTypeNode(annotation) && text[annotation.pos - 1] === ':') mark(annotation.pos - 1, annotation.pos);
    markAngles((node as { typeParameters?: import('ts-morph').ts.NodeArray<TsNode> }).typeParameters);
    markAngles((node as { typeArguments?: import('ts-morph').ts.NodeArray<TsNode> }).typeArguments);
    ts.forEachChild(node, (child) => {
      if (!dropped.includes(child) && !typeMarks.includes(child)) walk(child);
    });
    shape.push(-1);
  };
  for (const statement of sourceFile.statements) walk(statement);

  // Tokens and import statements both come in text order: one pass over each.
  importSpans.sort((a, b) => a[0] - b[0]);
  let span = 0;
  const inImport = (token: RawToken) => {
    while (span < importSpans.length && importSpans[span][1] <= token.start) span++;
    return span < importSpans.length && token.start >= importSpans[span][0];
  };
  const kept: string[] = [];
  const imports: string[] = [];
  for (const token of tokens) {
    if (token.type === 'comment') continue;
    if (inImport(token)) imports.push(text.slice(token.start, token.end));
    else if (erased[token.start] === 0 && !(token.end - token.start === 1 && text[token.start] === ',' && text[skipTrivia(text, token.end)] === ')')) {
      // A trailing comma before `)` (arguments, parameters) is not printed.
      kept.push(text.slice(token.start, token.end));
    }
  }
  return {
    hasErrors: false,
    module: ts.isExternalModule(sourceFile),
    kept: kept.join('\n'),
    shape: shape.join(','),
    importPlaces: importPlaces.join(','),
    decorated,
    clash: [...erasedDeclared].some((name) => importedNames.has(name)),
    imports: imports.join('\n'),
    erasedReads: [...reads].filter((name) => importedNames.has(name)).sort().join(','),
  };
}

/** Erased code per extension and text (old versions are compared again for every change in their file). */
const erasedCodes = new Map<string, ErasedCode>();
const ERASED_CACHE_LIMIT = 64;

function erasedCode(text: string, extension: string): ErasedCode {
  return memoised(erasedCodes, ERASED_CACHE_LIMIT, `${extension}\n${text}`, () => erasedCodeOf(typeScript(), text, extension));
}

/**
 * Whether two versions of a TypeScript file emit the same JavaScript, from their
 * parse trees: 'same' when the code the emitter keeps is token for token the
 * same in the same tree shape, with the same imports read the same way;
 * 'different' when it is not (or a version has syntax errors); 'unknown' when
 * only the import statements (or where they stand), or the imported names
 * erased syntax reads, differ: import elision is the checker's call; so is a
 * decorated file's (decorator metadata emits types), and one where erased
 * syntax declares a name a value import binds.
 *
 * 'different' may be wrong where the printer normalises what the tokens keep
 * (`;`, parentheses around an object literal): that costs a type-only label,
 * never gives a wrong one. 'same' is a proof: equal kept tokens in equal tree
 * shapes are equal emitted statements (the shape rules out an `as` whose
 * removal would regroup operators, and automatic semicolons), the erased
 * parts are those the emitter drops (type nodes and declarations, `as`,
 * `satisfies`, `!`, `<T>x`, type modifiers, though a parameter property stays
 * one, `?` and `!` marks of declarations, annotation colons, `<...>` lists, a
 * `this` parameter with its comma).
 */
export function compareErasedCode(oldText: string, newText: string, filePath: string): ErasedComparison {
  const extension = extensionFor('typescript', filePath);
  const before = erasedCode(oldText, extension);
  const after = erasedCode(newText, extension);
  if (before.hasErrors || after.hasErrors) return 'different';
  if (before.module !== after.module || before.kept !== after.kept || before.shape !== after.shape) return 'different';
  if (before.decorated || after.decorated || before.clash || after.clash) return 'unknown';
  if (before.imports !== after.imports || before.importPlaces !== after.importPlaces || before.erasedReads !== after.erasedReads) return 'unknown';
  return 'same';
}
