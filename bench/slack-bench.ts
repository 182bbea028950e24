/**
 * Slack throughput: events per second through Bolt's `processEvent` for Waypoint (the Slack channel:
 * turn mapping, redelivery check, the engine, Block Kit rendering, chat.postMessage) beside a bare
 * Bolt app that only echoes, in the same run. The Web API is a stub on loopback (SLACK_API_URL).
 *
 * Headline: Waypoint with its real engine against the bare app. Target: at least 80% of its rate.
 * For information, the same channel with an echo handler (the Slack channel's own cost alone) and
 * with a stand-in answering one fixed question with buttons (what rendering Block Kit adds), and
 * with the least turn DESIGN.md allows (bench/minimal-flow-turn.ts: XState restore, one event,
 * persist, save): the ceiling any engine that keeps that contract can reach.
 *
 * Fairness: every app gets the same events (a student answering "2" to the interest question they
 * are on), CONCURRENCY at a time, after warm-up passes (WARM_UP_PASSES); the order of the apps changes every round
 * (see ORDERS), each rate is the median over the rounds, and the target ratio is the median of
 * the per-round ratios (the apps of one round run seconds apart, so swings in the machine's load
 * cancel out).
 * CPU time per event is printed beside it: it moves much less than wall-clock rates when other
 * work shares the machine. The stub runs in its own process, so its work is nobody's cost.
 *
 *   npx tsx bench/slack-bench.ts [events per round]     in the suite: npx tsx bench/run.ts slack
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '@slack/bolt';
import { createSlackApp } from '../src/channels/slack/start-slack.js';
import type { TurnHandler } from '../src/engine/turn-handler.js';
import { BOT, BOT_TOKEN, CONCURRENCY, bareEchoApp, benchUser, dmEvent, drive, median, noReceiver, quietLogger, startWebApiStub } from './slack-bench-kit.js';
import { realEngine } from './real-engine.js';
import { BENCH_QUESTION, ORDERS, ROUNDS, TARGET, USERS, WARM_UP_PASSES, seedStudents } from './channel-bench-plan.js';
import { minimalFlowTurn } from './minimal-flow-turn.js';

/** The smallest TurnHandler: says back what it was told. */
export const echoHandler: TurnHandler = {
  async handle(turn) {
    return { replies: [{ kind: 'text', text: `You said: ${turn.text ?? turn.action?.value ?? ''}` }], duplicate: false };
  },
};

/** A stand-in with no engine that answers every turn with the kind of question the engine sends. */
export const questionHandler: TurnHandler = {
  async handle() {
    return { replies: [BENCH_QUESTION], duplicate: false };
  },
};


/** Listener errors in any Waypoint app: a run that measured failures instead of turns says so. */
let errors = 0;

/** Waypoint's Slack app and how to wait for the replies it sends after answering Slack. */
const idles = new WeakMap<App, () => Promise<void>>();

function waypointApp(handler: TurnHandler, apiUrl: string): App {
  const slack = createSlackApp({
    handler,
    settings: { botToken: BOT_TOKEN, signingSecret: 'benchsigningsecret00000000000000', apiUrl, port: 0, mode: 'http' },
    logger: { ...quietLogger, error: () => void (errors += 1) },
    receiver: noReceiver,
    botIdentity: BOT,
    clientOptions: { retryConfig: { retries: 0 } },
  });
  idles.set(slack.app, () => slack.idle());
  return slack.app;
}

const rate = (n: number) => n.toFixed(0);
const pct = (r: number) => `${(r * 100).toFixed(0)}%`;
const us = (n: number) => `${n.toFixed(0)} us`;

type Name = 'real' | 'bare' | 'echo' | 'question' | 'minimal';
interface Measured {
  name: Name;
  app: App;
  rates: number[];
  cpuUs: number[];
  events: number;
  calls: number;
}

