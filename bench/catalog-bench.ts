/**
 * What the message catalogs cost a turn. A scripted conversation (a student from "hi" to a plan,
 * then a Spanish-speaking parent from "hola" to what's due) runs through the real engine on the
 * memory store. Every lookup is counted (src/i18n/t.ts), and the ones i18next makes (a text not
 * made before) are timed; a text made before costs what "one lookup, repeated" says. Figures: turn
 * p50 and mean, lookups per turn, catalog time per turn and its share — the turn "before"
 * catalogs is the turn less that time. Also one lookup on its own, new and repeated.
 */
import i18next from 'i18next';
import { ms, percentile, timeIt } from './stats.js';

/** Counts and times every `t()` of the catalogs' i18next instance (made lazily at first use). */
/** i18next's own lookups: texts not made before. */
const lookups = { count: 0, ms: 0 };
const createInstance = i18next.createInstance.bind(i18next);
i18next.createInstance = ((...args: Parameters<typeof i18next.createInstance>) => {
  const made = createInstance(...args);
  const init = made.init.bind(made);
  // i18next sets its own t and exists during init, so they are wrapped after it.
  made.init = ((...initArgs: Parameters<typeof init>) => {
    const out = init(...initArgs);
    const original = made.t.bind(made);
    made.t = ((...a: Parameters<typeof original>) => {
      const done = timeIt();
      const text = original(...a);
      lookups.ms += done();
      lookups.count++;
      return text;
    }) as typeof made.t;
    return out;
  }) as typeof made.init;
  return made;
}) as typeof i18next.createInstance;

const STUDENT = ['hi', '1', '9', 'i want to be a nurse', '1', '1', 'yes', 'plan', "what's due", 'what is fafsa', 'thanks', 'bye'];
const PARENT = ['hola', 'soy la mamá de diego', 'qué tiene que hacer este año', 'cómo pagamos la universidad', 'gracias'];
const ROUNDS = 40;

export async function benchCatalogs(): Promise<Record<string, string>> {
  const { loadAppData } = await import('../src/app/load-app-data.js');
  const { createEngine } = await import('../src/app/create-engine.js');
  const { loadConfig } = await import('../src/config.js');
  const { MemoryStore } = await import('../src/store/memory-store.js');
  const { Records } = await import('../src/store/records.js');
  const { lookupCount, tIn } = await import('../src/i18n/t.js');
  const data = await loadAppData(loadConfig({}));
  const turns: number[] = [];
  const perTurn: { all: number; count: number; ms: number }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const engine = createEngine({ records: new Records(new MemoryStore()), data });
    let n = 0;
    for (const [user, script] of [['s', STUDENT], ['p', PARENT]] as const) {
      for (const text of script) {
        const before = { ...lookups, all: lookupCount() };
        const done = timeIt();
        await engine.handle({ channel: 'console', userId: `${user}${round}`, conversationId: user, messageId: `m${n++}`, text, receivedAt: new Date().toISOString() });
        const took = done();
        if (round < 5) continue; // warm-up rounds
        turns.push(took);
        perTurn.push({ all: lookupCount() - before.all, count: lookups.count - before.count, ms: lookups.ms - before.ms });
      }
    }
  }
  turns.sort((a, b) => a - b);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const turnMs = sum(turns) / turns.length;
  const micro = (language: 'en' | 'es', fresh: boolean) => {
    const say = tIn(language);
    const N = 20_000;
    const done = timeIt();
    for (let i = 0; i < N; i++) say('plan.view.thisYear', { grade: fresh ? `grade ${i} ${language}` : '9th grade' });
    return done() / N;
  };
  const repeated = Math.max(micro('en', false), micro('es', false));
  const mean = (f: (p: (typeof perTurn)[number]) => number) => sum(perTurn.map(f)) / perTurn.length;
  const lookupMs = mean((p) => p.ms) + mean((p) => p.all - p.count) * repeated;
  const µs = (x: number) => `${(x * 1000).toFixed(2)} µs`;
  return {
    'turns measured': `${turns.length} (a student and a Spanish-speaking parent, ${ROUNDS - 5} rounds)`,
    'turn p50 / mean': `${ms(percentile(turns, 50))} / ${ms(turnMs)}`,
    'catalog lookups per turn (mean)': `${mean((p) => p.all).toFixed(1)} (${mean((p) => p.count).toFixed(1)} new to i18next)`,
    'catalog time per turn (mean)': ms(lookupMs),
    'turn without catalog time (before, mean)': ms(turnMs - lookupMs),
    'catalog share of a turn': `${((100 * lookupMs) / turnMs).toFixed(2)}%`,
    'worst case, every text new': `${ms(mean((p) => p.all) * Math.max(micro('en', true), micro('es', true)))} per turn`,
    'one lookup, new text, English / Spanish': `${µs(micro('en', true))} / ${µs(micro('es', true))}`,
    'one lookup, repeated text': µs(repeated),
  };
}
