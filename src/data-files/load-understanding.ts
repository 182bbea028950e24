/**
 * Reads and checks what the understanding step needs (data/understanding/): the intents and their
 * priorities, the utterance corpus, the answer words and the glossary; then trains the classifier.
 * Spanish sits beside English: corpus-es.json trains Spanish models (used when the turn is in
 * Spanish), answer-words-es.json adds to the English answer words (either language is read in
 * any turn), job-question-words-es.json adds Spanish frame words (taken out in Spanish turns only).
 * Any problem stops start-up with a DataFileError naming the file and the JSON path.
 */
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_DIR } from '../config.js';
import { ANSWER_KINDS, answerWordsSchema, compileAnswerWords, type AnswerWords, type AnswerWordsFile } from '../domain/answer-words.js';
import { currentLanguage } from '../i18n/language.js';
import { frameWords, jobQuestionWordsSchema } from '../domain/understanding/job-subject.js';
import { glossaryIndex, glossarySchema, type GlossaryTerm } from '../domain/understanding/glossary.js';
import { IntentClassifier, type OtherCorpora } from '../domain/understanding/intent-classifier.js';
import { DangerPhrases, dangerPhrasesSchema } from '../domain/understanding/danger-phrases.js';
import { SpanishJobNames, spanishJobNamesSchema } from '../domain/occupations/spanish-job-names.js';
import { JOB_TOKEN, markJobNames, type JobNames } from '../domain/understanding/mark-job-names.js';
import type { IntentCorpus, IntentDef } from '../domain/understanding/intent-types.js';
import { fileModelCache } from './model-cache.js';
import { parseWithSchema } from './parse-with-schema.js';
import { DataFileError, readJsonFile } from './read-json-file.js';
import { existsSync } from 'node:fs';

export const UNDERSTANDING_DIR = path.join(PROJECT_DIR, 'data/understanding');
/** The glossary's Spanish answers (same form as glossary-en.json, terms matched by id), when there are any. */
export const SPANISH_GLOSSARY = path.join(PROJECT_DIR, 'data/es/understanding/glossary.json');
/** Spanish names of common jobs. */
export const SPANISH_JOB_NAMES = path.join(PROJECT_DIR, 'data/es/occupation-names.json');

const speaker = z.enum(['student', 'family', 'counselor', 'none']);
const intentsSchema = z.object({
  about: z.string().optional(),
  intents: z
    .array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), priority: z.number().int().min(0).max(1000), roles: z.array(speaker).min(1), beforeWeMeet: z.boolean().optional(), meaning: z.string().optional() }))
    .min(1),
});
const corpusSchema = z.object({ about: z.string().optional(), intents: z.record(z.array(z.string().min(1).max(300)).min(5)) });

export interface UnderstandingData {
  intents: IntentDef[];
  /** The English utterances. */
  corpus: IntentCorpus;
  /** The utterances of the other languages (Spanish), each trained into its own models. */
  otherCorpora: OtherCorpora;
  answerWords: AnswerWords;
  glossary: { name: string; term: GlossaryTerm }[];
  /** Words that frame a job question ("how much do ... make"), taken out before the job is looked up. */
  jobFrame: ReadonlySet<string>;
  /** Job names that, said to Waypoint, mean something else ("counselor"): never the job entity. */
  notJobNames: ReadonlySet<string>;
  /** How a message offering an interest starts ("something with", "what about"). */
  interestLeads: readonly string[];
  /** Words that on their own mean danger, whatever the classifier reads (danger-phrases.json). */
  dangerPhrases: DangerPhrases;
  /** Spanish names of common jobs and the English words our data knows them by (data/es/occupation-names.json). */
  spanishJobNames: SpanishJobNames;
}

