/**
 * The trained intent classifier: one NLP.js neural model per speaker role and language, trained
 * in-process from the utterance corpora (English, and Spanish beside it: corpus-es.json; no network).
 * A message is read by the model of the turn's language (currentLanguage(), src/i18n/language.ts),
 * English when there is no model for it. `prepare` turns entities into tokens first (job names ->
 * "jobname", see mark-job-names.ts), the same in training and use. Pure computation over the
 * corpus; classifying one message takes a fraction of a millisecond.
 */
import { createHash } from 'node:crypto';
import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en';
import { LangEs } from '@nlpjs/lang-es';
import { Nlp } from '@nlpjs/nlp';
import { currentLanguage, DEFAULT_LANGUAGE, type Language } from '../../i18n/language.js';
import type { IntentCorpus, IntentDef, IntentGuess, Speaker } from './intent-types.js';

const SPEAKERS: Speaker[] = ['student', 'family', 'counselor', 'none'];
/** NLP.js plugins per language: tokenizer, stemmer, normalizer (accents folded in Spanish), stop words. */
const LANGUAGE_PLUGINS: Record<Language, unknown> = { en: LangEn, es: LangEs };
/** Corpora for languages other than English, each trained into its own models. */
export type OtherCorpora = Partial<Record<Exclude<Language, 'en'>, IntentCorpus>>;
/** A model's place: its language and its speaker ("es/family"). */
type ModelKey = `${Language}/${Speaker}`;
/** Changes when the way models are built changes, so older cached models are not used. */
const MODEL_FORMAT = 'nlpjs-4.27-neural-1';

/** Where trained models may be kept between runs, by a key made from everything they were trained on. */
export interface ModelCache {
  read(key: string): string | undefined;
  write(key: string, model: string): void;
}

/** Words or numbers: what the NLP.js tokenizer keeps. Utterances without any are symbols or emoji. */
const HAS_WORDS = /[\p{L}\p{N}]/u;
const symbols = (s: string) => [...s.replace(/\s+/g, '')];

export class IntentClassifier {
  private constructor(
    /** A language's speaker's model, or its training under way (a model is trained the first time it is needed). */
    private readonly models: Map<ModelKey, Nlp | Promise<Nlp>>,
    private readonly builders: Map<ModelKey, () => Promise<Nlp>>,
    /** Emoji and symbols alone ("😂", "👋", "🙏"): which intent each one means, per language and speaker. */
    private readonly symbolIntents: Map<ModelKey, Map<string, string>>,
    private readonly prepare: (text: string) => string,
    /** One-word messages that mean danger on their own ("kms", "suicidio"), per language; any other single word never does. */
    private readonly oneWordDistress: ReadonlyMap<Language, ReadonlySet<string>>,
    /** The languages with models (English always). */
    readonly languages: readonly Language[],
  ) {}

