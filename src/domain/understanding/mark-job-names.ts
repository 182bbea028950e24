/**
 * Job names as an entity for the intent classifier: "how much do vets make" and "how much do
 * welders make" both become "how much do jobname make", in training and when classifying, so the
 * question's frame is learnt once for every one of the ~1,400 jobs the matcher knows. Pure.
 */
import { plainText } from '../occupations/normalise-text.js';
import { replacePhrases } from '../replace-phrases.js';

/** The token that stands for any job name. */
export const JOB_TOKEN = 'jobname';
const JOB = { as: JOB_TOKEN };

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
  const { words, found } = replacePhrases(plainText(text).split(' ').filter(Boolean), (phrase) =>
    names.isNotJobName?.(phrase) ? 'keep' : phrase.length >= 2 && names.isJobName(phrase) ? JOB : undefined,
  );
  return { marked: words.join(' '), found };
}
