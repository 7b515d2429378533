/**
 * The TypeScript/JavaScript SyntaxService: tokens from the TypeScript scanner,
 * syntax errors and declarations from one parse by the compiler's own parser
 * (TypeScript as ts-morph bundles it).
 *
 * Loading is lazy. Requiring ts-morph (which bundles its own TypeScript) costs
 * well over 100 ms, and a pre-push hook must not pay that when no TS/JS file
 * changed, so this module has no top-level import of typescript or ts-morph:
 * only type-level `import('ts-morph')` references, which compile to nothing, and
 * a load on the first `parse` call, or the first `typeOnlyEqual` of
 * typescript-emit.ts (typescript-compiler.ts: ts-morph's TypeScript, through
 * V8's code cache).
 *
 * Tokens (`FileSyntax.lines`) follow the table lexer's shape (src/lexer.ts): one
 * LexedLine per '\n'-separated line; comments are 'comment'; string literals,
 * templates (head, middle, tail) and regular expression literals are 'string';
 * identifiers, keywords and numbers are 'word'; every other token is 'punct',
 * multi-character operators staying one token (`===`, `>>=`, `?.`). A literal or
 * comment spanning lines is cut at each line end; the lines it continues on have
 * a non-null `startState`. Words that are identifiers also carry `identifier:
 * true` (see SyntaxToken).
 *
 * The scanner alone cannot tell a regular expression from a division, nor JSX
 * text from code: the parser decides those by context. The rules used here:
 * - `/` or `/=` starts a regular expression when the previous significant token
 *   cannot end an expression (TypeScript's own classifier rule, noRegexAfter).
 *   The parse tree, when it has a say (a RegularExpressionLiteral, a division
 *   operator or a JSX tag's slash at that position), overrides the rule, which
 *   is wrong after `)` in `if (x) /re/.test(s)`, after a block's `}`, and
 *   after a keyword used as a name (`type / 2`).
 * - A `}` that closes a template's `${` is re-scanned as a template middle/tail.
 * - JSX text and JSX attribute strings are taken from the parse tree, since the
 *   scanner would read `don't` in JSX text as the start of a string literal.
 */
import type { StringDelimiter } from '../language';
import type { LexedLine, LexState, Token, TokenType } from '../lexer';
import type { Declaration, FileSyntax, SyntaxService } from './types';

type TsMorph = typeof import('ts-morph');
type Ts = TsMorph['ts'];
type TsNode = import('ts-morph').ts.Node;
type TsSourceFile = import('ts-morph').ts.SourceFile;
type TsSyntaxKind = import('ts-morph').ts.SyntaxKind;

/**
 * A token of this service: `identifier: true` on a word that is an identifier
 * (a name, including a keyword used as a property or variable name:
 * `a.default`, `let type`), and no such property on keywords, numbers or other
 * tokens. Token (src/lexer.ts) declares the flag as `identifier?: boolean`;
 * this narrower type only says this service never sets it to false.
 */
export interface SyntaxToken extends Token {
  identifier?: true;
  /**
   * On a token of syntax the TypeScript emitter erases: type annotations and
   * arguments, interfaces, type aliases, `declare` and overload signatures,
   * `implements`, `as`/`satisfies` and the type after them, the modifiers only
   * types read (`private`, `readonly`...), and import and export declarations
   * (whose emitted form depends on the rest of the file). Absent elsewhere.
   * Claiming too little only costs refactor-type-only a transpile.
   */
  typeSyntax?: true;
}

/** True when a token from this service is an identifier (see SyntaxToken). */
export function isIdentifier(token: Token): boolean {
  return (token as SyntaxToken).identifier === true;
}

let typeScriptModule: Ts | undefined;

/** ts-morph's TypeScript, loaded on first use only (see the module comment), through V8's code cache. */
export function typeScript(): Ts {
  if (typeScriptModule === undefined) {
    typeScriptModule = (require('./typescript-compiler') as typeof import('./typescript-compiler')).loadTypeScript();
  }
  return typeScriptModule;
}

const LANGUAGES: ReadonlySet<string> = new Set(['typescript', 'javascript']);

const TS_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);

/** The extension to parse a path as: its own when TS/JS knows it, else the language's plain one. */
export function extensionFor(languageId: string, filePath: string): string {
  const match = /\.d\.[cm]?ts$|\.[^./\\]+$/i.exec(filePath);
  const extension = match === null ? '' : match[0].toLowerCase();
  if (TS_EXTENSIONS.has(extension) || extension.startsWith('.d.')) return extension;
  return languageId === 'javascript' ? '.js' : '.ts';
}

/**
 * TypeScript's own choice (getLanguageVariant): only .ts/.mts/.cts (and .d.ts)
 * are standard; .tsx, .jsx and also .js/.mjs/.cjs are read with JSX, as the
 * parser does, so scanner and parser agree on what `<` means.
 */
