/**
 * Writing POSIX sh safely: quoting words, embedding arbitrary bytes, and
 * comments that cannot end early. File names never reach a command line in the
 * generated scripts (they live only inside embedded patches), but they do reach
 * comments, and a newline in a comment would start a command.
 */
import { isUtf8 } from 'node:buffer';

/** Quotes a word for sh when it needs it: `'...'`, with `'` written as `'\''`. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(text) && !text.startsWith('-') ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Text safe on one comment line: control characters (newline, CR, ESC, ...) become escapes such as `\n`. */
export function commentText(text: string): string {
  const names: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1f\x7f\u0085\u2028\u2029]/g, (char) => names[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Lines `# text` for each line of `text`, each made comment-safe. */
export function commentLines(text: string, indent = ''): string[] {
  return text.split('\n').map((line) => `#${indent === '' && line === '' ? '' : ' '}${indent}${commentText(line)}`.replace(/ +$/, ''));
}

/**
 * A sh snippet that writes `data` to the file named by `target` (a quoted sh
 * expression such as `"$work/1.patch"`), byte for byte. A here-document with a
 * quoted delimiter (no expansion at all) when the bytes allow it: valid UTF-8
 * (so the script stays one encoding), no NUL, a final newline, and no line equal
 * to the delimiter. Otherwise `printf` with octal escapes, which is plain ASCII.
 */
export function embedBytes(target: string, data: Buffer): string {
  if (data.length === 0) return `: >${target}\n`;
  if (isUtf8(data) && !data.includes(0) && data[data.length - 1] === 0x0a) {
    const text = data.toString('utf8');
    const lines = new Set(text.split('\n'));
    let delimiter = 'SPLIT_ADVISOR_EOF';
    for (let n = 1; lines.has(delimiter); n++) delimiter = `SPLIT_ADVISOR_EOF_${n}`;
    return `cat >${target} <<'${delimiter}'\n${text}${delimiter}\n`;
  }
  const out = [`: >${target}`];
  for (let start = 0; start < data.length; start += 48) out.push(`printf '${octalFormat(data.subarray(start, start + 48))}' >>${target}`);
  return out.join('\n') + '\n';
}

/** A printf format that prints exactly these bytes: printable ASCII as is, the rest (and ', \\, %) as octal escapes. */
export function octalFormat(data: Buffer): string {
  let format = '';
  data.forEach((byte, index) => {
    // A format starting with '-' is read as an option by some printf (dash: "Illegal option -d").
    const plain = byte >= 0x20 && byte < 0x7f && byte !== 0x27 && byte !== 0x5c && byte !== 0x25 && !(index === 0 && byte === 0x2d);
    format += plain ? String.fromCharCode(byte) : `\\${byte.toString(8).padStart(3, '0')}`;
  });
  return format;
}
