import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { notARecord, recordFileStats } from './record-file-checks.js';
import { DamagedDataError } from './store.js';

/**
 * Reads every record file below `dir` once and parses it, keeping nothing: a damaged file stops
 * start-up with its name before anyone chats. Start-up only (nothing is being served yet), so it
 * reads synchronously: for 100,000 students that is several times quicker than going through the
 * thread pool, and memory stays flat because no record is kept. Returns the damaged file's path
 * through the error; temp files (".name.tmp") and the append-only logs are not records.
 */
export function checkEveryRecord(dir: string, onDamaged: (file: string) => void = () => undefined): number {
  let checked = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(dir, entry.name);
    for (const name of readdirSync(folder)) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      const file = path.join(folder, name);
      let raw: string;
      try {
        if (!recordFileStats(file)) continue;
        raw = readFileSync(file, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        if (err instanceof DamagedDataError) onDamaged(file);
        throw err;
      }
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        onDamaged(file);
        throw new DamagedDataError(file, 'not valid JSON');
      }
      const problem = notARecord(value);
      if (problem) {
        onDamaged(file);
        throw new DamagedDataError(file, problem);
      }
      checked++;
    }
  }
  return checked;
}