function isJsxVariant(extension: string): boolean {
  return !(extension === '.ts' || extension === '.mts' || extension === '.cts' || extension.startsWith('.d.'));
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

/**
 * Placeholder delimiters for the `startState` of a line that starts inside a
 * literal: src/lexer.ts's LexState wants a StringDelimiter, which a real
 * scanner does not have, so these describe the literal that is continuing.
 */
const TEMPLATE: StringDelimiter = Object.freeze({ open: '`', close: '`', multiline: true, escapes: true });
/** A quoted string continued past a line end by a backslash. */
const SINGLE_QUOTED: StringDelimiter = Object.freeze({ open: "'", close: "'", multiline: true, escapes: true });
const DOUBLE_QUOTED: StringDelimiter = Object.freeze({ open: '"', close: '"', multiline: true, escapes: true });
/** JSX attribute strings have no escapes and may hold line breaks. */
const JSX_SINGLE: StringDelimiter = Object.freeze({ open: "'", close: "'", multiline: true, escapes: false });
const JSX_DOUBLE: StringDelimiter = Object.freeze({ open: '"', close: '"', multiline: true, escapes: false });
const BLOCK_COMMENT: LexState = Object.freeze({ kind: 'comment', close: '*/' }) as LexState;
const CONFLICT_MARKER: LexState = Object.freeze({ kind: 'comment', close: '>>>>>>>' }) as LexState;

/** A token over the whole text, before it is cut into lines. */
export interface RawToken {
  start: number;
  end: number;
  type: TokenType;
  identifier: boolean;
  /** Starts inside syntax the emitter erases (SyntaxToken.typeSyntax). */
  typeSyntax?: boolean;
  /** Where a line continuing this token starts (comments, literals spanning lines). */
  state: LexState;
  /** Unterminated literal or comment, or a merge-conflict marker: the lines are opaque. */
  opaque: boolean;
}

/** Bits of `AstHints.flags`, indexed by text position. */
const IDENTIFIER_END = 1;
const REGEX_START = 2;
const NOT_REGEX_SLASH = 4;
const TYPE_SYNTAX = 8;

/**
 * Modifiers that only the type checker reads: the emitter drops them (a parameter
 * property's keeps a field, so the transpile decides). `declare` is not here: a
 * declaration carrying it is erased whole (isErasedNode).
 */
export const TYPE_MODIFIERS = ['PublicKeyword', 'PrivateKeyword', 'ProtectedKeyword', 'ReadonlyKeyword', 'OverrideKeyword', 'AbstractKeyword'] as const;

export function modifiersOf(node: TsNode): readonly TsNode[] {
  return (node as { modifiers?: readonly TsNode[] }).modifiers ?? [];
}

/** A namespace whose body declares only types (interfaces, aliases, such namespaces): the emitter drops it whole. */
function typesOnly(ts: Ts, node: TsNode): boolean {
  const body = (node as import('ts-morph').ts.ModuleDeclaration).body;
  if (body === undefined) return true;
  if (ts.isModuleDeclaration(body)) return typesOnly(ts, body);
  if (!ts.isModuleBlock(body)) return false;
  return body.statements.every((statement) => ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || (ts.isModuleDeclaration(statement) && typesOnly(ts, statement)));
}

/**
 * Whether a whole node is syntax the emitter erases (SyntaxToken.typeSyntax).
 * Claiming too little only means a type-only change is transpiled to be sure;
 * claiming too much would make refactor-type-only skip one (see its filter).
 */
export function isErasedNode(ts: Ts, node: TsNode): boolean {
  const { SyntaxKind } = ts;
  switch (node.kind) {
    case SyntaxKind.InterfaceDeclaration:
    case SyntaxKind.TypeAliasDeclaration:
    case SyntaxKind.TypeParameter:
    case SyntaxKind.IndexSignature:
    case SyntaxKind.ImportDeclaration:
    case SyntaxKind.ImportEqualsDeclaration:
    case SyntaxKind.ExportDeclaration:
    case SyntaxKind.NamespaceExportDeclaration:
      return true;
    case SyntaxKind.ModuleDeclaration:
      // `namespace N { interface I {} }` emits nothing; one holding a value emits an
      // object, unless it is `declare`d (the modifiers below).
      if (typesOnly(ts, node)) return true;
      break;
    case SyntaxKind.ExpressionWithTypeArguments:
      // `class A extends B<T>`: B is a value; its type arguments are type nodes.
      return false;
    case SyntaxKind.HeritageClause:
      return (node as import('ts-morph').ts.HeritageClause).token === SyntaxKind.ImplementsKeyword;
    case SyntaxKind.Parameter: {
      const name = (node as import('ts-morph').ts.ParameterDeclaration).name;
      return name.kind === SyntaxKind.Identifier && (name as import('ts-morph').ts.Identifier).text === 'this';
    }
    case SyntaxKind.FunctionDeclaration:
    case SyntaxKind.MethodDeclaration:
    case SyntaxKind.Constructor:
      // Overload and abstract signatures have no body.
      if ((node as import('ts-morph').ts.FunctionLikeDeclaration).body === undefined) return true;
      break;
    default:
      if (ts.isTypeNode(node)) return true;
  }
  return modifiersOf(node).some((modifier) => modifier.kind === SyntaxKind.DeclareKeyword || (modifier.kind === SyntaxKind.AbstractKeyword && node.kind !== SyntaxKind.ClassDeclaration));
}

/** A stretch of text whose tokens come from the parse tree rather than the scanner. */
interface Override {
  start: number;
  end: number;
  tokens: RawToken[];
}

interface AstHints {
  flags: Uint8Array;
  /** Sorted by start, not overlapping. */
  overrides: Override[];
}

/**
 * What the scanner cannot know, read from the parse tree in one walk: where
 * identifiers end, where regular expressions and division slashes are, and the
 * JSX text and attribute strings.
 */
function collectHints(ts: Ts, sourceFile: TsSourceFile, text: string): AstHints {
  const { SyntaxKind } = ts;
  const flags = new Uint8Array(text.length + 1);
  const overrides: Override[] = [];
  const jsxName = (name: TsNode) => {
    // `data-id`, `my-element`: the scanner would cut the name at each hyphen.
    if (name.kind === SyntaxKind.Identifier) {
      const identifier = name as import('ts-morph').ts.Identifier;
      if (identifier.text.includes('-')) {
        const start = name.end - identifier.text.length;
        overrides.push({ start, end: name.end, tokens: [{ start, end: name.end, type: 'word', identifier: true, state: null, opaque: false }] });
      }
    }
  };
  const typeModifiers = new Set<TsSyntaxKind>(TYPE_MODIFIERS.map((name) => SyntaxKind[name]));
  const markErased = (start: number, end: number) => {
    for (let k = start; k < end; k++) flags[k] |= TYPE_SYNTAX;
  };
  // Only the outermost erased node is marked, so every position is marked at most once.
  let inErased = false;
  const visit = (node: TsNode): void => {
    if (inErased) return visitHints(node);
    if (isErasedNode(ts, node)) {
      markErased(node.getStart(sourceFile), node.end);
      inErased = true;
      visitHints(node);
      inErased = false;
      return;
    }
    for (const modifier of modifiersOf(node)) {
      if (typeModifiers.has(modifier.kind)) markErased(modifier.getStart(sourceFile), modifier.end);
    }
    if (node.kind === SyntaxKind.AsExpression || node.kind === SyntaxKind.SatisfiesExpression) {
      // `value as T`: the keyword and the type.
      markErased((node as import('ts-morph').ts.AsExpression).expression.end, node.end);
    } else if (node.kind === SyntaxKind.TypeAssertionExpression) {
      // `<T>value`
      markErased(node.getStart(sourceFile), (node as import('ts-morph').ts.TypeAssertion).expression.getStart(sourceFile));
    }
    visitHints(node);
  };
  const visitHints = (node: TsNode): void => {
    switch (node.kind) {
      case SyntaxKind.Identifier:
      case SyntaxKind.PrivateIdentifier:
        // A missing identifier (parse error) is empty and ends where the previous token does.
        if (node.end > node.pos && (node as import('ts-morph').ts.Identifier).text !== '') flags[node.end] |= IDENTIFIER_END;
        return;
      case SyntaxKind.RegularExpressionLiteral:
        flags[node.end - (node as import('ts-morph').ts.RegularExpressionLiteral).text.length] |= REGEX_START;
        return;
      case SyntaxKind.BinaryExpression: {
        const operator = (node as import('ts-morph').ts.BinaryExpression).operatorToken;
        if (operator.kind === SyntaxKind.SlashToken) flags[operator.end - 1] |= NOT_REGEX_SLASH;
        else if (operator.kind === SyntaxKind.SlashEqualsToken) flags[operator.end - 2] |= NOT_REGEX_SLASH;
        break;
      }
      case SyntaxKind.JsxText:
        overrides.push({ start: node.pos, end: node.end, tokens: jsxTextTokens(text, node.pos, node.end) });
        return;
      case SyntaxKind.JsxAttribute: {
        const attribute = node as import('ts-morph').ts.JsxAttribute;
        jsxName(attribute.name);
        const initializer = attribute.initializer;
        if (initializer !== undefined && initializer.kind === SyntaxKind.StringLiteral) {
          const start = initializer.getStart(sourceFile);
          const state: LexState = { kind: 'string', delimiter: text[start] === "'" ? JSX_SINGLE : JSX_DOUBLE };
          overrides.push({ start, end: initializer.end, tokens: [{ start, end: initializer.end, type: 'string', identifier: false, state, opaque: false }] });
          return;
        }
        break;
      }
      case SyntaxKind.JsxOpeningElement:
      case SyntaxKind.JsxSelfClosingElement:
        jsxName((node as import('ts-morph').ts.JsxOpeningElement).tagName);
        if (node.kind === SyntaxKind.JsxSelfClosingElement) flags[node.end - 2] |= NOT_REGEX_SLASH;
        break;
      case SyntaxKind.JsxClosingElement:
        jsxName((node as import('ts-morph').ts.JsxClosingElement).tagName);
        flags[node.getStart(sourceFile) + 1] |= NOT_REGEX_SLASH;
        break;
      case SyntaxKind.JsxClosingFragment:
        flags[node.getStart(sourceFile) + 1] |= NOT_REGEX_SLASH;
        break;
      default:
        break;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  overrides.sort((a, b) => a.start - b.start);
  // Keep them disjoint: a later one starting inside an earlier one is dropped.
  const disjoint: Override[] = [];
  for (const override of overrides) {
    if (disjoint.length === 0 || override.start >= disjoint[disjoint.length - 1].end) disjoint.push(override);
  }
  return { flags, overrides: disjoint };
}

const WHITESPACE_AT_START = /^[ \t\r\f\v\u00a0\ufeff]*/;
const WHITESPACE_AT_END = /[ \t\r\f\v\u00a0\ufeff]*$/;

/**
 * JSX text, by JSX's own whitespace rule: text is split into lines; every line
 * but the first loses its leading whitespace, every line but the last its
 * trailing whitespace, and lines left empty vanish. What is dropped is layout
 * and goes into `spaceBefore`/`trailing`; what is kept is data, inside a
 * 'string' token per line. So re-indenting JSX text is a whitespace change, but
 * `<b> x</b>` → `<b>x</b>` is not.
 */
function jsxTextTokens(text: string, start: number, end: number): RawToken[] {
  const tokens: RawToken[] = [];
  let lineStart = start;
  let first = true;
  while (lineStart <= end) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline >= end ? end : newline;
    const last = lineEnd === end;
    const segment = text.slice(lineStart, lineEnd);
    const lead = first ? 0 : WHITESPACE_AT_START.exec(segment)![0].length;
    const trail = last ? 0 : WHITESPACE_AT_END.exec(segment)![0].length;
    if (lead + trail < segment.length) {
      tokens.push({ start: lineStart + lead, end: lineEnd - trail, type: 'string', identifier: false, state: null, opaque: false });
    }
    if (last) break;
    lineStart = lineEnd + 1;
    first = false;
  }
  return tokens;
}

/**
 * After these a `/` divides: the previous token ends an expression. TypeScript's
 * classifier table (services/classifier.ts, noRegexTable) plus the kinds it
 * leaves out: private names, `super`, `null` and templates that end.
 */
function noRegexAfter(ts: Ts): ReadonlySet<TsSyntaxKind> {
  const k = ts.SyntaxKind;
  return new Set([
    k.Identifier,
    k.PrivateIdentifier,
    k.StringLiteral,
    k.NumericLiteral,
    k.BigIntLiteral,
    k.RegularExpressionLiteral,
    k.NoSubstitutionTemplateLiteral,
    k.TemplateTail,
    k.ThisKeyword,
    k.SuperKeyword,
    k.TrueKeyword,
    k.FalseKeyword,
    k.NullKeyword,
    k.PlusPlusToken,
    k.MinusMinusToken,
    k.CloseParenToken,
    k.CloseBracketToken,
    k.CloseBraceToken,
  ]);
}

/** Runs the scanner over the text, with the parse tree's hints; tokens in text order. */
function scanTokens(ts: Ts, text: string, jsx: boolean, hints: AstHints, noRegex: ReadonlySet<TsSyntaxKind>): RawToken[] {
  const { SyntaxKind } = ts;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, jsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
  const { flags, overrides } = hints;
  const tokens: RawToken[] = [];
  /** One entry per open `{` or `${`: true for a template's `${`. */
  const braces: boolean[] = [];
  let previous: TsSyntaxKind = SyntaxKind.Unknown;
  let next = 0;
  let pos = 0;
  for (;;) {
    const override = next < overrides.length ? overrides[next] : undefined;
    if (override !== undefined && override.start === pos) {
      for (const token of override.tokens) tokens.push(token);
      // JSX text and attribute strings end an expression as far as `/` goes.
      previous = SyntaxKind.StringLiteral;
      pos = override.end;
      next++;
      scanner.resetTokenState(pos);
      continue;
    }
    let kind = scanner.scan();
    if (kind === SyntaxKind.EndOfFileToken) break;
    const start = scanner.getTokenStart();
    while (next < overrides.length && overrides[next].start < start) next++;
    let type: TokenType;
    let identifier = false;
    let state: LexState = null;
    switch (kind) {
      case SyntaxKind.WhitespaceTrivia:
      case SyntaxKind.NewLineTrivia:
        pos = scanner.getTokenEnd();
        continue;
      case SyntaxKind.SingleLineCommentTrivia:
      case SyntaxKind.MultiLineCommentTrivia:
      case SyntaxKind.ShebangTrivia:
        type = 'comment';
        state = BLOCK_COMMENT;
        break;
      case SyntaxKind.ConflictMarkerTrivia:
        type = 'comment';
        state = CONFLICT_MARKER;
        break;
      case SyntaxKind.SlashToken:
      case SyntaxKind.SlashEqualsToken: {
        const bits = flags[start];
        const regex = (bits & REGEX_START) !== 0 || ((bits & NOT_REGEX_SLASH) === 0 && !noRegex.has(previous));
        if (regex) kind = scanner.reScanSlashToken();
        type = kind === SyntaxKind.RegularExpressionLiteral ? 'string' : 'punct';
        break;
      }
      case SyntaxKind.GreaterThanToken:
        // `>>`, `>=`, `>>>=` come back from the scanner as `>`; the parser re-scans
        // them where it wants the operator. Not into JSX text that starts right after.
        if (next >= overrides.length || overrides[next].start !== scanner.getTokenEnd()) kind = scanner.reScanGreaterToken();
        type = 'punct';
        break;
      case SyntaxKind.OpenBraceToken:
        braces.push(false);
        type = 'punct';
        break;
      case SyntaxKind.CloseBraceToken:
        if (braces.pop() === true) {
          kind = scanner.reScanTemplateToken(false);
          if (kind === SyntaxKind.TemplateMiddle) braces.push(true);
          type = 'string';
          state = { kind: 'string', delimiter: TEMPLATE };
        } else {
          type = 'punct';
        }
        break;
      case SyntaxKind.TemplateHead:
        braces.push(true);
        type = 'string';
        state = { kind: 'string', delimiter: TEMPLATE };
        break;
      case SyntaxKind.NoSubstitutionTemplateLiteral:
        type = 'string';
        state = { kind: 'string', delimiter: TEMPLATE };
        break;
      case SyntaxKind.StringLiteral:
        type = 'string';
        state = { kind: 'string', delimiter: text[start] === "'" ? SINGLE_QUOTED : DOUBLE_QUOTED };
        break;
      case SyntaxKind.Identifier:
      case SyntaxKind.PrivateIdentifier:
        type = 'word';
        identifier = true;
        break;
      case SyntaxKind.NumericLiteral:
      case SyntaxKind.BigIntLiteral:
        type = 'word';
        break;
      default:
        if (kind >= SyntaxKind.FirstKeyword && kind <= SyntaxKind.LastKeyword) {
          type = 'word';
          // A keyword the parser read as a name (`let type`, `{ default: 1 }`), or a property after `.`.
          identifier = (flags[scanner.getTokenEnd()] & IDENTIFIER_END) !== 0 || previous === SyntaxKind.DotToken || previous === SyntaxKind.QuestionDotToken;
        } else {
          type = 'punct';
        }
        break;
    }
    let end = scanner.getTokenEnd();
    const opaque = scanner.isUnterminated() || kind === SyntaxKind.ConflictMarkerTrivia;
    if (kind === SyntaxKind.ConflictMarkerTrivia) {
      // `=======` trivia runs through the line break before `>>>>>>>`: leave that to the next line.
      while (end > start + 1 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
      scanner.resetTokenState(end);
    }
    // Never run over the start of a stretch the parse tree reads differently.
    if (next < overrides.length && overrides[next].start < end) {
      end = overrides[next].start;
      scanner.resetTokenState(end);
    }
    tokens.push({ start, end, type, identifier, typeSyntax: (flags[start] & TYPE_SYNTAX) !== 0, state, opaque });
    if (type !== 'comment') previous = identifier ? SyntaxKind.Identifier : kind;
    pos = end;
  }
  return tokens;
}

/** Start offset of every '\n'-separated line. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
  return starts;
}

/** Cuts whole-text tokens into the lexer's per-line shape. */
function buildLines(text: string, tokens: RawToken[], starts: number[]): LexedLine[] {
  const count = starts.length;
  const lineEnd = (line: number) => (line + 1 < count ? starts[line + 1] - 1 : text.length);
  const lines: LexedLine[] = new Array(count);
  for (let k = 0; k < count; k++) lines[k] = { startState: null, endState: null, tokens: [], trailing: '', opaque: false };
  let line = 0;
  let end = lineEnd(0);
  /** End of the last token piece on the current line (or the line start). */
  let previousEnd = 0;
  const finishLine = () => {
    lines[line].trailing = text.slice(previousEnd, end);
    line++;
    previousEnd = starts[line];
    end = lineEnd(line);
  };
  const push = (type: TokenType, start: number, stop: number, spaceBefore: string, identifier: boolean, typeSyntax = false) => {
    const token: SyntaxToken = { type, text: text.slice(start, stop), spaceBefore };
    if (identifier) token.identifier = true;
    if (typeSyntax) token.typeSyntax = true;
    lines[line].tokens.push(token);
  };
  for (const token of tokens) {
    while (token.start > end) finishLine();
    const first = line;
    if (token.end <= end) {
      push(token.type, token.start, token.end, text.slice(previousEnd, token.start), token.identifier, token.typeSyntax);
      previousEnd = token.end;
    } else {
      // Spans lines: cut at each line end; the next lines start inside it.
      const state = token.state ?? BLOCK_COMMENT;
      push(token.type, token.start, end, text.slice(previousEnd, token.start), false, token.typeSyntax);
      for (;;) {
        lines[line].endState = state;
        previousEnd = end;
        finishLine();
        lines[line].startState = state;
        if (token.end <= end) {
          push(token.type, starts[line], token.end, '', false, token.typeSyntax);
          previousEnd = token.end;
          break;
        }
        push(token.type, starts[line], end, '', false, token.typeSyntax);
      }
    }
    if (token.opaque) {
      for (let k = first; k <= line; k++) lines[k].opaque = true;
      // An unterminated block comment or template is still open at the end of the text.
      if (token.end === text.length && (token.type === 'comment' || token.type === 'string')) lines[line].endState = token.state;
    }
  }
  for (;;) {
    lines[line].trailing = text.slice(previousEnd, end);
    if (line + 1 >= count) break;
    line++;
    previousEnd = starts[line];
    end = lineEnd(line);
  }
  return lines;
}

// ---------------------------------------------------------------------------
// Declarations
//
// Read from the ts-morph source file's compiler node, syntactically: ts-morph's
// `isExported()` and `getExportedDeclarations()` ask the type checker, which
// would build a Program per file. Reported: top-level functions, classes (with
// their methods, accessors, properties and parameter properties; public ones are
// exported when the class is), interfaces (with property and method signatures),
// type aliases, enums, variables, namespaces (with their members), `export
// default`, `export =`, re-exports, and CommonJS `module.exports`/`exports.x`
// assignments. Exported means an `export` keyword, or a local name exported by
// `export { a }`, `export default a` or `module.exports = { a }`. Overloads are
// one declaration each; index and call signatures are not reported.
// ---------------------------------------------------------------------------

/** Everything one declaration walk needs. */
interface WalkContext {
  ts: Ts;
  sourceFile: TsSourceFile;
  text: string;
  starts: number[];
  printer: import('ts-morph').ts.Printer;
  /** Local names exported by a separate statement (`export { a }`, `export default a`, `module.exports = { a }`). */
  exportedLocals: Set<string>;
  out: Declaration[];
}

/** 1-based line of a text position (lines split on '\n' only, like `FileSyntax.lines`). */
function lineAt(starts: number[], pos: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= pos) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Prints a node (usually a copy with its body removed) in the printer's canonical
 * layout, so a signature does not change when only its formatting does; falls
 * back to the source text should the printer fail on a broken tree.
 */
function print(context: WalkContext, node: TsNode, source: TsNode = node): string {
  try {
    return collapse(context.printer.printNode(context.ts.EmitHint.Unspecified, node, context.sourceFile)).replace(/\s*;$/, '');
  } catch {
    return collapse(context.text.slice(source.getStart(context.sourceFile), source.end));
  }
}

function hasModifier(ts: Ts, node: TsNode, kind: TsSyntaxKind): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return modifiers !== undefined && modifiers.some((modifier) => modifier.kind === kind);
}

function isPublicMember(ts: Ts, member: TsNode & { name?: TsNode }): boolean {
  if (member.name !== undefined && member.name.kind === ts.SyntaxKind.PrivateIdentifier) return false;
  return !hasModifier(ts, member, ts.SyntaxKind.PrivateKeyword) && !hasModifier(ts, member, ts.SyntaxKind.ProtectedKeyword);
}

function nameText(context: WalkContext, name: TsNode | undefined): string | null {
  if (name === undefined) return null;
  const { ts } = context;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return collapse(context.text.slice(name.getStart(context.sourceFile), name.end));
}

/**
 * Records a declaration. `headerEnd` is the position the body starts at (its
 * `{`, or just after `=>`/`=`); the header's last line is the last line before
 * it holding more than whitespace. Without a body the whole declaration is header.
 */
function add(
  context: WalkContext,
  node: TsNode,
  fields: Pick<Declaration, 'name' | 'kind' | 'container' | 'exported' | 'signature'> & { headerEnd?: number },
): void {
  const { starts, sourceFile, text } = context;
  const start = node.getStart(sourceFile);
  const startLine = lineAt(starts, start);
  const endLine = lineAt(starts, Math.max(start, node.end - 1));
  let headerEndLine = endLine;
  if (fields.headerEnd !== undefined) {
    let k = Math.min(fields.headerEnd, node.end) - 1;
    while (k > start && /\s/.test(text[k])) k--;
    headerEndLine = Math.min(endLine, lineAt(starts, Math.max(k, start)));
  }
  context.out.push({
    name: fields.name,
    kind: fields.kind,
    container: fields.container,
    exported: fields.exported,
    startLine,
    endLine,
    headerEndLine,
    signature: fields.signature,
  });
}

type FunctionLike =
  | import('ts-morph').ts.ArrowFunction
  | import('ts-morph').ts.FunctionExpression;

/** A function expression's header (`(a: number): string =>`, `async function (a)`), or null for other values. */
function functionHeader(context: WalkContext, value: TsNode | undefined): { signature: string; headerEnd: number } | null {
  if (value === undefined) return null;
  const { ts } = context;
  const { factory } = ts;
  let expression = value;
  while (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression)) expression = expression.expression;
  if (!ts.isArrowFunction(expression) && !ts.isFunctionExpression(expression)) return null;
  const fn = expression as FunctionLike;
  const empty = factory.createBlock([]);
  const copy = ts.isArrowFunction(fn)
    ? factory.updateArrowFunction(fn, fn.modifiers, fn.typeParameters, fn.parameters, fn.type, fn.equalsGreaterThanToken, empty)
    : factory.updateFunctionExpression(fn, fn.modifiers, fn.asteriskToken, fn.name, fn.typeParameters, fn.parameters, fn.type, empty);
  const printed = print(context, copy, fn).replace(/\s*\{\s*\}$/, '');
  return { signature: printed, headerEnd: ts.isArrowFunction(fn) ? fn.equalsGreaterThanToken.end : fn.body.pos };
}

function valueKind(context: WalkContext, value: TsNode): Declaration['kind'] {
  const { ts } = context;
  if (functionHeader(context, value) !== null) return 'function';
  if (ts.isClassExpression(value)) return 'class';
  return 'variable';
}

/** Class members: methods, accessors, constructors, properties and parameter properties. */
function addClassMembers(context: WalkContext, members: readonly TsNode[], container: string, classExported: boolean): void {
  const { ts } = context;
  const { factory } = ts;
  for (const member of members) {
    const exported = classExported && isPublicMember(ts, member as TsNode & { name?: TsNode });
    if (ts.isMethodDeclaration(member)) {
      const copy = factory.updateMethodDeclaration(member, member.modifiers, member.asteriskToken, member.name, member.questionToken, member.typeParameters, member.parameters, member.type, undefined);
      const name = nameText(context, member.name) ?? '';
      add(context, member, { name, kind: 'method', container, exported, signature: print(context, copy, member), headerEnd: member.body?.pos });
    } else if (ts.isConstructorDeclaration(member)) {
      const copy = factory.updateConstructorDeclaration(member, member.modifiers, member.parameters, undefined);
      add(context, member, { name: 'constructor', kind: 'method', container, exported, signature: print(context, copy, member), headerEnd: member.body?.pos });
      for (const parameter of member.parameters) {
        if (!ts.isIdentifier(parameter.name) || !ts.getModifiers(parameter)?.length) continue;
        const parameterCopy = factory.updateParameterDeclaration(parameter, parameter.modifiers, parameter.dotDotDotToken, parameter.name, parameter.questionToken, parameter.type, undefined);
        add(context, parameter, {
          name: parameter.name.text,
          kind: 'variable',
          container,
          exported: classExported && isPublicMember(ts, parameter),
          signature: print(context, parameterCopy, parameter),
        });
      }
    } else if (ts.isGetAccessorDeclaration(member)) {
      const copy = factory.updateGetAccessorDeclaration(member, member.modifiers, member.name, member.parameters, member.type, undefined);
      add(context, member, { name: nameText(context, member.name) ?? '', kind: 'method', container, exported, signature: print(context, copy, member), headerEnd: member.body?.pos });
    } else if (ts.isSetAccessorDeclaration(member)) {
      const copy = factory.updateSetAccessorDeclaration(member, member.modifiers, member.name, member.parameters, undefined);
      add(context, member, { name: nameText(context, member.name) ?? '', kind: 'method', container, exported, signature: print(context, copy, member), headerEnd: member.body?.pos });
    } else if (ts.isPropertyDeclaration(member)) {
      const copy = factory.updatePropertyDeclaration(member, member.modifiers, member.name, member.questionToken ?? member.exclamationToken, member.type, undefined);
      const header = functionHeader(context, member.initializer);
      const signature = print(context, copy, member) + (header === null ? '' : ` = ${header.signature}`);
      const headerEnd = header !== null ? header.headerEnd : member.initializer?.pos;
      add(context, member, { name: nameText(context, member.name) ?? '', kind: 'variable', container, exported, signature, headerEnd });
    }
  }
}

/** Interface members: property and method signatures. */
function addInterfaceMembers(context: WalkContext, members: readonly TsNode[], container: string, exported: boolean): void {
  const { ts } = context;
  for (const member of members) {
    if (!ts.isPropertySignature(member) && !ts.isMethodSignature(member)) continue;
    const signature = collapse(print(context, member).replace(/[;,]$/, ''));
    add(context, member, { name: nameText(context, member.name) ?? '', kind: ts.isMethodSignature(member) ? 'method' : 'variable', container, exported, signature });
  }
}

/** Position of the `{` that opens a class, interface or enum body (its members list starts right after it). */
function openBraceOf(members: { pos: number }): number {
  return members.pos - 1;
}

function bindingNames(context: WalkContext, name: TsNode, into: string[]): string[] {
  const { ts } = context;
  if (ts.isIdentifier(name)) into.push(name.text);
  else if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
    for (const element of name.elements) if (ts.isBindingElement(element)) bindingNames(context, element.name, into);
  }
  return into;
}

