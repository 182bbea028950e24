/**
 * Finding students by any part of a name (first, last, full, small typos) or by id, over the rows
 * of one caseload, with MiniSearch (fuzzy and prefix).
 */
import MiniSearch from 'minisearch';
import type { StudentRow } from './caseload-rows.js';

type Doc = { id: number; name: string; handle: string };

const idPart = (key: string) => key.slice(key.indexOf(':') + 1);

/** The last index built, reused while the same names are asked about (paging, a second search). */
let last: { signature: string; ms: MiniSearch<Doc> } | undefined;

function index(rows: readonly Pick<StudentRow, 'key' | 'name'>[]): MiniSearch<Doc> {
  const signature = rows.map((r) => `${r.key}\u0001${r.name ?? ''}`).join('\u0002');
  if (last?.signature === signature) return last.ms;
  const ms = new MiniSearch<Doc>({ fields: ['name', 'handle'], idField: 'id' });
  ms.addAll(rows.map((r, i) => ({ id: i, name: r.name ?? '', handle: idPart(r.key) })));
  last = { signature, ms };
  return ms;
}

/**
 * The rows whose name or id matches every word of `query`, best first; typos count only when
 * nothing matches as typed. `strict` (for a name typed on its own) allows a typo in long words
 * only and no prefixes, so ordinary words do not find anyone.
 */
export function findStudents<R extends Pick<StudentRow, 'key' | 'name'>>(rows: readonly R[], query: string, opts: { strict?: boolean } = {}): R[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const exact = rows.filter((r) => r.key.toLowerCase() === q || idPart(r.key).toLowerCase() === q);
  if (exact.length > 0 && (q.includes(':') || opts.strict)) return exact;
  const ms = index(rows);
  // Typos only when nothing matches as typed (or as the start of a name).
  let hits = opts.strict ? [] : ms.search(q, { combineWith: 'AND', prefix: (term) => term.length >= 2, boost: { name: 2 } });
  if (hits.length === 0) {
    hits = ms.search(q, { combineWith: 'AND', fuzzy: (term) => (opts.strict ? (term.length >= 5 ? 1 : 0) : term.length >= 6 ? 0.2 : term.length >= 3 ? 1 : 0), boost: { name: 2 } });
  }
  const named = hits.map((h) => rows[h.id as number]!);
  return [...exact, ...named.filter((r) => !exact.includes(r))];
}
