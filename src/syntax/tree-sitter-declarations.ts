/**
 * Declarations from a tree-sitter tree, with each language's rule for what is
 * public:
 * - Python: top-level `def`/`class` and class methods (nested classes too);
 *   exported = no leading underscore (dunders such as `__init__` count as public),
 *   and a method only when its class is exported;
 * - Go: func, method, type, const and var declarations; exported = capitalised;
 * - Rust: fn, struct, enum, union, trait, type, const, static and mod items, methods
 *   of `impl` blocks and traits; exported = a plain `pub` (not `pub(crate)`,
 *   `pub(super)`, `pub(in ...)`), inside exported modules; methods of a trait are
 *   exported with the trait; methods of `impl Trait for Type` are not counted as
 *   exported (they cannot be `pub`: they follow the trait's and type's visibility,
 *   which the file alone does not tell);
 * - Java, C#: classes, interfaces, enums, records, methods, constructors, fields
 *   (and C# properties); exported = `public` modifier (interface members without
 *   one are public), and every enclosing type exported;
 * - Kotlin: the same kinds; exported unless `private`, `internal` or `protected`
 *   (Kotlin's default is public), and every enclosing type exported;
 * - C/C++: function definitions (exported unless `static` or in an anonymous
 *   namespace) and, in headers (.h, .hh, .hpp, .hxx), prototypes; C++ methods
 *   defined or (in headers) declared in a class body, exported when under
 *   `public:` (struct default) and `Class::method` definitions (exported);
 * - Ruby: classes, modules, methods; exported unless after a bare `private` or
 *   `protected` in the same body, or made private by `private def ...` or
 *   `private :name` (best effort: `private_class_method`, `module_function` and
 *   visibility changed elsewhere are not followed);
 * - other languages: none.
 * `signature` is the text from the declaration's start (its modifiers; for Python
 * the `def`, not the decorators) to its body, whitespace collapsed and a trailing
 * `:`, `;` or `{` dropped; fields and constants stop before their value.
 */
import { Node } from 'web-tree-sitter';
import { Declaration } from './types';

type Kind = Declaration['kind'];

interface Context {
  text: string;
  out: Declaration[];
}

interface DeclarationSpec {
  /** The node whose lines the declaration covers (with decorators, for Python). */
  node: Node;
  name: string;
  kind: Kind;
  container: string | null;
  exported: boolean;
  /** Where the signature starts (default: node start). */
  signatureFrom?: number;
  /** The body, if any: the header ends where it starts. */
  body?: Node | null;
  /** Where the signature stops when there is no body (default: node end). */
  signatureTo?: number;
  /** Put before the signature (the `type`/`const` keyword of a Go group). */
  signaturePrefix?: string;
}

/** Declarations of a parsed file; [] for languages without rules here. */
export function declarationsOf(languageId: string, path: string, root: Node, text: string): Declaration[] {
  const context: Context = { text, out: [] };
  switch (languageId) {
    case 'python':
      python(root, null, context);
      break;
    case 'go':
      go(root, context);
      break;
    case 'rust':
      rust(root, { container: null, exported: true, traitImpl: false, trait: false }, context);
      break;
    case 'java':
      javaLike(root, null, context, javaRules);
      break;
    case 'csharp':
      javaLike(root, null, context, csharpRules);
      break;
    case 'kotlin':
      kotlin(root, null, context);
      break;
    case 'c':
    case 'cpp':
      cLike(root, null, { header: /\.(h|hh|hpp|hxx|h\+\+)$/i.test(path), internal: false }, context);
      break;
    case 'ruby':
      ruby(root, null, context);
      break;
    default:
      break;
  }
  return context.out;
}

