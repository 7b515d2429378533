import { areaOf, printableName } from '../src/area';

describe('areaOf names the area of a commit subject', () => {
  test.each([
    { files: ['src/parser.ts'], area: 'parser' },
    { files: ['nova/virt/a.py', 'nova/virt/b.py'], area: 'nova/virt' },
    { files: ['src/a.ts', 'src/b.ts'], area: 'src' },
    { files: ['lib/x.c', 'docs/y.md'], area: 'docs, lib' },
    { files: ['a/x', 'b/y', 'c/z'], area: 'treewide' },
    { files: [], area: 'treewide' },
    // A file name with a newline must not break the subject into two lines.
    { files: ['dir/new\nline.txt'], area: 'new\\nline' },
    { files: ['tab\there/a.c', 'tab\there/b.c'], area: 'tab\\there' },
  ])('$files → $area', ({ files, area }) => {
    expect(areaOf(files)).toBe(area);
    expect(areaOf(files)).not.toMatch(/[\n\r\t]/);
  });
});

describe('printableName', () => {
  test.each([
    ['plain/path.ts', 'plain/path.ts'],
    ['a\nb', 'a\\nb'],
    ['bell\u0007', 'bell\\u0007'],
    ['del\u007f', 'del\u007f'.replace('\u007f', '\\u007f')],
    ['ünïcode.md', 'ünïcode.md'],
  ])('%j → %j', (name, printable) => {
    expect(printableName(name)).toBe(printable);
  });
});