/** Runs the comparison; `realEngine` is Waypoint's engine on an in-memory store. */
export async function benchSlack(realEngine: TurnHandler, count = 600): Promise<Record<string, string>> {
  const stub = await startWebApiStub();
  errors = 0;
  const measured = (name: Name, app: App): Measured => ({ name, app, rates: [], cpuUs: [], events: 0, calls: 0 });
  const apps: Measured[] = [
    measured('real', waypointApp(realEngine, stub.url)),
    measured('bare', bareEchoApp(stub.url)),
    measured('echo', waypointApp(echoHandler, stub.url)),
    measured('question', waypointApp(questionHandler, stub.url)),
    measured('minimal', waypointApp(minimalFlowTurn(), stub.url)),
  ];
  const by = Object.fromEntries(apps.map((a) => [a.name, a])) as Record<Name, Measured>;
  /** Real engine vs bare app, per round: measured seconds apart, so swings in the machine's load cancel out. */
  const roundRatios: number[] = [];
  const minimalRatios: number[] = [];
  const bodies = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => dmEvent(`${prefix}-${i}`, i % USERS));
  try {
    await seedStudents(realEngine, 'slack', (u) => { const { user, dm } = benchUser(u); return { userId: user, conversationId: dm }; });
    for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const a of apps) await drive(a.app, bodies(`warm-up-${pass}-${a.name}`, USERS), idles.get(a.app));
    for (let round = 0; round < ROUNDS; round++) {
      for (const a of ORDERS[round % ORDERS.length]!.map((i) => apps[i]!)) {
        const before = await stub.calls();
        const result = await drive(a.app, bodies(`round-${round}-${a.name}`, count), idles.get(a.app));
        a.calls += (await stub.calls()) - before;
        a.rates.push(result.rate);
        a.cpuUs.push(result.cpuUs);
        a.events += count;
      }
      roundRatios.push(by.real.rates[round]! / by.bare.rates[round]!);
      minimalRatios.push(by.minimal.rates[round]! / by.bare.rates[round]!);
    }
  } finally {
    await stub.stop();
  }
  const r = (n: Name) => median(by[n].rates);
  const c = (n: Name) => median(by[n].cpuUs);
  const ratio = median(roundRatios);
  const minimalRatio = median(minimalRatios);
  const range = (n: Name) => `${rate(Math.min(...by[n].rates))}-${rate(Math.max(...by[n].rates))}`;
  const calls = (n: Name) => (by[n].calls / by[n].events).toFixed(2);
  return {
    'slack events/s, Waypoint with its real engine': rate(r('real')),
    'slack events/s, bare Bolt echo app': rate(r('bare')),
    'slack Waypoint / bare (real engine, target >= 80%)': `${pct(ratio)} ${ratio >= TARGET ? 'MEETS TARGET' : 'BELOW TARGET'}`,
    'slack events/s, Waypoint channel with an echo handler (info)': `${rate(r('echo'))} (${pct(r('echo') / r('bare'))} of the bare app)`,
    'slack events/s, Waypoint channel answering a fixed question with buttons (info)': `${rate(r('question'))} (${pct(r('question') / r('bare'))} of the bare app)`,
    'slack events/s, Waypoint channel with the least turn DESIGN.md allows (info)': `${rate(r('minimal'))} (${pct(minimalRatio)} of the bare app): restore a one-state XState actor, send one event, persist, stop, save the session, answer a fixed question`,
    'slack CPU per event (info)': `real ${us(c('real'))}, bare ${us(c('bare'))}, echo ${us(c('echo'))}, question ${us(c('question'))}, least turn ${us(c('minimal'))}; bare/real ${pct(c('bare') / c('real'))}`,
    'slack CPU per event beyond the bare app (info)': `Slack channel ${us(c('echo') - c('bare'))}, a question with buttons instead of text ${us(c('question') - c('echo'))}, the least XState turn ${us(c('minimal') - c('question'))}, the rest of the engine ${us(c('real') - c('minimal'))}`,
    'slack Web API calls per event (info)': `real ${calls('real')}, bare ${calls('bare')}, echo ${calls('echo')}, question ${calls('question')}, least turn ${calls('minimal')}; listener errors ${errors}`,
    'slack method (info)': `medians of ${ROUNDS} rounds of ${count} events in balanced orders, ${CONCURRENCY} in flight, ${USERS} students, after ${WARM_UP_PASSES} warm-up passes over every student; target ratio = median of per-round ratios; ranges/s real ${range('real')}, bare ${range('bare')}, echo ${range('echo')}, question ${range('question')}, least turn ${range('minimal')}`,
  };
}


const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const count = Number(process.argv[2] ?? 600);
  benchSlack(await realEngine(), Number.isFinite(count) && count > 0 ? count : 600)
    .then((figures) => {
      for (const [k, v] of Object.entries(figures)) console.log(`${k}: ${v}`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
