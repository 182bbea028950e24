/**
 * The trained intent classifier: one NLP.js neural model per speaker role, trained in-process at
 * start-up from the utterance corpus (no network, no files written). `prepare` turns entities into
 * tokens first (job names -> "jobname", see mark-job-names.ts), the same in training and use. Pure computation over the
 * corpus; classifying one message takes a fraction of a millisecond.
 */
import { createHash } from 'node:crypto';
import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en';
import { Nlp } from '@nlpjs/nlp';
import type { IntentCorpus, IntentDef, IntentGuess, Speaker } from './intent-types.js';

const SPEAKERS: Speaker[] = ['student', 'family', 'counselor', 'none'];
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
    /** A speaker's model, or its training under way (a model is trained the first time it is needed). */
    private readonly models: Map<Speaker, Nlp | Promise<Nlp>>,
    private readonly builders: Map<Speaker, () => Promise<Nlp>>,
    /** Emoji and symbols alone ("😂", "👋", "🙏"): which intent each one means, per speaker. */
    private readonly symbolIntents: Map<Speaker, Map<string, string>>,
    private readonly prepare: (text: string) => string,
    /** One-word messages that mean danger on their own ("kms"); any other single word never does. */
    private readonly oneWordDistress: ReadonlySet<string>,
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
  ): Promise<IntentClassifier> {
    const container = containerBootstrap();
    container.use(LangEn);
    const newNlp = () => new Nlp({ languages: ['en'], autoSave: false, autoLoad: false, nlu: { log: false, spellCheck: true }, ner: { threshold: 1 } }, container);
    const models = new Map<Speaker, Nlp | Promise<Nlp>>();
    const builders = new Map<Speaker, () => Promise<Nlp>>();
    const symbolIntents = new Map<Speaker, Map<string, string>>();
    for (const speaker of SPEAKERS) {
      const bySymbol = new Map<string, string>();
      const documents: [string, string][] = [];
      for (const def of intents) {
        if (!def.roles.includes(speaker)) continue;
        for (const utterance of corpus[def.id] ?? []) {
          if (HAS_WORDS.test(utterance)) documents.push([prepare(utterance), def.id]);
          else for (const symbol of symbols(utterance)) if (!bySymbol.has(symbol)) bySymbol.set(symbol, def.id);
        }
      }
      symbolIntents.set(speaker, bySymbol);
      const key = createHash('sha256').update(JSON.stringify([MODEL_FORMAT, speaker, documents])).digest('hex').slice(0, 24);
      const build = async (): Promise<Nlp> => {
        const nlp = newNlp();
        for (const [text, intent] of documents) nlp.addDocument('en', text, intent);
        await nlp.train();
        cache?.write(key, nlp.export(true));
        return nlp;
      };
      builders.set(speaker, build);
      const saved = cache?.read(key);
      if (saved !== undefined) {
        try {
          const nlp = newNlp();
          nlp.import(saved);
          models.set(speaker, nlp);
        } catch {
          // A damaged cache entry is trained again (when first needed) and overwritten.
        }
      }
    }
    const oneWordDistress = new Set((corpus['distress'] ?? []).map((u) => u.toLowerCase().trim()).filter((u) => /^[\p{L}\p{N}]+$/u.test(u)));
    return new IntentClassifier(models, builders, symbolIntents, prepare, oneWordDistress);
  }

  /** Trains every model not loaded yet (benches and evaluations measure reading, not training). */
  async ready(): Promise<void> {
    await Promise.all(SPEAKERS.map((s) => this.model(s)));
  }

  private model(speaker: Speaker): Nlp | Promise<Nlp> {
    let m = this.models.get(speaker);
    if (m === undefined) {
      m = this.builders.get(speaker)!().then((nlp) => {
        this.models.set(speaker, nlp);
        return nlp;
      });
      this.models.set(speaker, m);
    }
    return m;
  }

  /** The intents this speaker may mean, best first, with the model's scores (0..1). */
  async classify(text: string, speaker: Speaker): Promise<IntentGuess[]> {
    if (!HAS_WORDS.test(text)) {
      // Emoji or symbols alone: the intent all of them share, when they share one.
      const bySymbol = this.symbolIntents.get(speaker)!;
      const meant = new Set(symbols(text).filter((c) => !/[\p{M}\u200d\ufe0f]/u.test(c)).map((c) => bySymbol.get(c)));
      const [only] = meant;
      return meant.size === 1 && only !== undefined ? [{ intent: only, score: 1 }] : [];
    }
    const nlp = await this.model(speaker);
    const prepared = this.prepare(text);
    const result = await nlp.process('en', prepared);
    // A model stretches one everyday word ("about", "stop") far; alone, only a word that means danger by itself does.
    const oneWord = !prepared.trim().includes(' ');
    return result.classifications
      .filter((c) => c.intent !== 'None' && c.score > 0)
      .filter((c) => !(oneWord && c.intent === 'distress' && !this.oneWordDistress.has(prepared.trim())))
      .map((c) => ({ intent: c.intent, score: c.score }));
  }
}
