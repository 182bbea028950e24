/**
 * Trained intent models kept in data/generated/ (git-ignored) between runs, one file per model,
 * named by the key of everything it was trained on: a changed corpus or job list trains again.
 * Writes are atomic (temp file, then rename) so parallel processes never read half a file; a
 * folder that cannot be written only means training again next time.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from '../config.js';
import type { ModelCache } from '../domain/understanding/intent-classifier.js';

export const MODEL_CACHE_DIR = path.join(PROJECT_DIR, 'data/generated/understanding');
/** Eight models (4 speakers x English and Spanish) per corpus version: the newest few versions stay. */
const KEEP = 32;

export function fileModelCache(dir = MODEL_CACHE_DIR): ModelCache {
  const file = (key: string) => path.join(dir, `model-${key}.json`);
  return {
    read: (key) => {
      try {
        return readFileSync(file(key), 'utf8');
      } catch {
        return undefined;
      }
    },
    write: (key, model) => {
      try {
        mkdirSync(dir, { recursive: true });
        const tmp = `${file(key)}.${process.pid}.${Date.now()}.tmp`;
        writeFileSync(tmp, model);
        renameSync(tmp, file(key));
        // Keep the folder small: old models (a corpus edited many times) go.
        const models = readdirSync(dir)
          .filter((f) => f.startsWith('model-') && f.endsWith('.json'))
          .map((f) => path.join(dir, f))
          .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
        if (models.length > KEEP) for (const f of models.slice(0, models.length - KEEP)) unlinkSync(f);
      } catch {
        // Not writable: the model is simply trained again next time.
      }
    },
  };
}
