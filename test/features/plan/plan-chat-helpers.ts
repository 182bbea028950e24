/** Helpers for the plan chat tests: a student with a chosen pathway, and reading the stored plan. */
import { FREE_TEXT_OFFER } from '../../../src/domain/occupations/free-text-replies.js';
import type { PlanTableReply, Reply } from '../../../src/domain/messages.js';
import { currentPlan, type Plan, type PlanContent } from '../../../src/domain/plan/index.js';
import type { TestChat } from '../../helpers/test-app.js';

/** The test clock: every turn happens at this time. */
export const NOW = '2026-11-23T15:00:00.000Z';
export const now = () => new Date(NOW);

export const THERAPEUTIC = 'health-science.therapeutic-services';

/** Onboards a student in `grade` and chooses a pathway with the free-text "choose" button. */
export async function studentWithPathway(chat: TestChat, grade: string, pathwayId = THERAPEUTIC): Promise<void> {
  await chat.say('hi');
  await chat.say('student');
  await chat.say(grade);
  await chat.say('stop');
  await chat.press(FREE_TEXT_OFFER, `choose-pathway:${pathwayId}`);
  expect(chat.text()).toMatch(/Saved! You chose/);
}

export async function storedPlan(chat: TestChat): Promise<Plan | undefined> {
  return chat.store.get<Plan>('plans', `${chat.channel}:${chat.user}`);
}

export async function planNow(chat: TestChat): Promise<PlanContent> {
  const plan = await storedPlan(chat);
  if (!plan) throw new Error('no plan stored');
  return currentPlan(plan);
}

/** Names in one cell of the current plan. */
export function cell(plan: PlanContent, grade: number, row: keyof PlanContent['grades'][number]['rows']): string[] {
  return plan.grades.find((g) => g.grade === grade)!.rows[row].map((i) => i.name);
}

/** Every grade a name appears in. */
export function gradesOf(plan: PlanContent, name: string): number[] {
  return plan.grades.filter((g) => Object.values(g.rows).some((items) => items.some((i) => i.name === name))).map((g) => g.grade);
}

export function tables(replies: Reply[]): PlanTableReply[] {
  return replies.filter((r): r is PlanTableReply => r.kind === 'plan');
}
