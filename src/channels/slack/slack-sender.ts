import { webApi } from '@slack/bolt';
import type { ProactiveSender, Reply } from '../../domain/messages.js';
import { openDm, postMessage, uploadFile } from './slack-deliver.js';
import { renderReplies, type SlackOutput } from './slack-renderer.js';
import type { SlackSettings } from './slack-settings.js';

type WebClient = webApi.WebClient;

export interface SlackSenderOptions {
  /** A Web API client with the bot token. Its own 429 handling is turned off by `createSlackSenderClient`. */
  client: WebClient;
  /** Least time between two messages to one channel (Slack allows about one a second). */
  minIntervalMs?: number;
  /** How many times one message is tried when Slack says "too many requests". */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** A Web API client for the sender: rate-limited calls come back to the sender, which waits and retries. */
export function createSlackSenderClient(botToken: string, options: webApi.WebClientOptions = {}): WebClient {
  return new webApi.WebClient(botToken, { ...options, rejectRateLimitedCalls: true });
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The scheduler's way to reach a person in Slack (reminders, nudges): opens the DM
 * (`conversations.open`) and posts. On HTTP 429 it waits the `Retry-After` seconds and tries
 * again, so a message is delivered once. Messages to one channel leave one by one, at least
 * `minIntervalMs` apart (a small queue per channel).
 */
export class SlackProactiveSender implements ProactiveSender {
  readonly channel = 'slack';
  private readonly queues = new Map<string, Promise<void>>();
  private readonly lastSent = new Map<string, number>();
  private readonly minIntervalMs: number;
  private readonly maxAttempts: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: SlackSenderOptions) {
    this.minIntervalMs = options.minIntervalMs ?? 1100;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
  }

  async send(userId: string, replies: Reply[]): Promise<void> {
    const outputs = renderReplies(replies);
    if (outputs.length === 0) return;
    const channel = await this.withRateLimitRetry(() => openDm(this.options.client, userId));
    await this.enqueue(channel, async () => {
      for (const output of outputs) await this.paced(channel, () => this.deliver(channel, output));
    });
  }

  private async deliver(channel: string, output: SlackOutput): Promise<void> {
    await this.withRateLimitRetry(async () => {
      if (output.kind === 'message') await postMessage(this.options.client, channel, output);
      else await uploadFile(this.options.client, channel, output);
    });
  }

  /** Runs `job` after every earlier job for the same channel has finished (failed ones too). */
  private enqueue(channel: string, job: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(channel) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(job);
    const tail = run.catch(() => undefined);
    this.queues.set(channel, tail);
    void tail.then(() => {
      if (this.queues.get(channel) === tail) this.queues.delete(channel);
    });
    return run;
  }

  private async paced<T>(channel: string, call: () => Promise<T>): Promise<T> {
    const last = this.lastSent.get(channel);
    if (last !== undefined) {
      const wait = last + this.minIntervalMs - this.now();
      if (wait > 0) await this.sleep(wait);
    }
    try {
      return await call();
    } finally {
      this.lastSent.set(channel, this.now());
    }
  }

  private async withRateLimitRetry<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        const e = error as { code?: string; retryAfter?: number };
        if (e.code !== webApi.ErrorCode.RateLimitedError || attempt >= this.maxAttempts) throw error;
        await this.sleep(Math.max(1, e.retryAfter ?? 1) * 1000);
      }
    }
  }
}

/** The sender for the scheduler, from the Slack settings (bot token, and SLACK_API_URL when set). */
export function createSlackSender(
  settings: Pick<SlackSettings, 'botToken' | 'apiUrl'>,
  options: Omit<SlackSenderOptions, 'client'> & { clientOptions?: webApi.WebClientOptions } = {},
): SlackProactiveSender {
  const { clientOptions, ...senderOptions } = options;
  const client = createSlackSenderClient(settings.botToken, {
    ...clientOptions,
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
  });
  return new SlackProactiveSender({ ...senderOptions, client });
}
