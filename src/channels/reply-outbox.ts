/**
 * Replies saved before the platform is told a message arrived, and delivered after: a reply the
 * engine saved is never lost to a crash. Each turn's deliveries are one record, written once
 * (collection "reply-outbox", id = "<channel>:<message id>"); how far sending got is a small record
 * beside it ("reply-outbox-progress", same id): each item is claimed there before it is sent, so
 * after a restart every item is sent at most once, and the items not yet claimed are sent then. A
 * claim rewrites a few bytes, never the replies themselves. Delivered records are kept a day, so a
 * platform's redelivery of a message already answered sends nothing twice, then removed.
 *
 * The one item that was being sent when the process stopped is "in doubt". A channel that can look
 * (Slack: the conversation's history, where each reply carries its ref in message metadata) says
 * whether it arrived; one that did not is sent then. Where nobody can tell, it is not sent again.
 */
import type { Store } from '../store/store.js';
import { turnScopeOf, type TurnScope } from '../engine/turn-scope.js';

export const REPLY_OUTBOX = 'reply-outbox';
/** How far each record's sending got: `{ claimed, doneAt? }`, rewritten at each claim. */
export const REPLY_PROGRESS = 'reply-outbox-progress';
const KEEP_DONE_MS = 24 * 60 * 60 * 1000;
/** Every this many saved turns, delivered records older than a day are removed. */
const PRUNE_EVERY = 1000;

/** One turn's deliveries, as saved (written once). */
export interface OutboxRecord<Item> {
  id: string;
  /** The channel's deliveries for one turn, in order (posts, updates, files). */
  items: Item[];
  createdAt: string;
  /** Records saved before progress had a record of its own carry it here. */
  claimed?: number;
  doneAt?: string;
}

/** How far a record's sending got. */
export interface OutboxProgress {
  /** How many items have been claimed for sending. */
  claimed: number;
  doneAt?: string;
}

/** A record with its progress. */
export type OutboxEntry<Item> = OutboxRecord<Item> & OutboxProgress;

/** A saved record and how far its sending got (older records kept their progress inside). */
export async function readOutboxEntry<Item>(store: Store, id: string): Promise<OutboxEntry<Item> | undefined> {
  const record = await store.get<OutboxRecord<Item>>(REPLY_OUTBOX, id);
  if (!record) return undefined;
  // A record saved before progress had a record of its own carries it inside.
  const progress = (await store.get<OutboxProgress>(REPLY_PROGRESS, id)) ?? { claimed: record.claimed ?? 0, ...(record.doneAt ? { doneAt: record.doneAt } : {}) };
  const { claimed: _claimed, doneAt: _doneAt, ...saved } = record;
  return { ...saved, ...progress };
}

/** Whether the reply being sent when the process stopped arrived. */
export type InDoubtCheck<Item> = (item: Item, ref: string, entry: OutboxEntry<Item>) => Promise<'sent' | 'not-sent' | 'unknown'>;

/** Sends one item; `ref` ("<record id>#<item index>") names it, for a channel that can look it up later. */
export type SendItem<Item> = (item: Item, ref: string) => Promise<void>;

export interface OutboxLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export class ReplyOutbox<Item> {
  /** Deliveries running in this process, so a redelivery does not start a second one. */
  private readonly running = new Map<string, Promise<void>>();
  /** Records this process saved and has not yet delivered: no need to read them back. */
  private readonly fresh = new Map<string, OutboxRecord<Item>>();
  /** Records this process delivered, oldest first, so pruning does not read every record. */
  private readonly delivered: { id: string; at: number }[] = [];
  /** Replicas sharing the store (PostgreSQL): each claim re-reads the record under its lock. */
  private readonly scope: TurnScope;

  constructor(
    private readonly store: Store,
    private readonly channel: string,
    private readonly send: SendItem<Item>,
    private readonly log?: OutboxLogger,
    private readonly now: () => Date = () => new Date(),
    private readonly inDoubt?: InDoubtCheck<Item>,
  ) {
    this.scope = turnScopeOf(store);
  }

  private key(messageId: string): string {
    return `${this.channel}:${messageId}`;
  }

  /**
   * Saves one turn's deliveries. For a message already answered (a platform's redelivery), only
   * when nothing was saved for it before: the turn was applied but the process stopped before this.
   */
  async save(messageId: string, items: Item[]): Promise<void> {
    if (items.length === 0) return;
    const record: OutboxRecord<Item> = { id: this.key(messageId), items, createdAt: this.now().toISOString() };
    if (await this.store.putIfAbsent(REPLY_OUTBOX, record.id, record)) this.fresh.set(record.id, record);
    // A server that runs for weeks removes delivered records as it goes, not only at start.
    if ((this.saves = (this.saves + 1) % PRUNE_EVERY) === 0) void this.pruneDelivered().catch(() => undefined);
  }

  private saves = 0;

  /** Removes what was saved for a message (a person turned away), once it is delivered. */
  forget(messageId: string): Promise<void> {
    return this.remove(this.key(messageId));
  }

  /** Removes one record and its progress. */
  private async remove(id: string): Promise<void> {
    await this.store.delete(REPLY_PROGRESS, id);
    await this.store.delete(REPLY_OUTBOX, id);
  }

  /** Removes this channel's delivered records older than a day, reading every one (at start); returns how many. */
  async prune(): Promise<number> {
    let removed = 0;
    const prefix = `${this.channel}:`;
    for (const id of await this.store.ids(REPLY_OUTBOX)) {
      if (!id.startsWith(prefix)) continue;
      const entry = await readOutboxEntry<Item>(this.store, id).catch(() => undefined);
      if (entry?.doneAt && this.now().getTime() - Date.parse(entry.doneAt) > KEEP_DONE_MS) {
        await this.remove(id);
        removed++;
      }
    }
    return removed;
  }

