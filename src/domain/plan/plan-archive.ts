/**
 * Keeping a plan's stored record small however long its history grows. The record holds the draft
 * (version 1: when the plan was drafted, and what "since the draft" compares with) and the newest
 * versions. When more than MOST_RECENT_KEPT versions came after the archived ones, the oldest
 * whole chunks of VERSIONS_PER_CHUNK move out, so a save writes about 40 versions at most.
 * A chunk holds versions (chunk-1)*20+1 .. chunk*20, is written once and is never rewritten.
 *
 * Pure: this file decides what moves out and puts chunks back together with a record;
 * src/features/plan/plan-records.ts reads and writes them.
 */
import { archivedThrough, currentVersion } from './plan-history.js';
import type { Plan, PlanArchiveChunk, PlanVersion } from './plan-types.js';

export const VERSIONS_PER_CHUNK = 20;
/** A record keeps at most this many versions after the archived ones (plus the draft). */
export const MOST_RECENT_KEPT = 40;

/** The chunk that holds version `n`. */
export function chunkOf(n: number): number {
  return Math.ceil(n / VERSIONS_PER_CHUNK);
}

/** The first and last version numbers of a chunk. */
export function chunkVersions(chunk: number): { first: number; last: number } {
  return { first: (chunk - 1) * VERSIONS_PER_CHUNK + 1, last: chunk * VERSIONS_PER_CHUNK };
}

export interface ArchiveSplit {
  /** What to store as the plan record: the draft and the versions after `archivedThrough`. */
  record: Plan;
  /** Chunks to write before the record, oldest first (none most of the time). */
  chunks: PlanArchiveChunk[];
}

/**
 * What a save writes: the chunks that move out now, and the trimmed record. Only whole chunks of
 * versions in hand move out, so nothing is ever dropped; versions already archived (read back for
 * an undo or a review) are left out of the record and their chunks are not written again.
 */
export function splitForArchive(plan: Plan): ArchiveSplit {
  const latest = currentVersion(plan).number;
  const byNumber = new Map(plan.versions.map((v) => [v.number, v]));
  const chunks: PlanArchiveChunk[] = [];
  let through = archivedThrough(plan);
  while (latest - through > MOST_RECENT_KEPT && through % VERSIONS_PER_CHUNK === 0) {
    const chunk = chunkOf(through + 1);
    const { first, last } = chunkVersions(chunk);
    const versions: PlanVersion[] = [];
    for (let n = first; n <= last; n++) {
      const v = byNumber.get(n);
      if (v) versions.push(v);
    }
    if (versions.length !== VERSIONS_PER_CHUNK) break;
    chunks.push({ schemaVersion: 1, chunk, versions });
    through = last;
  }
  const draft = plan.versions.reduce<PlanVersion | undefined>((a, v) => (!a || v.number < a.number ? v : a), undefined);
  const kept = plan.versions.filter((v) => v.number > through || v === draft).sort((a, b) => a.number - b.number);
  const record: Plan = { ...plan, versions: kept };
  if (through > 0) record.archivedThrough = through;
  else delete record.archivedThrough;
  return { record, chunks };
}

/**
 * A plan with archived versions read back in: every version once, oldest first. The record's own
 * copy wins when a chunk repeats one (a save that stopped between writing a chunk and the record).
 */
export function withArchivedVersions(plan: Plan, chunks: readonly PlanArchiveChunk[]): Plan {
  const byNumber = new Map<number, PlanVersion>();
  for (const c of chunks) for (const v of c.versions) byNumber.set(v.number, v);
  for (const v of plan.versions) byNumber.set(v.number, v);
  return { ...plan, versions: [...byNumber.values()].sort((a, b) => a.number - b.number) };
}

/**
 * The archived chunks to read so that every version from `from` on is in hand: from the chunk of
 * `from` up to the last archived chunk, skipping chunks already complete in `plan`.
 */
export function chunksToRead(plan: Plan, from: number): number[] {
  const through = archivedThrough(plan);
  const have = new Set(plan.versions.map((v) => v.number));
  const out: number[] = [];
  for (let chunk = chunkOf(Math.max(from, 1)); chunk <= chunkOf(through); chunk++) {
    const { first, last } = chunkVersions(chunk);
    for (let n = first; n <= Math.min(last, through); n++) {
      if (!have.has(n)) {
        out.push(chunk);
        break;
      }
    }
  }
  return out;
}