/** `module.exports`, `module.exports.x`, `exports.x`, `exports['x']`: the exported name, or null. */
function commonJsTarget(context: WalkContext, target: TsNode): string | null {
  const { ts } = context;
  const isModuleExports = (node: TsNode) =>
    ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'module' && node.name.text === 'exports';
  const isExportsObject = (node: TsNode) => (ts.isIdentifier(node) && node.text === 'exports') || isModuleExports(node);
  if (isModuleExports(target)) return 'module.exports';
  if (ts.isPropertyAccessExpression(target) && isExportsObject(target.expression)) return target.name.text;
  if (ts.isElementAccessExpression(target) && isExportsObject(target.expression) && ts.isStringLiteralLike(target.argumentExpression)) return target.argumentExpression.text;
  return null;
}

/** The assignment of a top-level `module.exports… = value` statement, if the statement is one. */
function commonJsAssignment(context: WalkContext, statement: TsNode): { name: string; value: import('ts-morph').ts.Expression } | null {
  const { ts } = context;
  if (!ts.isExpressionStatement(statement)) return null;
  const expression = statement.expression;
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return null;
  const name = commonJsTarget(context, expression.left);
  return name === null ? null : { name, value: expression.right };
}

/** First pass: names declared locally and exported by another statement. */
function collectExportedLocals(context: WalkContext, statements: readonly TsNode[]): void {
  const { ts, exportedLocals } = context;
  for (const statement of statements) {
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier === undefined && statement.exportClause !== undefined && ts.isNamedExports(statement.exportClause)) {
      for (const specifier of statement.exportClause.elements) exportedLocals.add((specifier.propertyName ?? specifier.name).text);
    } else if (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression)) {
      exportedLocals.add(statement.expression.text);
    } else {
      const assignment = commonJsAssignment(context, statement);
      if (assignment === null) continue;
      if (ts.isIdentifier(assignment.value)) exportedLocals.add(assignment.value.text);
      else if (assignment.name === 'module.exports' && ts.isObjectLiteralExpression(assignment.value)) {
        for (const property of assignment.value.properties) {
          if (ts.isShorthandPropertyAssignment(property)) exportedLocals.add(property.name.text);
          else if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.initializer)) exportedLocals.add(property.initializer.text);
        }
      }
    }
  }
}

