/**
 * Commit messages: splitting one into subject, body and trailers, and putting one
 * back together. Trailers are the `Key: value` lines of the last paragraph
 * (commit practice: machine metadata last, grouped).
 */
import { CommitMessage } from './model';

const TRAILER = /^([A-Za-z][A-Za-z0-9-]*):\s+(.+)$/;

/** Splits a message into subject (first paragraph, joined), body, and trailers. */
export function parseCommitMessage(text: string): CommitMessage {
  const lines = text.replace(/\r\n/g, '\n').replace(/\s+$/, '').split('\n');
  let firstBlank = lines.findIndex((line) => line.trim() === '');
  if (firstBlank < 0) firstBlank = lines.length;
  const subject = lines.slice(0, firstBlank).join(' ').trim();
  const rest = lines.slice(firstBlank + 1);
  // The trailer block is the last paragraph, when every line in it is `Key: value`
  // (or a continuation line starting with whitespace).
  let lastBlank = -1;
  for (let k = rest.length - 1; k >= 0; k--) {
    if (rest[k].trim() === '') {
      lastBlank = k;
      break;
    }
  }
  const lastParagraph = rest.slice(lastBlank + 1);
  const trailers: Array<{ key: string; value: string }> = [];
  const isTrailerBlock =
    lastParagraph.length > 0 &&
    TRAILER.test(lastParagraph[0]) &&
    lastParagraph.every((line) => TRAILER.test(line) || /^\s+\S/.test(line));
  let bodyLines = rest;
  if (isTrailerBlock) {
    for (const line of lastParagraph) {
      const match = TRAILER.exec(line);
      if (match) trailers.push({ key: match[1], value: match[2].trim() });
      else if (trailers.length > 0) trailers[trailers.length - 1].value += ' ' + line.trim();
    }
    bodyLines = rest.slice(0, Math.max(lastBlank, 0));
  }
  return { subject, body: bodyLines.join('\n').trim(), trailers };
}

/** Joins subject, body and trailers into a message, one blank line between the parts. */
export function formatCommitMessage(message: CommitMessage): string {
  const parts = [message.subject];
  if (message.body.trim() !== '') parts.push(message.body.trim());
  if (message.trailers.length > 0) parts.push(message.trailers.map((trailer) => `${trailer.key}: ${trailer.value}`).join('\n'));
  return parts.join('\n\n');
}
