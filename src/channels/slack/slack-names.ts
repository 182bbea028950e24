import type { Logger, webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;

/** Longest name kept, as on the other channels. */
const MAX_NAME = 80;

export interface SlackNamesOptions {
  /** How long a turn waits for a first look-up before it goes on without a name. */
  waitMs?: number;
  /** How long a failed or empty look-up is remembered before it is tried again. */
  retryAfterMs?: number;
  /** People remembered at most (least recently used go first). */
  limit?: number;
  now?: () => number;
}

/** What Slack says about a person: the name they go by, and their Slack language ("es-MX"). */
export interface SlackPerson {
  name?: string;
  locale?: string;
}

interface Known extends SlackPerson {
  at: number;
}

/** Longest locale kept ("es-419", "zh-Hant-TW"). */
const MAX_LOCALE = 20;

/**
 * The name a person goes by in the workspace (`users.info`: display name, else full name), so
 * families and counselors see "Maya" rather than an id, as on Teams and in the terminal, and the
 * language their Slack is set to (`include_locale`), so a Spanish-speaking parent is answered in
 * Spanish from the first message. One look-up per person per process; a slow one never holds up a
 * turn (the turn goes on without them and a later turn carries them); a failure (a missing
 * `users:read` scope, Slack being down) is logged by its code and tried again later, never more
 * than once in `retryAfterMs` per person.
 */
export class SlackNames {
  private readonly known = new Map<string, Known>();
  private readonly inFlight = new Map<string, Promise<SlackPerson>>();
  private readonly waitMs: number;
  private readonly retryAfterMs: number;
  private readonly limit: number;
  private readonly now: () => number;
  private loggedFailure = false;

  constructor(
    private readonly logger: Logger,
    options: SlackNamesOptions = {},
  ) {
    this.waitMs = options.waitMs ?? 800;
    this.retryAfterMs = options.retryAfterMs ?? 10 * 60_000;
    this.limit = options.limit ?? 10_000;
    this.now = options.now ?? (() => Date.now());
  }

  /** The person's name, or undefined when Slack has none for them or did not answer in time. */
  async nameOf(client: WebClient, userId: string): Promise<string | undefined> {
    return (await this.personOf(client, userId)).name;
  }

  /** The person's name and Slack language, each undefined when Slack has none or did not answer in time. */
  async personOf(client: WebClient, userId: string): Promise<SlackPerson> {
    const known = this.known.get(userId);
    if (known && (known.name !== undefined || known.locale !== undefined || this.now() - known.at < this.retryAfterMs)) {
      this.known.delete(userId);
      this.known.set(userId, known);
      return { name: known.name, locale: known.locale };
    }
    let lookUp = this.inFlight.get(userId);
    if (!lookUp) {
      lookUp = this.lookUp(client, userId).finally(() => this.inFlight.delete(userId));
      this.inFlight.set(userId, lookUp);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<SlackPerson>((resolve) => {
      timer = setTimeout(() => resolve({}), this.waitMs);
    });
    try {
      return await Promise.race([lookUp, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Forgets what was looked up about a person. */
  forget(userId: string): void {
    this.known.delete(userId);
  }

  private async lookUp(client: WebClient, userId: string): Promise<SlackPerson> {
    let name: string | undefined;
    let locale: string | undefined;
    try {
      const answer = await client.users.info({ user: userId, include_locale: true });
      const profile = answer.user?.profile;
      name = [profile?.display_name, profile?.real_name, answer.user?.real_name]
        .map((n) => n?.replace(/\s+/g, ' ').trim())
        .find((n) => n !== undefined && n !== '')
        ?.slice(0, MAX_NAME);
      const said = answer.user?.locale?.trim();
      locale = said && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(said) ? said.slice(0, MAX_LOCALE) : undefined;
    } catch (error) {
      // Once per process: a missing scope would otherwise fill the log with one line per person.
      if (!this.loggedFailure) {
        const code = (error as { data?: { error?: string }; code?: string }).data?.error ?? (error as { code?: string }).code ?? (error as Error).name;
        this.logger.warn(`slack: users.info failed (${code}); people are shown by id until it works (the app needs the users:read scope)`);
        this.loggedFailure = true;
      }
    }
    this.known.delete(userId);
    this.known.set(userId, { name, locale, at: this.now() });
    if (this.known.size > this.limit) this.known.delete(this.known.keys().next().value as string);
    return { name, locale };
  }
}
