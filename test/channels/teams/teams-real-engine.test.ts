/**
 * The Teams channel in front of Waypoint's real engine and flows: what a student sees when they
 * tap the buttons is what they see when they type, and an answered card cannot be used again.
 */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createEngine } from '../../../src/app/create-engine.js';
import { tIn } from '../../../src/i18n/t.js';
import type { Engine } from '../../../src/engine/engine.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { Records } from '../../../src/store/records.js';
import { appData } from '../../helpers/test-app.js';
import { manyStudents, seedCaseload } from '../../features/counselor/counselor-world.js';
import { cardOf, fixture, post, recordConnector, startTeams, type ConnectorCall, type Running, onlyLoopback } from './teams-test-kit.js';

const ALREADY_ANSWERED = tIn('en')('teams.alreadyAnswered');
const CLOSED_QUESTION = tIn('en')('teams.card.closed');

/** A second student, in their own personal chat. */
function otherStudent(activity: Record<string, any>): Record<string, any> {
  return {
    ...activity,
    from: { id: '29:2other-account-id', name: 'Sam Student', aadObjectId: '00000000-0000-4000-8000-000000000002' },
    conversation: { ...activity.conversation, id: 'a:2other-personal-chat' },
  };
}

function message(id: string, text: string, who: (a: Record<string, any>) => Record<string, any> = (a) => a) {
  return who({ ...fixture('personal-message'), id, text });
}

/** Pressing a button of a card the bot sent: Teams posts the button's data, plus any card inputs. */
function press(id: string, card: ConnectorCall, title: string, inputs: Record<string, string> = {}) {
  const action = cardOf(card).actions.find((a: any) => a.title === title);
  if (!action) throw new Error(`no button "${title}" on the card`);
  return { ...fixture('card-submit'), id, replyToId: card.sentId, value: { ...action.data, ...inputs } };
}

/** What the person sees in a sent activity: its text, summary and attachments. */
const seen = (c: ConnectorCall) => ({ text: c.body.text, summary: c.body.summary, attachments: c.body.attachments });

