/**
 * Replies saved before the platform is told a message arrived, and delivered after: a reply the
 * engine saved is never lost to a crash. Each turn's deliveries are one record (collection
 * "reply-outbox", id = "<channel>:<message id>"); each item is claimed (the record says it is
 * being sent) before it is sent, so after a restart every item is sent at most once, and the
 * items not yet claimed are sent then. Delivered records are kept a day, so a platform's
 * redelivery of a message already answered sends nothing twice, then removed.
 *
 * The one item that was being sent when the process stopped is "in doubt". A channel that can look
 * (Slack: the conversation's history, where each reply carries its ref in message metadata) says
 * whether it arrived; one that did not is sent then. Where nobody can tell, it is not sent again.
 */
import type { Store } from '../store/store.js';
import { turnScopeOf, type TurnScope } from '../engine/turn-scope.js';

export const REPLY_OUTBOX = 'reply-outbox';
const KEEP_DONE_MS = 24 * 60 * 60 * 1000;
/** Every this many saved turns, delivered records older than a day are removed. */
const PRUNE_EVERY = 1000;

export interface OutboxEntry<Item> {
  id: string;
  /** The channel's deliveries for one turn, in order (posts, updates, files). */
  items: Item[];
  /** How many items have been claimed for sending. */
  claimed: number;
  createdAt: string;
  doneAt?: string;
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
    const entry: OutboxEntry<Item> = { id: this.key(messageId), items, claimed: 0, createdAt: this.now().toISOString() };
    await this.store.putIfAbsent(REPLY_OUTBOX, entry.id, entry);
    // A server that runs for weeks removes delivered records as it goes, not only at start.
    if ((this.saves = (this.saves + 1) % PRUNE_EVERY) === 0) void this.prune().catch(() => undefined);
  }

  private saves = 0;

  /** Removes this channel's delivered records older than a day; returns how many. */
  async prune(): Promise<number> {
    let removed = 0;
    const prefix = `${this.channel}:`;
    for (const id of await this.store.ids(REPLY_OUTBOX)) {
      if (!id.startsWith(prefix)) continue;
      const entry = await this.store.get<OutboxEntry<Item>>(REPLY_OUTBOX, id).catch(() => undefined);
      if (entry?.doneAt && this.now().getTime() - Date.parse(entry.doneAt) > KEEP_DONE_MS) {
        await this.store.delete(REPLY_OUTBOX, id);
        removed++;
      }
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
    const run = this.deliverEntry(id, send, afterRestart).finally(() => this.running.delete(id));
    this.running.set(id, run);
    return run;
  }

  private async deliverEntry(id: string, send: SendItem<Item>, afterRestart: boolean): Promise<void> {
    const entry = await this.store.get<OutboxEntry<Item>>(REPLY_OUTBOX, id);
    if (!entry || entry.doneAt) return;
    if (afterRestart && entry.claimed > 0) await this.resolveInDoubt(id, entry, send);
    if (this.scope.shared) return this.deliverShared(id, send);
    while (entry.claimed < entry.items.length) {
      const item = entry.items[entry.claimed]!;
      entry.claimed += 1;
      // Claimed before it is sent: a crash in between leaves this one item in doubt, never sent twice.
      await this.store.put(REPLY_OUTBOX, id, entry);
      await this.sendOne(id, entry.claimed - 1, item, send);
    }
    entry.doneAt = this.now().toISOString();
    await this.store.put(REPLY_OUTBOX, id, entry);
  }

  /** The same, when another replica may deliver this record at the same moment (a redelivery it took). */
  private async deliverShared(id: string, send: SendItem<Item>): Promise<void> {
    for (;;) {
      const claimed = await this.scope.run(`${REPLY_OUTBOX}:${id}`, async () => {
        const now = await this.store.get<OutboxEntry<Item>>(REPLY_OUTBOX, id);
        if (!now || now.doneAt) return undefined;
        if (now.claimed >= now.items.length) {
          now.doneAt = this.now().toISOString();
          await this.store.put(REPLY_OUTBOX, id, now);
          return undefined;
        }
        now.claimed += 1;
        await this.store.put(REPLY_OUTBOX, id, now);
        return { index: now.claimed - 1, item: now.items[now.claimed - 1]! };
      });
      if (!claimed) return;
      await this.sendOne(id, claimed.index, claimed.item, send);
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
      const entry = await this.store.get<OutboxEntry<Item>>(REPLY_OUTBOX, id);
      if (!entry || entry.doneAt) continue;
      await this.run(id, this.send, true);
      delivered++;
    }
    if (delivered > 0) this.log?.info({ channel: this.channel, delivered }, 'replies saved before a restart delivered');
    return { delivered, removed: await this.prune() };
  }
}
