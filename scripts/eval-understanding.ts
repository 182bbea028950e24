/**
 * npm run eval:understanding [-- <labelled.json>] [--misses] [--held-out-misses]
 * Prints the understanding step's accuracy on a labelled set, per role and per intent, for the
 * tuning part and the held-out part, and every non-job message the job matcher would answer.
 * Misses of the held-out part are printed only with --held-out-misses (do not tune on them).
 */
import path from 'node:path';
import { PROJECT_DIR } from '../src/config.js';
import { loadAppData } from '../src/app/load-app-data.js';
import { engineParts } from '../src/app/create-engine.js';
import { evaluateUnderstanding, percent, readLabelledSet, readMessage, type Tally } from '../src/app/evaluate-understanding.js';
import { familyQuestionMatcher } from '../src/domain/family/match-family-question.js';
import { MemoryStore } from '../src/store/memory-store.js';
import { Records } from '../src/store/records.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? path.join(PROJECT_DIR, 'test/understanding/labelled-utterances.json');
const data = await loadAppData({ WAYPOINT_FRAMEWORK: path.join(PROJECT_DIR, 'data/frameworks/missouri.json') }, { withOnet: false });
const deps = engineParts({ records: new Records(new MemoryStore()), data });
const set = await readLabelledSet(file);
const report = await evaluateUnderstanding(set, (text, role) => readMessage(deps, data.matcher, data.framework, { frame: data.understanding.jobFrame, interestLeads: data.understanding.interestLeads, hasJobName: data.understanding.hasJobName, familyQuestion: familyQuestionMatcher(data.family.questions) }, text, role));

const line = (name: string, t: Tally) => `${name.padEnd(18)} ${percent(t).toFixed(1).padStart(5)}%  (${t.correct}/${t.total})`;
console.log(`Understanding on ${path.relative(process.cwd(), file)}: ${set.length} messages`);
console.log(line('overall', report.overall));
console.log(line('tuning part', report.byPart.tuning));
console.log(line('held-out part', report.byPart.heldOut));
console.log('\nBy role');
for (const [role, t] of Object.entries(report.byRole)) console.log(line(role, t));
console.log('\nBy intent');
for (const [intent, t] of Object.entries(report.byIntent).sort((a, b) => percent(a[1]) - percent(b[1]))) console.log(line(intent, t));
console.log(`\nJob matcher on non-job messages: ${report.matcherOnNonJob.length}`);
for (const m of report.matcherOnNonJob) console.log(`  [${m.role}] "${m.text}" (read as ${m.intent})`);
const showHeld = args.includes('--held-out-misses');
if (args.includes('--misses') || showHeld) {
  console.log('\nMisses');
  for (const m of report.misses.filter((x) => showHeld || !x.heldOut)) console.log(`  [${m.role}] "${m.text}": expected ${m.expect}, got ${m.got}`);
}
