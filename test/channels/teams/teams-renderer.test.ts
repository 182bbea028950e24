import { describe, expect, test } from '@jest/globals';
import type { CardReply, PlanTableReply, QuestionReply } from '../../../src/domain/messages.js';
import { readChoiceSubmit } from '../../../src/channels/teams/card-submit.js';
import { readIncoming } from '../../../src/channels/teams/activity-to-turn.js';
import { answeredCard, MAX_BUTTON_TITLE, MAX_BUTTONS, renderReplies, renderReply } from '../../../src/channels/teams/teams-renderer.js';
import { fixture } from './teams-fixtures.js';

const TEAMS_LIMIT = 28 * 1024;
/** Teams measures a message in UTF-16: two bytes for each code unit. */
const size = (v: unknown) => 2 * JSON.stringify(v).length;

function bigPlan(cellChars: number): PlanTableReply {
  const grades = ['8th', '9th', '10th', '11th', '12th', 'Year 13', 'Year 14'];
  const labels = ['English', 'Math', 'Science', 'Social Studies', 'Career Education', 'Other Courses', 'Work-Based Learning', 'Additional Activities'];
  return {
    kind: 'plan',
    title: "Jordan's Personal Plan of Study",
    grades,
    rows: labels.map((label) => ({ label, cells: grades.map((g) => `${label} for ${g}: ${'x'.repeat(cellChars)}`) })),
    fields: [
      { label: 'Grade', value: '10th' },
      { label: 'Career Path', value: 'Industrial & Engineering Technology' },
    ],
    text: 'Your plan, grade by grade.',
  };
}

const texts = (card: any): string[] => card.body.flatMap((e: any) => (e.inlines ?? []).map((i: any) => i.text));

