/**
 * A small in-memory record of activity ids already taken in, so a redelivery that arrives while
 * (or soon after) the first copy is handled is dropped at the door. The engine's own messageId
 * record is what guarantees "never twice" across restarts; this only saves it the work.
 */
export class SeenActivities {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 5000) {}

  /** True the first time a key is offered; false for a repeat. */
  claim(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value as string;
      this.seen.delete(oldest);
    }
    return true;
  }

  /** Forget a key whose handling failed, so the platform's retry is taken in. */
  release(key: string): void {
    this.seen.delete(key);
  }

  get size(): number {
    return this.seen.size;
  }
}
