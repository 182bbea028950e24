/**
 * Reads and checks what the understanding step needs (data/understanding/): the intents and their
 * priorities, the utterance corpus, the answer words and the glossary; then trains the classifier.
 * Any problem stops start-up with a DataFileError naming the file and the JSON path.
 */
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_DIR } from '../config.js';
import { answerWordsSchema, compileAnswerWords, type AnswerWords } from '../domain/answer-words.js';
import { frameWords, jobQuestionWordsSchema } from '../domain/understanding/job-subject.js';
import { glossaryIndex, glossarySchema, type GlossaryTerm } from '../domain/understanding/glossary.js';
import { IntentClassifier } from '../domain/understanding/intent-classifier.js';
import { JOB_TOKEN, markJobNames, type JobNames } from '../domain/understanding/mark-job-names.js';
import type { IntentCorpus, IntentDef } from '../domain/understanding/intent-types.js';
import { fileModelCache } from './model-cache.js';
import { parseWithSchema } from './parse-with-schema.js';
import { DataFileError, readJsonFile } from './read-json-file.js';

export const UNDERSTANDING_DIR = path.join(PROJECT_DIR, 'data/understanding');

const speaker = z.enum(['student', 'family', 'counselor', 'none']);
const intentsSchema = z.object({
  about: z.string().optional(),
  intents: z
    .array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), priority: z.number().int().min(0).max(1000), roles: z.array(speaker).min(1), meaning: z.string().optional() }))
    .min(1),
});
const corpusSchema = z.object({ about: z.string().optional(), intents: z.record(z.array(z.string().min(1).max(300)).min(5)) });

export interface UnderstandingData {
  intents: IntentDef[];
  corpus: IntentCorpus;
  answerWords: AnswerWords;
  glossary: { name: string; term: GlossaryTerm }[];
  /** Words that frame a job question ("how much do ... make"), taken out before the job is looked up. */
  jobFrame: ReadonlySet<string>;
  /** Job names that, said to Waypoint, mean something else ("counselor"): never the job entity. */
  notJobNames: ReadonlySet<string>;
  /** How a message offering an interest starts ("something with", "what about"). */
  interestLeads: readonly string[];
}

export async function loadUnderstandingData(dir = UNDERSTANDING_DIR, lang = 'en'): Promise<UnderstandingData> {
  const files = {
    intents: path.join(dir, 'intents.json'),
    corpus: path.join(dir, `corpus-${lang}.json`),
    answers: path.join(dir, `answer-words-${lang}.json`),
    glossary: path.join(dir, `glossary-${lang}.json`),
    jobWords: path.join(dir, `job-question-words-${lang}.json`),
  };
  const [intentsJson, corpusJson, answersJson, glossaryJson, jobWordsJson] = await Promise.all(Object.values(files).map((f) => readJsonFile(f)));
  const { intents } = parseWithSchema(intentsSchema, intentsJson, files.intents);
  const ids = new Set<string>();
  intents.forEach((d, i) => {
    if (ids.has(d.id)) throw new DataFileError(files.intents, `$.intents[${i}].id "${d.id}" is listed twice`);
    ids.add(d.id);
  });
  const corpus = parseWithSchema(corpusSchema, corpusJson, files.corpus).intents;
  for (const id of Object.keys(corpus)) {
    if (!ids.has(id)) throw new DataFileError(files.corpus, `$.intents.${id} is not an intent of ${path.basename(files.intents)}`);
  }
  for (const id of ids) {
    if (!corpus[id]) throw new DataFileError(files.corpus, `$.intents.${id} is missing (every intent needs utterances)`);
  }
  return {
    intents: intents.map(({ id, priority, roles }) => ({ id, priority, roles })),
    corpus,
    answerWords: compileAnswerWords(parseWithSchema(answerWordsSchema, answersJson, files.answers)),
    glossary: glossaryIndex(parseWithSchema(glossarySchema, glossaryJson, files.glossary)),
    ...((jobWords) => ({ jobFrame: frameWords(jobWords), notJobNames: new Set(jobWords.notJobNames.map((w) => w.toLowerCase())), interestLeads: jobWords.interestLeads.map((w) => w.toLowerCase()) }))(
      parseWithSchema(jobQuestionWordsSchema, jobWordsJson, files.jobWords),
    ),
  };
}

/** Loads the data and trains the classifier (a few hundred milliseconds at start-up); job names become one entity token. */
export async function loadUnderstanding(
  jobNames: JobNames,
  dir = UNDERSTANDING_DIR,
): Promise<UnderstandingData & { classifier: IntentClassifier; hasJobName: (text: string) => boolean }> {
  const data = await loadUnderstandingData(dir);
  const names: JobNames = { isJobName: (w) => !data.notJobNames.has(w) && jobNames.isJobName(w) };
  return {
    ...data,
    classifier: await IntentClassifier.train(data.intents, data.corpus, (t) => markJobNames(t, names), fileModelCache()),
    hasJobName: (t) => markJobNames(t, names).split(' ').includes(JOB_TOKEN),
  };
}
