import { createEngine } from '../src/app/create-engine.js';
import { loadAppData } from '../src/app/load-app-data.js';
import { loadConfig } from '../src/config.js';
import type { Engine } from '../src/engine/engine.js';
import { MemoryStore } from '../src/store/memory-store.js';
import { Records } from '../src/store/records.js';

/** Waypoint's real engine (every flow, command and the built-in matcher) on an in-memory store. */
export async function realEngine(): Promise<Engine> {
  return createEngine({ records: new Records(new MemoryStore()), data: await loadAppData(loadConfig({}), { withOnet: false }) });
}
