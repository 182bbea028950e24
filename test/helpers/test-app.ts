import { loadAppData, type AppData } from '../../src/app/load-app-data.js';
import { createEngine } from '../../src/app/create-engine.js';
import { renderForConsole } from '../../src/channels/console/console-renderer.js';
import type { QuestionReply, Reply, Turn } from '../../src/domain/messages.js';
import type { Engine } from '../../src/engine/engine.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { Records } from '../../src/store/records.js';
import type { Store } from '../../src/store/store.js';
import { PROJECT_DIR } from '../../src/config.js';
import path from 'node:path';

let cached: Promise<AppData> | undefined;
export function appData(): Promise<AppData> {
  cached ??= loadAppData({ WAYPOINT_FRAMEWORK: path.join(PROJECT_DIR, 'data/frameworks/missouri.json') }, { withOnet: false });
  return cached;
}

/** A chat with one user against a real engine and an in-memory (or given) store. */
export class TestChat {
  private n = 0;
  last: Reply[] = [];
  constructor(
    public engine: Engine,
    readonly store: Store,
    readonly user = 'ana',
    readonly channel = 'console',
  ) {}

  /** The process starts again: a new engine on the same store, the conversation going on. */
  async restartProcess(opts: { now?: () => Date } = {}): Promise<void> {
    this.engine = createEngine({ records: new Records(this.store), data: await appData(), now: opts.now });
  }

  turn(partial: Partial<Turn>): Turn {
    return {
      channel: this.channel,
      userId: this.user,
      conversationId: this.user,
      messageId: `m${++this.n}`,
      receivedAt: '2026-11-23T15:00:00.000Z',
      ...partial,
    };
  }

  async say(text: string): Promise<Reply[]> {
    this.last = (await this.engine.handle(this.turn({ text }))).replies;
    return this.last;
  }

  async press(questionId: string, value: string): Promise<Reply[]> {
    this.last = (await this.engine.handle(this.turn({ action: { id: questionId, value } }))).replies;
    return this.last;
  }

  text(replies = this.last): string {
    return replies.map(renderForConsole).join('\n');
  }

  question(replies = this.last): QuestionReply | undefined {
    return [...replies].reverse().find((r): r is QuestionReply => r.kind === 'question');
  }

  /** Answers interest questions with `answer(questionText)` until the results appear. */
  async answerInterestQuestions(answer: (q: QuestionReply) => string): Promise<number> {
    let count = 0;
    for (let q = this.question(); q?.questionId.startsWith('interest:'); q = this.question()) {
      await this.press(q.questionId, answer(q));
      count++;
      if (count > 40) throw new Error('too many questions');
    }
    return count;
  }
}

export async function newChat(opts: { store?: Store; user?: string; now?: () => Date } = {}): Promise<TestChat> {
  const store = opts.store ?? new MemoryStore();
  const engine = createEngine({ records: new Records(store), data: await appData(), now: opts.now });
  return new TestChat(engine, store, opts.user);
}

/** A student in `grade` who has stopped the interest questions, so nothing is waiting for an answer. */
export async function studentWithNothingPending(grade = '10th', opts: Parameters<typeof newChat>[0] = {}): Promise<TestChat> {
  const chat = await newChat(opts);
  for (const text of ['hi', 'student', grade, 'stop']) await chat.say(text);
  return chat;
}
