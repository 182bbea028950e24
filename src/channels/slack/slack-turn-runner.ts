/**
 * One Slack turn through the engine: the person's name and Slack language go with it, the rule on
 * the lowest student grade is applied after it, and the language the engine spoke comes back so
 * what Slack adds around the replies is in the same language.
 */
import type { webApi } from '@slack/bolt';
import { userKey, type Reply, type Turn } from '../../domain/messages.js';
import type { TurnHandler, TurnResult } from '../../engine/turn-handler.js';
import { withLanguage, type Language } from '../../i18n/language.js';
import type { Records } from '../../store/records.js';
import type { SlackNames } from './slack-names.js';
import { spokenLanguage } from './slack-language.js';
import type { YoungStudents } from './young-students.js';

type WebClient = webApi.WebClient;

export interface SlackTurnDeps {
  handler: TurnHandler;
  names?: SlackNames;
  /** The engine's records, where the language it spoke is kept; without them, the Slack language. */
  records?: Records;
  /** The lowest grade that may chat as a student; without it every grade may. */
  young?: YoungStudents;
}

export interface SlackTurnOutcome extends TurnResult {
  /** The language the replies are in. */
  language: Language;
  /**
   * The person was turned away (too young for Slack): the message ids whose saved replies are
   * removed once they are sent, this turn's included.
   */
  forget?: string[];
}

export class SlackTurnRunner {
  constructor(private readonly deps: SlackTurnDeps) {}

  /** The turn with what Slack says about the person (name, locale), when it answers in time. */
  async withPerson<T extends { userId: string }>(client: WebClient, turn: T): Promise<T & { displayName?: string; locale?: string }> {
    const person = this.deps.names ? await this.deps.names.personOf(client, turn.userId) : {};
    return { ...turn, ...(person.name ? { displayName: person.name } : {}), ...(person.locale ? { locale: person.locale } : {}) };
  }

  async run(client: WebClient, plain: Turn): Promise<SlackTurnOutcome> {
    const turn = await this.withPerson(client, plain);
    const key = userKey(turn);
    const { young, records, handler } = this.deps;
    const before = young?.turnedAwayBefore(key);
    if (young && before) return this.turnedAway(young, before, [turn.messageId]);
    const result = await handler.handle(turn);
    // One read of the profile as the turn left it: the language spoken, and the grade.
    const profile = (await records?.profile(key)) ?? null;
    const language = result.language ?? (await spokenLanguage(records, key, turn.locale, profile));
    const recent = young && profile ? await young.afterTurn(key, profile, language) : undefined;
    if (young && recent) return this.turnedAway(young, language, [...new Set([...recent, turn.messageId])], result.duplicate);
    return { ...result, language };
  }

  /** The language to speak to someone outside a turn (Home tab, a failure): as their last turn, or their Slack's. */
  async languageFor(client: WebClient, userId: string): Promise<Language> {
    const person = await this.withPerson(client, { channel: 'slack', userId });
    const key = userKey(person);
    return this.deps.young?.turnedAwayBefore(key) ?? spokenLanguage(this.deps.records, key, person.locale);
  }

  /** Forgets what this process holds about a person (their name and language). */
  forgetPerson(userId: string): void {
    this.deps.names?.forget(userId);
  }

  private turnedAway(young: YoungStudents, language: Language, forget: string[], duplicate = false): SlackTurnOutcome {
    const replies: Reply[] = withLanguage(language, () => [young.note()]);
    return { replies, duplicate, language, forget };
  }
}
