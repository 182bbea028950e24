/**
 * Job names as an entity for the intent classifier: "how much do vets make" and "how much do
 * welders make" both become "how much do jobname make", in training and when classifying, so the
 * question's frame is learnt once for every one of the ~1,400 jobs the matcher knows. Pure.
 */
import { plainText } from '../occupations/normalise-text.js';

/** The token that stands for any job name. */
export const JOB_TOKEN = 'jobname';
const LONGEST = 4;

export interface JobNames {
  /** Whether these words (plain, lower case) are a job's title or other name, or a word for a family of jobs ("doctor"). */
  isJobName(words: string): boolean;
  /** Words that hold a job's name but mean someone else ("maestro de mi hijo"): none of them is a job. */
  isNotJobName?(words: string): boolean;
}

/** The text with each job name it holds (longest first) replaced by JOB_TOKEN. */
export function markJobNames(text: string, names: JobNames): string {
  return readJobNames(text, names).marked;
}

/** The job names the text holds, longest first at each place ("can my son be a vet tech" -> ["vet tech"]). */
export function jobNamesIn(text: string, names: JobNames): string[] {
  return readJobNames(text, names).found;
}

function readJobNames(text: string, names: JobNames): { marked: string; found: string[] } {
  const tokens = plainText(text).split(' ').filter(Boolean);
  const out: string[] = [];
  const found: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let taken = 0;
    let blocked = 0;
    for (let n = Math.min(LONGEST, tokens.length - i); n >= 1 && taken === 0 && blocked === 0; n--) {
      const phrase = tokens.slice(i, i + n).join(' ');
      if (names.isNotJobName?.(phrase)) blocked = n;
      else if (phrase.length >= 2 && names.isJobName(phrase)) taken = n;
    }
    if (blocked > 0) {
      out.push(...tokens.slice(i, i + blocked));
      i += blocked;
    } else if (taken > 0) {
      found.push(tokens.slice(i, i + taken).join(' '));
      out.push(JOB_TOKEN);
      i += taken;
    } else out.push(tokens[i++]!);
  }
  return { marked: out.join(' '), found };
}
