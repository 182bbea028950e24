/**
 * Slack's user terms say its users must be over 16. WAYPOINT_SLACK_MIN_STUDENT_GRADE sets the
 * lowest grade that may chat as a student on Slack: a younger student gets one polite note, and
 * nothing about them is kept.
 */
import nock from 'nock';
import { createEngine } from '../../../src/app/create-engine.js';
import { loadConfig } from '../../../src/config.js';
import { REPLY_OUTBOX, REPLY_PROGRESS } from '../../../src/channels/reply-outbox.js';
import { SLACK_INBOX } from '../../../src/channels/slack/slack-inbox.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { Records } from '../../../src/store/records.js';
import { appData } from '../../helpers/test-app.js';
import { type RecordedCall, SLACK, appWithCustomReceiver, deliver, dmSaying, fixture, visibleTexts, withNockOnly } from './slack-test-kit.js';

const NOW = new Date('2026-11-23T15:00:00.000Z');
const STUDENT = 'slack:U0STUDENT1';
const unmatched = withNockOnly();

async function waypointOnSlack(minStudentGrade?: number) {
  const records = new Records(new MemoryStore());
  const engine = createEngine({ records, data: await appData(), now: () => NOW });
  const slack = appWithCustomReceiver(engine, { store: records.store, now: () => NOW, ...(minStudentGrade !== undefined ? { minStudentGrade } : {}) });
  const calls: RecordedCall[] = [];
  let ts = 0;
  nock(SLACK)
    .persist()
    .post(/^\/api\/chat\.(postMessage|update)$/, (body) => {
      calls.push({ method: 'chat', body: { ...body, blocks: JSON.parse(body.blocks) } });
      return true;
    })
    .reply(200, () => ({ ok: true, channel: 'D0STUDENT1', ts: `1718030${String(++ts).padStart(3, '0')}.000100` }));
  return { slack, records, calls };
}

/** Everything the store holds about the student, and what the Slack app keeps for them. */
async function keptAbout(records: Records): Promise<string[]> {
  const kept: string[] = [];
  for (const collection of ['profiles', 'sessions', 'interest-results', 'plans']) {
    if (await records.store.get(collection, STUDENT)) kept.push(collection);
  }
  for (const collection of [SLACK_INBOX, REPLY_OUTBOX, REPLY_PROGRESS]) {
    if ((await records.store.ids(collection)).length > 0) kept.push(collection);
  }
  return kept;
}

const NOTE = /Waypoint on Slack is for students in 11th grade and up[\s\S]*Microsoft Teams[\s\S]*counselor/;

describe('the lowest student grade on Slack', () => {
  it('a 9th grader gets one polite note instead of the interest questions, and nothing about them is kept', async () => {
    const { slack, records, calls } = await waypointOnSlack(11);
    for (const text of ['hi', 'student']) await deliver(slack, dmSaying(text));
    const before = calls.length;

    await deliver(slack, dmSaying('9'));

    const said = calls.slice(before);
    expect(said).toHaveLength(1);
    expect(said[0]!.body.text).toMatch(NOTE);
    expect(said[0]!.body.text).not.toMatch(/Got it|quick questions/);
    expect(await keptAbout(records)).toEqual([]);
    expect(unmatched()).toEqual([]);
  });

  it('writing again gets the same note, and still nothing is kept', async () => {
    const { slack, records, calls } = await waypointOnSlack(11);
    for (const text of ['hi', 'student', 'freshman']) await deliver(slack, dmSaying(text));
    const before = calls.length;

    await deliver(slack, dmSaying('yes'));
    await deliver(slack, dmSaying("i'm actually in 11th"));

    expect(calls.slice(before).map((c) => c.body.text)).toEqual([expect.stringMatching(NOTE), expect.stringMatching(NOTE)]);
    expect(await keptAbout(records)).toEqual([]);
  });

  it('pressing the grade button: the question shows the answer, then the note; nothing is kept', async () => {
    const { slack, records, calls } = await waypointOnSlack(11);
    for (const text of ['hi', 'student']) await deliver(slack, dmSaying(text));
    const question = calls.at(-1)!.body;
    const press = fixture<any>('button-press.json');
    const tenth = question.blocks.filter((b: any) => b.type === 'actions').flatMap((b: any) => b.elements).find((e: any) => e.text.text === '10th');
    press.container.message_ts = '1718030002.000100';
    press.message = { ...press.message, ts: '1718030002.000100', text: question.text, blocks: question.blocks };
    press.actions = [{ ...tenth, block_id: 'b1', action_ts: '1718030099.000001' }];
    const before = calls.length;

    await deliver(slack, press);

    const said = calls.slice(before);
    expect(visibleTexts(said[0]!.body.blocks).at(-1)).toBe('You chose: *10th*');
    expect(said[1]!.body.text).toMatch(NOTE);
    expect(said).toHaveLength(2);
    expect(await keptAbout(records)).toEqual([]);
  });

  it('an 11th grader goes on as usual, and what they said is kept', async () => {
    const { slack, records, calls } = await waypointOnSlack(11);
    for (const text of ['hi', 'student', '11']) await deliver(slack, dmSaying(text));
    expect(calls.at(-1)!.body.text).toMatch(/^Got it: 11th grade\./);
    expect((await records.profile(STUDENT))?.grade).toBe(11);
  });

  it('family members and counselors are not asked their grade and are never turned away', async () => {
    const { slack, records, calls } = await waypointOnSlack(11);
    for (const text of ['hi', 'family']) await deliver(slack, dmSaying(text));
    expect(calls.at(-1)!.body.text).toMatch(/code/);
    expect((await records.profile(STUDENT))?.role).toBe('family');
  });

  it('6 lets every grade in, even a 3rd grader', async () => {
    const { slack, records, calls } = await waypointOnSlack(6);
    for (const text of ['hi', 'student', '3rd']) await deliver(slack, dmSaying(text));
    expect(calls.at(-1)!.body.text).not.toMatch(NOTE);
    expect((await records.profile(STUDENT))?.grade).toBe(3);
  });

  it('is set by WAYPOINT_SLACK_MIN_STUDENT_GRADE: 11 by default, 6 to 13 accepted, anything else stops start-up naming it', () => {
    const env = (value?: string) => (value === undefined ? {} : { WAYPOINT_SLACK_MIN_STUDENT_GRADE: value });
    expect(loadConfig(env(), '/nowhere').WAYPOINT_SLACK_MIN_STUDENT_GRADE).toBe(11);
    expect(loadConfig(env('6'), '/nowhere').WAYPOINT_SLACK_MIN_STUDENT_GRADE).toBe(6);
    expect(loadConfig(env('13'), '/nowhere').WAYPOINT_SLACK_MIN_STUDENT_GRADE).toBe(13);
    for (const bad of ['5', '14', 'eleven', '10.5']) {
      expect(() => loadConfig(env(bad), '/nowhere')).toThrow(/WAYPOINT_SLACK_MIN_STUDENT_GRADE is not valid: must be a (whole )?grade from 6 to 13/);
    }
  });
});
