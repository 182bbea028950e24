import type { Store, StoredRecord } from './store.js';

/** An in-memory Store for tests and benchmarks. Values are copied in and out like a real store. */
export class MemoryStore implements Store {
  private readonly data = new Map<string, Map<string, string>>();

  private col(name: string): Map<string, string> {
    let c = this.data.get(name);
    if (!c) this.data.set(name, (c = new Map()));
    return c;
  }

  async get<T>(collection: string, id: string): Promise<T | undefined> {
    const raw = this.col(collection).get(id);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }

  async put<T>(collection: string, id: string, value: T): Promise<void> {
    this.col(collection).set(id, JSON.stringify(value));
  }

  async putIfAbsent<T>(collection: string, id: string, value: T): Promise<boolean> {
    const c = this.col(collection);
    if (c.has(id)) return false;
    c.set(id, JSON.stringify(value));
    return true;
  }

  async delete(collection: string, id: string): Promise<void> {
    this.col(collection).delete(id);
  }

  async ids(collection: string): Promise<string[]> {
    return [...this.col(collection).keys()];
  }

  async list<T>(collection: string): Promise<StoredRecord<T>[]> {
    return [...this.col(collection).entries()].map(([id, raw]) => ({ id, value: JSON.parse(raw) as T }));
  }
}
