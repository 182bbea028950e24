/**
 * npm run eval:understanding [-- <labelled.json>] [--es <labelled-es.json>] [--misses] [--held-out-misses]
 * Prints the understanding step's accuracy on the labelled sets, English and Spanish side by side,
 * per role and per intent, for the tuning part and the held-out part, and every non-job message
 * the job matcher would answer. The Spanish set (data/understanding/eval-es.json) is read as a
 * Spanish turn (withLanguage('es')). Misses of the held-out parts are printed only with
 * --held-out-misses (do not tune on them).
 */
import path from 'node:path';
import { PROJECT_DIR } from '../src/config.js';
import { loadAppData } from '../src/app/load-app-data.js';
import { engineParts } from '../src/app/create-engine.js';
import { evaluateUnderstanding, percent, readLabelledSet, readMessage, type Tally, type UnderstandingReport } from '../src/app/evaluate-understanding.js';
import { familyQuestionMatcher } from '../src/domain/family/match-family-question.js';
import { withLanguage, type Language } from '../src/i18n/language.js';
import { MemoryStore } from '../src/store/memory-store.js';
import { Records } from '../src/store/records.js';

const args = process.argv.slice(2);
const esAt = args.indexOf('--es');
const esFile = esAt >= 0 && args[esAt + 1] && !args[esAt + 1]!.startsWith('--') ? args[esAt + 1]! : path.join(PROJECT_DIR, 'data/understanding/eval-es.json');
const file = args.find((a, i) => !a.startsWith('--') && i !== esAt + 1) ?? path.join(PROJECT_DIR, 'test/understanding/labelled-utterances.json');
const data = await loadAppData({ WAYPOINT_FRAMEWORK: path.join(PROJECT_DIR, 'data/frameworks/missouri.json') }, { withOnet: false });
const deps = engineParts({ records: new Records(new MemoryStore()), data });
const lexicon = { frame: data.understanding.jobFrame, interestLeads: data.understanding.interestLeads, hasJobName: data.understanding.hasJobName, familyQuestion: familyQuestionMatcher(data.family.questions) };

/** Utterances written in the corpus word for word (the held-out part was written blind to the corpus; common words coincide). */
const inCorpus = (corpusTexts: ReadonlySet<string>, text: string) => corpusTexts.has(fold(text));
const fold = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

async function measure(lang: Language, setFile: string) {
  const set = await readLabelledSet(setFile);
  const report = await withLanguage(lang, () => evaluateUnderstanding(set, (text, role) => readMessage(deps, data.matcher, data.framework, lexicon, text, role)));
  const corpus = lang === 'en' ? data.understanding.corpus : data.understanding.otherCorpora[lang] ?? {};
  const corpusTexts = new Set(Object.values(corpus).flat().map(fold));
  const missed = new Set(report.misses.map((m) => `${m.role}|${m.text}`));
  const unseen = set.filter((u) => u.heldOut && !inCorpus(corpusTexts, u.text));
  const heldOutUnseen: Tally = { total: unseen.length, correct: unseen.filter((u) => !missed.has(`${u.role}|${u.text}`)).length };
  return { set, report, heldOutUnseen };
}

const runs = [
  { name: 'English', file, ...(await measure('en', file)) },
  { name: 'Spanish', file: esFile, ...(await measure('es', esFile)) },
];

const cell = (t: Tally | undefined) => (t === undefined ? ''.padStart(18) : `${percent(t).toFixed(1).padStart(5)}% (${`${t.correct}/${t.total})`.padEnd(9)}`.padEnd(18));
const row = (name: string, pick: (r: UnderstandingReport, extra: Tally) => Tally | undefined) =>
  console.log(`${name.padEnd(24)} ${runs.map((r) => cell(pick(r.report, r.heldOutUnseen))).join('  ')}`);

for (const r of runs) console.log(`${r.name}: ${path.relative(process.cwd(), r.file)}, ${r.set.length} messages`);
console.log(`\n${''.padEnd(24)} ${runs.map((r) => r.name.padEnd(18)).join('  ')}`);
row('overall', (r) => r.overall);
row('tuning part', (r) => r.byPart.tuning);
row('held-out part', (r) => r.byPart.heldOut);
row('held-out, not in corpus', (_, unseen) => unseen);
console.log('\nBy role');
for (const role of ['student', 'family', 'counselor']) row(role, (r) => r.byRole[role]);
console.log('\nBy intent (lowest English first)');
const intents = [...new Set(runs.flatMap((r) => Object.keys(r.report.byIntent)))].sort(
  (a, b) => percent(runs[0]!.report.byIntent[a] ?? { total: 1, correct: 1 }) - percent(runs[0]!.report.byIntent[b] ?? { total: 1, correct: 1 }) || a.localeCompare(b),
);
for (const intent of intents) row(intent, (r) => r.byIntent[intent]);
const showHeld = args.includes('--held-out-misses');
for (const r of runs) {
  console.log(`\n${r.name}: job matcher on non-job messages: ${r.report.matcherOnNonJob.length}`);
  for (const m of r.report.matcherOnNonJob) console.log(`  [${m.role}] "${m.text}" (read as ${m.intent})`);
  if (args.includes('--misses') || showHeld) {
    console.log(`${r.name} misses`);
    for (const m of r.report.misses.filter((x) => showHeld || !x.heldOut)) console.log(`  [${m.role}] "${m.text}": expected ${m.expect}, got ${m.got}${m.heldOut ? ' (held out)' : ''}`);
  }
}
