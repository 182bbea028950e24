/**
 * Messages, presses and commands written down before Slack is told they arrived. In Socket Mode,
 * Bolt acknowledges an event the moment it comes in, and a press or command is acknowledged within
 * 2 s even if its turn is still running; a crash then would lose what the person typed. So each one
 * is saved first (collection "slack-inbox", id from Slack's own ids), removed once its turn is done,
 * and any left by a crash are applied at the next start, oldest first, before new events are read.
 * The engine answers a message it already applied from its record, so nothing is applied twice.
 * An entry that has failed to apply three times is dropped with a log line (ids only).
 */
import type { App, ReceiverEvent } from '@slack/bolt';
import type { Store } from '../../store/store.js';

export const SLACK_INBOX = 'slack-inbox';
const MAX_ATTEMPTS = 3;

export interface InboxEntry {
  id: string;
  body: Record<string, unknown>;
  receivedAt: string;
  /** Times it was applied after a restart. */
  attempts: number;
}

export interface InboxLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

type Body = Record<string, any>;

/** The inbox id of what changes a conversation (a DM, a press, a command); undefined for the rest. */
export function inboxIdOf(body: Body): string | undefined {
  if (body.type === 'event_callback') {
    return body.event?.type === 'message' && typeof body.event_id === 'string' ? `event-${body.event_id}` : undefined;
  }
  if (body.type === 'block_actions') {
    const action = body.actions?.[0];
    const where = body.container?.message_ts ?? body.view?.id ?? body.container?.view_id;
    return action?.action_ts && where ? `action-${String(where)}-${String(action.action_ts)}` : undefined;
  }
  if (typeof body.command === 'string' && typeof body.trigger_id === 'string') return `command-${body.trigger_id}`;
  return undefined;
}

export class SlackInbox {
  /**
   * Per entry: deliveries of it being processed now, and the turns they started. The entry is
   * removed once no delivery is being processed and every turn is done (a redelivery may come in
   * while the first copy's turn still runs).
   */
  private readonly inFlight = new Map<string, { deliveries: number; turns: Promise<unknown>[] }>();
  private readonly removing = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly log?: InboxLogger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Listeners call this with the turn they started for a body (which may outlast Slack's ack). */
  track(body: Body, work: Promise<unknown>): void {
    const id = inboxIdOf(body);
    if (id) this.inFlight.get(id)?.turns.push(work);
  }

  private begin(id: string): void {
    const f = this.inFlight.get(id);
    if (f) f.deliveries += 1;
    else this.inFlight.set(id, { deliveries: 1, turns: [] });
  }

  /** The turns started for an entry, once its last delivery is processed (none if others still run). */
  private end(id: string): Promise<unknown>[] | undefined {
    const f = this.inFlight.get(id);
    if (!f) return [];
    f.deliveries -= 1;
    if (f.deliveries > 0) return undefined;
    this.inFlight.delete(id);
    return f.turns;
  }

  /**
   * The app as its receiver should see it: every event is saved before Bolt can acknowledge it.
   * Call `receiver.init(inbox.wrap(app))` once the App is built.
   */
  wrap(app: App): App {
    const processEvent = async (event: ReceiverEvent): Promise<void> => {
      const id = inboxIdOf(event.body as Body);
      if (!id) return app.processEvent(event);
      const entry: InboxEntry = { id, body: event.body as Body, receivedAt: this.now().toISOString(), attempts: 0 };
      // A redelivery of one already held keeps the first copy (its turn is applied once anyway).
      this.begin(id);
      try {
        await this.store.putIfAbsent(SLACK_INBOX, id, entry);
        await app.processEvent(event);
      } finally {
        const turns = this.end(id);
        if (turns) this.removeWhenDone(id, turns);
      }
    };
    return new Proxy(app, { get: (target, key) => (key === 'processEvent' ? processEvent : Reflect.get(target, key, target)) });
  }

  private removeWhenDone(id: string, turns: Promise<unknown>[]): void {
    // Removed when the turns are done, whether they worked or not (a failed turn told the person so).
    const removal: Promise<void> = Promise.allSettled(turns)
      .then(() => this.store.delete(SLACK_INBOX, id))
      .catch(() => undefined)
      .finally(() => this.removing.delete(removal));
    this.removing.add(removal);
  }

  /** At start, before events are read: applies, oldest first, what a crash left. Returns how many. */
  async applyPending(app: App): Promise<number> {
    const entries = (await this.store.list<InboxEntry>(SLACK_INBOX)).map((r) => r.value).filter((e) => e && typeof e.id === 'string');
    entries.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    let applied = 0;
    for (const entry of entries) {
      if (entry.attempts >= MAX_ATTEMPTS) {
        this.log?.warn({ inbox: entry.id, attempts: entry.attempts }, 'a message that failed to apply 3 times was dropped');
        await this.store.delete(SLACK_INBOX, entry.id);
        continue;
      }
      await this.store.put(SLACK_INBOX, entry.id, { ...entry, attempts: entry.attempts + 1 });
      this.begin(entry.id);
      try {
        await app.processEvent({ body: entry.body, ack: async () => undefined, retryNum: entry.attempts + 1, retryReason: 'waypoint_restart', customProperties: {} });
        const turns = this.end(entry.id) ?? [];
        // A turn that fails here told the person so; it is not tried again.
        await Promise.allSettled(turns);
        await this.store.delete(SLACK_INBOX, entry.id);
        applied++;
      } catch (error) {
        this.end(entry.id);
        this.log?.warn({ inbox: entry.id, err: (error as Error).name }, 'a message saved before a restart failed to apply; it is tried again at the next start');
      }
    }
    if (applied > 0) this.log?.info({ applied }, 'messages that arrived before a restart applied');
    return applied;
  }

  /** Resolves once every finished turn's entry is removed (tests, a clean stop). */
  async idle(): Promise<void> {
    while (this.removing.size > 0) await Promise.allSettled([...this.removing]);
  }
}
