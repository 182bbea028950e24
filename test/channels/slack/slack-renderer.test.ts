import type { PlanTableReply, Reply } from '../../../src/domain/messages.js';
import { decodeAction, encodeActionId } from '../../../src/channels/slack/slack-action-id.js';
import { escapeSlackText, splitText } from '../../../src/channels/slack/slack-escape.js';
import { renderAnswered, renderHomeView, renderMentionInvite, renderReplies, type SlackMessage } from '../../../src/channels/slack/slack-renderer.js';
import { thisYearIndex } from '../../../src/channels/slack/slack-blocks.js';
import { visibleTexts } from './slack-block-texts.js';

const messages = (replies: Reply[]) => renderReplies(replies) as SlackMessage[];

function expectWithinBlockKitLimits(message: SlackMessage) {
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  for (const block of message.blocks as any[]) {
    if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    if (block.fields) {
      expect(block.fields.length).toBeLessThanOrEqual(10);
      for (const f of block.fields) expect(f.text.length).toBeLessThanOrEqual(2000);
    }
    if (block.type === 'actions') {
      expect(block.elements.length).toBeLessThanOrEqual(25);
      for (const b of block.elements) {
        expect(b.text.text.length).toBeLessThanOrEqual(75);
        expect(b.action_id.length).toBeLessThanOrEqual(255);
      }
    }
  }
}

function bigPlan(): PlanTableReply {
  const grades = ['9th', '10th', '11th', '12th', 'Year 13', 'Year 14'];
  const subjects = ['English', 'Math', 'Science', 'Social Studies', 'Career Education', 'Other Courses', 'Work-Based Learning', 'Additional Activities'];
  return {
    kind: 'plan',
    title: 'Jordan\'s Personal Plan of Study',
    grades,
    rows: subjects.map((label) => ({ label, cells: grades.map((g) => `${label} for ${g}: ${'a long course description '.repeat(120)}`) })),
    fields: [
      { label: 'Path', value: 'Industrial & Engineering Technology' },
      { label: 'Cluster', value: 'Manufacturing' },
      { label: 'Pathway', value: 'Production' },
      { label: 'This year', value: '10th' },
    ],
    text: 'Jordan\'s plan, grade by grade.',
  };
}

describe('escaping', () => {
  it('turns Slack control characters into entities and defuses broadcast words', () => {
    expect(escapeSlackText('Tom & Jerry <b> <!channel> <@U123> @here @Channel @everyone')).toBe(
      'Tom &amp; Jerry &lt;b&gt; &lt;!channel&gt; &lt;@U123&gt; @\u2060here @\u2060Channel @\u2060everyone',
    );
  });

  it('no reply kind can carry a mention or broadcast into Slack', () => {
    const evil = '<!channel> <!here|here> <!everyone> <@U999> <#C1> <!subteam^S1> @here';
    const replies: Reply[] = [
      { kind: 'text', text: evil },
      { kind: 'question', questionId: 'q', text: evil, choices: [{ id: 'a', label: evil }] },
      { kind: 'card', title: evil, fields: [{ label: evil, value: evil }], text: evil, questionId: 'q', actions: [{ id: 'b', label: evil }] },
      { kind: 'plan', title: evil, grades: [evil], rows: [{ label: evil, cells: [evil] }], fields: [{ label: evil, value: evil }], text: evil },
    ];
    for (const m of messages(replies)) {
      const all = [m.text, ...visibleTexts(m.blocks)].join('\n');
      expect(all).not.toMatch(/<[!@#]/);
      expect(all).not.toMatch(/@(here|channel|everyone)/);
    }
    const file = renderReplies([{ kind: 'file', path: '/tmp/x', filename: 'x.pdf', mimeType: 'application/pdf', text: evil }])[0]!;
    expect(file.kind === 'file' && file.comment).not.toMatch(/<[!@#]/);
  });

  it('splits long text without cutting an entity in half', () => {
    const pieces = splitText('a&amp;'.repeat(1000), 3000);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(3000);
      expect(p).not.toMatch(/&(a|am|amp)?$/);
    }
    expect(pieces.join('')).toBe('a&amp;'.repeat(1000));
  });
});

describe('questions and buttons', () => {
  it('round-trips question and choice ids through the button, whatever characters they hold', () => {
    const id = encodeActionId('explore:q|7', 'yes/no', 0);
    expect(decodeAction(id, 'yes/no')).toEqual({ questionId: 'explore:q|7', choiceId: 'yes/no' });
    expect(decodeAction('someone_elses_button', 'x')).toBeUndefined();
    expect(encodeActionId('q', 'c'.repeat(300), 4)).toBe('wp|q|#4');
    expect(decodeAction('wp|q|#4', 'c'.repeat(300))).toEqual({ questionId: 'q', choiceId: 'c'.repeat(300) });
  });

  it('puts more than 25 choices into several button rows, with a numbered plain-text fallback', () => {
    const choices = Array.from({ length: 30 }, (_, i) => ({ id: `c${i}`, label: `Choice ${i + 1}` }));
    const [m] = messages([{ kind: 'question', questionId: 'many', text: 'Pick one', choices }]);
    const rows = m!.blocks.filter((b) => b.type === 'actions') as any[];
    expect(rows.map((r) => r.elements.length)).toEqual([25, 5]);
    expect(m!.text.split('\n')).toHaveLength(31);
    expectWithinBlockKitLimits(m!);
  });

  it('after a press, keeps the words, drops the buttons and says what was chosen (escaped once)', () => {
    const answered = renderAnswered(
      {
        text: 'Pick a club\n1. FFA &amp; 4-H',
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: 'Pick a club' } },
          { type: 'actions', elements: [] },
        ],
      },
      'FFA &amp; 4-H',
    );
    expect(answered.blocks.map((b) => b.type)).toEqual(['section', 'context']);
    expect(visibleTexts(answered.blocks)).toContain('You chose: *FFA &amp; 4-H*');
    expect(answered.text).toBe('Pick a club You chose: FFA &amp; 4-H');
  });
});