describe('Teams channel with the real engine', () => {
  let run: Running<Engine>;
  let calls: ConnectorCall[];

  onlyLoopback();
  beforeEach(async () => {
    calls = recordConnector();
    const store = new MemoryStore();
    const engine = createEngine({ records: new Records(store), data: await appData(), now: () => new Date('2025-09-15T14:00:00Z') });
    run = await startTeams(engine, {}, store);
  });
  afterEach(async () => {
    await run.server.stop();
    nock.cleanAll();
  });

  /** Posts an activity and returns what the bot sent because of it. */
  async function send(activity: unknown): Promise<ConnectorCall[]> {
    const before = calls.length;
    const res = await post(run.url, activity);
    expect(res.status).toBe(200);
    return calls.slice(before);
  }

  test('pressing a button moves the conversation on exactly as typing the answer does', async () => {
    const first = await send(message('a1', 'hi'));
    const roleCard = first.at(-1)!;
    expect(cardOf(roleCard).actions.map((a: any) => a.title)).toEqual(["I'm a student", "I'm a family member", "I'm a counselor"]);

    const pressed = await send(press('a2', roleCard, "I'm a student"));
    await send(message('b1', 'hi', otherStudent));
    const typed = await send(message('b2', '1', otherStudent));

    // the press first replaces the card, then the same messages follow as for the typed answer
    expect(pressed[0]!.method).toBe('PUT');
    expect(pressed.slice(1).map(seen)).toEqual(typed.map(seen));
    expect(typed.map((c) => c.method)).toEqual(typed.map(() => 'POST'));
  });

  test('a counselor with 40 students: counts first, a page of names, "more" typed, and a meeting recorded by name', async () => {
    const me = 'teams:00000000-0000-4000-8000-000000000001';
    const at = '2025-09-15T14:00:00.000Z';
    await run.store.put('counselors', me, { userKey: me, school: 'Central High', displayName: 'Ms. Lee', addedAt: at, addedBy: 'admin-cli' });
    await run.store.put('profiles', me, { userKey: me, role: 'counselor', choiceHistory: [], createdAt: at, lastActiveAt: at });
    await seedCaseload(run.store, me, manyStudents(40), '2025-09-01T00:00:00.000Z');
    const summary = JSON.stringify((await send(message('c1', 'caseload'))).map((c) => c.body));
    expect(summary).toMatch(/40 students on your list\./);
    const list = JSON.stringify((await send(message('c2', 'show list'))).map((c) => c.body));
    expect(list).toMatch(/Next 15 \(25 more\)/);
    const more = JSON.stringify((await send(message('c3', 'more'))).map((c) => c.body));
    expect(more).toMatch(/, 1\dth grade: /);
    expect(more).not.toEqual(list);
    const met = JSON.stringify((await send(message('c4', 'met with ava garcia today'))).map((c) => c.body));
    expect(met).toMatch(/Saved: you met with Ava Garcia on Sep 15, 2025/);
  });

  test('typed questions are understood in Teams too: pay, a school word, and the way back to the question', async () => {
    for (const [id, text] of [['u1', 'hi'], ['u2', 'student'], ['u3', '9']]) await send(message(id, text));
    const pay = await send(message('u4', 'wait how much do vets make'));
    const said = JSON.stringify(pay.map((c) => c.body));
    expect(said).toMatch(/Veterinarians in the U\.S\. make about \$/);
    expect(said).toMatch(/back to question 1/);
    const word = await send(message('u5', 'whats FBLA'));
    expect(JSON.stringify(word.map((c) => c.body))).toMatch(/Future Business Leaders of America/);
  });

  test('the pressed card becomes the question and the answer, with nothing left to press', async () => {
    const roleCard = (await send(message('a1', 'hi'))).at(-1)!;
    const [update] = await send(press('a2', roleCard, "I'm a student"));
    expect(update!.path).toBe(`/amer/v3/conversations/a:1personal-chat-id/activities/${roleCard.sentId}`);
    expect(cardOf(update!)).toEqual({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      fallbackText: "Who are you?\nYour answer: I'm a student",
      msteams: { width: 'Full' },
      body: [
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Who are you?', isSubtle: true }] },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Your answer: ', weight: 'Bolder' }, { type: 'TextRun', text: "I'm a student" }] },
      ],
    });
  });

  test('a second press on an answered card, even on another button, changes nothing', async () => {
    const roleCard = (await send(message('a1', 'hi'))).at(-1)!;
    const gradeQuestion = await send(press('a2', roleCard, "I'm a student"));
    const again = await send(press('a3', roleCard, "I'm a family member"));
    expect(again.map((c) => c.body.text)).toEqual([ALREADY_ANSWERED]);
    // still a student, still on the grade question
    const typed = await send(message('a4', '9'));
    expect(typed[0]!.body.text).toMatch(/^Got it: 9th grade\./);
    expect(gradeQuestion.length).toBe(2); // the card update, then one message
  });

  test('pressing an old card after typing the answer closes that card without claiming the pressed answer', async () => {
    const roleCard = (await send(message('a1', 'hi'))).at(-1)!;
    await send(message('a2', 'student'));
    const late = await send(press('a3', roleCard, "I'm a family member"));
    expect(late[0]!.method).toBe('PUT');
    const closed = cardOf(late[0]!);
    expect(closed.fallbackText).toBe(`Who are you?\n${CLOSED_QUESTION}`);
    expect(JSON.stringify(closed)).not.toContain('family member');
    expect(closed.actions).toBeUndefined();
    expect(late[1]!.body.text).toMatch(/earlier question/);
    expect((await send(message('a4', '9')))[0]!.body.text).toMatch(/^Got it: 9th grade\./);
  });

  test('a redelivered press is applied once and answered once', async () => {
    const roleCard = (await send(message('a1', 'hi'))).at(-1)!;
    await send(press('a2', roleCard, "I'm a student"));
    expect(await send(press('a2', roleCard, "I'm a student"))).toEqual([]);
    expect((await send(message('a3', '9')))[0]!.body.text).toMatch(/^Got it: 9th grade\./);
  });

  test('a list question is answered with its Send button and the chosen item', async () => {
    const roleCard = (await send(message('a1', 'hi'))).at(-1)!;
    const gradeCard = (await send(press('a2', roleCard, "I'm a student"))).at(-1)!;
    const list = cardOf(gradeCard).body.find((e: any) => e.type === 'Input.ChoiceSet');
    const ninth = list.choices.find((c: any) => c.title === '9th');
    const answered = await send(press('a3', gradeCard, 'Send', { choiceId: ninth.value }));
    expect(answered[0]!.method).toBe('PUT');
    expect(cardOf(answered[0]!).fallbackText).toMatch(/Your answer: 9th$/);
    expect(answered[1]!.body.text).toMatch(/^Got it: 9th grade\./);
  });
});
