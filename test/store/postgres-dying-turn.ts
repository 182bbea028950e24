/**
 * A replica that dies in the middle of a turn, for postgres-turns.test.ts: run as its own process
 * (`node --import tsx test/store/postgres-dying-turn.ts <database url>`), it starts a turn that
 * writes a profile and a plan (with their facts index lines), prints "written" and waits inside
 * the turn until it is killed.
 */
import { turnScopeOf } from '../../src/engine/turn-scope.js';
import { IndexedStore } from '../../src/store/indexed-store.js';
import { PostgresStore } from '../../src/store/postgres-store.js';

const store = new IndexedStore(await PostgresStore.connect(process.argv[2]!), { sealWaitMs: 0 });
await store.open({ shortLived: true });
const scope = turnScopeOf(store);
await scope.run('slack:U1', async () => {
  await store.put('profiles', 'slack:U1', { userKey: 'slack:U1', role: 'student', grade: 10 });
  await store.put('plans', 'slack:U1', { userKey: 'slack:U1', versions: [{ at: '2026-01-01' }] });
  process.stdout.write('written\n');
  await new Promise(() => undefined);
});
