/**
 * Teams throughput: activities per second through Waypoint's /api/messages (CloudAdapter, turn
 * mapping, conversation-reference upkeep, redelivery check, the engine, rendering) beside a bare
 * botbuilder echo bot, in the same process and run. The Bot Connector is a stub on loopback.
 *
 * Headline: Waypoint with its real engine against the bare bot (botbuilder's stock CloudAdapter).
 * Target: at least 80% of its rate. Waypoint's adapter keeps its Bot Connector clients instead of
 * building two for every activity (src/channels/teams/reused-clients.ts), which the stock bot does
 * not; so for information the same echo bot runs on Waypoint's adapter set-up too, and the real
 * engine is also compared with it. Also for information: the same channel with an echo handler
 * (the Teams channel's own cost alone), with a stand-in answering one fixed question card (what
 * rendering and sending a card adds), and with the least turn DESIGN.md allows
 * (bench/minimal-flow-turn.ts: XState restore, one event, persist, save): the ceiling any engine
 * that keeps that contract can reach.
 *
 * Fairness: every bot gets the same activities (a student answering "2" to the interest question
 * they are on), CONCURRENCY at a time, after warm-up passes (WARM_UP_PASSES). The order of the bots changes every
 * round (see ORDERS); each rate is the median over the rounds, and the target ratio is the median
 * of the per-round ratios (the bots of one round run seconds apart, so load swings cancel out).
 * A forced GC between runs was tried and dropped: it doubles every bot's CPU per activity.
 * CPU time per activity is printed beside it: it moves much less than wall-clock rates when
 * other work shares the machine.
 *
 *   npx tsx bench/teams-bench.ts [activities per round]     in the suite: npx tsx bench/run.ts teams
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CloudAdapter } from 'botbuilder';
import { createTeamsServer, type TeamsServer } from '../src/channels/teams/start-teams.js';
import { createBotAuthentication } from '../src/channels/teams/teams-adapter.js';
import { silentLogger } from '../src/channels/teams/teams-logger.js';
import { parseTeamsSettings } from '../src/channels/teams/teams-settings.js';
import type { TurnHandler } from '../src/engine/turn-handler.js';
import { MemoryStore } from '../src/store/memory-store.js';
import { bareEchoBot, benchActivity, benchUser, close, CONCURRENCY, connectorStub, drive, listen, median } from './teams-bench-kit.js';
import { realEngine } from './real-engine.js';
import { BENCH_QUESTION, TARGET, USERS, WARM_UP_PASSES, balancedOrders, seedStudents } from './channel-bench-plan.js';
import { minimalFlowTurn } from './minimal-flow-turn.js';

/** The smallest TurnHandler: says back what it was told. */
export const echoTurnHandler: TurnHandler = {
  async handle(turn) {
    return { replies: [{ kind: 'text', text: `You said: ${turn.text ?? turn.action?.value ?? ''}` }], duplicate: false };
  },
};

/** A stand-in with no engine that answers every turn with the kind of question card the engine sends. */
export const questionCardHandler: TurnHandler = {
  async handle() {
    return { replies: [BENCH_QUESTION], duplicate: false };
  },
};


function waypointServer(handler: TurnHandler): TeamsServer {
  return createTeamsServer({ handler, store: new MemoryStore(), settings: parseTeamsSettings({ PORT: '0' }), logger: silentLogger, host: '127.0.0.1' });
}

const rate = (n: number) => n.toFixed(0);
const pct = (r: number) => `${(r * 100).toFixed(0)}%`;
const us = (n: number) => `${n.toFixed(0)} us`;

type Name = 'real' | 'bare' | 'reusing' | 'echo' | 'card' | 'minimal';

/** Six bots in balanced orders (one row per round), twice over. */
const ORDERS = balancedOrders(6);
const ROUNDS = 2 * ORDERS.length;
/**
 * Activities per round: every student then gets WARM_UP_PASSES + ROUNDS x COUNT / USERS answers
 * (18), so they all stay inside the interest questions.
 */
const COUNT = 500;
interface Bot {
  name: Name;
  url: string;
  rates: number[];
  cpuUs: number[];
  posted: number;
  sent: number;
  cards: number;
}