/** Declarations of a statement list: the file's top level, or a namespace body (`container`). */
function walkStatements(context: WalkContext, statements: readonly TsNode[], container: string | null, scopeExported: boolean): void {
  const { ts, sourceFile } = context;
  const { factory, SyntaxKind } = ts;
  const topLevel = container === null;
  const isExported = (node: TsNode, name: string | null) =>
    scopeExported && (hasModifier(ts, node, SyntaxKind.ExportKeyword) || (topLevel && name !== null && context.exportedLocals.has(name)));
  for (const statement of statements) {
    if (ts.isFunctionDeclaration(statement)) {
      const name = statement.name?.text ?? 'default';
      const copy = factory.updateFunctionDeclaration(statement, statement.modifiers, statement.asteriskToken, statement.name, statement.typeParameters, statement.parameters, statement.type, undefined);
      add(context, statement, { name, kind: 'function', container, exported: isExported(statement, name), signature: print(context, copy, statement), headerEnd: statement.body?.pos });
    } else if (ts.isClassDeclaration(statement)) {
      const name = statement.name?.text ?? 'default';
      const exported = isExported(statement, name);
      const copy = factory.updateClassDeclaration(statement, statement.modifiers, statement.name, statement.typeParameters, statement.heritageClauses, []);
      const brace = openBraceOf(statement.members);
      add(context, statement, { name, kind: 'class', container, exported, signature: print(context, copy, statement).replace(/\s*\{\s*\}$/, ''), headerEnd: brace });
      addClassMembers(context, statement.members, container === null ? name : `${container}.${name}`, exported);
    } else if (ts.isInterfaceDeclaration(statement)) {
      const name = statement.name.text;
      const exported = isExported(statement, name);
      const copy = factory.updateInterfaceDeclaration(statement, statement.modifiers, statement.name, statement.typeParameters, statement.heritageClauses, []);
      add(context, statement, { name, kind: 'interface', container, exported, signature: print(context, copy, statement).replace(/\s*\{\s*\}$/, ''), headerEnd: openBraceOf(statement.members) });
      addInterfaceMembers(context, statement.members, container === null ? name : `${container}.${name}`, exported);
    } else if (ts.isTypeAliasDeclaration(statement)) {
      const name = statement.name.text;
      add(context, statement, { name, kind: 'type', container, exported: isExported(statement, name), signature: print(context, statement) });
    } else if (ts.isEnumDeclaration(statement)) {
      const name = statement.name.text;
      add(context, statement, { name, kind: 'enum', container, exported: isExported(statement, name), signature: print(context, statement), headerEnd: openBraceOf(statement.members) });
    } else if (ts.isModuleDeclaration(statement)) {
      // `namespace A.B {}` nests a declaration per segment; report it once, as `A.B`.
      let names = [statement.name.text];
      let body = statement.body;
      while (body !== undefined && ts.isModuleDeclaration(body)) {
        names = [...names, body.name.text];
        body = body.body;
      }
      const name = names.join('.');
      const exported = isExported(statement, name) || (topLevel && hasModifier(ts, statement, SyntaxKind.DeclareKeyword));
      const headerStop = body === undefined ? statement.end : body.getStart(sourceFile);
      const signature = collapse(context.text.slice(statement.getStart(sourceFile), headerStop));
      add(context, statement, { name, kind: 'module', container, exported, signature, headerEnd: body === undefined ? undefined : body.getStart(sourceFile) });
      if (body !== undefined && ts.isModuleBlock(body)) walkStatements(context, body.statements, container === null ? name : `${container}.${name}`, exported);
    } else if (ts.isVariableStatement(statement)) {
      const flags = statement.declarationList.flags;
      const keyword =
        (flags & ts.NodeFlags.AwaitUsing) === ts.NodeFlags.AwaitUsing ? 'await using'
        : flags & ts.NodeFlags.Using ? 'using'
        : flags & ts.NodeFlags.Const ? 'const'
        : flags & ts.NodeFlags.Let ? 'let'
        : 'var';
      const prefix = [hasModifier(ts, statement, SyntaxKind.ExportKeyword) ? 'export ' : '', hasModifier(ts, statement, SyntaxKind.DeclareKeyword) ? 'declare ' : ''].join('');
      const single = statement.declarationList.declarations.length === 1;
      for (const declaration of statement.declarationList.declarations) {
        const header = functionHeader(context, declaration.initializer);
        const type = declaration.type === undefined ? '' : `: ${print(context, declaration.type)}`;
        for (const name of bindingNames(context, declaration.name, [])) {
          const signature = `${prefix}${keyword} ${ts.isIdentifier(declaration.name) ? name : collapse(declaration.name.getText(sourceFile))}${type}${header === null ? '' : ` = ${header.signature}`}`;
          add(context, single ? statement : declaration, {
            name,
            kind: keyword === 'const' ? 'constant' : 'variable',
            container,
            exported: isExported(statement, name),
            signature,
            headerEnd: header !== null ? header.headerEnd : declaration.initializer?.pos,
          });
        }
      }
    } else if (ts.isExportAssignment(statement) && topLevel) {
      // `export default <expression>` and `export = <expression>`.
      const name = statement.isExportEquals === true ? 'export=' : 'default';
      const keyword = statement.isExportEquals === true ? 'export =' : 'export default';
      const value = statement.expression;
      const header = functionHeader(context, value);
      const kind: Declaration['kind'] = header !== null ? 'function' : ts.isClassExpression(value) ? 'class' : 'other';
      add(context, statement, { name, kind, container, exported: true, signature: joinSignature(keyword, shownValue(context, value, header)), headerEnd: header?.headerEnd });
    } else if (ts.isExportDeclaration(statement) && topLevel && statement.moduleSpecifier !== undefined) {
      addExportDeclaration(context, statement);
    } else if (ts.isImportEqualsDeclaration(statement) && hasModifier(ts, statement, SyntaxKind.ExportKeyword)) {
      add(context, statement, { name: statement.name.text, kind: 'other', container, exported: scopeExported, signature: collapse(statement.getText(sourceFile)).replace(/;$/, '') });
    } else if (topLevel) {
      addCommonJsExport(context, statement);
    }
  }
}

