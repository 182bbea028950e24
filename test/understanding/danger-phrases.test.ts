/**
 * The safety net under the classifier: words that mean danger on their own are read as distress
 * whatever the model says, in either language, and everyday questions that share a word with
 * them ("substance abuse counselors", "que me toca este año") are not.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from '../../src/config.js';
import { loadUnderstandingData } from '../../src/data-files/load-understanding.js';
import { DangerPhrases } from '../../src/domain/understanding/danger-phrases.js';
import { MessageUnderstanding } from '../../src/domain/understanding/understand-message.js';
import type { IntentGuess } from '../../src/domain/understanding/intent-types.js';

const phrases = new DangerPhrases({ en: ['kill myself', 'hits me', 'dont want to wake up'], es: ['me quiero morir', 'abusaron de mi'] });

describe('words that mean danger on their own', () => {
  it('are found as whole words, with any case, accents, apostrophes or punctuation', () => {
    expect(phrases.says('sometimes I want to KILL MYSELF...')).toBe(true);
    expect(phrases.says("honestly i don't want to wake up tomorrow")).toBe(true);
    expect(phrases.says('Mi papá me golpea y me quiero morir')).toBe(true);
    expect(phrases.says('Abusaron de mí')).toBe(true);
    expect(phrases.says('my stepdad hits me')).toBe(true);
  });

  it('are not found inside other words or in everyday sentences', () => {
    expect(phrases.says('this homework is killing myselfie')).toBe(false);
    expect(phrases.says('he hits meatballs')).toBe(false);
    expect(phrases.says('i want to wake up early')).toBe(false);
  });

  it('answer as distress even when the classifier reads something else', async () => {
    const greeting: IntentGuess[] = [{ intent: 'greeting', score: 0.9 }];
    const understanding = new MessageUnderstanding(
      { classify: async () => greeting },
      [{ id: 'greeting', priority: 50, roles: ['student'] }, { id: 'distress', priority: 100, roles: ['student'] }],
      () => 'en',
      phrases,
    );
    expect(await understanding.understand('good morning, i dont want to wake up anymore', 'student')).toEqual({ intent: 'distress', score: 1, by: 'danger-phrase' });
    expect((await understanding.understand('good morning', 'student'))?.intent).toBe('greeting');
  });

  it("in our own data, no everyday message holds one: not the corpus's other intents, the labelled sets, or a job's name", async () => {
    const data = await loadUnderstandingData();
    const said: string[] = [];
    for (const corpus of [data.corpus, data.otherCorpora.es ?? {}]) {
      for (const [intent, utterances] of Object.entries(corpus)) if (intent !== 'distress') said.push(...utterances.filter((u) => data.dangerPhrases.says(u)));
    }
    for (const file of ['test/understanding/labelled-utterances.json', 'data/understanding/eval-es.json']) {
      const set = JSON.parse(readFileSync(path.join(PROJECT_DIR, file), 'utf8')) as { utterances: { text: string; expect: string }[] };
      said.push(...set.utterances.filter((u) => u.expect !== 'distress' && data.dangerPhrases.says(u.text)).map((u) => u.text));
    }
    expect(said).toEqual([]);
    for (const q of ['how much do substance abuse counselors make', 'what does a suicide prevention counselor do', 'que me toca este año', 'my son cuts hair']) {
      expect(data.dangerPhrases.says(q)).toBe(false);
    }
  });
});
