/**
 * Occupation matcher benchmark (wired into `npm run bench` by bench/run.ts):
 * index load + build time, heap and RSS after loading, and match time per query (p50, p99)
 * over a few thousand queries, for the built-in index and, when data/generated/onet-index.json
 * exists, with the O*NET index too.
 */
import { performance } from 'node:perf_hooks';
import { loadFramework } from '../src/data-files/load-framework.js';
import { loadOccupationData, loadOnetIndex } from '../src/data-files/load-occupations.js';
import { OccupationMatcher } from '../src/domain/occupations/occupation-matcher.js';
import { interpretFreeText } from '../src/domain/occupations/interpret-free-text.js';
import type { Framework } from '../src/domain/framework-types.js';

const QUERY_COUNT = 3000;
const SAMPLE_QUERIES = [
  'I want to be a vet', 'coder', 'youtuber', 'cop', 'RN', 'welderr', 'electrican', 'doctor', 'asdfgh',
  'what does a welder do?', 'idk I like being outside', 'what about video games?', 'nurses', 'truck driver',
  'i like drawing and painting', 'fixing cars', 'teacher high school', 'accountant', 'engineer', 'hair stylist',
];

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (n: number): string => `${n.toFixed(3)} ms`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
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

async function measure(label: string, framework: Framework, withOnet: boolean, out: Record<string, string>): Promise<void> {
  global.gc?.();
  const before = process.memoryUsage();
  const start = performance.now();
  const data = await loadOccupationData({ onetFile: false, clusterIds: new Set(framework.clusters.map((c) => c.id)) });
  if (withOnet) {
    const onet = await loadOnetIndex();
    if (onet !== undefined) data.onet = onet;
  }
  const matcher = new OccupationMatcher(framework, data);
  const loadMs = performance.now() - start;
  global.gc?.();
  const after = process.memoryUsage();

  const words = data.occupations.flatMap((o) => [o.title, ...o.otherNames, ...o.studentWords]);
  const list = queries(words.length > 0 ? words : SAMPLE_QUERIES);
  for (const q of list.slice(0, 200)) matcher.match(q, 3); // warm up
  const times: number[] = [];
  for (const q of list) {
    const t = performance.now();
    interpretFreeText(q, matcher);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);

  out[`${label}: documents`] = `${matcher.documentCount} (${matcher.builtInCount} built-in, ${matcher.onetCount} O*NET occupations)`;
  out[`${label}: index load + build`] = ms(loadMs);
  out[`${label}: heap after load`] = `${mb(after.heapUsed)} (+${mb(after.heapUsed - before.heapUsed)})`;
  out[`${label}: rss after load`] = `${mb(after.rss)} (+${mb(after.rss - before.rss)})`;
  out[`${label}: interpret per query p50`] = ms(percentile(times, 50));
  out[`${label}: interpret per query p99`] = ms(percentile(times, 99));
  out[`${label}: queries`] = String(times.length);
}

export async function benchMatcher(): Promise<Record<string, string>> {
  const { framework } = await loadFramework();
  const out: Record<string, string> = {};
  await measure('matcher (built-in)', framework, false, out);
  if ((await loadOnetIndex()) !== undefined) await measure('matcher (built-in + O*NET)', framework, true, out);
  else out['matcher (built-in + O*NET)'] = 'skipped: no data/generated/onet-index.json (run npm run import:onet)';
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
