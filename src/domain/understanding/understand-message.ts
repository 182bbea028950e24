/**
 * The understanding step's intent part: the trained classifier's reading of a message for this
 * speaker, together with the commands whose own words matched it, chosen by priority.
 */
import { chooseIntent } from './choose-intent.js';
import type { IntentClassifier } from './intent-classifier.js';
import type { CommandWords, IntentDef, Speaker, Understanding } from './intent-types.js';
import { currentLanguage, DEFAULT_LANGUAGE, type Language } from '../../i18n/language.js';
import type { DangerPhrases } from './danger-phrases.js';
import { DISTRESS } from './choose-intent.js';

export class MessageUnderstanding {
  private readonly byId: Map<string, IntentDef>;

  constructor(
    private readonly classifier: Pick<IntentClassifier, 'classify'>,
    intents: readonly IntentDef[],
    /** The language a message is written in, when that is clear (a guess: guess-language.ts). */
    private readonly writtenIn: (text: string) => Language | undefined = () => undefined,
    /** Words that mean danger on their own, read before the classifier (danger-phrases.ts). */
    private readonly danger?: DangerPhrases,
  ) {
    this.byId = new Map(intents.map((d) => [d.id, d]));
  }

  /**
   * What the message means for this speaker; undefined when it is not clearly anything. Words that
   * mean danger on their own are distress before anything else. In another
   * language's conversation, a message written in English that the conversation's model does not
   * read is read by the English one ("thanks!", "ur dumb" from a Spanish-speaking family): the
   * answer still comes in the conversation's language.
   */
  async understand(text: string, speaker: Speaker, commandWords: readonly CommandWords[] = []): Promise<Understanding | undefined> {
    if (this.danger?.says(text)) return { intent: DISTRESS, score: 1, by: 'danger-phrase' };
    const meant = chooseIntent(await this.classifier.classify(text, speaker), commandWords, this.byId);
    if (meant !== undefined || currentLanguage() === DEFAULT_LANGUAGE || this.writtenIn(text) !== DEFAULT_LANGUAGE) return meant;
    return chooseIntent(await this.classifier.classify(text, speaker, DEFAULT_LANGUAGE), commandWords, this.byId);
  }

  intent(id: string): IntentDef | undefined {
    return this.byId.get(id);
  }
}