function add(context: Context, spec: DeclarationSpec): void {
  const { node, body } = spec;
  const startLine = node.startPosition.row + 1;
  const end = node.endPosition;
  // A node ending with its newline (preprocessor lines) ends on the line before.
  const endLine = end.column === 0 && end.row > node.startPosition.row ? end.row : end.row + 1;
  const from = spec.signatureFrom ?? node.startIndex;
  const to = body ? body.startIndex : (spec.signatureTo ?? node.endIndex);
  const signature = collapse((spec.signaturePrefix ?? '') + context.text.slice(from, to)).replace(/\s*[:;{=]$/, '');
  context.out.push({
    name: spec.name,
    kind: spec.kind,
    container: spec.container,
    exported: spec.exported,
    startLine,
    endLine,
    headerEndLine: headerEndLine(node, from, to, context.text),
    signature,
  });
}

/** The line of the header's last character: where the text before the body (or the whole declaration) ends. */
function headerEndLine(node: Node, from: number, to: number, text: string): number {
  let last = to - 1;
  while (last > from && /\s/.test(text[last])) last--;
  let newlines = 0;
  for (let k = node.startIndex; k < last; k++) if (text.charCodeAt(k) === 10) newlines++;
  return node.startPosition.row + 1 + newlines;
}

/** Whitespace collapsed, and none left inside brackets or before commas: `f( a ,\n b )` -> `f(a, b)`. */
function collapse(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/([([{<]) /g, '$1')
    .replace(/ ([)\]},])/g, '$1')
    .trim();
}

function children(node: Node | null): Node[] {
  if (node === null) return [];
  return node.namedChildren.filter((child): child is Node => child !== null);
}

function allChildren(node: Node): Node[] {
  return node.children.filter((child): child is Node => child !== null);
}

function textOf(node: Node | null, context: Context): string {
  return node === null ? '' : context.text.slice(node.startIndex, node.endIndex);
}

// ---------------------------------------------------------------------------
// Python

function pythonPublic(name: string): boolean {
  return !name.startsWith('_') || (name.startsWith('__') && name.endsWith('__') && name.length > 4);
}

function python(block: Node, container: { name: string; exported: boolean } | null, context: Context): void {
  for (const child of children(block)) {
    const definition = child.type === 'decorated_definition' ? child.childForFieldName('definition') : child;
    if (definition === null) continue;
    if (definition.type !== 'function_definition' && definition.type !== 'class_definition') continue;
    const name = textOf(definition.childForFieldName('name'), context);
    if (name === '') continue;
    const exported = pythonPublic(name) && (container === null || container.exported);
    const body = definition.childForFieldName('body');
    const isClass = definition.type === 'class_definition';
    add(context, {
      node: child,
      name,
      kind: isClass ? 'class' : container === null ? 'function' : 'method',
      container: container?.name ?? null,
      exported,
      signatureFrom: definition.startIndex,
      body,
    });
    if (isClass && body !== null) python(body, { name, exported }, context);
  }
}

// ---------------------------------------------------------------------------
// Go

const goExported = (name: string) => /^\p{Lu}/u.test(name);

function go(root: Node, context: Context): void {
  for (const child of children(root)) {
    switch (child.type) {
      case 'function_declaration':
      case 'method_declaration': {
        const name = textOf(child.childForFieldName('name'), context);
        const receiver = child.childForFieldName('receiver');
        const receiverType = receiver === null ? null : goReceiverType(receiver, context);
        add(context, {
          node: child,
          name,
          kind: receiver === null ? 'function' : 'method',
          container: receiverType,
          exported: goExported(name),
          body: child.childForFieldName('body'),
        });
        break;
      }
      case 'type_declaration': {
        const grouped = isGoGroup(child);
        for (const spec of children(child)) {
          if (spec.type !== 'type_spec' && spec.type !== 'type_alias') continue;
          const name = textOf(spec.childForFieldName('name'), context);
          const type = spec.childForFieldName('type');
          const kind: Kind = type?.type === 'interface_type' ? 'interface' : type?.type === 'struct_type' ? 'class' : 'type';
          // The fields or methods of a struct or interface are its body.
          const body = type !== null && kind !== 'type' ? (children(type).find((node) => node.type.endsWith('_list')) ?? null) : null;
          add(context, {
            node: grouped ? spec : child,
            name,
            kind,
            container: null,
            exported: goExported(name),
            body,
            signaturePrefix: grouped ? 'type ' : '',
          });
        }
        break;
      }
      case 'const_declaration':
      case 'var_declaration':
        goSpecs(child, child.type === 'const_declaration' ? 'constant' : 'variable', context);
        break;
      default:
        break;
    }
  }
}

