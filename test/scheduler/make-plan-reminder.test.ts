/** A student in grades 8-12 with no plan gets one "make your plan" reminder a window, and its button starts the plan. */
import type { QuestionReply } from '../../src/domain/messages.js';
import { runReminderSweep } from '../../src/scheduler/index.js';
import { studentWithNothingPending } from '../helpers/test-app.js';
import { FakeSender, local, policy } from './sweep-fixtures.js';

const p = policy('America/Chicago');

describe('"make your plan" reminders', () => {
  it('reach a 9th grader with no plan and no counselor, short and kind, and "Make my plan" opens the plan', async () => {
    const chat = await studentWithNothingPending('9th');
    const inbox = new FakeSender('console');
    const now = local('2026-09-15 09:00'); // fall window opens
    expect((await runReminderSweep({ store: chat.store, senders: [inbox], policy: p, now })).sent).toBe(1);
    const q = inbox.sent[0]!.replies[0] as QuestionReply;
    expect(q).toMatchObject({ questionId: 'reminder:make-plan', choices: [{ id: 'make-plan', label: 'Make my plan' }] });
    expect(q.text).toMatch(/You don't have a Plan of Study yet/);
    expect(q.text.length).toBeLessThanOrEqual(280);
    expect((await runReminderSweep({ store: chat.store, senders: [inbox], policy: p, now: local('2026-10-15 09:00') })).sent).toBe(0);

    await chat.press('reminder:make-plan', 'make-plan');
    expect(chat.text()).toMatch(/A Plan of Study is built around a Career Pathway/); // the plan command's first step
    expect(chat.question()?.choices.map((c) => c.label)).toEqual(['Explore careers', 'Not now']);
  });
});