describe('Teams renderer', () => {
  test('a plan card starts with this school year, then the other grades in order', () => {
    const [msg] = renderReply(bigPlan(10));
    const card = msg.attachments![0].content;
    const t = texts(card);
    const headings = card.body.filter((e: any) => e.inlines?.[0]?.size === 'Medium').map((e: any) => e.inlines[0].text);
    expect(headings).toEqual(['This year: 10th', '8th', '9th', '11th', '12th', 'Year 13', 'Year 14']);
    expect(t).toContain('Career Path: ');
    expect(msg.summary).toBe('Your plan, grade by grade.');
  });

  test("a plan marked with this year's column starts there, even without a Grade field", () => {
    const plan = { ...bigPlan(10), fields: [], thisYearIndex: 3 };
    const card = renderReply(plan)[0]!.attachments![0].content;
    const headings = card.body.filter((e: any) => e.inlines?.[0]?.size === 'Medium').map((e: any) => e.inlines[0].text);
    expect(headings[0]).toBe('This year: 11th');
  });

  test('a large plan is split into several cards, each message under the Teams 28 KB limit counted in UTF-16', () => {
    const messages = renderReply(bigPlan(550));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(size(m)).toBeLessThan(TEAMS_LIMIT);
    const all = messages.flatMap((m) => texts(m.attachments![0].content));
    // every grade appears once, nothing lost
    for (const g of ['This year: 10th', '8th', '9th', '11th', '12th', 'Year 13', 'Year 14']) expect(all.filter((x) => x === g)).toHaveLength(1);
    expect(texts(messages[1].attachments![0].content)[0]).toBe("Jordan's Personal Plan of Study (continued)");
  });

  test('a small plan stays one card', () => {
    expect(renderReply(bigPlan(10))).toHaveLength(1);
  });

  test('text a user typed cannot format a card or mention anyone', () => {
    const [msg] = renderReply({ kind: 'card', title: 'Your goal', fields: [{ label: 'Goal', value: '**[click](http://x)** <at>Principal</at>' }], text: 'Goal' });
    const card = msg.attachments![0].content;
    expect(JSON.stringify(card)).not.toContain('<at>');
    expect(card.body.every((e: any) => e.type === 'RichTextBlock' && e.inlines.every((i: any) => i.type === 'TextRun'))).toBe(true);
    const [plain] = renderReply({ kind: 'text', text: 'Hello <at>Everyone</at>\u0007' });
    expect(plain).toEqual({ type: 'message', text: 'Hello Everyone', textFormat: 'plain' });
  });

  test('a question with more options than buttons becomes a list with a Send button, and still reads back', () => {
    const choices = Array.from({ length: MAX_BUTTONS + 2 }, (_, i) => ({ id: `c${i}`, label: `Cluster ${i}` }));
    const q: QuestionReply = { kind: 'question', questionId: 'cluster', text: 'Which cluster?', choices };
    const card = renderReply(q)[0].attachments![0].content;
    expect(card.actions).toHaveLength(1);
    expect(card.body.at(-1)).toMatchObject({ type: 'Input.ChoiceSet', id: 'choiceId' });
    // Teams merges the input into the button data
    const press = readChoiceSubmit({ ...card.actions[0].data, choiceId: 'c7' });
    expect(press).toEqual({ questionId: 'cluster', choiceId: 'c7', label: 'Cluster 7', prompt: 'Which cluster?' });
    expect(card.fallbackText).toContain('8. Cluster 7');
  });

  test("a list question's options wrap onto more lines and the list has a label", () => {
    const choices = Array.from({ length: MAX_BUTTONS + 1 }, (_, i) => ({ id: `c${i}`, label: `Option ${i}` }));
    const card = renderReply({ kind: 'question', questionId: 'q', text: 'Which one?', choices })[0]!.attachments![0].content;
    const list = card.body.find((e: any) => e.type === 'Input.ChoiceSet');
    expect(list).toMatchObject({ wrap: true, label: 'Choices', isRequired: true });
  });

  test('a choice too long for a button makes the question a choice list, so no label is cut', () => {
    const long = 'Help my student pick classes for next year and check the plan'; // 61 characters
    expect(long.length).toBeGreaterThan(MAX_BUTTON_TITLE);
    const q: QuestionReply = { kind: 'question', questionId: 'menu', text: 'What would you like to do?', choices: [{ id: 'a', label: 'See the plan' }, { id: 'b', label: long }] };
    const card = renderReply(q)[0]!.attachments![0].content;
    expect(card.actions.map((a: any) => a.title)).toEqual(['Send']);
    expect(card.body.at(-1).choices.map((c: any) => c.title)).toEqual(['See the plan', long]);
    const short = renderReply({ ...q, choices: [q.choices[0]!, { id: 'b', label: 'Check the plan' }] })[0]!.attachments![0].content;
    expect(short.actions.map((a: any) => a.title)).toEqual(['See the plan', 'Check the plan']);
    for (const a of short.actions) expect(Array.from(a.title as string).length).toBeLessThanOrEqual(MAX_BUTTON_TITLE);
  });

  test('field cards and long lists keep to the same size budget as plans', () => {
    const fields = Array.from({ length: 120 }, (_, i) => ({ label: `Student ${i}`, value: `10th grade: ${'notes '.repeat(90)}` }));
    const big: CardReply = { kind: 'card', title: 'Your students', fields, text: 'Your students, with notes.' };
    const [msg] = renderReply(big);
    expect(size(msg)).toBeLessThan(TEAMS_LIMIT);
    const card = msg!.attachments![0].content;
    expect(texts(card)[0]).toBe('Your students');
    expect(texts(card).at(-1)).toMatch(/did not fit/);
    const choices = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, label: `Student number ${i}, ${'with a long description '.repeat(12)}` }));
    const list = renderReply({ kind: 'question', questionId: 'who', text: 'Which student?', choices })[0]!;
    expect(size(list)).toBeLessThan(TEAMS_LIMIT);
    expect(list.attachments![0].content.body.at(-1).choices).toHaveLength(40);
  });

  test('accented and emoji text is counted as Teams counts it (UTF-16), not as UTF-8', () => {
    const plan = bigPlan(550);
    plan.rows = plan.rows.map((r) => ({ ...r, cells: r.cells.map((c) => c.replace(/x/g, 'é')) }));
    for (const m of renderReply(plan)) expect(size(m)).toBeLessThan(TEAMS_LIMIT);
  });

  test("one turn's text replies and the card after them are one message; a second card starts the next", () => {
    const out = renderReplies([
      { kind: 'text', text: 'Jordan is in 9th grade.' },
      { kind: 'text', text: 'This year the big things are: pick classes.' },
      { kind: 'card', title: 'This year', fields: [{ label: 'Classes', value: 'English 9' }], text: 'This year: English 9.' },
      { kind: 'text', text: 'Back to where we were:' },
      { kind: 'question', questionId: 'q', text: 'Ready?', choices: [{ id: 'y', label: 'Yes' }] },
    ]);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ text: 'Jordan is in 9th grade.\n\nThis year the big things are: pick classes.', textFormat: 'plain' });
    expect(out[0]!.attachments).toHaveLength(1);
    expect(out[1]).toMatchObject({ text: 'Back to where we were:' });
    expect(out[1]!.attachments![0].content.actions).toHaveLength(1);
  });

  test("a plan's two views (this year, then all years) become one card when they fit", () => {
    const big = bigPlan(5);
    const all = { ...big, grades: ['9th', '10th'], rows: big.rows.map((r) => ({ ...r, cells: r.cells.slice(1, 3) })) };
    const thisYear = { ...all, title: 'This year: 10th grade', grades: ['10th'], rows: all.rows.map((r) => ({ ...r, cells: [r.cells[1]!] })), thisYearIndex: 0 };
    const out = renderReplies([thisYear, all]);
    expect(out).toHaveLength(1);
    expect(texts(out[0]!.attachments![0].content)).toContain('This year: 10th grade');
    expect(texts(out[0]!.attachments![0].content)).toContain("Jordan's Personal Plan of Study");
  });

  test('every card carries a plain-text fallback and summary', () => {
    const all = renderReplies([
      { kind: 'question', questionId: 'q', text: 'Ready?', choices: [{ id: 'y', label: 'Yes' }] },
      { kind: 'card', title: 'Match', fields: [], text: 'Your top match is Health.' },
      bigPlan(5),
    ]);
    for (const m of all) {
      expect(m.summary).toBeTruthy();
      expect(m.attachments![0].content.fallbackText).toBeTruthy();
    }
  });

  test('the answered card has no buttons left', () => {
    const card = answeredCard({ questionId: 'q', choiceId: 'y', label: 'Yes', prompt: 'Ready?' });
    expect(card.actions).toBeUndefined();
    expect(card.fallbackText).toBe('Ready?\nYour answer: Yes');
  });

  test('a file outside Teams goes inline with its description; without a file it says so', () => {
    const file = { kind: 'file' as const, path: '/x/plan.csv', filename: 'plan.csv', mimeType: 'text/csv', text: 'Your plan as a spreadsheet.' };
    const [inline] = renderReply(file, { kind: 'inline', base64: 'YSxi' });
    expect(inline).toMatchObject({ text: 'Your plan as a spreadsheet.', attachments: [{ contentType: 'text/csv', name: 'plan.csv', contentUrl: 'data:text/csv;base64,YSxi' }] });
    const [consent] = renderReply(file, { kind: 'consent', token: 't1', sizeInBytes: 3 });
    expect(consent.attachments![0]).toMatchObject({ contentType: 'application/vnd.microsoft.teams.card.file.consent', content: { sizeInBytes: 3, acceptContext: { token: 't1' } } });
    expect(renderReply(file)[0].text).toContain('could not attach');
  });
});