/** Runs the comparison; `realEngine` is Waypoint's engine on an in-memory store. */
export async function benchTeams(realEngine: TurnHandler, count = COUNT): Promise<Record<string, string>> {
  const stub = connectorStub();
  const serviceUrl = `http://127.0.0.1:${await listen(stub.server)}/`;
  const bare = bareEchoBot();
  // The same echo bot on the adapter set-up Waypoint uses (Bot Connector clients kept, not rebuilt).
  const reusing = bareEchoBot(new CloudAdapter(createBotAuthentication(parseTeamsSettings({ PORT: '0' }))));
  const servers = { real: waypointServer(realEngine), echo: waypointServer(echoTurnHandler), card: waypointServer(questionCardHandler), minimal: waypointServer(minimalFlowTurn()) };
  const bot = (name: Name, port: number): Bot => ({ name, url: `http://127.0.0.1:${port}/api/messages`, rates: [], cpuUs: [], posted: 0, sent: 0, cards: 0 });
  const bots: Bot[] = [
    bot('real', (await servers.real.start()).port),
    bot('bare', await listen(bare)),
    bot('reusing', await listen(reusing)),
    bot('echo', (await servers.echo.start()).port),
    bot('card', (await servers.card.start()).port),
    bot('minimal', (await servers.minimal.start()).port),
  ];
  const by = Object.fromEntries(bots.map((b) => [b.name, b])) as Record<Name, Bot>;
  /** Real engine vs bare bot, per round: measured seconds apart, so swings in the machine's load cancel out. */
  const roundRatios: number[] = [];
  const minimalRatios: number[] = [];
  const reusingRatios: number[] = [];
  // Round r takes up where round r-1 left off, so every student gets the same number of answers.
  const bodies = (prefix: string, n: number, first = 0) =>
    Array.from({ length: n }, (_, i) => JSON.stringify(benchActivity(`${prefix}-${i}`, (first + i) % USERS, serviceUrl)));
  try {
    await seedStudents(realEngine, 'teams', (u) => { const { aadObjectId, chat } = benchUser(u); return { userId: aadObjectId, conversationId: chat }; });
    for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const b of bots) await drive(b.url, bodies(`warm-up-${pass}`, USERS));
    for (let round = 0; round < ROUNDS; round++) {
      for (const b of ORDERS[round % ORDERS.length]!.map((i) => bots[i]!)) {
        const batch = bodies(`round-${round}`, count, round * count);
        const before = stub.counts();
        const result = await drive(b.url, batch);
        const after = stub.counts();
        b.rates.push(result.rate);
        b.cpuUs.push(result.cpuUs);
        b.posted += count;
        b.sent += after.activities - before.activities;
        b.cards += after.cards - before.cards;
      }
      roundRatios.push(by.real.rates[round]! / by.bare.rates[round]!);
      minimalRatios.push(by.minimal.rates[round]! / by.bare.rates[round]!);
      reusingRatios.push(by.real.rates[round]! / by.reusing.rates[round]!);
    }
  } finally {
    for (const s of Object.values(servers)) await s.stop();
    await close(bare);
    await close(reusing);
    await close(stub.server);
  }
  const r = (n: Name) => median(by[n].rates);
  const c = (n: Name) => median(by[n].cpuUs);
  const ratio = median(roundRatios);
  const range = (n: Name) => `${rate(Math.min(...by[n].rates))}-${rate(Math.max(...by[n].rates))}`;
  const replies = (n: Name) => `${(by[n].sent / by[n].posted).toFixed(2)} (${(by[n].cards / by[n].posted).toFixed(2)} cards)`;
  const names: Name[] = ['real', 'bare', 'reusing', 'echo', 'card', 'minimal'];
  return {
    'teams activities/s, Waypoint with its real engine': rate(r('real')),
    'teams activities/s, bare botbuilder echo bot': rate(r('bare')),
    'teams real engine vs bare bot (target >= 80%)': `${pct(ratio)} ${ratio >= TARGET ? 'MEETS TARGET' : 'BELOW TARGET'}`,
    'teams activities/s, the bare echo bot on Waypoint\'s adapter set-up (info)': `${rate(r('reusing'))} (${pct(r('reusing') / r('bare'))} of the bare bot); Waypoint's real engine reaches ${pct(median(reusingRatios))} of it: what the engine and the channel cost when both bots keep their Bot Connector clients`,
    'teams activities/s, Waypoint channel with an echo handler (info)': `${rate(r('echo'))} (${pct(r('echo') / r('bare'))} of the bare bot)`,
    'teams activities/s, Waypoint channel answering a fixed question card (info)': `${rate(r('card'))} (${pct(r('card') / r('bare'))} of the bare bot)`,
    'teams activities/s, Waypoint channel with the least turn DESIGN.md allows (info)': `${rate(r('minimal'))} (${pct(median(minimalRatios))} of the bare bot): restore a one-state XState actor, send one event, persist, stop, save the session, answer a fixed question`,
    'teams CPU per activity (info)': `${names.map((n) => `${n === 'minimal' ? 'least turn' : n} ${us(c(n))}`).join(', ')}; bare/real ${pct(c('bare') / c('real'))}`,
    'teams CPU per activity, part by part (info)': `keeping the Bot Connector clients saves ${us(c('bare') - c('reusing'))}; then the Teams channel adds ${us(c('echo') - c('reusing'))}, a question card instead of text ${us(c('card') - c('echo'))}, the least XState turn ${us(c('minimal') - c('card'))}, the rest of the engine ${us(c('real') - c('minimal'))}`,
    'teams replies per activity (info)': names.map((n) => `${n === 'minimal' ? 'least turn' : n} ${replies(n)}`).join(', '),
    'teams method (info)': `medians of ${ROUNDS} rounds of ${count} activities in balanced orders, ${CONCURRENCY} in flight, ${USERS} students, after ${WARM_UP_PASSES} warm-up passes over every student; target ratio = median of per-round ratios; ranges/s ${names.map((n) => `${n === 'minimal' ? 'least turn' : n} ${range(n)}`).join(', ')}`,
  };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const count = Number(process.argv[2] ?? COUNT);
  benchTeams(await realEngine(), Number.isFinite(count) && count > 0 ? count : COUNT)
    .then((figures) => {
      for (const [k, v] of Object.entries(figures)) console.log(`${k}: ${v}`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