export async function loadUnderstandingData(dir = UNDERSTANDING_DIR, lang = 'en', esGlossary = SPANISH_GLOSSARY): Promise<UnderstandingData> {
  const files = {
    intents: path.join(dir, 'intents.json'),
    corpus: path.join(dir, `corpus-${lang}.json`),
    answers: path.join(dir, `answer-words-${lang}.json`),
    glossary: path.join(dir, `glossary-${lang}.json`),
    jobWords: path.join(dir, `job-question-words-${lang}.json`),
    esCorpus: path.join(dir, 'corpus-es.json'),
    esAnswers: path.join(dir, 'answer-words-es.json'),
    esJobWords: path.join(dir, 'job-question-words-es.json'),
    danger: path.join(dir, 'danger-phrases.json'),
    esJobNames: SPANISH_JOB_NAMES,
  };
  const [intentsJson, corpusJson, answersJson, glossaryJson, jobWordsJson, esCorpusJson, esAnswersJson, esJobWordsJson, dangerJson, esJobNamesJson] = await Promise.all(
    Object.values(files).map((f) => readJsonFile(f)),
  );
  const { intents } = parseWithSchema(intentsSchema, intentsJson, files.intents);
  const ids = new Set<string>();
  intents.forEach((d, i) => {
    if (ids.has(d.id)) throw new DataFileError(files.intents, `$.intents[${i}].id "${d.id}" is listed twice`);
    ids.add(d.id);
  });
  const corpus = checkedCorpus(corpusJson, files.corpus, ids, files.intents);
  const esCorpus = checkedCorpus(esCorpusJson, files.esCorpus, ids, files.intents);
  const jobWords = parseWithSchema(jobQuestionWordsSchema, jobWordsJson, files.jobWords);
  const esJobWords = parseWithSchema(jobQuestionWordsSchema, esJobWordsJson, files.esJobWords);
  const lower = (list: readonly string[]) => list.map((w) => w.toLowerCase());
  const es = existsSync(esGlossary) ? parseWithSchema(glossarySchema, await readJsonFile(esGlossary), esGlossary) : undefined;
  return {
    intents: intents.map(({ id, priority, roles, beforeWeMeet }) => ({ id, priority, roles, ...(beforeWeMeet ? { beforeWeMeet } : {}) })),
    corpus,
    otherCorpora: { es: esCorpus },
    answerWords: compileAnswerWords(
      bothAnswerWords(parseWithSchema(answerWordsSchema, answersJson, files.answers), parseWithSchema(answerWordsSchema, esAnswersJson, files.esAnswers)),
    ),
    glossary: glossaryIndex(parseWithSchema(glossarySchema, glossaryJson, files.glossary), es ? { es } : {}),
    jobFrame: new TurnLanguageWords(frameWords(jobWords), frameWords(esJobWords)),
    notJobNames: new Set(lower([...jobWords.notJobNames, ...esJobWords.notJobNames])),
    interestLeads: [...new Set(lower([...jobWords.interestLeads, ...esJobWords.interestLeads]))],
    dangerPhrases: new DangerPhrases(parseWithSchema(dangerPhrasesSchema, dangerJson, files.danger)),
    spanishJobNames: new SpanishJobNames(parseWithSchema(spanishJobNamesSchema, esJobNamesJson, files.esJobNames)),
  };
}

function checkedCorpus(json: unknown, file: string, ids: ReadonlySet<string>, intentsFile: string): IntentCorpus {
  const corpus = parseWithSchema(corpusSchema, json, file).intents;
  for (const id of Object.keys(corpus)) {
    if (!ids.has(id)) throw new DataFileError(file, `$.intents.${id} is not an intent of ${path.basename(intentsFile)}`);
  }
  for (const id of ids) {
    if (!corpus[id]) throw new DataFileError(file, `$.intents.${id} is missing (every intent needs utterances)`);
  }
  return corpus;
}

/**
 * English and Spanish answer words read as one: a Spanish speaker may type "yes", an English one
 * "si". English comes first, so every English phrase keeps the kind it had.
 */
export function bothAnswerWords(en: AnswerWordsFile, es: AnswerWordsFile): AnswerWordsFile {
  return {
    kinds: Object.fromEntries(ANSWER_KINDS.map((k) => [k, { choiceIds: en.kinds[k].choiceIds, words: [...en.kinds[k].words, ...es.kinds[k].words] }])) as AnswerWordsFile['kinds'],
    lead: [...en.lead, ...es.lead],
    tail: [...en.tail, ...es.tail],
    pointerLead: [...en.pointerLead, ...es.pointerLead],
    pointerTail: [...en.pointerTail, ...es.pointerTail],
  };
}

/**
 * The English frame words always, and the Spanish ones too in a Spanish turn ("cuanto gana un
 * doctor" -> "doctor"): an English question keeps exactly the words it kept before.
 */
export class TurnLanguageWords extends Set<string> {
  constructor(
    en: ReadonlySet<string>,
    private readonly es: ReadonlySet<string>,
  ) {
    super(en);
  }

  override has(word: string): boolean {
    return super.has(word) || (currentLanguage() === 'es' && this.es.has(word));
  }
}

/** Loads the data and trains the classifier (a few hundred milliseconds at start-up); job names become one entity token. */
export async function loadUnderstanding(
  jobNames: JobNames,
  dir = UNDERSTANDING_DIR,
): Promise<UnderstandingData & { classifier: IntentClassifier; hasJobName: (text: string) => boolean }> {
  const data = await loadUnderstandingData(dir);
  // A job's name in English or, for common jobs, in Spanish ("soldador").
  const names: JobNames = {
    isJobName: (w) => !data.notJobNames.has(w) && (jobNames.isJobName(w) || data.spanishJobNames.has(w)),
    isNotJobName: (w) => w.includes(' ') && data.notJobNames.has(w),
  };
  return {
    ...data,
    classifier: await IntentClassifier.train(data.intents, data.corpus, (t) => markJobNames(t, names), fileModelCache(), data.otherCorpora),
    hasJobName: (t) => markJobNames(t, names).split(' ').includes(JOB_TOKEN),
  };
}
