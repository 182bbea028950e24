/**
 * Understanding benchmark (`npx tsx bench/run.ts understanding`): what the trained intent classifier
 * costs at start-up and per message.
 *
 * - Start-up: `loadAppData` (first call in the process, as at start-up, then warm), its parts one
 *   by one, `loadUnderstanding` alone (reading the files, then training the NLP.js models), and a
 *   fresh process doing what `npm start` does up to the first reply (`tsx src/main.ts console`
 *   with a new data folder and `hi` on stdin), against the 3 s target.
 * - One message: how the engine reads it (commands' own words plus `understand`, as `readMessage`
 *   in src/app/evaluate-understanding.ts does), the whole `readMessage`, and the classifier alone,
 *   over the labelled set's texts with their roles, against the p99 <= 2 ms target.
 * - Spanish: the same per message over data/understanding/eval-es.json in a Spanish turn
 *   (withLanguage('es'): the Spanish models), and what training the Spanish models adds.
 * - Memory: heap used by one loaded understanding (after a garbage collection).
 */
import { IntentClassifier } from '../src/domain/understanding/intent-classifier.js';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { PROJECT_DIR } from '../src/config.js';
import { loadAppData } from '../src/app/load-app-data.js';
import { engineParts } from '../src/app/create-engine.js';
import { readLabelledSet, readMessage } from '../src/app/evaluate-understanding.js';
import { loadFramework } from '../src/data-files/load-framework.js';
import { readJsonFile } from '../src/data-files/read-json-file.js';
import { loadOccupationData } from '../src/data-files/load-occupations.js';
import { readPlanData } from '../src/data-files/read-plan-data-files.js';
import { loadFamilyData } from '../src/data-files/load-family-data.js';
import { loadUnderstanding, loadUnderstandingData } from '../src/data-files/load-understanding.js';
import { loadPay } from '../src/data-files/load-pay.js';
import { parseInterestItems } from '../src/domain/interest-items.js';
import { OccupationMatcher } from '../src/domain/occupations/occupation-matcher.js';
import { familyQuestionMatcher } from '../src/domain/family/match-family-question.js';
import type { JobNames } from '../src/domain/understanding/mark-job-names.js';
import type { Role } from '../src/domain/profile.js';
import { mayUse } from '../src/engine/command-access.js';
import { cleanText, commandWords } from '../src/engine/read-input.js';
import { withLanguage } from '../src/i18n/language.js';
import { MemoryStore } from '../src/store/memory-store.js';
import { Records } from '../src/store/records.js';
import { mb, ms, percentile } from './stats.js';

const CALLS = 20_000;
const PROCESS_RUNS = 5;
const STARTUP_TARGET_MS = 3000;
const P99_TARGET_MS = 2;
const FRAMEWORK = path.join(PROJECT_DIR, 'data/frameworks/missouri.json');
const LABELLED = path.join(PROJECT_DIR, 'test/understanding/labelled-utterances.json');
const LABELLED_ES = path.join(PROJECT_DIR, 'data/understanding/eval-es.json');

/** A real garbage collection when the process was not started with --expose-gc. */
function gc(): void {
  if (global.gc === undefined) {
    setFlagsFromString('--expose-gc');
    global.gc = runInNewContext('gc') as typeof global.gc;
  }
  global.gc!();
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const value = await run();
  return [value, performance.now() - t];
}

/** The job names the way load-app-data.ts builds them for loadUnderstanding. */
const jobNamesOf = (matcher: OccupationMatcher): JobNames => ({
  isJobName: (w) => matcher.namesJob(w),
});

/** The parts of loadAppData one after another (warm: the modules and files were read once already). */
async function appDataParts(out: Record<string, string>): Promise<void> {
  const [framework, tFramework] = await timed(() => loadFramework(FRAMEWORK));
  const clusterIds = new Set(framework.clusters.map((c) => c.id));
  const itemsFile = path.join(PROJECT_DIR, 'data/interest-items.json');
  const [, tItems] = await timed(async () => parseInterestItems(await readJsonFile(itemsFile), itemsFile, clusterIds));
  const [occupations, tOccupations] = await timed(() => loadOccupationData({ clusterIds, interestItemsFile: itemsFile }));
  const t = performance.now();
  const matcher = new OccupationMatcher(framework.framework, occupations);
  const tMatcher = performance.now() - t;
  const [, tPlans] = await timed(() => readPlanData({ dataDir: path.join(PROJECT_DIR, 'data'), framework: framework.framework }));
  const [, tFamily] = await timed(() => loadFamilyData({ timeZone: 'America/Chicago' }));
  const [, tPay] = await timed(() => loadPay());
  const [, tFiles] = await timed(() => loadUnderstandingData());

  // loadUnderstanding alone (files + training), with the heap it keeps.
  gc();
  const before = process.memoryUsage();
  const [understanding, tUnderstanding] = await timed(() => loadUnderstanding(jobNamesOf(matcher)));
  const [, tReady] = await timed(() => understanding.classifier.ready());
  const cachedModels = understanding.classifier.languages.length * 4;
  // Training from scratch (no cached models): what the first start after a corpus change pays, once per role.
  const [fresh] = await timed(() => IntentClassifier.train(understanding.intents, understanding.corpus, (t) => t, undefined, understanding.otherCorpora));
  const [, tTrain] = await timed(() => fresh.ready(['en']));
  const [, tTrainEs] = await timed(() => fresh.ready(['es']));
  gc();
  const after = process.memoryUsage();

  const parts: [string, number][] = [
    ['framework', tFramework], ['interest items', tItems], ['occupations', tOccupations], ['matcher build', tMatcher],
    ['plans', tPlans], ['family', tFamily], ['pay', tPay],
  ];
  out['start-up: loadAppData parts (warm)'] = parts.map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ');
  out['start-up: loadUnderstanding alone (warm)'] = `${ms(tUnderstanding)} (read + check files ${ms(tFiles)}, ${cachedModels} models (English and Spanish) from data/generated/understanding ~${ms(tUnderstanding - tFiles)}; ${understanding.intents.length} intents); models not yet cached, trained on first use: ${ms(tReady)}`;
  out['start-up: training the 4 English models from scratch (first start after a corpus change; once per role, on first use)'] = ms(tTrain);
  out['start-up: training the 4 Spanish models from scratch (the same, for Spanish turns)'] = ms(tTrainEs);
  out['memory: heap used by one loaded understanding'] = `+${mb(after.heapUsed - before.heapUsed)} (heap used ${mb(before.heapUsed)} -> ${mb(after.heapUsed)}, rss ${mb(after.rss)})`;
}

