/**
 * The understanding step's intent part: the trained classifier's reading of a message for this
 * speaker, together with the commands whose own words matched it, chosen by priority.
 */
import { chooseIntent } from './choose-intent.js';
import type { IntentClassifier } from './intent-classifier.js';
import type { CommandWords, IntentDef, Speaker, Understanding } from './intent-types.js';

export class MessageUnderstanding {
  private readonly byId: Map<string, IntentDef>;

  constructor(
    private readonly classifier: Pick<IntentClassifier, 'classify'>,
    intents: readonly IntentDef[],
  ) {
    this.byId = new Map(intents.map((d) => [d.id, d]));
  }

  /** What the message means for this speaker; undefined when it is not clearly anything. */
  async understand(text: string, speaker: Speaker, commandWords: readonly CommandWords[] = []): Promise<Understanding | undefined> {
    const guesses = await this.classifier.classify(text, speaker);
    return chooseIntent(guesses, commandWords, this.byId);
  }

  intent(id: string): IntentDef | undefined {
    return this.byId.get(id);
  }
}
