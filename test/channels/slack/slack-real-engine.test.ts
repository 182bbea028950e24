/**
 * The Slack app with Waypoint's real engine and flows (the same ones the terminal chat uses): the
 * channel only translates payloads and renders replies.
 */
import nock from 'nock';
import { createEngine } from '../../../src/app/create-engine.js';
import { homeSummary } from '../../../src/features/home/home-summary.js';
import { loadReviewPolicy } from '../../../src/scheduler/index.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { Records } from '../../../src/store/records.js';
import { appData } from '../../helpers/test-app.js';
import { manyStudents, seedCaseload } from '../../features/counselor/counselor-world.js';
import { HOOKS, type RecordedCall, SLACK, appWithCustomReceiver, deliver, dmSaying, expectApiCall, fixture, visibleTexts } from './slack-test-kit.js';

const NOW = new Date('2026-11-23T15:00:00.000Z');

beforeAll(() => nock.disableNetConnect());
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});
afterEach(() => nock.cleanAll());

async function waypointOnSlack(records = new Records(new MemoryStore())) {
  const data = await appData();
  const engine = createEngine({ records, data, now: () => NOW });
  const home = homeSummary({ records, framework: data.framework, reviewPolicy: await loadReviewPolicy('America/Chicago'), now: () => NOW });
  return appWithCustomReceiver(engine, { homeView: (userId) => home(`slack:${userId}`), now: () => NOW });
}

/** The student's DM, as Slack sends it, with its own event and message id. */
const dm = dmSaying;
let n = 0;

/** A press on one of the buttons of a message we posted, as Slack sends it back. */
function press(posted: Record<string, any>, ts: string, label: string) {
  const body = fixture<any>('button-press.json');
  const button = posted.blocks.filter((b: any) => b.type === 'actions').flatMap((b: any) => b.elements).find((e: any) => e.text.text === label);
  if (!button) throw new Error(`no button "${label}"`);
  body.container.message_ts = ts;
  body.message = { ...body.message, ts, text: posted.text, blocks: posted.blocks };
  body.actions = [{ ...button, block_id: 'b1', action_ts: `1718031${n++}.000001` }];
  return body;
}

const buttons = (call: RecordedCall) => call.body.blocks.filter((b: any) => b.type === 'actions').flatMap((b: any) => b.elements.map((e: any) => e.text.text));