interface ProcessRun {
  firstReply: number;
  exit: number;
}

/** One fresh process with `hi` on stdin and a new data folder: wall time to its first output and to its exit. */
async function runOnce(args: string[]): Promise<ProcessRun> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'waypoint-startup-'));
  try {
    return await new Promise<ProcessRun>((resolve, reject) => {
      const start = performance.now();
      let firstReply: number | undefined;
      let stdout = '';
      let stderr = '';
      const child = spawn(process.execPath, args, {
        cwd: PROJECT_DIR,
        env: { ...process.env, WAYPOINT_DATA_DIR: dataDir, WAYPOINT_USER: 'bench' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      child.stdout.on('data', (chunk: Buffer) => {
        firstReply ??= performance.now() - start;
        stdout += chunk.toString();
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        const exit = performance.now() - start;
        if (code !== 0 || firstReply === undefined || stdout.trim() === '') reject(new Error(`${args.join(' ')} exited with ${code}, printed ${JSON.stringify(stdout.slice(0, 200))}: ${stderr.slice(0, 500)}`));
        else resolve({ firstReply, exit });
      });
      child.stdin.end('hi\n');
    });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function freshProcess(label: string, args: string[], out: Record<string, string>, target: boolean): Promise<void> {
  const runs: ProcessRun[] = [];
  for (let i = 0; i < PROCESS_RUNS; i += 1) runs.push(await runOnce(args));
  const first = runs.map((r) => r.firstReply).sort((a, b) => a - b);
  const exit = runs.map((r) => r.exit).sort((a, b) => a - b);
  const verdict = target ? ` (target < ${STARTUP_TARGET_MS} ms: ${percentile(first, 50) < STARTUP_TARGET_MS ? 'met' : 'NOT met'})` : '';
  out[`start-up: ${label}, first reply min/median`] = `${ms(first[0]!)} / ${ms(percentile(first, 50))}${verdict}`;
  out[`start-up: ${label}, exit min/median`] = `${ms(exit[0]!)} / ${ms(percentile(exit, 50))} (${PROCESS_RUNS} runs)`;
}

/** Runs `read` over the inputs, one call at a time; sorted times and calls per second. */
async function perCall<T>(inputs: T[], read: (x: T) => Promise<unknown>): Promise<{ times: number[]; sorted: number[]; perSecond: number }> {
  for (const x of inputs.slice(0, 2000)) await read(x); // warm up
  gc();
  const times: number[] = new Array(inputs.length);
  const start = performance.now();
  for (let i = 0; i < inputs.length; i += 1) {
    const t = performance.now();
    await read(inputs[i]!);
    times[i] = performance.now() - t;
  }
  const wall = performance.now() - start;
  return { times, sorted: [...times].sort((a, b) => a - b), perSecond: (inputs.length / wall) * 1000 };
}

function report(label: string, r: { sorted: number[]; perSecond: number }, out: Record<string, string>, target = false): void {
  const p99 = percentile(r.sorted, 99);
  const verdict = target ? ` (target p99 <= ${P99_TARGET_MS} ms: ${p99 <= P99_TARGET_MS ? 'met' : 'NOT met'})` : '';
  out[label] =
    `p50 ${ms(percentile(r.sorted, 50))}, p95 ${ms(percentile(r.sorted, 95))}, p99 ${ms(p99)}, max ${ms(r.sorted[r.sorted.length - 1]!)}; ` +
    `${Math.round(r.perSecond).toLocaleString('en-US')} calls/s${verdict}`;
}

export async function benchUnderstanding(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  out['machine'] = `${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)} at start (other processes make p99 and start-up noisy)`;

  // 1. Start-up, in this process: the first loadAppData is the one start-up pays for.
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const [data, tCold] = await timed(() => loadAppData({ WAYPOINT_FRAMEWORK: FRAMEWORK }));
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const [, tWarm] = await timed(() => loadAppData({ WAYPOINT_FRAMEWORK: FRAMEWORK }));
  out['start-up: loadAppData (first call / again)'] = `${ms(tCold)} / ${ms(tWarm)}${data.onetLoaded ? ' (with the O*NET index)' : ''}`;
  out['memory: heap used after loadAppData'] = `${mb(heapAfter)} (+${mb(heapAfter - heapBefore)})`;
  await appDataParts(out);

  // 2. One message, as the engine reads it.
  const deps = engineParts({ records: new Records(new MemoryStore()), data });
  const lexicon = {
    frame: data.understanding.jobFrame,
    interestLeads: data.understanding.interestLeads,
    hasJobName: data.understanding.hasJobName,
    familyQuestion: familyQuestionMatcher(data.family.questions),
  };
  const set = await readLabelledSet(LABELLED);
  const inputs = Array.from({ length: CALLS }, (_, i) => set[i % set.length]!).map((u) => ({ text: u.text, role: u.role as Role }));
  const understand = (x: { text: string; role: Role }) => {
    // As readMessage does: the commands' own words, then the classifier, chosen by priority.
    const text = cleanText(x.text);
    const words = commandWords(text);
    const own = deps.commands.filter((c) => mayUse(x.role, c) && c.matches(words)).map((c) => ({ command: c.id, ...(c.intents?.[0] ? { intent: c.intents[0] } : {}) }));
    return deps.understanding!.messages.understand(text, x.role, own);
  };
  const roles = [...new Set(inputs.map((x) => x.role))];
  out['message: texts'] = `${set.length} labelled messages repeated to ${CALLS.toLocaleString('en-US')} calls (${roles.map((r) => `${r} ${inputs.filter((x) => x.role === r).length}`).join(', ')})`;
  const understood = await perCall(inputs, understand);
  report('message: command words + understand', understood, out, true);
  // Each text's median over its repeats: what a message costs in itself, apart from pauses (GC, other processes).
  const byText = new Map<string, number[]>();
  inputs.forEach((x, i) => {
    const k = `[${x.role}] "${x.text}"`;
    (byText.get(k) ?? byText.set(k, []).get(k)!).push(understood.times[i]!);
  });
  const medians = [...byText].map(([k, v]) => [k, percentile(v.sort((a, b) => a - b), 50)] as const).sort((a, b) => b[1] - a[1]);
  out['message: slowest text (median of its repeats)'] = `${ms(medians[0]![1])} ${medians[0]![0]}`;
  const byRole: string[] = [];
  for (const role of roles) byRole.push(`${role} ${ms(percentile((await perCall(inputs.filter((x) => x.role === role), understand)).sorted, 99))}`);
  out['message: command words + understand, p99 by role'] = byRole.join(', ');
  report('message: whole readMessage (with job lookups)', await perCall(inputs, (x) => readMessage(deps, data.matcher, data.framework, lexicon, x.text, x.role)), out);
  report('message: classifier.classify alone', await perCall(inputs, (x) => data.understanding.classifier.classify(cleanText(x.text), x.role)), out);

  // 2 (Spanish). The same in a Spanish turn: the Spanish models read the Spanish labelled set.
  const setEs = await readLabelledSet(LABELLED_ES);
  const inputsEs = Array.from({ length: CALLS }, (_, i) => setEs[i % setEs.length]!).map((u) => ({ text: u.text, role: u.role as Role }));
  out['message (Spanish): texts'] = `${setEs.length} labelled Spanish messages repeated to ${CALLS.toLocaleString('en-US')} calls, read with withLanguage('es')`;
  report('message (Spanish): command words + understand', await withLanguage('es', () => perCall(inputsEs, understand)), out, true);
  report('message (Spanish): whole readMessage (with job lookups)', await withLanguage('es', () => perCall(inputsEs, (x) => readMessage(deps, data.matcher, data.framework, lexicon, x.text, x.role))), out);
  report('message (Spanish): classifier.classify alone', await withLanguage('es', () => perCall(inputsEs, (x) => data.understanding.classifier.classify(cleanText(x.text), x.role))), out);

  // 1 (continued). A fresh process, last, so its CPU use does not disturb the timings above.
  const tsxCli = path.join(PROJECT_DIR, 'node_modules/tsx/dist/cli.mjs');
  await freshProcess('`tsx src/main.ts console` (npm start)', [tsxCli, 'src/main.ts', 'console'], out, true);
  await freshProcess('`node --import tsx src/main.ts console`', ['--import', 'tsx', 'src/main.ts', 'console'], out, false);
  const boot = await runOnce(['--import', 'tsx', '-e', 'console.log(1)']);
  out['start-up: node + tsx alone (empty script, 1 run)'] = ms(boot.exit);
  return out;
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  benchUnderstanding().then((r) => {
    for (const [k, v] of Object.entries(r)) console.log(`${k}: ${v}`);
  }, (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