describe('what buttons say', () => {
  const buttonsOf = (m: SlackMessage) => (m.blocks.filter((b) => b.type === 'actions') as any[]).flatMap((b) => b.elements);

  it('a button never shows a user key: the key stays in its value and action id only', () => {
    const question: Reply = {
      kind: 'question',
      questionId: 'people:my-family',
      text: 'Pat can see your plan.',
      choices: [
        { id: 'remove:slack:U2', label: 'Remove Pat (slack:U2)' },
        { id: 'remove:teams:29:1abc', label: 'Remove teams:29:1abc' },
        { id: 'keep', label: 'Keep everyone' },
      ],
    };
    const [m] = messages([question]);
    const buttons = buttonsOf(m!);
    expect(buttons.map((b) => b.text.text)).toEqual(['Remove Pat', 'Remove someone without a name yet', 'Keep everyone']);
    expect(buttons.map((b) => b.value)).toEqual(['remove:slack:U2', 'remove:teams:29:1abc', 'keep']);
    expect(decodeAction(buttons[0].action_id, buttons[0].value)).toEqual({ questionId: 'people:my-family', choiceId: 'remove:slack:U2' });
    // The typed-answer list in the notification text shows the same words.
    expect(m!.text).not.toMatch(/slack:U2|teams:29/);
  });

  it('choices with the same id or label, or none, still make buttons with unique action ids and words', () => {
    const question: Reply = {
      kind: 'question',
      questionId: 'pick',
      text: 'Which one?',
      choices: [
        { id: 'ava', label: 'Ava Garcia (slack:U1)' },
        { id: 'ava', label: 'Ava Garcia (slack:U7)' },
        { id: '', label: '' },
        { id: 'x', label: '   ' },
      ],
    };
    const [m] = messages([question]);
    const buttons = buttonsOf(m!);
    const ids = buttons.map((b) => b.action_id);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id.length).toBeGreaterThan(0);
    expect(buttons.map((b) => b.text.text)).toEqual(['Ava Garcia', 'Ava Garcia (2)', 'Choice 3', 'Choice 4']);
    // Each still says which choice it is when pressed; one without an id carries no empty value.
    expect(buttons.map((b) => decodeAction(b.action_id, b.value)?.choiceId)).toEqual(['ava', 'ava', '#2', 'x']);
    expect(buttons[2]).not.toHaveProperty('value');
    expectWithinBlockKitLimits(m!);
  });
});

