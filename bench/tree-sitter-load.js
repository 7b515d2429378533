#!/usr/bin/env node
/**
 * How long the tree-sitter SyntaxService takes: runtime start plus one grammar,
 * and parsing (tokens and declarations) a ~20 KB file, each language in a fresh
 * process. Then every grammar loaded in one process, by one call per language
 * (each load waits for V8 compiling the previous grammars' hot code) and by a
 * single call (all loads before any parse).
 *
 *   npm run build && node bench/tree-sitter-load.js [language ids...]
 *
 * Node options given to this script (e.g. --liftoff-only) are passed on to the
 * child processes. Plain JS on the built output: tsconfig.build.json does not
 * compile bench/.
 */
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const DIST = path.join(__dirname, '..', 'dist', 'src', 'syntax', 'tree-sitter.js');
const TARGET = 20 * 1024;

/** head + body (with %N replaced by a counter) repeated to ~20 KB + tail: valid code in each language. */
const SAMPLES = {
  c: ['#include <stdio.h>\n', 'static int f%N(int a, char **b) {\n  /* sum */\n  int s = 0;\n  for (int i = 0; i < a; i++) s += b[i][0];\n  printf("%d items\\n", s);\n  return s;\n}\n\n', ''],
  cpp: ['#include <vector>\n', 'namespace n%N {\nclass C {\npublic:\n  int m(int x) const { return x << 2; } // shift\nprivate:\n  std::vector<int> v_;\n};\n}\n\n', ''],
  csharp: ['using System;\n', 'public class C%N {\n  public int F;\n  // field\n  public string M(int x) { return $"x is {x}"; }\n  private void N() { var s = "a b"; }\n}\n\n', ''],
  java: ['package p;\n', 'class A%N extends B {\n  public int field = 1;\n  /** doc */\n  public String m(int x) { return "x " + x++; }\n  private void n() {}\n}\n\n', ''],
  kotlin: ['package p\n', 'class A%N {\n    fun m(x: Int): Int = x + 1 // add\n    private fun n(s: String) = "a $s b"\n    val list = listOf(1, 2, 3)\n}\n\n', ''],
  go: ['package main\n\n', '// F%N does things\nfunc F%N(a int, b string) (int, error) {\n\tx := a\n\tx++\n\treturn x, fmt.Errorf("bad %s", b)\n}\n\n', ''],
  rust: ['', '/// doc\npub fn f%N(x: i32) -> i32 {\n    let s = "a b";\n    x + s.len() as i32 // sum\n}\nimpl S%N { fn g(&self) -> bool { self.0 >= 1 } }\n\n', ''],
  swift: ['', 'public func f%N(x: Int) -> Int {\n    let s = "a \\(x) b" // interp\n    return x + s.count\n}\n\n', ''],
  python: ['import os\n\n', 'class C%N(Base):\n    """Doc."""\n\n    def m(self, x, *args, **kw) -> int:\n        # comment\n        return f"{x} items" if x else os.sep\n\n\n', ''],
  ruby: ['', 'class C%N < Base\n  # comment\n  def m(a, b = 1)\n    "#{a} and #{b}".upcase if a =~ /x y/\n  end\nend\n\n', ''],
  shell: ['#!/bin/sh\n', 'f%N() {\n  # comment\n  echo "a $1 b" \'c d\' | grep -v x >/dev/null 2>&1\n  [ -n "$x" ] && x=$((x + 1))\n}\n\n', ''],
  php: ['<?php\n', 'function f%N($a) {\n  // comment\n  return $a . "x $a" . strlen(\'a b\');\n}\nclass C%N { public function m() { return $this->x ?? null; } }\n\n', ''],
  css: ['', '.c%N > a:hover, #id%N {\n  color: red; /* c */\n  content: "a b";\n  margin: 0 auto 1px;\n}\n\n', ''],
  json: ['[\n', '  {"name%N": "a b", "list": [1, 2.5, true, null], "nested": {"k": "v"}},\n', '  {}\n]\n'],
  html: ['<!DOCTYPE html>\n<html><body>\n', '<div class="c%N d" id="x%N">text here <b>bold</b><!-- c --></div>\n<p>more &amp; more</p>\n', '</body></html>\n'],
  toml: ['', '[table%N]\nkey = "a b" # c\nlist = [1, 2, 3]\nnested.k = { a = 1, b = true }\n\n', ''],
  scala: ['package p\n', 'object O%N {\n  def f(x: Int): Int = x + 1 // add\n  val s = s"a $x b"\n}\n\n', ''],
  dart: ['', 'class A%N {\n  final int x;\n  A%N(this.x);\n  int get y => x + 1; // add\n  String s() => \'a $x b\';\n}\n\n', ''],
  elixir: ['', 'defmodule M%N do\n  # comment\n  def f(x), do: x + 1\n  defp g(x) when x > 0, do: "a #{x} b"\nend\n\n', ''],
  lua: ['', 'local function f%N(a, b)\n  -- comment\n  return a .. "a b" .. tostring(b)\nend\n\n', ''],
  yaml: ['', 'key%N: "a b"\nlist%N:\n  - 1\n  - two # c\n', ''],
};