describe('reading Teams activities', () => {
  const now = new Date('2025-01-01T00:00:00Z');

  test("a personal message loses the bot's mention but keeps other names as words", () => {
    const a = fixture('personal-message');
    a.text = '<at>Waypoint</at> my teacher <at>Ms Lee</at> said hi';
    a.entities = [{ type: 'mention', text: '<at>Waypoint</at>', mentioned: { id: a.recipient.id } }];
    const incoming = readIncoming(a, now);
    expect(incoming).toMatchObject({ kind: 'turn', turn: { text: 'my teacher Ms Lee said hi' } });
  });

  test('the user id falls back to the channel account id when there is no Entra id', () => {
    const a = fixture('personal-message');
    delete a.from.aadObjectId;
    expect(readIncoming(a, now)).toMatchObject({ turn: { userId: '29:1student-account-id' } });
  });

  test('a group chat is a shared space; an empty message is not text', () => {
    const group = fixture('personal-message');
    group.conversation.conversationType = 'groupChat';
    expect(readIncoming(group, now)).toEqual({ kind: 'shared-space' });
    const empty = fixture('personal-message');
    empty.text = '   ';
    expect(readIncoming(empty, now)).toEqual({ kind: 'not-text' });
  });

  test('very long text is cut before it reaches the engine', () => {
    const a = fixture('personal-message');
    a.text = 'a'.repeat(10_000);
    const incoming = readIncoming(a, now);
    expect(incoming.kind === 'turn' && incoming.turn.text!.length).toBe(2000);
  });
});