describe('the invitation after a mention', () => {
  it('escapes "&" in the deep link to the Messages tab, as Slack mrkdwn requires', () => {
    const invite = renderMentionInvite({ teamId: 'T0WAYPOINT', appId: 'A0WAYPOINT' });
    const shown = visibleTexts(invite.blocks).join(' ');
    expect(shown).toContain('<slack://app?team=T0WAYPOINT&amp;id=A0WAYPOINT&amp;tab=messages|send me a direct message>');
    expect(shown).not.toMatch(/&(?!amp;|lt;|gt;)/);
    expect(invite.text).not.toContain('slack://');
  });
});

describe('cards and plans', () => {
  it('a card with more than 10 fields uses several sections of at most 10', () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `Field ${i}`, value: `Value ${i}` }));
    const [m] = messages([{ kind: 'card', title: 'Caseload', fields, text: 'Caseload summary' }]);
    const fieldCounts = (m!.blocks as any[]).filter((b) => b.fields).map((b) => b.fields.length);
    expect(fieldCounts).toEqual([10, 10, 3]);
    expect(m!.text).toBe('Caseload summary');
  });

  it('a plan shows this year first, then the other grades in order', () => {
    const plan: PlanTableReply = {
      kind: 'plan',
      title: 'Plan',
      grades: ['9th', '10th', '11th'],
      rows: [{ label: 'English', cells: ['English 9', 'English 10', 'English 11'] }],
      fields: [{ label: 'This year', value: '10th' }],
      text: 'Plan',
    };
    const [m] = messages([plan]);
    const sections = visibleTexts(m!.blocks).filter((t) => /^\*(9th|10th|11th)\*/.test(t));
    expect(sections).toEqual(['*10th* (this year)\n*English:* English 10', '*9th*\n*English:* English 9', '*11th*\n*English:* English 11']);
    expect(thisYearIndex({ ...plan, fields: [], thisYearIndex: 2 })).toBe(2);
  });

  it('a table of another year (a 9th grader asks for 10th grade) labels no column "this year"', () => {
    const tenth: PlanTableReply = { kind: 'plan', title: '10th grade', grades: ['10th'], rows: [{ label: 'English', cells: ['English 10'] }], fields: [], text: '10th grade' };
    expect(thisYearIndex(tenth)).toBe(-1);
    const [m] = messages([tenth]);
    expect(visibleTexts(m!.blocks).join('\n')).not.toContain('this year');
    expect(visibleTexts(m!.blocks).join('\n')).toContain('*10th*');
  });

  it('a long plan is split into several messages that each respect Block Kit limits, losing nothing', () => {
    const plan = bigPlan();
    const out = messages([plan]);
    expect(out.length).toBeGreaterThan(1);
    for (const m of out) expectWithinBlockKitLimits(m);
    const all = out.flatMap((m) => visibleTexts(m.blocks)).join('\n');
    for (const row of plan.rows) for (const cell of row.cells) expect(all).toContain(cell.slice(0, 40));
    const thisYear = all.indexOf('*10th* (this year)');
    expect(thisYear).toBeGreaterThanOrEqual(0);
    expect(all.indexOf('*9th*\n')).toBeGreaterThan(thisYear);
    expect(all.indexOf('*Year 14*')).toBeGreaterThan(all.indexOf('*12th*'));
    expect(out[0]!.text).toBe('Jordan\'s plan, grade by grade.');
    expect(out[1]!.text).toMatch(/part 2 of/);
  });

  it('a very long text is split into sections under 3,000 characters', () => {
    const out = messages([{ kind: 'text', text: 'word '.repeat(2000) }]);
    expect(out).toHaveLength(1);
    expect(out[0]!.blocks.length).toBe(4);
    expectWithinBlockKitLimits(out[0]!);
  });
});

describe('the Home tab view', () => {
  it('renders the provided replies one after another and stays under 100 blocks', () => {
    const many: Reply[] = Array.from({ length: 80 }, (_, i) => ({ kind: 'text', text: `Line ${i}` }));
    const view = renderHomeView(many);
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(visibleTexts(view.blocks as any[]).at(-1)).toContain('Messages');
  });
});