/**
 * What a signature shows of an exported value: a function's header, `class`,
 * the name of an exported identifier, an object literal's property names (its
 * API); nothing for other values, since a value is not a signature.
 */
function shownValue(context: WalkContext, value: TsNode, header: { signature: string } | null): string {
  const { ts } = context;
  if (header !== null) return header.signature;
  if (ts.isClassExpression(value)) return 'class';
  if (ts.isIdentifier(value)) return value.text;
  if (ts.isObjectLiteralExpression(value)) {
    const names = value.properties.map((property) => (property.name === undefined ? '...' : nameText(context, property.name) ?? '?'));
    return `{ ${names.join(', ')} }`;
  }
  return '';
}

function joinSignature(head: string, value: string, separator = ' '): string {
  return value === '' ? head : `${head}${separator}${value}`;
}

/**
 * `export { a as b } from './x'`, `export * from './x'`, and `export { a }` of a
 * name not declared here (an imported name); run after the walk, so that a
 * local declaration after its `export { a }` is found.
 */
function addExportDeclaration(context: WalkContext, statement: import('ts-morph').ts.ExportDeclaration): void {
  const { ts } = context;
  const from = statement.moduleSpecifier === undefined ? '' : ` from ${statement.moduleSpecifier.getText(context.sourceFile)}`;
  const typeOnly = statement.isTypeOnly ? 'type ' : '';
  const clause = statement.exportClause;
  if (clause === undefined) {
    add(context, statement, { name: '*', kind: 'module', container: null, exported: true, signature: `export ${typeOnly}*${from}` });
    return;
  }
  if (ts.isNamespaceExport(clause)) {
    add(context, statement, { name: clause.name.text, kind: 'module', container: null, exported: true, signature: `export ${typeOnly}* as ${clause.name.text}${from}` });
    return;
  }
  for (const specifier of clause.elements) {
    const local = (specifier.propertyName ?? specifier.name).text;
    // A local declaration exported by name is reported as that declaration (exported=true).
    if (statement.moduleSpecifier === undefined && context.out.some((declaration) => declaration.container === null && declaration.name === local && declaration.kind !== 'other')) continue;
    const renamed = specifier.propertyName === undefined ? local : `${local} as ${specifier.name.text}`;
    add(context, specifier, {
      name: specifier.name.text,
      kind: 'other',
      container: null,
      exported: true,
      signature: `export ${typeOnly}{ ${specifier.isTypeOnly ? 'type ' : ''}${renamed} }${from}`,
    });
  }
}