  /** Removes the records this process delivered more than a day ago; returns how many. */
  private async pruneDelivered(): Promise<number> {
    const before = this.now().getTime() - KEEP_DONE_MS;
    let removed = 0;
    while (this.delivered.length > 0 && this.delivered[0]!.at < before) {
      await this.remove(this.delivered.shift()!.id);
      removed++;
    }
    return removed;
  }

  /**
   * Sends what is saved and not yet claimed for this message; returns once it is done. `send`
   * replaces the usual way of sending for this call (a Teams turn answers through its own context).
   */
  deliver(messageId: string, send: SendItem<Item> = this.send): Promise<void> {
    return this.run(this.key(messageId), send, false);
  }

  private run(id: string, send: SendItem<Item>, afterRestart: boolean): Promise<void> {
    const already = this.running.get(id);
    if (already) return already;
    const run = this.deliverEntry(id, send, afterRestart).finally(() => {
      this.running.delete(id);
      this.fresh.delete(id);
    });
    this.running.set(id, run);
    return run;
  }

  private async deliverEntry(id: string, send: SendItem<Item>, afterRestart: boolean): Promise<void> {
    const saved = this.fresh.get(id);
    const entry: OutboxEntry<Item> | undefined = saved ? { ...saved, claimed: 0 } : await readOutboxEntry<Item>(this.store, id);
    if (!entry || entry.doneAt) return;
    if (afterRestart && entry.claimed > 0) await this.resolveInDoubt(id, entry, send);
    if (this.scope.shared) return this.deliverShared(id, entry.items, send);
    while (entry.claimed < entry.items.length) {
      const item = entry.items[entry.claimed]!;
      entry.claimed += 1;
      // Claimed before it is sent: a crash in between leaves this one item in doubt, never sent twice.
      await this.store.put<OutboxProgress>(REPLY_PROGRESS, id, { claimed: entry.claimed });
      await this.sendOne(id, entry.claimed - 1, item, send);
    }
    await this.markDone(id, entry.claimed);
  }

  private async markDone(id: string, claimed: number): Promise<void> {
    const at = this.now();
    await this.store.put<OutboxProgress>(REPLY_PROGRESS, id, { claimed, doneAt: at.toISOString() });
    this.delivered.push({ id, at: at.getTime() });
  }

  /** The same, when another replica may deliver this record at the same moment (a redelivery it took). */
  private async deliverShared(id: string, items: Item[], send: SendItem<Item>): Promise<void> {
    for (;;) {
      const claimed = await this.scope.run(`${REPLY_OUTBOX}:${id}`, async () => {
        const entry = await readOutboxEntry<Item>(this.store, id);
        if (!entry || entry.doneAt) return undefined;
        if (entry.claimed >= items.length) {
          await this.markDone(id, entry.claimed);
          return undefined;
        }
        await this.store.put<OutboxProgress>(REPLY_PROGRESS, id, { claimed: entry.claimed + 1 });
        return entry.claimed;
      });
      if (claimed === undefined) return;
      await this.sendOne(id, claimed, items[claimed]!, send);
    }
  }

  private async sendOne(id: string, index: number, item: Item, send: SendItem<Item>): Promise<void> {
    try {
      await send(item, `${id}#${index}`);
    } catch (err) {
      this.log?.warn({ outbox: id, item: index, err: (err as Error).name }, 'reply not delivered');
    }
  }

  /** The item claimed last, before the stop: sent again only when the channel can tell it never arrived. */
  private async resolveInDoubt(id: string, entry: OutboxEntry<Item>, send: SendItem<Item>): Promise<void> {
    const index = entry.claimed - 1;
    const item = entry.items[index];
    if (item === undefined || !this.inDoubt) return;
    const found = await this.inDoubt(item, `${id}#${index}`, entry).catch(() => 'unknown' as const);
    if (found !== 'not-sent') return;
    this.log?.info({ outbox: id, item: index }, 'a reply cut off by a restart is sent now');
    await this.sendOne(id, index, item, send);
  }

  /** Resolves when every delivery running in this process is done (tests, and a clean stop). */
  async idle(): Promise<void> {
    while (this.running.size > 0 || this.sweep) await Promise.allSettled([...this.running.values(), this.sweep]);
  }

  /** The start-up delivery, while it runs. */
  private sweep: Promise<unknown> | undefined;

  /** At start: sends every saved reply not yet claimed, and removes delivered records older than a day. */
  deliverPending(): Promise<{ delivered: number; removed: number }> {
    const run = this.deliverAllPending().finally(() => {
      if (this.sweep === run) this.sweep = undefined;
    });
    this.sweep = run;
    return run;
  }

  private async deliverAllPending(): Promise<{ delivered: number; removed: number }> {
    let delivered = 0;
    const prefix = `${this.channel}:`;
    for (const id of await this.store.ids(REPLY_OUTBOX)) {
      if (!id.startsWith(prefix)) continue;
      const entry = await readOutboxEntry<Item>(this.store, id);
      if (!entry || entry.doneAt) continue;
      await this.run(id, this.send, true);
      delivered++;
    }
    if (delivered > 0) this.log?.info({ channel: this.channel, delivered }, 'replies saved before a restart delivered');
    return { delivered, removed: await this.prune() };
  }
}
