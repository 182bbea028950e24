/**
 * Reminders a counselor asked for outside sending hours, kept until the next allowed moment.
 * Collection "scheduled-sends", id = "<student key>|<send time>": asking twice for the same
 * student and time keeps one, so it is sent once. The sweep delivers them
 * (src/scheduler/deliver-scheduled-sends.ts).
 */
import type { Reply } from '../../domain/messages.js';
import type { Store } from '../../store/store.js';

export const SCHEDULED_SENDS = 'scheduled-sends';

export interface ScheduledSend {
  studentKey: string;
  /** The counselor who asked. */
  by: string;
  sendAt: string;
  replies: Reply[];
  state: 'waiting' | 'sent' | 'failed';
  createdAt: string;
  doneAt?: string;
}

export const scheduledSendId = (studentKey: string, sendAt: string) => `${studentKey}|${sendAt}`;

/** Stores one send; false when the same student already has one at that time. */
export function scheduleSend(store: Store, s: Omit<ScheduledSend, 'state'>): Promise<boolean> {
  return store.putIfAbsent<ScheduledSend>(SCHEDULED_SENDS, scheduledSendId(s.studentKey, s.sendAt), { ...s, state: 'waiting' });
}