/** `module.exports = …`, `module.exports.x = …`, `exports.x = …` at the top level of a CommonJS file. */
function addCommonJsExport(context: WalkContext, statement: TsNode): void {
  const { ts } = context;
  const assignment = commonJsAssignment(context, statement);
  if (assignment === null) return;
  const { name, value } = assignment;
  const target = name === 'module.exports' ? 'module.exports' : `exports.${name}`;
  const header = functionHeader(context, value);
  const kind = name === 'module.exports' && header === null && !ts.isClassExpression(value) ? 'other' : valueKind(context, value);
  add(context, statement, { name, kind, container: null, exported: true, signature: joinSignature(target, shownValue(context, value, header), ' = '), headerEnd: header?.headerEnd });
  if (name !== 'module.exports' || !ts.isObjectLiteralExpression(value)) return;
  // `module.exports = { a, b: helper, c() {} }`: each property is a named export.
  for (const property of value.properties) {
    if (property.name === undefined) continue;
    const propertyName = nameText(context, property.name) ?? '';
    if (ts.isMethodDeclaration(property)) {
      const copy = ts.factory.updateMethodDeclaration(property, property.modifiers, property.asteriskToken, property.name, property.questionToken, property.typeParameters, property.parameters, property.type, undefined);
      add(context, property, { name: propertyName, kind: 'function', container: null, exported: true, signature: `exports.${print(context, copy, property)}`, headerEnd: property.body?.pos });
    } else if (ts.isPropertyAssignment(property)) {
      const propertyHeader = functionHeader(context, property.initializer);
      add(context, property, {
        name: propertyName,
        kind: valueKind(context, property.initializer),
        container: null,
        exported: true,
        signature: joinSignature(`exports.${propertyName}`, shownValue(context, property.initializer, propertyHeader), ' = '),
        headerEnd: propertyHeader?.headerEnd,
      });
    } else if (ts.isShorthandPropertyAssignment(property)) {
      add(context, property, { name: propertyName, kind: 'other', container: null, exported: true, signature: `exports.${propertyName} = ${propertyName}` });
    }
  }
}

