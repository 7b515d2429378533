/**
 * trailers-last: a known trailer (`Signed-off-by:`, `Fixes:`, `Change-Id:`, ...)
 * outside the message's final paragraph, or trailers split over two paragraphs.
 */
import { Rule } from '../check/rule';
import { TRAILER_LINE, paragraphs } from '../check/message-text';

const ANY_TRAILER = /^[A-Za-z][A-Za-z0-9-]*:\s+\S/;

export const trailersLast: Rule = {
  meta: {
    id: 'trailers-last',
    description: 'Trailers are not grouped at the end of the message.',
    defaultSeverity: 'warn',
    scope: 'message',
    rationale:
      'Commit practice, "What a commit message must carry" 7: "Machine metadata last, grouped. Trailers such as `Signed-off-by:`, `Reviewed-by:`, `Suggested-by:`, `Reported-by:`, `Fixes:`, `Change-Id:` and bug references go together at the end, after the human text." Tools (`git interpret-trailers`, Gerrit, the kernel\'s scripts) only read the last paragraph.',
  },
  check(commit) {
    const parts = paragraphs(commit.rawMessage);
    if (parts.length < 2) return [];
    const last = parts[parts.length - 1];
    const lastIsTrailers = last.lines.every((line) => ANY_TRAILER.test(line) || /^\s+\S/.test(line));
    const misplaced: Array<{ line: number; key: string }> = [];
    parts.slice(1).forEach((part, index) => {
      const isLast = index === parts.length - 2;
      if (isLast && lastIsTrailers) return;
      part.lines.forEach((text, offset) => {
        if (TRAILER_LINE.test(text)) misplaced.push({ line: part.line + offset, key: text.split(':')[0] });
      });
    });
    if (misplaced.length === 0) return [];
    const first = misplaced[0];
    return [
      {
        message: `${first.key}: on line ${first.line} is not in the trailer block at the end${misplaced.length > 1 ? ` (nor ${misplaced.length - 1} more)` : ''}: group every trailer in the last paragraph, after the human text.`,
      },
    ];
  },
};
