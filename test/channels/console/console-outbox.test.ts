import { PassThrough } from 'node:stream';
import { runConsole } from '../../../src/channels/console/console-channel.js';
import type { QuestionReply, Turn } from '../../../src/domain/messages.js';
import { REVIEW_REMINDER_QUESTION, START_REVIEW_CHOICE } from '../../../src/domain/reminders/index.js';

const reminder: QuestionReply = {
  kind: 'question',
  questionId: REVIEW_REMINDER_QUESTION,
  text: "Hi Ana! It's time for your fall check-in on your plan.",
  choices: [{ id: START_REVIEW_CHOICE, label: 'Start my review' }],
};

async function chat(lines: string[], waiting: QuestionReply[], interactive = false) {
  const turns: Turn[] = [];
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (d: Buffer) => (shown += d.toString()));
  input.end(lines.map((l) => `${l}\n`).join(''));
  await runConsole({
    handler: { handle: async (t: Turn) => (turns.push(t), { replies: [{ kind: 'text' as const, text: 'ok' }], duplicate: false }) },
    user: 'ana',
    input,
    output,
    interactive,
    takeOutbox: async () => waiting,
  });
  return { turns, shown };
}

describe('the terminal shows waiting reminders at start', () => {
  it('typing the number shown under a waiting reminder presses its button', async () => {
    const { turns, shown } = await chat(['1', '1'], [reminder]);
    expect(shown).toMatch(/^While you were away:\n.*check-in.*\n1\) Start my review\n/);
    expect(turns[0]).toMatchObject({ action: { id: REVIEW_REMINDER_QUESTION, value: START_REVIEW_CHOICE } });
    expect(turns[0]!.text).toBeUndefined();
    // Only the line right after it: later lines are ordinary messages.
    expect(turns[1]).toMatchObject({ text: '1' });
  });

  it('the button words work too, and other words are sent as they are', async () => {
    expect((await chat(['start my review'], [reminder])).turns[0]).toMatchObject({ action: { value: START_REVIEW_CHOICE } });
    expect((await chat(['what is due'], [reminder])).turns[0]).toMatchObject({ text: 'what is due' });
  });

  it('a person at the terminal is not greeted with a menu whose numbers would hide the reminder', async () => {
    expect((await chat([], [reminder], true)).turns).toEqual([]);
    expect((await chat([], [], true)).turns.map((t) => t.text)).toEqual(['hi']);
  });
});