// ---------------------------------------------------------------------------
// The service
// ---------------------------------------------------------------------------

/** State built on the first parse and reused: TypeScript itself and one printer. */
interface Loaded {
  ts: Ts;
  printer: import('ts-morph').ts.Printer;
}

function load(): Loaded {
  const ts = typeScript();
  return { ts, printer: ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed }) };
}

/** A parse kept for another reader of the same text: its tree (with parent links) and its scanner tokens. */
export interface KeptParse {
  sourceFile: TsSourceFile;
  tokens: RawToken[];
}

/**
 * The last few parses, by extension and text: the type-only proof
 * (typescript-emit.ts) reads the old version of a file the service has just
 * parsed. Few, since a tree costs several times its text in memory.
 */
const keptParses = new Map<string, KeptParse>();
const KEPT_PARSES = 8;

function rememberParse(extension: string, text: string, parse: KeptParse): void {
  const key = `${extension}\n${text}`;
  keptParses.delete(key);
  if (keptParses.size >= KEPT_PARSES) keptParses.delete(keptParses.keys().next().value!);
  keptParses.set(key, parse);
}

/** A parse of this text the service made recently, or null. */
export function keptParse(extension: string, text: string): KeptParse | null {
  return keptParses.get(`${extension}\n${text}`) ?? null;
}

