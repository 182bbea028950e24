/**
 * Occupation matcher benchmark (`npx tsx bench/run.ts matcher`): index load time (reading and
 * checking the files), matcher build time, heap and RSS after loading, and time per query
 * (p50, p99) over a few thousand queries, for the built-in index and with the O*NET index.
 *
 * The O*NET index is built fresh from ../shared/data/onet (or WAYPOINT_ONET_DIR) into a temporary
 * folder when those files are there, so the figure is always measured on the same data; otherwise
 * data/generated/onet-index.json is used when present; otherwise that run is skipped.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadFramework } from '../src/data-files/load-framework.js';
import { ONET_INDEX_FILE, loadOccupationData, loadOnetIndex } from '../src/data-files/load-occupations.js';
import { fileExists, importOnet, writeOnetIndex } from '../src/data-files/import-onet.js';
import { OccupationMatcher } from '../src/domain/occupations/occupation-matcher.js';
import { interpretFreeText } from '../src/domain/occupations/interpret-free-text.js';
import type { Framework } from '../src/domain/framework-types.js';
import { mb, ms, percentile } from './stats.js';

const QUERY_COUNT = 3000;
const SAMPLE_QUERIES = [
  'I want to be a vet', 'coder', 'youtuber', 'cop', 'RN', 'welderr', 'electrican', 'doctor', 'asdfgh',
  'what does a welder do?', 'idk I like being outside', 'what about video games?', 'nurses', 'truck driver',
  'i like drawing and painting', 'fixing cars', 'teacher high school', 'accountant', 'engineer', 'hair stylist',
];
const ONET_DIR = path.resolve(process.env.WAYPOINT_ONET_DIR ?? path.join('..', 'shared', 'data', 'onet'));

/** A real garbage collection when the process was not started with --expose-gc. */
function gc(): void {
  if (global.gc === undefined) {
    setFlagsFromString('--expose-gc');
    global.gc = runInNewContext('gc') as typeof global.gc;
  }
  global.gc!();
}

/** Queries: the samples, plus occupation titles and other names with some letters dropped. */
function queries(matcherWords: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < QUERY_COUNT; i += 1) {
    if (i % 4 === 0) out.push(SAMPLE_QUERIES[i % SAMPLE_QUERIES.length]!);
    else {
      const w = matcherWords[(i * 7919) % matcherWords.length] ?? 'vet';
      out.push(i % 3 === 0 && w.length > 5 ? w.slice(0, 2) + w.slice(3) : w);
    }
  }
  return out;
}

function timings(list: string[], run: (q: string) => unknown): number[] {
  const times: number[] = [];
  for (const q of list) {
    const t = performance.now();
    run(q);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

async function measure(label: string, framework: Framework, onetFile: string | false, out: Record<string, string>): Promise<void> {
  gc();
  const before = process.memoryUsage();
  const start = performance.now();
  const data = await loadOccupationData({ onetFile, clusterIds: new Set(framework.clusters.map((c) => c.id)) });
  const loaded = performance.now();
  const matcher = new OccupationMatcher(framework, data);
  const built = performance.now();
  gc();
  const after = process.memoryUsage();

  const words = data.occupations.flatMap((o) => [o.title, ...o.otherNames, ...o.studentWords]);
  const list = queries(words.length > 0 ? words : SAMPLE_QUERIES);
  for (const q of list.slice(0, 300)) interpretFreeText(q, matcher); // warm up
  const match = timings(list, (q) => matcher.match(q, 3));
  const interpret = timings(list, (q) => interpretFreeText(q, matcher));

  out[`${label}: documents`] = `${matcher.documentCount} (${matcher.builtInCount} built-in, ${matcher.onetCount} O*NET occupations)`;
  out[`${label}: index load (read + check files)`] = ms(loaded - start);
  out[`${label}: matcher build`] = ms(built - loaded);
  out[`${label}: heap after load`] = `${mb(after.heapUsed)} (+${mb(after.heapUsed - before.heapUsed)})`;
  out[`${label}: rss after load`] = mb(after.rss);
  out[`${label}: match per query p50`] = ms(percentile(match, 50));
  out[`${label}: match per query p99`] = ms(percentile(match, 99));
  out[`${label}: interpret per query p50`] = ms(percentile(interpret, 50));
  out[`${label}: interpret per query p99`] = ms(percentile(interpret, 99));
  out[`${label}: queries`] = String(list.length);
}

/** Builds the O*NET index from the shared files into a temp folder; undefined when they are absent. */
async function freshOnetIndex(framework: Framework, tmp: string): Promise<string | undefined> {
  if (!(await fileExists(path.join(ONET_DIR, 'Occupation Data.txt')))) return undefined;
  const csv = (await readdir(ONET_DIR)).find((f) => /cluster/i.test(f) && f.endsWith('.csv'));
  if (csv === undefined) return undefined;
  const result = await importOnet({ dir: ONET_DIR, clustersCsv: path.join(ONET_DIR, csv), framework, now: new Date().toISOString() });
  const file = path.join(tmp, 'onet-index.json');
  await writeOnetIndex(result.index, file);
  return file;
}

export async function benchMatcher(): Promise<Record<string, string>> {
  const { framework } = await loadFramework();
  const out: Record<string, string> = {};
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'waypoint-onet-'));
  try {
    // Import first, so its garbage does not land in the load figures.
    const fresh = await freshOnetIndex(framework, tmp);
    const onetFile = fresh ?? ((await loadOnetIndex()) !== undefined ? ONET_INDEX_FILE : undefined);
    await measure('matcher (built-in)', framework, false, out);
    if (onetFile === undefined) {
      out['matcher (built-in + O*NET)'] = `skipped: no O*NET files in ${ONET_DIR} and no data/generated/onet-index.json`;
    } else {
      out['matcher (built-in + O*NET): index from'] = fresh !== undefined ? `${ONET_DIR} (imported into a temp folder)` : ONET_INDEX_FILE;
      await measure('matcher (built-in + O*NET)', framework, onetFile, out);
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return out;
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  benchMatcher().then((r) => {
    for (const [k, v] of Object.entries(r)) console.log(`${k}: ${v}`);
  }, (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
