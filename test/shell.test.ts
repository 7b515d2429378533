/**
 * octalFormat: the printf formats the generated scripts write data with must print
 * exactly the bytes given, whatever they are, under a strict POSIX sh (dash).
 */
import { spawnSync } from 'node:child_process';
import { octalFormat } from '../src/render/shell';

describe('octalFormat', () => {
  it.each([
    ['a leading dash (dash printf would read an option)', Buffer.from('-d old line\n')],
    ['quotes, backslash and percent', Buffer.from("it's 100% \\ done\n")],
    ['non-UTF-8 bytes and control characters', Buffer.from([0xe9, 0x00, 0x0a, 0x1b, 0x7f])],
  ])('prints %s exactly', (_name, data) => {
    const result = spawnSync('sh', ['-c', `printf '${octalFormat(data)}'`]);
    expect(result.status).toBe(0);
    expect(Buffer.compare(result.stdout, data)).toBe(0);
  });
});