  /**
   * One model per speaker over the intents that speaker may mean. With a `cache`, a model trained
   * before from exactly the same documents is loaded at once (tens of milliseconds); any other is
   * trained the first time that speaker's message is read (about a second), so start-up never
   * waits for training.
   */
  static async train(
    intents: readonly IntentDef[],
    corpus: IntentCorpus,
    prepare: (text: string) => string = (t) => t,
    cache?: ModelCache,
    others: OtherCorpora = {},
  ): Promise<IntentClassifier> {
    const container = containerBootstrap();
    const corpora = [['en', corpus] as const, ...(Object.entries(others) as [Language, IntentCorpus | undefined][]).filter((e): e is [Language, IntentCorpus] => e[1] !== undefined)];
    for (const [lang] of corpora) container.use(LANGUAGE_PLUGINS[lang]);
    const newNlp = (lang: Language) => new Nlp({ languages: [lang], autoSave: false, autoLoad: false, nlu: { log: false, spellCheck: true }, ner: { threshold: 1 } }, container);
    const models = new Map<ModelKey, Nlp | Promise<Nlp>>();
    const builders = new Map<ModelKey, () => Promise<Nlp>>();
    const symbolIntents = new Map<ModelKey, Map<string, string>>();
    const oneWordDistress = new Map<Language, ReadonlySet<string>>();
    for (const [lang, texts] of corpora) {
      for (const speaker of SPEAKERS) {
        const bySymbol = new Map<string, string>();
        const documents: [string, string][] = [];
        for (const def of intents) {
          if (!def.roles.includes(speaker)) continue;
          for (const utterance of texts[def.id] ?? []) {
            if (HAS_WORDS.test(utterance)) documents.push([prepare(utterance), def.id]);
            else for (const symbol of symbols(utterance)) if (!bySymbol.has(symbol)) bySymbol.set(symbol, def.id);
          }
        }
        const at: ModelKey = `${lang}/${speaker}`;
        symbolIntents.set(at, bySymbol);
        // English keys are what they were before other languages came, so cached English models stay valid.
        const trainedOn = lang === 'en' ? [MODEL_FORMAT, speaker, documents] : [MODEL_FORMAT, lang, speaker, documents];
        const key = createHash('sha256').update(JSON.stringify(trainedOn)).digest('hex').slice(0, 24);
        const build = async (): Promise<Nlp> => {
          const nlp = newNlp(lang);
          for (const [text, intent] of documents) nlp.addDocument(lang, text, intent);
          await nlp.train();
          cache?.write(key, nlp.export(true));
          return nlp;
        };
        builders.set(at, build);
        const saved = cache?.read(key);
        if (saved !== undefined) {
          try {
            const nlp = newNlp(lang);
            nlp.import(saved);
            models.set(at, nlp);
          } catch {
            // A damaged cache entry is trained again (when first needed) and overwritten.
          }
        }
      }
      oneWordDistress.set(lang, new Set((texts['distress'] ?? []).map((u) => u.toLowerCase().trim()).filter((u) => /^[\p{L}\p{N}]+$/u.test(u))));
    }
    return new IntentClassifier(models, builders, symbolIntents, prepare, oneWordDistress, corpora.map(([lang]) => lang));
  }

  /** Trains every model not loaded yet (benches and evaluations measure reading, not training). */
  async ready(languages: readonly Language[] = this.languages): Promise<void> {
    await Promise.all(languages.filter((l) => this.languages.includes(l)).flatMap((l) => SPEAKERS.map((s) => this.model(`${l}/${s}`))));
  }

  private model(at: ModelKey): Nlp | Promise<Nlp> {
    let m = this.models.get(at);
    if (m === undefined) {
      m = this.builders.get(at)!().then((nlp) => {
        this.models.set(at, nlp);
        return nlp;
      });
      this.models.set(at, m);
    }
    return m;
  }

  /**
   * The intents this speaker may mean, best first, with the model's scores (0..1), read by the
   * model of `language` (the turn's language unless given; English when there is none for it).
   */
  async classify(text: string, speaker: Speaker, language: Language = currentLanguage()): Promise<IntentGuess[]> {
    const lang = this.languages.includes(language) ? language : DEFAULT_LANGUAGE;
    const at: ModelKey = `${lang}/${speaker}`;
    if (!HAS_WORDS.test(text)) {
      // Emoji or symbols alone: the intent all of them share, when they share one.
      const bySymbol = this.symbolIntents.get(at)!;
      const meant = new Set(symbols(text).filter((c) => !/[\p{M}\u200d\ufe0f]/u.test(c)).map((c) => bySymbol.get(c)));
      const [only] = meant;
      return meant.size === 1 && only !== undefined ? [{ intent: only, score: 1 }] : [];
    }
    const nlp = await this.model(at);
    const prepared = this.prepare(text);
    const result = await nlp.process(lang, prepared);
    const oneWordDistress = this.oneWordDistress.get(lang)!;
    // A model stretches one everyday word ("about", "stop") far; alone, only a word that means danger by itself does.
    const oneWord = !prepared.trim().includes(' ');
    return result.classifications
      .filter((c) => c.intent !== 'None' && c.score > 0)
      .filter((c) => !(oneWord && c.intent === 'distress' && !oneWordDistress.has(prepared.trim())))
      .map((c) => ({ intent: c.intent, score: c.score }));
  }
}
