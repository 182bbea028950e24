/**
 * Teams conformance: a scripted conversation with Waypoint's real engine (students in English and
 * Spanish, a plan, questions typed on the side, a download, a family member's "what's due", a
 * counselor's caseload) through the real Teams server, and every message it sends checked against
 * what Teams documents and shows well: size in UTF-16 within 28 KB, no empty or repeated ids,
 * button titles Teams does not cut, choice lists that wrap and carry a label, a fallback text and
 * summary for every card, and the replies of a turn put together (one message unless it needs a
 * second card).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { createEngine } from '../../../src/app/create-engine.js';
import { MAX_BUTTON_TITLE } from '../../../src/channels/teams/teams-renderer.js';
import { TEAMS_MESSAGE_LIMIT } from '../../../src/channels/teams/teams-size.js';
import type { Reply } from '../../../src/domain/messages.js';
import type { TurnHandler } from '../../../src/engine/turn-handler.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { Records } from '../../../src/store/records.js';
import { makePlan } from '../../domain/family/family-fixtures.js';
import { manyStudents, seedCaseload } from '../../features/counselor/counselor-world.js';
import { appData } from '../../helpers/test-app.js';
import { cardOf, fixture, post, recordConnector, startTeams, type ConnectorCall, type Running, onlyLoopback } from './teams-test-kit.js';

jest.setTimeout(120_000);

const THERAPEUTIC = 'health-science.therapeutic-services';
const AT = '2026-10-01T15:00:00.000Z';
type Person = { aad: string; chat: string; locale?: string };
const person = (n: number, locale?: string): Person => ({ aad: `00000000-0000-4000-8000-00000000000${n}`, chat: `a:${n}chat`, locale });

/** The engine, remembering what it answered each turn, so each turn's messages can be checked against its replies. */
class Recording implements TurnHandler {
  readonly answers: Reply[][] = [];
  constructor(private readonly inner: TurnHandler) {}
  async handle(turn: Parameters<TurnHandler['handle']>[0]) {
    const result = await this.inner.handle(turn);
    this.answers.push(result.replies);
    return result;
  }
}

const isCardReply = (r: Reply) => r.kind !== 'text';

/** Every problem Teams would have with one turn's messages. */
function problemsOf(said: string, replies: Reply[], sent: ConnectorCall[]): string[] {
  const problems: string[] = [];
  const bad = (what: string) => problems.push(`"${said}": ${what}`);
  const posts = sent.filter((c) => c.method === 'POST');
  if (sent.filter((c) => c.method === 'PUT').length > 1) bad('more than one card update');
  posts.forEach((c, i) => {
    const a = c.body;
    if (2 * JSON.stringify(a).length > TEAMS_MESSAGE_LIMIT) bad(`message ${i} is ${2 * JSON.stringify(a).length} bytes in UTF-16`);
    if (!a.text && !a.attachments?.length) bad(`message ${i} is empty`);
    if ((a.attachments?.length ?? 0) > 1) bad(`message ${i} has ${a.attachments.length} attachments`);
    if (!a.attachments?.length && i < posts.length - 1) bad(`message ${i} is text alone with more after it`);
    if (a.attachments?.length && !a.summary) bad(`message ${i} has no summary`);
  });
  for (const c of sent) {
    const card = cardOf(c);
    if (!card || c.body.attachments[0].contentType !== 'application/vnd.microsoft.card.adaptive') continue;
    if (!card.fallbackText?.trim()) bad('a card without fallback text');
    const ids: string[] = [];
    JSON.stringify(card, (key, value) => (key === 'id' && ids.push(String(value)), value));
    if (ids.some((id) => id.trim() === '')) bad('an empty id');
    if (new Set(ids).size !== ids.length) bad(`repeated ids ${ids.join(',')}`);
    for (const action of card.actions ?? []) {
      const title = String(action.title ?? '');
      if (!title.trim() || Array.from(title).length > MAX_BUTTON_TITLE) bad(`button title "${title}"`);
    }
    for (const list of card.body.filter((e: any) => e.type === 'Input.ChoiceSet')) {
      if (list.wrap !== true || !String(list.label ?? '').trim()) bad('a choice list that does not wrap or has no label');
      const values = list.choices.map((x: any) => x.value);
      if (values.some((v: string) => !v) || new Set(values).size !== values.length) bad('empty or repeated choice values');
    }
  }
  const cards = replies.filter(isCardReply).length;
  const endsInText = replies.length > 0 && !isCardReply(replies.at(-1)!);
  if (cards <= 1 && !(cards === 1 && endsInText) && posts.length > 1) bad(`${posts.length} messages for ${replies.length} replies with ${cards} card(s)`);
  return problems;
}