describe('Waypoint on Slack with its real engine', () => {
  it('a student onboards by buttons and by typing: questions become buttons, a press updates the question, the next one follows', async () => {
    const slack = await waypointOnSlack();
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, channel: 'D0STUDENT1', ts: '1718030001.000100' });
    expectApiCall(scope, 'chat.update', calls, { ok: true });
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, channel: 'D0STUDENT1', ts: '1718030002.000100' });
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, channel: 'D0STUDENT1', ts: '1718030003.000100' });

    await deliver(slack, dm('hi'));
    const welcome = calls[0]!.body;
    expect(welcome.text).toMatch(/^Hi! I'm Waypoint\./);
    expect(buttons(calls[0]!)).toEqual(["I'm a student", "I'm a family member", "I'm a counselor"]);

    await deliver(slack, press(welcome, '1718030001.000100', "I'm a student"));
    const update = calls[1]!.body;
    expect(update).toMatchObject({ channel: 'D0STUDENT1', ts: '1718030001.000100' });
    expect(update.blocks.some((b: any) => b.type === 'actions')).toBe(false);
    expect(visibleTexts(update.blocks).at(-1)).toBe("You chose: *I'm a student*");
    expect(calls[2]!.body.text).toMatch(/^What grade are you in\?/);
    expect(buttons(calls[2]!)).toContain('9th');

    // Typing the answer works as well as pressing it.
    await deliver(slack, dm('9'));
    scope.done();
    expect(calls[3]!.body.text).toMatch(/^Got it: 9th grade\./);
    expect(buttons(calls[3]!)).toEqual(['Yes', 'Maybe', 'No']);
    expect(calls.map((c) => c.method)).toEqual(['chat.postMessage', 'chat.update', 'chat.postMessage', 'chat.postMessage']);
  });

  it('a counselor with 40 students: counts first, a page of names, "more" as a button, and a meeting recorded by name', async () => {
    const records = new Records(new MemoryStore());
    const counselor = 'slack:U0STUDENT1';
    await records.store.put('counselors', counselor, { userKey: counselor, school: 'Central High', displayName: 'Ms. Lee', addedAt: NOW.toISOString(), addedBy: 'admin-cli' });
    await records.store.put('profiles', counselor, { userKey: counselor, role: 'counselor', choiceHistory: [], createdAt: NOW.toISOString(), lastActiveAt: NOW.toISOString() });
    await seedCaseload(records.store, counselor, manyStudents(40));
    const slack = await waypointOnSlack(records);
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK).persist();
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, channel: 'D0STUDENT1', ts: '1718030001.000100' });
    expectApiCall(scope, 'chat.update', calls, { ok: true });
    await deliver(slack, dm('caseload'));
    const summary = calls.at(-1)!;
    expect(summary.body.text).toMatch(/^40 students on your list\./);
    await deliver(slack, press(summary.body, '1718030001.000100', 'Show list'));
    const list = calls.at(-1)!;
    expect(buttons(list)).toContain('Next 15 (25 more)');
    await deliver(slack, press(list.body, '1718030001.000100', 'Next 15 (25 more)'));
    expect(calls.map((c) => c.body.text).join('\n')).toMatch(/- [A-Z][a-z]+ [A-Z][a-z]+, 1\dth grade: /);
    await deliver(slack, dm('met with ava garcia today'));
    expect(calls.at(-1)!.body.text).toMatch(/^Saved: you met with Ava Garcia on Nov 23, 2026/);
    scope.persist(false);
    nock.cleanAll();
  });

  it('typed questions are understood in Slack too: pay, a school word, and the way back to the question', async () => {
    const slack = await waypointOnSlack();
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK).persist();
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, channel: 'D0STUDENT1', ts: '1718030001.000100' });
    for (const text of ['hi', 'student', '9']) await deliver(slack, dm(text));
    const before = calls.length;
    await deliver(slack, dm('wait how much do vets make'));
    const said = calls.slice(before).map((c) => c.body.text).join('\n');
    expect(said).toMatch(/Veterinarians in the U\.S\. make about \$/);
    expect(said).toMatch(/back to question 1/);
    await deliver(slack, dm('whats FBLA'));
    expect(calls.at(-2)!.body.text + calls.at(-1)!.body.text).toMatch(/Future Business Leaders of America/);
    scope.persist(false);
    nock.cleanAll();
  });

  it('a student who typed the answer and then presses the old button keeps their answer; the old question closes', async () => {
    const slack = await waypointOnSlack();
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, channel: 'D0STUDENT1', ts: '1718030001.000100' });
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, channel: 'D0STUDENT1', ts: '1718030002.000100' });
    expectApiCall(scope, 'chat.update', calls, { ok: true });
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, channel: 'D0STUDENT1', ts: '1718030003.000100' });

    await deliver(slack, dm('hi'));
    await deliver(slack, dm('student'));
    await deliver(slack, press(calls[0]!.body, '1718030001.000100', "I'm a family member"));

    scope.done();
    expect(visibleTexts(calls[2]!.body.blocks).at(-1)).toBe('We had already moved on from this question, so that choice was skipped.');
    expect(calls[3]!.body.text).toMatch(/earlier question[\s\S]*What grade are you in\?/);
  });

  it('the Home tab shows the student\'s own summary from the records, with a button to explore', async () => {
    const slack = await waypointOnSlack();
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    for (let i = 0; i < 3; i++) expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: `1718030001.00010${i}` });
    expectApiCall(scope, 'views.publish', calls);

    for (const text of ['hi', 'student', '8']) await deliver(slack, dm(text));
    await deliver(slack, fixture('app-home-opened.json'));

    scope.done();
    const view = calls.at(-1)!.body.view;
    expect(view.type).toBe('home');
    const shown = visibleTexts(view.blocks).join('\n');
    expect(shown).toContain('*Grade*\n8th grade');
    expect(shown).toContain('*Career Pathway*\nNot chosen yet');
    expect(shown).toContain('*This year in your plan*\nNo plan yet');
    expect(shown).toMatch(/\*Next plan check-in\*\n\w+/);
    expect(view.blocks.at(-1).elements.map((e: any) => [e.action_id, e.text.text])).toEqual([['wp|menu|explore', 'Explore careers']]);
  });

  // Known problem, not in the Slack channel: help is built by the engine from each command's `help`
  // and `helpFor`, and src/features/counselor/student-view.ts lists "show student <name or id>" (the
  // counselor's student view) for families too (helpFor: ['counselor', 'family']). Once that is
  // ['counselor'], this passes: make it an ordinary it().
  it('a family member\'s help lists only what a family can do, not the counselor\'s "show student"', async () => {
    const slack = await waypointOnSlack();
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK).persist();
    expectApiCall(scope, 'chat.postMessage', calls, { ok: true, channel: 'D0STUDENT1', ts: '1718030001.000100' });
    for (const text of ['hi', 'family', 'help']) await deliver(slack, dm(text));
    scope.persist(false);
    nock.cleanAll();
    const help = calls.at(-1)!.body.text as string;
    expect(help).toMatch(/what's due/);
    expect(help).not.toMatch(/show student/);
  });

  it('/waypoint help, explore, plan, due and review are each answered only to the person who asked', async () => {
    const slack = await waypointOnSlack();
    const calls: RecordedCall[] = [];
    const scope = nock(SLACK);
    for (let i = 0; i < 3; i++) expectApiCall(scope, 'chat.postMessage', calls, { ok: true, ts: `1718030001.00020${i}` });
    for (const text of ['hi', 'student', '9']) await deliver(slack, dm(text));
    scope.done();
    const stray: string[] = [];
    const onStray = (req: { method?: string; href?: string; path?: string }) => stray.push(`${req.method} ${req.href ?? req.path}`);
    nock.emitter.on('no match', onStray);
    const answers: Record<string, any[]> = {};
    let asked = '';
    nock(HOOKS)
      .post(/^\/commands\//, (b) => ((answers[asked] ??= []).push(b), true))
      .times(20)
      .reply(200, 'ok');

    for (const sub of ['help', 'explore', 'plan', 'due', 'review']) {
      asked = sub;
      const command = { ...fixture<Record<string, string>>('slash-command.json'), text: sub, trigger_id: `trigger-${sub}` };
      await deliver(slack, command);
    }

    nock.emitter.removeListener('no match', onStray);
    expect(stray).toEqual([]); // nothing was posted in the channel
    expect(Object.keys(answers)).toEqual(['help', 'explore', 'plan', 'due', 'review']);
    for (const [sub, bodies] of Object.entries(answers)) {
      for (const b of bodies) expect({ sub, type: b.response_type }).toEqual({ sub, type: 'ephemeral' });
    }
    expect(answers.help![0].text).toMatch(/Other things I can do/);
    // Already in the interest questions: explore goes on at the question they were on.
    expect(answers.explore![0].text).toMatch(/quick questions|Would you/);
    expect(answers.due![0].text).toMatch(/9th grade/);
    expect(answers.plan![0].text).toMatch(/Career Pathway/);
  });
});
