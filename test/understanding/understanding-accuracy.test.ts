/**
 * The understanding step on our own blind labelled set (test/understanding/labelled-utterances.json:
 * students, families and counselors, typos and slang; a third held out while tuning). The same
 * reading the engine does: commands' own words, the trained classifier by priority, then a job
 * named outright. `npm run eval:understanding` prints the figures per role and intent.
 */
import path from 'node:path';
import { engineParts } from '../../src/app/create-engine.js';
import { evaluateUnderstanding, percent, readLabelledSet, readMessage, type UnderstandingReport } from '../../src/app/evaluate-understanding.js';
import { PROJECT_DIR } from '../../src/config.js';
import { familyQuestionMatcher } from '../../src/domain/family/match-family-question.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { Records } from '../../src/store/records.js';
import { appData } from '../helpers/test-app.js';

let report: UnderstandingReport;

beforeAll(async () => {
  const data = await appData();
  const deps = engineParts({ records: new Records(new MemoryStore()), data });
  const set = await readLabelledSet(path.join(PROJECT_DIR, 'test/understanding/labelled-utterances.json'));
  const u = data.understanding;
  const lexicon = { frame: u.jobFrame, interestLeads: u.interestLeads, hasJobName: u.hasJobName, familyQuestion: familyQuestionMatcher(data.family.questions) };
  report = await evaluateUnderstanding(set, (text, role) => readMessage(deps, data.matcher, data.framework, lexicon, text, role));
}, 60_000);

describe('understanding what people mean', () => {
  it('reads at least 400 labelled messages from students, families and counselors', () => {
    expect(report.overall.total).toBeGreaterThanOrEqual(400);
    for (const role of ['student', 'family', 'counselor']) expect(report.byRole[role]?.total ?? 0).toBeGreaterThanOrEqual(100);
  });

  it('understands at least 90% of them, and of the held-out part', () => {
    expect(percent(report.overall)).toBeGreaterThanOrEqual(90);
    expect(percent(report.byPart.heldOut)).toBeGreaterThanOrEqual(90);
  });

  it('never answers a message that is not about jobs with job suggestions', () => {
    expect(report.matcherOnNonJob).toEqual([]);
  });

  it('reads nine in ten messages about danger or self-harm as such', () => {
    // Misses here are the costliest: at most one in ten, and the answer to the rest is checked in the chat tests.
    expect(percent(report.byIntent['distress']!)).toBeGreaterThanOrEqual(90);
  });
});
