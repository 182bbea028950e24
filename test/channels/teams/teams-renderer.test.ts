import { describe, expect, test } from '@jest/globals';
import type { PlanTableReply, QuestionReply } from '../../../src/domain/messages.js';
import { readChoiceSubmit } from '../../../src/channels/teams/card-submit.js';
import { readIncoming } from '../../../src/channels/teams/activity-to-turn.js';
import { answeredCard, MAX_BUTTONS, renderReplies, renderReply } from '../../../src/channels/teams/teams-renderer.js';
import { fixture } from './teams-fixtures.js';

const TEAMS_LIMIT = 28 * 1024;
const size = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');

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

  test('a large plan is split into several cards, each under the Teams 28 KB limit', () => {
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
