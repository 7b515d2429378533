/**
 * What tree-sitter.ts asks of a parser, a tree and a cursor: the members it uses,
 * so that code is written against them rather than one build's classes.
 */
import type { Node } from 'web-tree-sitter';

/**
 * web-tree-sitter's classes have these members. `delete` and `copy` are optional:
 * a build whose objects the garbage collector frees has no `delete`, and one
 * whose trees cannot be copied serves no incremental reparse from a kept tree.
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
  /** Typed as web-tree-sitter's Node, which the declaration walkers read. */
  readonly rootNode: Node;
  edit(edit: TreeEdit): unknown;
  walk(): TreeCursorLike;
  copy?(): TreeLike;
  delete?(): void;
}

export interface ParserLike {
  /** The callback cancels the parse by returning true; a cancelled parse gives null or undefined. */
  parse(text: string, oldTree: TreeLike | null, options: { progressCallback: () => boolean }): TreeLike | null | undefined;
  reset(): void;
}
