import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import wrapAnsi from 'wrap-ansi';
import { matchChoice } from '../../domain/match-choice.js';
import { localeLanguage } from '../../domain/language-choice.js';
import type { QuestionReply, Reply, Turn } from '../../domain/messages.js';
import type { TurnHandler } from '../../engine/turn-handler.js';
import { DEFAULT_LANGUAGE, withLanguage } from '../../i18n/language.js';
import { t } from '../../i18n/t.js';
import { renderForConsole } from './console-renderer.js';

export interface ConsoleOptions {
  handler: TurnHandler;
  user: string;
  input: Readable;
  output: Writable;
  /** A person typing (prompt, greeting) rather than a script piping lines. */
  interactive: boolean;
  /** Messages waiting for this user (reminders), shown before the chat starts. */
  takeOutbox?: () => Promise<Reply[]>;
  /**
   * The terminal's language setting (LANG, like "es_MX.UTF-8"): which language to start in, as
   * Slack and Teams give the person's locale. What the person writes and chooses still decides.
   */
  locale?: string;
}

/**
 * The terminal chat. Interactive: a prompt and a greeting. Piped: one message per line, every reply
 * printed as plain text as soon as its line is answered, exit at the end of input.
 */
export async function runConsole(o: ConsoleOptions): Promise<void> {
  let n = 0;
  const write = (replies: Reply[]) => {
    const width = (o.output as { columns?: number }).columns ?? 80;
    for (const r of replies) o.output.write(`${o.interactive ? indent(renderForConsole(r), width) : renderForConsole(r)}\n`);
    if (o.interactive) o.output.write('\n');
  };
  // A waiting message that asks something ("1) Start my review"): the next line may answer it,
  // by number or words, like pressing its button.
  let outboxQuestion: QuestionReply | undefined;
  const send = async (text: string) => {
    const picked = outboxQuestion ? matchChoice(text, outboxQuestion.choices) : undefined;
    const action = picked && outboxQuestion ? { id: outboxQuestion.questionId, value: picked.id } : undefined;
    outboxQuestion = undefined;
    const turn: Turn = {
      channel: 'console',
      userId: o.user,
      conversationId: o.user,
      // The terminal's user name is the only name it has (WAYPOINT_USER=jordan).
      displayName: o.user.charAt(0).toUpperCase() + o.user.slice(1),
      messageId: `${process.pid}-${Date.now()}-${n++}`,
      ...(action ? { action } : { text }),
      receivedAt: new Date().toISOString(),
      ...(o.locale ? { locale: o.locale } : {}),
    };
    const { replies, language } = await o.handler.handle(turn);
    // In the language the turn was answered in, so the terminal's own words ("Saved to:") match.
    withLanguage(language ?? DEFAULT_LANGUAGE, () => write(replies));
  };

  const waiting = o.takeOutbox ? await o.takeOutbox() : [];
  // Before the first turn, the terminal's own words follow its language setting.
  const firstLanguage = localeLanguage(o.locale) ?? DEFAULT_LANGUAGE;
  if (waiting.length) withLanguage(firstLanguage, () => write([{ kind: 'text', text: t('console.whileAway') }, ...waiting]));
  const last = waiting[waiting.length - 1];
  if (last?.kind === 'question') outboxQuestion = last;
  const rl = createInterface({ input: o.input, output: o.interactive ? o.output : undefined, terminal: o.interactive });
  if (o.interactive) {
    o.output.write(`${withLanguage(firstLanguage, () => t('console.intro'))}\n\n`);
    // The greeting's menu would take the numbers the waiting question shows.
    if (!outboxQuestion) await send('hi');
    rl.setPrompt('you> ');
    rl.prompt();
  }
  for await (const line of rl) {
    if (o.interactive && /^\s*(quit|exit|bye)\s*$/i.test(line)) break;
    await send(line);
    if (o.interactive) rl.prompt();
  }
  rl.close();
}

const MARGIN = '          ';

/** "waypoint> " before the first line, the rest lined up under it, words wrapped to the terminal. */
function indent(text: string, width: number): string {
  const room = Math.max(20, width - MARGIN.length - 1);
  return text
    .split('\n')
    .flatMap((l) => wrapAnsi(l, room, { hard: true }).split('\n'))
    .map((l, i) => (i === 0 ? `waypoint> ${l}` : `${MARGIN}${l}`))
    .join('\n');
}