let noRegexKinds: ReadonlySet<TsSyntaxKind> | undefined;

/**
 * A text's parse tree and scanner tokens, as the service and the type-only
 * proof both read them: the compiler's parser on its own (no Project, no
 * tsconfig, no lib files, nothing that would ask the type checker: a ts-morph
 * Project wrapped each parse in language-service bookkeeping, about a quarter
 * more time), the extension picking TS/TSX/JS/JSX, then the scanner with the
 * tree's hints. A kept parse of the same text serves without parsing again;
 * `keep` keeps this one.
 */
export function parseTypeScript(text: string, extension: string, keep: boolean): KeptParse & { hasErrors: boolean } {
  const ts = typeScript();
  let parse = keptParse(extension, text);
  if (parse === null) {
    const sourceFile = ts.createSourceFile(`/split-advisor/input${extension}`, text, ts.ScriptTarget.Latest, true);
    noRegexKinds ??= noRegexAfter(ts);
    parse = { sourceFile, tokens: scanTokens(ts, text, isJsxVariant(extension), collectHints(ts, sourceFile, text), noRegexKinds) };
    if (keep) rememberParse(extension, text, parse);
  }
  // `parseDiagnostics` is internal (not in the public typings), but it is
  // exactly the parser's syntax errors for this file; the public routes
  // (program.getSyntacticDiagnostics, ts-morph's getPreEmitDiagnostics)
  // need a Program, which would cost a type-checker setup per file.
  const parseDiagnostics = (parse.sourceFile as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics;
  return { ...parse, hasErrors: parseDiagnostics !== undefined && parseDiagnostics.length > 0 };
}

/** The TS/JS SyntaxService. Creating it costs nothing; TypeScript is loaded on the first `parse`. */
export function createTypeScriptSyntax(): SyntaxService {
  let loaded: Loaded | undefined;
  return {
    languages: LANGUAGES,
    parse(languageId: string, filePath: string, text: string): FileSyntax | null {
      if (!LANGUAGES.has(languageId)) return null;
      loaded ??= load();
      const { ts, printer } = loaded;
      const { sourceFile: compiled, tokens, hasErrors } = parseTypeScript(text, extensionFor(languageId, filePath), true);
      const starts = lineStartsOf(text);
      const lines = buildLines(text, tokens, starts);
      const context: WalkContext = { ts, sourceFile: compiled, text, starts, printer, exportedLocals: new Set(), out: [] };
      collectExportedLocals(context, compiled.statements);
      walkStatements(context, compiled.statements, null, true);
      for (const statement of compiled.statements) {
        if (ts.isExportDeclaration(statement) && statement.moduleSpecifier === undefined) addExportDeclaration(context, statement);
      }
      return { lines, declarations: context.out, hasErrors };
    },
  };
}