describe('Teams conformance: a scripted conversation with the real engine', () => {
  let run: Running<Recording>;
  let calls: ConnectorCall[];
  const problems: string[] = [];
  const kinds = new Set<string>();
  let turns = 0;
  /** Replies and messages of the turns that answered with more than one reply. */
  const several = { replies: 0, messages: 0 };

  onlyLoopback();
  beforeAll(async () => {
    calls = recordConnector();
    const store = new MemoryStore();
    const exportDir = mkdtempSync(path.join(tmpdir(), 'teams-conformance-'));
    const engine = createEngine({ records: new Records(store), data: await appData(), now: () => new Date(AT), exportDir });
    run = await startTeams(new Recording(engine), {}, store);
  });
  afterAll(async () => {
    await run.server.stop();
    nock.cleanAll();
  });

  let n = 0;
  /** One activity from `who`; checks what the bot sent for it; returns its messages. */
  async function send(who: Person, body: Record<string, any>, said: string): Promise<ConnectorCall[]> {
    const base = fixture(body.value ? 'card-submit' : 'personal-message');
    const activity = {
      ...base,
      ...body,
      id: `conf-${++n}`,
      from: { ...base.from, id: `29:${who.aad}`, aadObjectId: who.aad },
      conversation: { ...base.conversation, id: who.chat },
      ...(who.locale ? { locale: who.locale } : {}),
    };
    const before = calls.length;
    const answersBefore = run.handler.answers.length;
    expect((await post(run.url, activity)).status).toBe(200);
    const sent = calls.slice(before);
    const replies = run.handler.answers.slice(answersBefore).flat();
    replies.forEach((r) => kinds.add(r.kind));
    problems.push(...problemsOf(said, replies, sent));
    turns++;
    if (replies.length > 1) {
      several.replies += replies.length;
      several.messages += sent.filter((c) => c.method === 'POST').length;
    }
    return sent;
  }
  const say = (who: Person, text: string) => send(who, { text }, text);

  /** Presses the choice whose id or label matches, on the last card sent to this chat. */
  async function pick(who: Person, match: (c: { id: string; label: string }) => boolean): Promise<ConnectorCall[]> {
    const card = [...calls].reverse().find((c) => c.method === 'POST' && c.path.includes(who.chat) && cardOf(c)?.actions);
    if (!card) throw new Error('no card with buttons');
    const content = cardOf(card);
    const button = content.actions.find((a: any) => a.data?.choiceId && match({ id: a.data.choiceId, label: a.title }));
    if (button) return send(who, { replyToId: card.sentId, value: button.data, text: undefined }, `[${button.title}]`);
    const list = content.body.find((e: any) => e.type === 'Input.ChoiceSet');
    const option = list?.choices.find((o: any) => match({ id: o.value, label: o.title }));
    if (!option) throw new Error(`no such choice on "${content.fallbackText.slice(0, 60)}"`);
    return send(who, { replyToId: card.sentId, value: { ...content.actions[0].data, choiceId: option.value }, text: undefined }, `[${option.title}]`);
  }
  const lastQuestionId = (who: Person) => {
    const card = [...calls].reverse().find((c) => c.method === 'POST' && c.path.includes(who.chat) && cardOf(c)?.actions);
    return (card ? cardOf(card).actions[0].data?.questionId : undefined) as string | undefined;
  };

  test('a student goes from hello to a plan of study, asks questions on the side, and downloads the plan', async () => {
    const ana = person(1);
    await say(ana, 'hi');
    await pick(ana, (c) => c.label === "I'm a student");
    await pick(ana, (c) => c.label === '10th');
    for (let i = 0; i < 40 && lastQuestionId(ana)?.startsWith('interest:'); i++) await pick(ana, () => true);
    await pick(ana, (c) => c.id === 'all-clusters');
    await pick(ana, (c) => c.id === 'cluster:health-science');
    await pick(ana, (c) => c.id === `pathway:${THERAPEUTIC}`);
    await pick(ana, (c) => c.id === 'plan');
    await pick(ana, (c) => c.id === 'goal:0');
    for (const text of ['show my plan', 'what is fafsa', 'how much do nurses make', 'whats FBLA', 'download my plan', 'help']) await say(ana, text);
  });

  test('a Spanish-speaking student sees the buttons and lists in Spanish', async () => {
    const sofia = person(2, 'es-MX');
    await say(sofia, 'hola');
    await pick(sofia, (c) => /estudiante/i.test(c.label));
    const grade = [...calls].reverse().find((c) => c.path.includes(sofia.chat) && cardOf(c)?.body.some((e: any) => e.type === 'Input.ChoiceSet'));
    const list = cardOf(grade!).body.find((e: any) => e.type === 'Input.ChoiceSet');
    expect(list).toMatchObject({ label: 'Opciones', wrap: true });
    expect(cardOf(grade!).actions[0].title).toBe('Enviar');
  });

  test("a family member asks what's due for their student", async () => {
    const pat = person(3);
    const jordan = 'teams:jordan';
    const parent = `teams:${pat.aad}`;
    const store = run.store;
    await store.put('profiles', jordan, { userKey: jordan, role: 'student', grade: 9, gradeSetAt: AT, displayName: 'Jordan Lee', choiceHistory: [], createdAt: AT, lastActiveAt: AT });
    await store.put('plans', jordan, makePlan(9, { goal: 'Community college' }));
    await store.put('profiles', parent, { userKey: parent, role: 'family', displayName: 'Pat', choiceHistory: [], createdAt: AT, lastActiveAt: AT });
    await store.put('family-links', parent, { familyKey: parent, studentKeys: [jordan], updatedAt: AT });
    await store.put('student-links', jordan, { studentKey: jordan, counselorKeys: [], familyKeys: [parent], updatedAt: AT });
    const due = await say(pat, "what's due");
    expect(due.filter((c) => c.method === 'POST')).toHaveLength(1); // the texts and the card of this year, together
    expect(due[0]!.body.text).toMatch(/^Jordan is in 9th grade/);
    await say(pat, 'help');
  });

  test('a counselor with 40 students: the summary, a page of the list, and more', async () => {
    const lee = person(4);
    const me = `teams:${lee.aad}`;
    await run.store.put('counselors', me, { userKey: me, school: 'Central High', displayName: 'Ms. Lee', addedAt: AT, addedBy: 'admin-cli' });
    await run.store.put('profiles', me, { userKey: me, role: 'counselor', choiceHistory: [], createdAt: AT, lastActiveAt: AT });
    await seedCaseload(run.store, me, manyStudents(40), '2026-09-01T00:00:00.000Z');
    for (const text of ['caseload', 'show list', 'more', 'help']) await say(lee, text);
  });

  test('every message kept to the Teams limits, and every kind of reply was rendered', () => {
    expect(problems).toEqual([]);
    expect([...kinds].sort()).toEqual(['card', 'file', 'plan', 'question', 'text']);
    // Put together: turns with several replies send about half as many messages.
    expect(several.messages).toBeLessThan(several.replies * 0.6);
    expect(turns).toBeGreaterThan(30);
  });
});
