/**
 * refactor-import-order: the same imports of a file reordered or regrouped — one
 * clear positive per language it claims — and the near misses where the order,
 * or the lines, mean something (commit practice, "What the tool must never
 * do"): C includes, Ruby requires, JS side-effect imports, Python imports that
 * bind the same name or `*`, imports moved across a line of code, an import
 * added or moved to another file, and import-looking lines inside strings.
 *
 * A reorder is cross-change (a removal and an addition of the same line), so
 * every case has at least two changes, taken together per file.
 */
import { refactorImportOrder } from '../../heuristics/refactor-import-order';
import { runHeuristicTests } from '../helpers/heuristic-tester';

const reordered = { kind: 'refactor' as const, detail: 'import-order', messageId: 'reordered', heuristic: 'refactor-import-order' };

runHeuristicTests(refactorImportOrder, {
  valid: [
    { name: 'C: #include order can change the program', path: 'x.c', before: '#include <stdio.h>\n#include "config.h"\n\nint x;\n', after: '#include "config.h"\n#include <stdio.h>\n\nint x;\n' },
    { name: 'C++: #include order can change the program', path: 'x.cpp', before: '#include <vector>\n#include "compat.h"\n\nint x;\n', after: '#include "compat.h"\n#include <vector>\n\nint x;\n' },
    { name: 'Python: an import added while the others are reordered', path: 'x.py', before: 'import sys\nimport os\n\nx = 1\n', after: 'import os\nimport re\nimport sys\n\nx = 1\n' },
    { name: 'Python: an import removed while the others are reordered', path: 'x.py', before: 'import sys\nimport re\nimport os\n\nx = 1\n', after: 'import os\nimport sys\n\nx = 1\n' },
    {
      name: 'Python: an import moved across a line of code (patching before the import)',
      path: 'x.py',
      before: 'import a_mod\nimport c_mod\nsetup_path()\nimport b_mod\nimport d_mod\n\nx = 1\n',
      after: 'import c_mod\nsetup_path()\nimport b_mod\nimport a_mod\nimport d_mod\n\nx = 1\n',
    },
    {
      name: 'Python: an import moved below a function, in another hunk',
      path: 'x.py',
      before: 'import a_mod\nimport c_mod\n\n\ndef f():\n    pass\n\n\n\n\n\n\n\nimport b_mod\n',
      after: 'import c_mod\n\n\ndef f():\n    pass\n\n\n\n\n\n\n\nimport b_mod\nimport a_mod\n',
    },
    { name: 'Python: two imports binding the same name swapped (the later one wins)', path: 'x.py', before: 'from json import loads\nfrom simplejson import loads\n\nx = loads("1")\n', after: 'from simplejson import loads\nfrom json import loads\n\nx = loads("1")\n' },
    { name: 'Python: a star import moved (it shadows names imported before it)', path: 'x.py', before: 'from os.path import *\nfrom mylib import join\n\nx = join("a", "b")\n', after: 'from mylib import join\nfrom os.path import *\n\nx = join("a", "b")\n' },
    { name: 'Python: import lines inside a string are data', path: 'x.py', before: 'EXAMPLE = """\nimport sys\nimport os\n"""\n', after: 'EXAMPLE = """\nimport os\nimport sys\n"""\n' },
    { name: 'JS: a side-effect import moved (polyfills load after the app)', path: 'x.js', before: "import './polyfills';\nimport app from './app';\n\napp();\n", after: "import app from './app';\nimport './polyfills';\n\napp();\n" },
    { name: 'JS: import lines inside a template literal are data', path: 'x.js', before: "const source = `\nimport b from 'b';\nimport a from 'a';\n`;\n", after: "const source = `\nimport a from 'a';\nimport b from 'b';\n`;\n" },
    { name: 'Go: lines inside a raw string are data', path: 'x.go', before: 'package p\n\nvar src = `\n"os"\n"fmt"\n`\n', after: 'package p\n\nvar src = `\n"fmt"\n"os"\n`\n' },
    { name: 'Ruby: require runs the file, which may patch what a later one uses', path: 'x.rb', before: "require 'json'\nrequire 'oj_patch'\n\nputs 1\n", after: "require 'oj_patch'\nrequire 'json'\n\nputs 1\n" },
    {
      name: 'an import moved from one file to another is not a reorder',
      files: [
        { path: 'a.py', before: 'import sys\nimport os\n', after: 'import os\n' },
        { path: 'b.py', before: 'import re\n', after: 'import re\nimport sys\n' },
      ],
    },
  ],
  invalid: [
    {
      name: 'Python: imports reordered',
      path: 'x.py',
      before: 'import sys\nimport os\nfrom collections import OrderedDict\n\n\ndef main():\n    return os.getcwd()\n',
      after: 'import os\nimport sys\nfrom collections import OrderedDict\n\n\ndef main():\n    return os.getcwd()\n',
      expect: [reordered, reordered],
    },
    {
      name: 'JS: imports reordered',
      path: 'x.js',
      before: "import zlib from 'zlib';\nimport fs from 'fs';\nimport path from 'path';\n\nexport const x = 1;\n",
      after: "import fs from 'fs';\nimport path from 'path';\nimport zlib from 'zlib';\n\nexport const x = 1;\n",
      expect: [reordered, reordered],
    },
    {
      name: 'TypeScript: named imports reordered',
      path: 'x.ts',
      before: "import { b } from './b';\nimport { a } from './a';\n\nexport const x = a + b;\n",
      after: "import { a } from './a';\nimport { b } from './b';\n\nexport const x = a + b;\n",
      expect: [reordered, reordered],
    },
    {
      name: 'Go: an import block reordered',
      path: 'x.go',
      before: 'package main\n\nimport (\n\t"os"\n\t"fmt"\n\t"strings"\n)\n\nfunc main() {\n\tfmt.Println(strings.ToUpper(os.Args[0]))\n}\n',
      after: 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\t"strings"\n)\n\nfunc main() {\n\tfmt.Println(strings.ToUpper(os.Args[0]))\n}\n',
      expect: [reordered, reordered],
    },
    {
      name: 'Java: imports regrouped with a blank line',
      path: 'X.java',
      before: 'package p;\n\nimport java.util.List;\nimport com.acme.Widget;\nimport java.util.Map;\n\nclass X {}\n',
      after: 'package p;\n\nimport com.acme.Widget;\n\nimport java.util.List;\nimport java.util.Map;\n\nclass X {}\n',
      expect: [reordered, reordered],
    },
    {
      name: 'Kotlin: imports reordered',
      path: 'x.kt',
      before: 'package p\n\nimport kotlin.math.max\nimport kotlin.io.println\n\nfun f() = max(1, 2)\n',
      after: 'package p\n\nimport kotlin.io.println\nimport kotlin.math.max\n\nfun f() = max(1, 2)\n',
      expect: [reordered, reordered],
    },
    {
      name: 'Rust: use declarations reordered',
      path: 'x.rs',
      before: 'use std::io;\nuse std::collections::HashMap;\n\nfn main() {}\n',
      after: 'use std::collections::HashMap;\nuse std::io;\n\nfn main() {}\n',
      expect: [reordered, reordered],
    },
    {
      name: 'C#: using directives reordered',
      path: 'X.cs',
      before: 'using System.Text;\nusing System.IO;\n\nclass X {}\n',
      after: 'using System.IO;\nusing System.Text;\n\nclass X {}\n',
      expect: [reordered, reordered],
    },
    {
      name: 'PHP: use statements reordered',
      path: 'x.php',
      before: '<?php\nuse App\\Models\\User;\nuse App\\Http\\Request;\n\n$x = 1;\n',
      after: '<?php\nuse App\\Http\\Request;\nuse App\\Models\\User;\n\n$x = 1;\n',
      expect: [reordered, reordered],
    },
    {
      name: 'Swift: imports reordered',
      path: 'x.swift',
      before: 'import UIKit\nimport Foundation\n\nlet x = 1\n',
      after: 'import Foundation\nimport UIKit\n\nlet x = 1\n',
      expect: [reordered, reordered],
    },
  ],
});
