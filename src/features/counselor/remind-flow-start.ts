/**
 * Starts the reminder preview (flows/counselor-remind.ts) for some of a counselor's students:
 * how many, the first few first names, and what the message says; outside sending hours it
 * offers the next allowed time in words ("7:00 Monday").
 */
import { COUNSELOR_REMIND_FLOW, type RemindFlowInput } from '../../../flows/counselor-remind.js';
import { text } from '../../domain/messages.js';
import { localParts, nextAllowedTime, type ReviewPolicy } from '../../domain/reminders/index.js';
import type { TurnContext } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import type { StudentRow } from './caseload-rows.js';
import type { CounselorDeps } from './counselor-deps.js';
import { counselorReminder } from './remind-students.js';

const NAMES_SHOWN = 5;
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** "7:00 Monday", "7:00 today", "1:30 pm Friday" in the policy's time zone ("7:00 el lunes", "13:30 hoy"). */
export function sendTimeWords(at: Date, now: Date, policy: ReviewPolicy): string {
  const p = localParts(at.getTime(), policy.timeZone);
  const today = localParts(now.getTime(), policy.timeZone);
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const minute = String(p.minute).padStart(2, '0');
  const time = t(p.hour >= 12 ? 'counselor.remind.timePm' : 'counselor.remind.timeAm', { h12, h24: p.hour, minute });
  const sameDay = p.year === today.year && p.month === today.month && p.day === today.day;
  if (sameDay) return t('counselor.remind.atToday', { time });
  const weekday = DAYS[new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay()]!;
  return t('counselor.remind.atDay', { time, day: t(`counselor.remind.day.${weekday}`) });
}

function previewText(rows: Pick<StudentRow, 'name' | 'key' | 'hasPlan'>[], label: string): string {
  const first = rows.slice(0, NAMES_SHOWN).map((r) => r.name?.split(/\s+/)[0] ?? r.key);
  const names = rows.length > NAMES_SHOWN ? t('reminders.digest.andMore', { names: first.join(', '), more: rows.length - NAMES_SHOWN }) : first.join(', ');
  const sample = counselorReminder(rows[0]!)[0]!.text;
  if (rows.length === 1) return t('counselor.remind.previewOne', { who: first[0]!, sample });
  return t(label ? 'counselor.remind.previewLabel' : 'counselor.remind.preview', { n: rows.length, label, names, sample });
}

/** Shows the preview and waits for the answer; nothing is sent until the counselor says so. */
export async function startRemind(ctx: TurnContext, deps: CounselorDeps, rows: StudentRow[], label: string): Promise<void> {
  if (rows.length === 0) return void ctx.say(text(t('counselor.remind.nobody')));
  const policy = await deps.reviewPolicy();
  const next = nextAllowedTime(ctx.now, policy);
  const input: RemindFlowInput = {
    students: rows.map((r) => ({ key: r.key, hasPlan: r.hasPlan, ...(r.name ? { name: r.name } : {}) })),
    preview: previewText(rows, label),
    ...(next.getTime() !== ctx.now.getTime() ? { later: { at: next.toISOString(), words: sendTimeWords(next, ctx.now, policy) } } : {}),
  };
  await ctx.startFlow(COUNSELOR_REMIND_FLOW, input, { keepCurrent: true });
}