function sample(id) {
  const [head, body, tail] = SAMPLES[id];
  let text = head;
  for (let k = 0; text.length < TARGET; k++) text += body.replace(/%N/g, String(k));
  return text + tail;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function one(id) {
  const t0 = performance.now();
  const { loadTreeSitter } = require(DIST);
  const t1 = performance.now();
  const service = await loadTreeSitter([id]);
  const t2 = performance.now();
  if (!service.languages.has(id)) return { id, require: t1 - t0, load: t2 - t1, unavailable: service.unavailable.get(id) };
  const text = sample(id);
  const first = service.parse(id, `x.${id}`, text);
  const t3 = performance.now();
  const warm = [];
  for (let k = 0; k < 5; k++) {
    const start = performance.now();
    service.parse(id, `x.${id}`, text);
    warm.push(performance.now() - start);
  }
  const tokens = first.lines.reduce((sum, line) => sum + line.tokens.length, 0);
  return {
    id,
    require: t1 - t0,
    load: t2 - t1,
    firstParse: t3 - t2,
    warmParse: median(warm),
    size: text.length,
    tokens,
    declarations: first.declarations.length,
    hasErrors: first.hasErrors,
  };
}

async function all(ids) {
  const { loadTreeSitter } = require(DIST);
  const steps = [];
  const start = performance.now();
  for (const id of ids) {
    const before = performance.now();
    await loadTreeSitter([id]);
    steps.push(`${id} ${(performance.now() - before).toFixed(0)}`);
  }
  return { total: performance.now() - start, steps };
}

async function together(ids) {
  const { loadTreeSitter } = require(DIST);
  const start = performance.now();
  const service = await loadTreeSitter(ids);
  return { total: performance.now() - start, loaded: service.languages.size };
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--one') return console.log(JSON.stringify(await one(args[1])));
  if (args[0] === '--all') return console.log(JSON.stringify(await all(args.slice(1))));
  if (args[0] === '--together') return console.log(JSON.stringify(await together(args.slice(1))));
  const ids = args.length > 0 ? args : Object.keys(SAMPLES);
  const run = (extra) => JSON.parse(execFileSync(process.execPath, [...process.execArgv, __filename, ...extra], { encoding: 'utf8' }));
  const ms = (value) => (value === undefined ? '' : value.toFixed(1)).padStart(8);
  console.log(`node ${process.version} ${process.execArgv.join(' ')}`);
  console.log(`${'language'.padEnd(10)} ${'require'.padStart(8)} ${'init+load'.padStart(9)} ${'1st parse'.padStart(9)} ${'warm'.padStart(8)}   size  tokens decls errors`);
  for (const id of ids) {
    const r = run(['--one', id]);
    if (r.unavailable !== undefined) {
      console.log(`${id.padEnd(10)} ${ms(r.require)} ${ms(r.load)}  unavailable: ${r.unavailable}`);
      continue;
    }
    console.log(`${id.padEnd(10)} ${ms(r.require)} ${ms(r.load)} ${ms(r.firstParse)} ${ms(r.warmParse)} ${String(r.size).padStart(6)} ${String(r.tokens).padStart(7)} ${String(r.declarations).padStart(5)} ${r.hasErrors}`);
  }
  const sequence = run(['--all', ...ids]);
  console.log(`\nall ${ids.length} loaded in one process, one call each: ${sequence.total.toFixed(0)} ms (${sequence.steps.join(', ')})`);
  const joint = run(['--together', ...ids]);
  console.log(`all ${ids.length} loaded in one call: ${joint.total.toFixed(0)} ms (${joint.loaded} usable)`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
