import { quote } from './excerpt.js';
import type { CommentUnderReview } from './rules.js';

/** "sooooo" and "!!!!!" pass; one more makes a run. */
const LONGEST_ALLOWED_RUN = 5;

/** One word five times in a row ("spam spam spam spam spam"), read in the folded text, where single spaces separate words. */
const REPEATED_WORD = / ([^ ]+)(?: \1){4,}(?![^ ])/;

/** The first run of one character longer than allowed; whitespace and digits ("1000000") are exempt. */
function characterRun(text: string): { char: string; length: number } | undefined {
  let previous = -1;
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code !== previous) {
      previous = code;
      length = 1;
    } else if (++length > LONGEST_ALLOWED_RUN && !/[\s\d]/.test(text.charAt(index))) {
      let end = index + 1;
      while (text.charCodeAt(end) === code) end++;
      return { char: text.charAt(index), length: length + end - index - 1 };
    }
  }
  return undefined;
}

export function checkRepetition({ body, folded }: CommentUnderReview): string | undefined {
  const run = characterRun(body);
  if (run) return `${quote(run.char)} repeated ${run.length} times`;
  const word = REPEATED_WORD.exec(` ${folded}`);
  if (!word) return undefined;
  const unit = word[1] ?? '';
  return `${quote(unit)} repeated ${word[0].length / (unit.length + 1)} times in a row`;
}
