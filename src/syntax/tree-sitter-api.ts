/**
 * What tree-sitter.ts asks of a parser, a tree and a cursor: the members it uses,
 * so that code is written against them rather than one build's classes.
 */
import type { Node } from 'web-tree-sitter';

/**
 * web-tree-sitter's classes and the native binding's both have these members;
 * the native objects are freed by the garbage collector (no `delete`) and native
 * trees have no `copy` (a parse of the same text from the tree makes one).
 */
export interface TreeCursorLike {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly nodeType: string;
  readonly nodeIsNamed: boolean;
  readonly nodeIsMissing: boolean;
  gotoFirstChild(): boolean;
  gotoNextSibling(): boolean;
  gotoParent(): boolean;
  delete?(): void;
}

export interface Point {
  row: number;
  column: number;
}

export interface TreeEdit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  startPosition: Point;
  oldEndPosition: Point;
  newEndPosition: Point;
}

export interface TreeLike {
  /** Typed as web-tree-sitter's Node: the native SyntaxNode has the members the walkers read. */
  readonly rootNode: Node;
  edit(edit: TreeEdit): unknown;
  walk(): TreeCursorLike;
  copy?(): TreeLike;
  delete?(): void;
}

export interface ParserLike {
  /** The callback cancels the parse by returning true; a cancelled parse gives null (WebAssembly) or undefined (native). */
  parse(text: string, oldTree: TreeLike | null, options: { progressCallback: () => boolean }): TreeLike | null | undefined;
  reset(): void;
}
