/**
 * Delivers the reminders counselors kept for later (src/features/counselor/scheduled-sends.ts)
 * once their time has come: each is claimed once (also across processes) before it is sent, so a
 * second sweep never sends it again. Logs carry ids only.
 */
import type { ProactiveSender } from '../domain/messages.js';
import { noteReminderSent } from '../features/counselor/remind-students.js';
import { SCHEDULED_SENDS, type ScheduledSend } from '../features/counselor/scheduled-sends.js';
import { sendTo } from '../features/people/notify.js';
import type { Store } from '../store/store.js';

const CLAIMS = 'scheduled-send-claims';

export interface DeliveryResult {
  sent: string[];
  failed: string[];
}

export async function deliverScheduledSends(store: Store, senders: readonly ProactiveSender[], now: Date): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: [], failed: [] };
  const due = (await store.list<ScheduledSend>(SCHEDULED_SENDS)).filter((r) => r.value.state === 'waiting' && Date.parse(r.value.sendAt) <= now.getTime());
  for (const { id, value } of due) {
    if (!(await store.putIfAbsent(CLAIMS, id, { at: now.toISOString() }))) continue;
    const ok = await sendTo(senders, value.studentKey, value.replies);
    await store.put<ScheduledSend>(SCHEDULED_SENDS, id, { ...value, state: ok ? 'sent' : 'failed', doneAt: now.toISOString() });
    if (ok) await noteReminderSent(store, value.studentKey, value.by, now);
    (ok ? result.sent : result.failed).push(value.studentKey);
  }
  return result;
}
