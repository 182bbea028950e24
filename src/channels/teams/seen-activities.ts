/**
 * A small in-memory record of the activities this process is handling or has handled, so a
 * redelivery is not handled twice. A copy that arrives while the first is still running waits for
 * the first one's outcome: it may be answered 200 only once the message is safe, and when the first
 * copy fails it must get an error status too, so the Bot Connector sends it once more. The
 * engine's own messageId record is what guarantees "never twice" across restarts; this only saves
 * it the work.
 */
export type Arrival =
  /** The first copy: handle it, then call `finish` with whether it is safe (recorded). */
  | { kind: 'first'; finish(safe: boolean): void }
  /** Another copy is being handled: resolves true once it is safe, false when it failed. */
  | { kind: 'running'; outcome: Promise<boolean> }
  /** Already handled and safe. */
  | { kind: 'done' };

export class SeenActivities {
  private readonly done = new Set<string>();
  private readonly running = new Map<string, Promise<boolean>>();

  constructor(private readonly capacity = 5000) {}

  arrive(key: string): Arrival {
    if (this.done.has(key)) return { kind: 'done' };
    const outcome = this.running.get(key);
    if (outcome) return { kind: 'running', outcome };
    let settle!: (safe: boolean) => void;
    this.running.set(key, new Promise<boolean>((resolve) => (settle = resolve)));
    return {
      kind: 'first',
      finish: (safe) => {
        this.running.delete(key);
        // A failed one is forgotten, so the platform's retry is taken in.
        if (safe) this.remember(key);
        settle(safe);
      },
    };
  }

  private remember(key: string): void {
    this.done.add(key);
    if (this.done.size > this.capacity) this.done.delete(this.done.values().next().value as string);
  }

  /** Activities handled (and remembered) plus those running now. */
  get size(): number {
    return this.done.size + this.running.size;
  }
}
