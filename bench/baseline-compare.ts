/**
 * Slack and Teams turn throughput now against a baseline commit, in one run: the baseline is
 * checked out beside the project (a git worktree in the system's temp folder, sharing this
 * node_modules), and the two builds' channel benches run in turns (baseline, now, baseline, now,
 * ...), each in a fresh process, so machine load falls on both alike. Prints the median events/s of
 * each and now/baseline.
 *
 *   npx tsx bench/baseline-compare.ts [--baseline <rev>] [--rounds N] [--channel slack|teams]
 *
 * The default baseline is the commit before the reliability work (issue 16: "turn throughput on
 * Slack and Teams is within 10% of today's").
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_BASELINE = 'a8ae975652546e24845293e8a4937348b094a65f';
const HEADLINE: Record<string, RegExp> = {
  slack: /slack events\/s, Waypoint with its real engine: (\d+)/,
  teams: /teams activities\/s, Waypoint with its real engine: (\d+)/,
};
/** The same run's bare app (stock Bolt / botbuilder echo): real/bare is what load changes least. */
const BARE: Record<string, RegExp> = {
  slack: /slack events\/s, bare Bolt echo app: (\d+)/,
  teams: /teams activities\/s, bare botbuilder echo bot: (\d+)/,
};

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function worktree(rev: string): string {
  const dir = path.join(tmpdir(), `waypoint-baseline-${rev.slice(0, 12)}`);
  if (!existsSync(path.join(dir, 'package.json'))) {
    mkdirSync(path.dirname(dir), { recursive: true });
    execFileSync('git', ['worktree', 'add', '--force', '--detach', dir, rev], { cwd: ROOT, stdio: 'ignore' });
  }
  if (!existsSync(path.join(dir, 'node_modules'))) symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

function runOnce(dir: string, channel: string): { rate?: number; ofBare?: number; lines: string } {
  const out = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, 'bench', 'run.ts'), '--part', channel], { cwd: dir, encoding: 'utf8', timeout: 15 * 60_000 });
  const lines = `${out.stdout ?? ''}${out.stderr ?? ''}`;
  const m = HEADLINE[channel]!.exec(lines);
  const bare = BARE[channel]!.exec(lines);
  return { ...(m ? { rate: Number(m[1]) } : {}), ...(m && bare ? { ofBare: Number(m[1]) / Number(bare[1]) } : {}), lines };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

const rev = arg('--baseline', DEFAULT_BASELINE);
const rounds = Number(arg('--rounds', '3'));
const channels = process.argv.includes('--channel') ? [arg('--channel', 'slack')] : ['slack', 'teams'];
const base = worktree(rev);
for (const channel of channels) {
  const now: number[] = [];
  const then: number[] = [];
  const nowOfBare: number[] = [];
  const thenOfBare: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const [dir, into, ofBareInto] of r % 2 === 0 ? ([[base, then, thenOfBare], [ROOT, now, nowOfBare]] as const) : ([[ROOT, now, nowOfBare], [base, then, thenOfBare]] as const)) {
      const { rate, ofBare, lines } = runOnce(dir, channel);
      if (ofBare !== undefined) ofBareInto.push(ofBare);
      if (rate === undefined) {
        console.log(`${channel}: no figure from ${dir === base ? 'the baseline' : 'now'}:\n${lines.slice(-800)}`);
        process.exitCode = 1;
        continue;
      }
      into.push(rate);
    }
  }
  if (now.length === 0 || then.length === 0) continue;
  const ratio = median(now) / median(then);
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  console.log(`${channel} real-engine events/s: now ${median(now)} (${now.join(', ')}), baseline ${rev.slice(0, 7)} ${median(then)} (${then.join(', ')}); now/baseline ${pct(ratio)}`);
  if (nowOfBare.length > 0 && thenOfBare.length > 0) {
    // Each run's real engine as a share of its own bare app, so a busy moment weighs on both alike.
    const relative = median(nowOfBare) / median(thenOfBare);
    console.log(`${channel} real engine / bare app in the same run: now ${pct(median(nowOfBare))} (${nowOfBare.map(pct).join(', ')}), baseline ${pct(median(thenOfBare))} (${thenOfBare.map(pct).join(', ')}); now/baseline ${pct(relative)}${relative >= 0.9 ? ' (within 10%)' : ' BELOW the 90% target'}`);
  }
}
