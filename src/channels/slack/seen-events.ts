/**
 * A small in-memory set of Slack ids already taken in hand (event ids, answered question
 * messages). Slack redelivers an event with the same event_id when it did not see our answer in
 * time; the first copy claims the id and every later copy is dropped. The oldest ids are forgotten
 * once `capacity` is reached (the engine's own duplicate check still answers from the record).
 */
export class SeenEvents {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  /** True the first time an id is claimed; false for every later claim. */
  claim(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }

  /** Gives an id back (its handling failed before anything was applied), so a retry may try again. */
  release(id: string): void {
    this.ids.delete(id);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }
}
