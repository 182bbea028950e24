import { text, userKey as keyOf, type Reply, type Turn } from '../domain/messages.js';
import { matchChoice } from '../domain/match-choice.js';
import { answerKind } from '../domain/answer-words.js';
import type { Understanding } from '../domain/understanding/intent-types.js';
import { withMissingName } from '../domain/profile.js';
import { DamagedDataError } from '../store/store.js';
import type { Command, CommandInput } from './command.js';
import { mayUse, menuChoices } from './command-access.js';
import { ConversationQueue } from './conversation-queue.js';
import { FlowTurns } from './flow-turns.js';
import { onGlobalWord } from './global-words.js';
import { commandWordsOf } from './intent-routing.js';
import { answerIntent, type IntentRunners } from './answer-intent.js';
import { meetNewcomer, type FirstContactRunners } from './first-contact.js';
import { beginTurn, type TurnDriver, type TurnWork } from './turn-work.js';
import { MENU_Q, globalWord, say, type GlobalWord } from './engine-words.js';
import type { FlowDefinition } from './flow-runner.js';
import { readInput, type Input } from './read-input.js';
import { newSession, type Session } from './session.js';
import { keepLanguage, languageOfTurn, type TurnLanguage } from './turn-language.js';
import { withLanguage } from '../i18n/language.js';
import { t } from '../i18n/t.js';
import { SessionCache } from './session-cache.js';
import { closeTurn } from './close-turn.js';
import { turnScopeOf, type TurnScope } from './turn-scope.js';
import type { TurnHandler, TurnResult } from './turn-handler.js';

export type { EffectHandler, EngineDeps } from './engine-deps.js';
import type { EngineDeps } from './engine-deps.js';

/**
 * One turn: Turn in -> load session -> understand and route -> save -> Reply[] out. The routing
 * rule, in order: the waiting question (its choices and the ways people say them) -> global words
 * (help, back, restart, stop) -> text the active flow reads (a grade, a code) -> intent (trained
 * classifier and commands' own words, by explicit priority) -> fallbacks (plan edits, family
 * questions, a job named outright) -> the role's "didn't catch that". Turns of one conversation are applied one at a time, in order; a
 * repeated message id is answered from the record.
 */
export class Engine implements TurnHandler {
  private readonly queue = new ConversationQueue();
  private readonly sessions = new SessionCache();
  /** Each turn one transaction under the user's lock when replicas share the store (turn-scope.ts). */
  private readonly scope: TurnScope;
  private readonly flows: Map<string, FlowDefinition>;
  private readonly now: () => Date;
  /** What a turn's context calls back into. */
  private readonly driver: TurnDriver = {
    startFlow: (work, id, input, keepCurrent) => this.flowTurns.start(work, id, input, keepCurrent),
    sendToFlow: (work, event) => this.flowTurns.send(work, event),
    runCommand: (work, id) => this.runCommand(work, id, {}),
    showMenu: (work, greeting) => this.menu(work, greeting),
  };

  private readonly flowTurns: FlowTurns;
  /** What answer-intent.ts runs an intent with. */
  private readonly intentRunners: IntentRunners;
  /** What first-contact.ts meets a newcomer with. */
  private readonly firstContact: FirstContactRunners;

  constructor(private readonly deps: EngineDeps) {
    this.flows = new Map(deps.flows.map((f) => [f.id, f]));
    this.flowTurns = new FlowTurns(this.flows, deps.effects, (work) => this.menu(work, ''), deps.logger);
    this.now = deps.now ?? (() => new Date());
    this.scope = deps.turns ?? turnScopeOf(deps.records.store);
    this.intentRunners = {
      commands: deps.commands,
      understanding: deps.understanding,
      help: (work) => this.onGlobal(work, 'help'),
      runCommand: (work, id, input) => this.runCommand(work, id, input),
    };
    this.firstContact = {
      ...this.intentRunners,
      toIntent: (work, meant, text) => this.toIntent(work, meant, text),
      startOnboarding: (work) => this.flowTurns.start(work, 'onboarding', { firstContact: true }),
      onAnswer: (work, questionId, choiceId) => this.onAnswer(work, questionId, choiceId),
    };
  }

  handle(turn: Turn): Promise<TurnResult> {
    // One user's turns in order, wherever they come from (DM, slash command, Home tab).
    return this.queue.run(keyOf(turn), () => this.apply(turn));
  }

