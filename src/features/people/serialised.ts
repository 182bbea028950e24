/**
 * Runs read-change-write work on one record key one at a time in this process, so two people
 * changing the same student's links at once never lose a change.
 */
const chains = new Map<string, Promise<unknown>>();

export function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = chains.get(key) ?? Promise.resolve();
  const run = before.then(work, work);
  const settled = run.catch(() => undefined);
  chains.set(key, settled);
  void settled.then(() => {
    if (chains.get(key) === settled) chains.delete(key);
  });
  return run;
}