/** `type ( ... )`, `const ( ... )`: each spec is a declaration of its own. */
function isGoGroup(declaration: Node): boolean {
  return allChildren(declaration).some((node) => node.type === '(' || node.type.endsWith('_spec_list'));
}

function goSpecs(declaration: Node, kind: Kind, context: Context): void {
  const grouped = isGoGroup(declaration);
  const specs = children(declaration).flatMap((node) => (node.type.endsWith('_spec_list') ? children(node) : [node]));
  for (const spec of specs) {
    if (!spec.type.endsWith('_spec')) continue;
    const value = spec.childForFieldName('value');
    for (const nameNode of spec.childrenForFieldName('name')) {
      if (nameNode === null) continue;
      const name = textOf(nameNode, context);
      add(context, {
        node: grouped ? spec : declaration,
        name,
        kind,
        container: null,
        exported: goExported(name),
        signatureFrom: grouped ? spec.startIndex : declaration.startIndex,
        signatureTo: value?.startIndex ?? spec.endIndex,
        signaturePrefix: grouped ? (kind === 'constant' ? 'const ' : 'var ') : '',
      });
    }
  }
}

/** `(r *Recv[T])` -> `Recv`. */
function goReceiverType(receiver: Node, context: Context): string | null {
  const parameter = children(receiver).find((node) => node.type === 'parameter_declaration');
  const type = parameter?.childForFieldName('type') ?? null;
  const match = /[A-Za-z_]\w*(?=\s*(\[.*)?$)/u.exec(textOf(type, context).replace(/^\*\s*/, ''));
  return match === null ? null : match[0];
}

// ---------------------------------------------------------------------------
// Rust

interface RustScope {
  container: string | null;
  /** Every enclosing module is exported. */
  exported: boolean;
  traitImpl: boolean;
  trait: boolean;
}

const RUST_KINDS: Record<string, Kind> = {
  function_item: 'function',
  function_signature_item: 'function',
  struct_item: 'class',
  union_item: 'class',
  enum_item: 'enum',
  trait_item: 'interface',
  type_item: 'type',
  const_item: 'constant',
  static_item: 'variable',
  mod_item: 'module',
};

function rustPub(item: Node, context: Context): boolean {
  return children(item).some((node) => node.type === 'visibility_modifier' && textOf(node, context) === 'pub');
}

function rust(list: Node, scope: RustScope, context: Context): void {
  for (const item of children(list)) {
    if (item.type === 'impl_item') {
      const body = item.childForFieldName('body');
      const type = textOf(item.childForFieldName('type'), context).replace(/<.*$/s, '');
      if (body !== null) {
        rust(body, { container: type, exported: scope.exported, traitImpl: item.childForFieldName('trait') !== null, trait: false }, context);
      }
      continue;
    }
    const kind = RUST_KINDS[item.type];
    if (kind === undefined) continue;
    const name = textOf(item.childForFieldName('name'), context);
    const inImplOrTrait = scope.container !== null;
    let exported: boolean;
    if (scope.trait) exported = scope.exported;
    else if (scope.traitImpl) exported = false;
    else exported = scope.exported && rustPub(item, context);
    const body = item.childForFieldName('body');
    const isValue = item.type === 'const_item' || item.type === 'static_item';
    add(context, {
      node: item,
      name,
      kind: inImplOrTrait && kind === 'function' ? 'method' : kind,
      container: scope.container,
      exported,
      body: isValue ? null : body,
      signatureTo: isValue ? (item.childForFieldName('value')?.startIndex ?? item.endIndex) : item.endIndex,
    });
    if (item.type === 'trait_item' && body !== null) rust(body, { container: name, exported, traitImpl: false, trait: true }, context);
    if (item.type === 'mod_item' && body !== null) rust(body, { container: null, exported, traitImpl: false, trait: false }, context);
  }
}

// ---------------------------------------------------------------------------
// Java and C#

interface TypeScope {
  name: string;
  exported: boolean;
  isInterface: boolean;
}

interface FieldName {
  name: string;
  declarator: Node;
  value: Node | null;
}

interface JavaLikeRules {
  types: Record<string, Kind>;
  members: Record<string, Kind>;
  /** Nodes whose members belong to the enclosing scope (namespaces, enum bodies). */
  transparent: Set<string>;
  modifiers(node: Node, context: Context): Set<string>;
  /** Field and constant names, with their declarator and the node where each one's value starts. */
  fieldNames(node: Node, context: Context): FieldName[];
}

const javaRules: JavaLikeRules = {
  types: {
    class_declaration: 'class',
    record_declaration: 'class',
    interface_declaration: 'interface',
    annotation_type_declaration: 'interface',
    enum_declaration: 'enum',
  },
  members: { method_declaration: 'method', constructor_declaration: 'method', compact_constructor_declaration: 'method', field_declaration: 'variable', constant_declaration: 'constant' },
  transparent: new Set(['enum_body_declarations']),
  modifiers(node) {
    const modifiers = children(node).find((child) => child.type === 'modifiers');
    return new Set(modifiers === undefined ? [] : allChildren(modifiers).map((child) => child.type));
  },
  fieldNames(node, context) {
    return node.childrenForFieldName('declarator').flatMap((declarator) =>
      declarator === null ? [] : [{ name: textOf(declarator.childForFieldName('name'), context), declarator, value: declarator.childForFieldName('value') }],
    );
  },
};

const csharpRules: JavaLikeRules = {
  types: {
    class_declaration: 'class',
    struct_declaration: 'class',
    record_declaration: 'class',
    record_struct_declaration: 'class',
    interface_declaration: 'interface',
    enum_declaration: 'enum',
  },
  members: {
    method_declaration: 'method',
    constructor_declaration: 'method',
    property_declaration: 'variable',
    field_declaration: 'variable',
    event_field_declaration: 'variable',
    delegate_declaration: 'type',
  },
  transparent: new Set(['namespace_declaration', 'file_scoped_namespace_declaration', 'declaration_list']),
  modifiers(node, context) {
    return new Set(children(node).filter((child) => child.type === 'modifier').map((child) => textOf(child, context)));
  },
  fieldNames(node, context) {
    const declaration = children(node).find((child) => child.type === 'variable_declaration');
    return children(declaration ?? null)
      .filter((child) => child.type === 'variable_declarator')
      .map((declarator) => {
        const name = declarator.childForFieldName('name') ?? children(declarator).find((child) => child.type === 'identifier') ?? null;
        const value = children(declarator).find((child) => child.type === 'equals_value_clause') ?? null;
        return { name: textOf(name, context), declarator, value };
      });
  },
};

function javaLike(node: Node, scope: TypeScope | null, context: Context, rules: JavaLikeRules): void {
  for (const child of children(node)) {
    if (rules.transparent.has(child.type)) {
      const inner = child.childForFieldName('body') ?? child;
      javaLike(inner, scope, context, rules);
      continue;
    }
    const typeKind = rules.types[child.type];
    const memberKind = rules.members[child.type];
    if (typeKind === undefined && memberKind === undefined) continue;
    const modifiers = rules.modifiers(child, context);
    const visible = modifiers.has('public') || (scope !== null && scope.isInterface && !modifiers.has('private'));
    const exported = visible && (scope === null || scope.exported);
    const container = scope?.name ?? null;
    if (typeKind !== undefined) {
      const name = textOf(child.childForFieldName('name'), context);
      const body = child.childForFieldName('body');
      add(context, { node: child, name, kind: typeKind, container, exported, body });
      if (body !== null) javaLike(body, { name, exported, isInterface: typeKind === 'interface' }, context, rules);
      continue;
    }
    if (child.type === 'field_declaration' || child.type === 'constant_declaration' || child.type === 'event_field_declaration') {
      const isConstant = child.type === 'constant_declaration' || (scope?.isInterface ?? false) || (modifiers.has('static') && modifiers.has('final')) || modifiers.has('const');
      const fields = rules.fieldNames(child, context);
      for (const { name, declarator, value } of fields) {
        // `int a = 1, b = 2;`: each name after the shared modifiers and type.
        add(context, {
          node: child,
          name,
          kind: isConstant ? 'constant' : 'variable',
          container,
          exported,
          signaturePrefix: context.text.slice(child.startIndex, fields[0].declarator.startIndex),
          signatureFrom: declarator.startIndex,
          signatureTo: value?.startIndex ?? declarator.endIndex,
        });
      }
      continue;
    }
    const name = textOf(child.childForFieldName('name'), context);
    const body = child.childForFieldName('body') ?? child.childForFieldName('accessors') ?? children(child).find((node) => node.type === 'accessor_list' || node.type === 'arrow_expression_clause') ?? null;
    add(context, { node: child, name, kind: memberKind!, container, exported, body });
  }
}

// ---------------------------------------------------------------------------
// Kotlin

function kotlinVisible(node: Node, context: Context): boolean {
  const modifiers = children(node).find((child) => child.type === 'modifiers');
  const visibility = children(modifiers ?? null).find((child) => child.type === 'visibility_modifier');
  return visibility === undefined || textOf(visibility, context) === 'public';
}

function kotlin(node: Node, scope: TypeScope | null, context: Context): void {
  for (const child of children(node)) {
    const container = scope?.name ?? null;
    const exported = kotlinVisible(child, context) && (scope === null || scope.exported);
    switch (child.type) {
      case 'class_declaration':
      case 'object_declaration':
      case 'companion_object': {
        const nameNode = children(child).find((part) => part.type === 'type_identifier') ?? null;
        const name = nameNode === null ? (child.type === 'companion_object' ? 'Companion' : '') : textOf(nameNode, context);
        const isInterface = allChildren(child).some((part) => part.type === 'interface');
        const isEnum = children(child).some((part) => part.type === 'enum_class_body');
        const body = children(child).find((part) => part.type === 'class_body' || part.type === 'enum_class_body') ?? null;
        if (child.type === 'companion_object') {
          // Companion members are the class's static API.
          if (body !== null) kotlin(body, scope === null ? null : { ...scope, exported: scope.exported && exported }, context);
          break;
        }
        add(context, { node: child, name, kind: isInterface ? 'interface' : isEnum ? 'enum' : 'class', container, exported, body });
        if (body !== null) kotlin(body, { name, exported, isInterface }, context);
        break;
      }
      case 'function_declaration': {
        const name = textOf(children(child).find((part) => part.type === 'simple_identifier') ?? null, context);
        const body = children(child).find((part) => part.type === 'function_body') ?? null;
        add(context, { node: child, name, kind: scope === null ? 'function' : 'method', container, exported, body });
        break;
      }
      case 'property_declaration': {
        const variable = children(child).find((part) => part.type === 'variable_declaration');
        const name = textOf(children(variable ?? null).find((part) => part.type === 'simple_identifier') ?? null, context);
        const isConst = children(child).some((part) => part.type === 'modifiers' && /\bconst\b/.test(textOf(part, context)));
        const equals = allChildren(child).find((part) => part.type === '=' || part.type === 'property_delegate');
        add(context, { node: child, name, kind: isConst ? 'constant' : 'variable', container, exported, signatureTo: equals?.startIndex ?? child.endIndex });
        break;
      }
      default:
        break;
    }
  }
}

// ---------------------------------------------------------------------------
// C and C++

interface CScope {
  header: boolean;
  /** Inside an anonymous namespace: nothing here is visible to other files. */
  internal: boolean;
}

interface ClassScope {
  name: string;
  access: string;
}

/** The declared name of a declarator chain, and whether it declares a function (not a function pointer). */
function cDeclarator(declarator: Node | null, context: Context): { name: string; scope: string | null; isFunction: boolean } | null {
  let node = declarator;
  let isFunction = false;
  while (node !== null) {
    switch (node.type) {
      case 'function_declarator': {
        const inner = node.childForFieldName('declarator');
        if (inner === null || inner.type === 'parenthesized_declarator') return null;
        isFunction = true;
        node = inner;
        break;
      }
      case 'pointer_declarator':
      case 'reference_declarator':
      case 'attributed_declarator':
      case 'init_declarator':
        node = node.childForFieldName('declarator') ?? children(node).find((child) => child.type.endsWith('declarator') || child.type.endsWith('identifier')) ?? null;
        break;
      case 'qualified_identifier': {
        const name = node.childForFieldName('name');
        if (name !== null && name.type === 'qualified_identifier') {
          node = name;
          break;
        }
        const scope = node.childForFieldName('scope');
        return { name: textOf(name, context), scope: scope === null ? null : textOf(scope, context).replace(/<.*$/s, ''), isFunction };
      }
      case 'template_function':
        return { name: textOf(node.childForFieldName('name'), context), scope: null, isFunction };
      case 'identifier':
      case 'field_identifier':
      case 'destructor_name':
      case 'operator_name':
        return { name: textOf(node, context), scope: null, isFunction };
      default:
        return null;
    }
  }
  return null;
}

function isStatic(node: Node, context: Context): boolean {
  return children(node).some((child) => child.type === 'storage_class_specifier' && textOf(child, context) === 'static');
}

function cLike(node: Node, klass: ClassScope | null, scope: CScope, context: Context): void {
  let access = klass?.access ?? 'public';
  for (const child of children(node)) {
    switch (child.type) {
      case 'access_specifier':
        access = textOf(child, context).replace(/:$/, '').trim();
        break;
      case 'function_definition': {
        const declared = cDeclarator(child.childForFieldName('declarator'), context);
        if (declared === null || !declared.isFunction) break;
        const body = child.childForFieldName('body');
        if (klass !== null) {
          add(context, { node: child, name: declared.name, kind: 'method', container: klass.name, exported: access === 'public' && !scope.internal, body });
        } else {
          add(context, {
            node: child,
            name: declared.name,
            kind: declared.scope === null ? 'function' : 'method',
            container: declared.scope,
            exported: !isStatic(child, context) && !scope.internal,
            body,
          });
        }
        break;
      }
      case 'declaration':
      case 'field_declaration': {
        if (!scope.header) break;
        if (child.type === 'field_declaration' && klass === null) break;
        for (const declarator of child.childrenForFieldName('declarator')) {
          const declared = cDeclarator(declarator, context);
          if (declared === null || !declared.isFunction) continue;
          const exported = (klass === null ? !isStatic(child, context) : access === 'public') && !scope.internal;
          add(context, { node: child, name: declared.name, kind: klass === null ? 'function' : 'method', container: klass?.name ?? null, exported });
        }
        break;
      }
      case 'template_declaration':
        cLike(child, klass, scope, context);
        break;
      case 'namespace_definition': {
        const body = child.childForFieldName('body');
        if (body !== null) cLike(body, null, { ...scope, internal: scope.internal || child.childForFieldName('name') === null }, context);
        break;
      }
      case 'linkage_specification': {
        const body = child.childForFieldName('body');
        if (body !== null) cLike(body.type === 'declaration_list' ? body : child, klass, scope, context);
        break;
      }
      case 'preproc_if':
      case 'preproc_ifdef':
      case 'preproc_else':
      case 'preproc_elif':
      case 'preproc_elifdef':
        cLike(child, klass, scope, context);
        break;
      case 'class_specifier':
      case 'struct_specifier':
      case 'union_specifier':
        cClass(child, scope, context);
        break;
      default:
        break;
    }
    // `class C {...} c;` and `typedef struct {...} T;` wrap the class in a declaration.
    if (child.type === 'declaration' || child.type === 'type_definition') {
      const type = child.childForFieldName('type');
      if (type !== null) cClass(type, scope, context);
    }
  }
}

/** The methods of a C++ class or struct body (C structs have none). */
function cClass(specifier: Node, scope: CScope, context: Context): void {
  if (specifier.type !== 'class_specifier' && specifier.type !== 'struct_specifier' && specifier.type !== 'union_specifier') return;
  const body = specifier.childForFieldName('body');
  const name = specifier.childForFieldName('name');
  if (body === null || name === null) return;
  const access = specifier.type === 'class_specifier' ? 'private' : 'public';
  cLike(body, { name: textOf(name, context).replace(/<.*$/s, ''), access }, scope, context);
}

// ---------------------------------------------------------------------------
// Ruby

const RUBY_VISIBILITY = new Set(['private', 'protected', 'public']);

function ruby(body: Node | null, container: { name: string; exported: boolean } | null, context: Context): void {
  if (body === null) return;
  let visibility = 'public';
  const later: Array<{ name: string; visibility: string }> = [];
  const start = context.out.length;
  const method = (node: Node, forced: string | null) => {
    const name = textOf(node.childForFieldName('name'), context);
    const singleton = node.type === 'singleton_method';
    const exported = (forced ?? visibility) === 'public' && (container === null || container.exported);
    const parameters = node.childForFieldName('parameters');
    const bodyNode = node.childForFieldName('body') ?? children(node).find((child) => child.type === 'body_statement') ?? null;
    const headerEnd = parameters?.endIndex ?? node.childForFieldName('name')?.endIndex ?? node.endIndex;
    add(context, {
      node,
      name,
      kind: container === null && !singleton ? 'function' : 'method',
      container: container?.name ?? null,
      exported,
      body: bodyNode,
      signatureTo: headerEnd,
    });
  };
  for (const child of children(body)) {
    switch (child.type) {
      case 'identifier': {
        const word = textOf(child, context);
        if (RUBY_VISIBILITY.has(word)) visibility = word;
        break;
      }
      case 'call': {
        const name = textOf(child.childForFieldName('method'), context);
        if (!RUBY_VISIBILITY.has(name) || child.childForFieldName('receiver') !== null) break;
        for (const argument of children(child.childForFieldName('arguments'))) {
          if (argument.type === 'method' || argument.type === 'singleton_method') method(argument, name);
          else if (argument.type === 'simple_symbol') later.push({ name: textOf(argument, context).slice(1), visibility: name });
        }
        break;
      }
      case 'method':
      case 'singleton_method':
        method(child, null);
        break;
      case 'class':
      case 'module': {
        const name = textOf(child.childForFieldName('name'), context);
        const exported = container === null || container.exported;
        const inner = child.childForFieldName('body') ?? children(child).find((part) => part.type === 'body_statement') ?? null;
        const superclass = child.childForFieldName('superclass');
        add(context, {
          node: child,
          name,
          kind: child.type === 'class' ? 'class' : 'module',
          container: container?.name ?? null,
          exported,
          body: inner,
          signatureTo: (superclass ?? child.childForFieldName('name'))?.endIndex ?? child.endIndex,
        });
        ruby(inner, { name, exported }, context);
        break;
      }
      case 'singleton_class':
        ruby(child.childForFieldName('body') ?? children(child).find((part) => part.type === 'body_statement') ?? null, container, context);
        break;
      default:
        break;
    }
  }
  // `private :name` after the definition.
  for (const { name, visibility: changed } of later) {
    for (const declaration of context.out.slice(start)) {
      if (declaration.name === name && declaration.container === (container?.name ?? null)) declaration.exported = changed === 'public' && (container === null || container.exported);
    }
  }
}