  private async apply(turn: Turn): Promise<TurnResult> {
    const key = keyOf(turn);
    try {
      return await this.scope.run(key, () => this.applyOnce(turn, key));
    } catch (err) {
      this.sessions.forget(key);
      if (err instanceof DamagedDataError) {
        this.deps.logger?.error({ user: key, file: err.file }, 'damaged data file');
        return { replies: [say.storeTrouble()], duplicate: false };
      }
      throw err;
    }
  }

  private async applyOnce(turn: Turn, key: string): Promise<TurnResult> {
    const { records } = this.deps;
    // Replicas sharing the store: the session is read under the user's lock, never from memory.
    const cached = this.scope.shared ? undefined : this.sessions.get(key);
    const session = cached ?? (await records.session(key)) ?? newSession(key, this.now().toISOString());
    const seen = session.recent.find((r) => r.messageId === turn.messageId);
    if (seen) {
      this.deps.logger?.info({ user: key, messageId: turn.messageId }, 'repeated message answered from the record');
      return { replies: seen.replies ?? [], duplicate: true };
    }
    let profile = await records.profile(key);
    const named = withMissingName(profile, turn.displayName);
    if (named) await records.saveProfile((profile = named));
    const lang = await languageOfTurn(turn, session, profile, records, this.deps.language);
    const result = await withLanguage(lang.language, () => this.applyIn(turn, session, lang));
    return { ...result, language: lang.language };
  }

  /** The turn, in its language (every `t()` below speaks it). */
  private async applyIn(turn: Turn, session: Session, lang: TurnLanguage): Promise<TurnResult> {
    const key = keyOf(turn);
    const { records } = this.deps;
    const at = { userKey: key, now: this.now(), records, session, profile: lang.profile };
    const work = beginTurn(turn, at, this.driver);
    if (lang.asked || lang.tellSwitch) this.flowTurns.askAgainInLanguage(work);
    if (lang.asked) await this.onLanguageAsked(work);
    else await this.route(work, readInput(turn));
    for (let i = 0; i < work.pendingCommands.length && i < 3; i++) await this.runCommand(work, work.pendingCommands[i]!, {});
    if (lang.tellSwitch) work.replies.unshift(text(t('language.switchedToSpanish')));
    closeTurn(session, turn.messageId, work.replies, work.ctx.now, work.leaveQuestion === true);
    await keepLanguage(session, work.ctx.profile(), records);
    await records.saveSession(session);
    if (!this.scope.shared) this.sessions.written(session);
    return { replies: work.replies, duplicate: false, ...(work.stale ? { stale: true } : {}) };
  }

  /** "español" / "english": said in the new language; a newcomer then meets Waypoint in it. */
  private async onLanguageAsked(work: TurnWork): Promise<void> {
    work.replies.push(text(t('language.chosen')));
    if (!work.profile && !work.session.active) await this.flowTurns.start(work, 'onboarding', { firstContact: true });
  }

  private async route(work: TurnWork, input: Input): Promise<void> {
    const { session } = work;
    if (input.kind === 'empty') return this.reask(work, say.empty());
    if (input.kind === 'too-long') return this.reask(work, say.tooLong());
    // First contact: meet them (first-contact.ts).
    if (!work.profile && !session.active) return meetNewcomer(work, input, this.firstContact);
    if (input.kind === 'action') return this.onAction(work, input.questionId, input.choiceId);

    const word = globalWord(input.words);
    if (word) return this.onGlobal(work, word);
    const pending = session.pending;
    const picked = pending ? matchChoice(input.text, pending.choices, this.deps.understanding?.answerWords) : undefined;
    if (pending && picked) return this.onAnswer(work, pending.questionId, picked.id);
    const answerWords = this.deps.understanding?.answerWords;
    if (pending?.optional && answerWords && answerKind(input.words, answerWords) !== undefined) {
      // "ok", "nah", "not now" to an offer: put it aside; a flow's question comes back at the end of the turn.
      session.pending = undefined;
      session.unclear = 0;
      work.replies.push(say.okay());
      return;
    }
    const meant = await this.understand(work, input.text, input.words);
    // Someone in danger is answered first, even where any text is an answer (a typed goal).
    if (meant?.intent === 'distress' && (await this.toIntent(work, meant, input.text))) return;
    const def = session.active && this.flows.get(session.active.flow);
    if (def && this.flowTurns.takesText(def, session)) {
      // The flow reads the text first (a grade, a code); when it stays put, what the text means may answer instead.
      if (await this.flowTurns.readText(work, input.text, async () => meant !== undefined && (await this.toIntent(work, meant, input.text)))) return;
    }
    for (const reader of this.deps.textReaders ?? []) {
      if (await reader(work.ctx, input.text)) {
        session.unclear = 0;
        return;
      }
    }
    if (meant && (await this.toIntent(work, meant, input.text))) return;
    for (const fallback of this.deps.fallbacks ?? []) {
      if (await fallback(work.ctx, input.text)) {
        session.unclear = 0;
        return;
      }
    }
    if (!session.active && !pending) return this.notUnderstood(work);
    // A number that is not one of the choices ("42" for three choices): say which numbers work.
    if (pending && /^\d+$/.test(input.words) && pending.choices.length > 1) return this.reask(work, say.pickANumber(pending.choices.length));
    this.unclearAnswer(work);
  }

