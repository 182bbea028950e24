import { homeSummary } from '../../../src/features/home/home-summary.js';
import { loadReviewPolicy } from '../../../src/scheduler/index.js';
import { Records } from '../../../src/store/records.js';
import type { Store } from '../../../src/store/store.js';
import { appData } from '../../helpers/test-app.js';
import { codeIn, newWorld, savePlan } from '../people/people-world.js';
import { cell, planNow, studentWithPathway } from '../plan/plan-chat-helpers.js';
import type { CardReply } from '../../../src/domain/messages.js';

/** 23 Nov 2026: the fall check-ins (15 Sep - 15 Nov) are over, spring ones are next. */
const NOW = new Date('2026-11-23T15:00:00.000Z');

async function home(store: Store, userKey: string): Promise<CardReply> {
  const data = await appData();
  const summary = homeSummary({ records: new Records(store), framework: data.framework, reviewPolicy: await loadReviewPolicy('America/Chicago'), now: () => NOW });
  return summary(userKey);
}

const field = (card: CardReply, label: string) => card.fields.find((f) => f.label === label)?.value;
const everything = (card: CardReply) => [card.title, card.text, ...card.fields.flatMap((f) => [f.label, f.value])].join('\n');

describe('the home summary', () => {
  it('shows a student their Path, Cluster, Pathway, this year\'s classes and next check-in, with buttons to carry on', async () => {
    const w = await newWorld();
    const ana = w.chat('ana');
    await studentWithPathway(ana, '9');
    await ana.say('plan');
    const english9 = cell(await planNow(ana), 9, 'english')[0]!;

    const card = await home(w.store, 'console:ana');

    expect(card.title).toBe('Your Waypoint');
    expect(field(card, 'Grade')).toBe('9th grade');
    expect(field(card, 'Career Path')).toBe('Health Services (Health Path)');
    expect(field(card, 'Career Cluster')).toBe('Health Science');
    expect(field(card, 'Career Pathway')).toBe('Therapeutic Services');
    expect(field(card, 'This year in your plan')).toContain(english9);
    expect(field(card, 'Next plan check-in')).toMatch(/^Spring, \w{3} \d{1,2} to \w{3} \d{1,2}$/);
    expect(card.questionId).toBe('menu');
    expect(card.actions?.map((a) => a.id)).toEqual(['explore', 'plan']);
    expect(card.text).toContain('Career Pathway: Therapeutic Services');
  });

  it('a student with nothing chosen yet sees what is missing and a button to explore', async () => {
    const w = await newWorld();
    await w.student('ben', 7);

    const card = await home(w.store, 'console:ben');

    expect(field(card, 'Grade')).toBe('7th grade');
    expect(field(card, 'Career Pathway')).toBe('Not chosen yet');
    expect(field(card, 'This year in your plan')).toBe('No plan yet');
    expect(card.actions?.map((a) => a.id)).toEqual(['explore']);
  });

  it('a student whose plan is overdue for a check-in gets a button to review it', async () => {
    const w = await newWorld();
    await w.student('cai', 9);
    await savePlan(w.store, 'console:cai', '2026-08-20T15:00:00.000Z');

    const card = await home(w.store, 'console:cai');

    expect(field(card, 'Next plan check-in')).toMatch(/^Overdue/);
    expect(card.actions?.map((a) => a.id)).toContain('plan-review');
  });

  it('a family member sees only the students linked to them', async () => {
    const w = await newWorld();
    const sam = await w.student('sam', 10);
    await w.student('zoe', 11);
    await w.store.put('profiles', 'console:sam', { ...(await w.store.get<object>('profiles', 'console:sam')), displayName: 'Sam Lee' });
    await w.store.put('profiles', 'console:zoe', { ...(await w.store.get<object>('profiles', 'console:zoe')), displayName: 'Zoe Park' });
    await savePlan(w.store, 'console:sam', '2026-11-20T15:00:00.000Z');
    await sam.say('invite my family');
    const code = codeIn(sam.text());
    const mom = await w.family('mom');
    await mom.say(code);

    const card = await home(w.store, 'console:mom');

    expect(card.title).toBe('Waypoint for families');
    expect(card.fields.map((f) => f.label)).toEqual(['Sam']);
    expect(field(card, 'Sam')).toMatch(/^10th grade\nNo Career Pathway chosen yet\nNext plan check-in: Spring, \w{3} \d{1,2} to \w{3} \d{1,2}$/);
    expect(everything(card)).not.toMatch(/Zoe|11th/);
    expect(card.actions?.map((a) => a.id)).toEqual(['whats-due']);
  });

  it('a family member with no linked student is told how to link one', async () => {
    const w = await newWorld();
    await w.family('dad');
    const card = await home(w.store, 'console:dad');
    expect(field(card, 'Your students')).toMatch(/invite my family/);
    expect(card.actions?.map((a) => a.id)).toEqual(['link-student']);
  });

  it('a counselor sees their own caseload in numbers, and nobody else\'s students', async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera');
    await rivera.say('new class code');
    const code = codeIn(rivera.text());
    for (const s of ['sam', 'ana']) await (await w.student(s)).say(code);
    await savePlan(w.store, 'console:sam', '2026-08-20T15:00:00.000Z');
    await w.student('other', 9); // not on the list

    const card = await home(w.store, 'console:rivera');

    expect(card.title).toBe('Your caseload');
    expect(field(card, 'Students')).toBe('2');
    expect(field(card, 'No plan yet')).toBe('1');
    expect(field(card, 'Overdue for a review')).toBe('1');
    expect(card.actions?.map((a) => a.id)).toEqual(['caseload']);
  });

  it('a counselor whose access is not set up is told so and sees no students', async () => {
    const w = await newWorld();
    // A counselor profile without the admin's record (access removed, or never set up).
    const at = NOW.toISOString();
    await w.store.put('profiles', 'console:nobody', { userKey: 'console:nobody', role: 'counselor', choiceHistory: [], createdAt: at, lastActiveAt: at });
    const card = await home(w.store, 'console:nobody');
    expect(everything(card)).toMatch(/access isn't set up/);
    expect(card.actions).toBeUndefined();
  });

  it('someone Waypoint has never met gets a welcome with a button to explore', async () => {
    const w = await newWorld();
    const card = await home(w.store, 'console:new');
    expect(card.title).toBe('Welcome to Waypoint');
    expect(card.actions?.map((a) => a.id)).toEqual(['explore']);
  });

  it('the buttons run the same commands as typing them', async () => {
    const w = await newWorld();
    const ana = w.chat('ana');
    await studentWithPathway(ana, '9');
    await ana.say('plan');
    await ana.press('menu', 'plan');
    expect(ana.text()).toMatch(/This year: 9th grade/);
  });
});