  /** What the text means: the commands whose own words it is, and the classifier's reading, by priority. */
  private async understand(work: TurnWork, text: string, words: string): Promise<Understanding | undefined> {
    const role = work.profile?.role;
    const own = commandWordsOf(this.deps.commands, role, words);
    const understanding = this.deps.understanding;
    if (!understanding) return own[0] ? { intent: own[0].intent ?? '', command: own[0].command, score: 1, by: 'command-words' } : undefined;
    return understanding.messages.understand(text, role ?? 'none', own);
  }

  /** Runs what answers this intent for this person (answer-intent.ts); false when nothing here answers it. */
  private toIntent(work: TurnWork, meant: Understanding, text: string): Promise<boolean> {
    return answerIntent(work, meant, text, this.intentRunners);
  }

  /** Nothing understood and nothing waiting: one line and three examples for this person. */
  private notUnderstood(work: TurnWork): void {
    work.session.unclear += 1;
    if (this.deps.notUnderstood) work.replies.push(...this.deps.notUnderstood(work.ctx));
    else this.menu(work, t('engine.unclear'));
  }

  /** "I didn't catch that", the question again, and after two in a row the way out. */
  private unclearAnswer(work: TurnWork): void {
    work.session.unclear += 1;
    this.reask(work, say.unclear());
    if (work.session.unclear >= 2) work.replies.push(say.stuckHint());
  }

  private reask(work: TurnWork, first: Reply): void {
    work.replies.push(first);
    if (work.session.pending) work.replies.push(work.session.pending);
  }

  private async onAction(work: TurnWork, questionId: string, choiceId: string): Promise<void> {
    const pending = work.session.pending;
    if (pending && pending.questionId === questionId && pending.choices.some((c) => c.id === choiceId)) {
      return this.onAnswer(work, questionId, choiceId);
    }
    const owner = this.deps.commands.find((c) => c.questionIds?.includes(questionId));
    if (owner && this.allowed(work, owner)) return this.runCommand(work, owner.id, { questionId, choiceId });
    if (questionId === MENU_Q) return this.runCommand(work, choiceId, {});
    work.stale = true;
    this.reask(work, say.staleButton());
  }

  private async onAnswer(work: TurnWork, questionId: string, choiceId: string): Promise<void> {
    work.session.unclear = 0;
    if (questionId === MENU_Q) return this.runCommand(work, choiceId, {});
    const event = { type: 'ANSWER', questionId, choiceId } as const;
    if (this.flowTurns.asks(work, questionId)) return void (await this.flowTurns.send(work, event));
    const owner = this.deps.commands.find((c) => c.questionIds?.includes(questionId));
    if (owner) return this.runCommand(work, owner.id, { questionId, choiceId });
    if (work.session.active) return void (await this.flowTurns.send(work, event));
    return this.menu(work, t('engine.hiAgain'));
  }

  private onGlobal(work: TurnWork, word: GlobalWord): Promise<void> {
    return onGlobalWord(work, word, { flows: this.flows, flowTurns: this.flowTurns, commands: this.deps.commands, menu: (w, g) => this.menu(w, g) });
  }

  private allowed(work: TurnWork, c: Command): boolean {
    return mayUse(work.profile?.role, c);
  }

  private async runCommand(work: TurnWork, id: string, input: CommandInput): Promise<void> {
    const command = this.deps.commands.find((c) => c.id === id);
    if (!command || !this.allowed(work, command)) return this.menu(work, t('engine.cantDoHere'));
    work.session.unclear = 0;
    await command.run(work.ctx, input);
  }

  private menu(work: TurnWork, greeting: string): void {
    work.replies.push(...say.menu(greeting.trim(), menuChoices(this.deps.commands, work.profile?.role)));
  }
}
