import type { types as S } from '@slack/bolt';
import type { CardReply, Reply } from '../../domain/messages.js';
import {
  LIMITS,
  cardBlocks,
  contextLine,
  planBlocks,
  questionBlocks,
  questionFallback,
  textSections,
} from './slack-blocks.js';
import { clip, escapeSlackText, unescapeSlackText } from './slack-escape.js';
import { t } from '../../i18n/t.js';

/**
 * Reply[] -> what to send to Slack (pure). Each Reply is its own message ("bubble"); a Reply too
 * big for one message (more than 50 blocks) becomes several. Every message carries plain `text`
 * for notifications and screen readers. Files are sent with files.uploadV2. The few words Slack
 * adds itself ("You chose: ...") come from the "slack" catalog: render inside the turn's language
 * (withLanguage).
 */
export interface SlackMessage {
  kind: 'message';
  text: string;
  blocks: S.KnownBlock[];
}

export interface SlackFile {
  kind: 'file';
  path: string;
  filename: string;
  mimeType: string;
  /** Escaped words that go with the file. */
  comment: string;
}

export type SlackOutput = SlackMessage | SlackFile;

/**
 * One turn's replies as few Slack messages as the limits allow: consecutive replies share a message
 * (one notification, one API call), files go on their own.
 */
export function renderReplies(replies: Reply[]): SlackOutput[] {
  const out: SlackOutput[] = [];
  let blocks: S.KnownBlock[] = [];
  let texts: string[] = [];
  const flush = () => {
    if (blocks.length) out.push(...packMessages(blocks, clip(texts.join('\n'), LIMITS.fallbackText)));
    blocks = [];
    texts = [];
  };
  for (const reply of replies) {
    renderReply(reply).forEach((part, i) => {
      if (part.kind === 'file') {
        flush();
        out.push(part);
      } else {
        blocks.push(...part.blocks);
        if (i === 0) texts.push(part.text);
      }
    });
  }
  flush();
  return out;
}

export function renderReply(reply: Reply): SlackOutput[] {
  switch (reply.kind) {
    case 'text':
      return packMessages(textSections(escapeSlackText(reply.text)), fallback(reply.text));
    case 'question':
      return packMessages(questionBlocks(reply), questionFallback(reply));
    case 'card':
      return packMessages(cardBlocks(reply), fallback(reply.text || reply.title));
    case 'plan':
      return packMessages(planBlocks(reply), fallback(reply.text || reply.title));
    case 'file':
      return [{ kind: 'file', path: reply.path, filename: reply.filename, mimeType: reply.mimeType, comment: fallback(reply.text) }];
    default: {
      const unknown: never = reply;
      throw new Error(`Unknown reply kind: ${(unknown as { kind?: string }).kind}`);
    }
  }
}

function fallback(plain: string): string {
  return clip(escapeSlackText(plain), LIMITS.fallbackText);
}

/**
 * Splits blocks into messages of at most 50 blocks. Buttons stay with the section just above them
 * when a split falls between the two. Later parts say which part they are in their plain text.
 */
export function packMessages(blocks: S.KnownBlock[], text: string): SlackMessage[] {
  const max = LIMITS.blocksPerMessage;
  if (blocks.length <= max) return [{ kind: 'message', text, blocks }];
  const chunks: S.KnownBlock[][] = [];
  let rest = blocks;
  while (rest.length > max) {
    let cut = max;
    while (cut > 1 && rest[cut]?.type === 'actions') cut -= 1;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  chunks.push(rest);
  return chunks.map((chunk, i) => ({
    kind: 'message',
    text: i === 0 ? text : clip(t('slack.part', { text: text.split('\n')[0] ?? '', part: i + 1, parts: chunks.length }), LIMITS.fallbackText),
    blocks: chunk,
  }));
}

/**
 * The question message after a button press: the same words, the buttons removed, and a line
 * saying what was chosen. `original` is the message as Slack hands it back in block_actions.
 */
export function renderAnswered(original: { text?: string; blocks?: unknown[] }, chosenLabel: string): SlackMessage {
  const label = escapeSlackText(unescapeSlackText(chosenLabel));
  return closeQuestion(original, escapeChosen(`*${label}*`), escapeChosen(label));
}

/** "You chose: {{choice}}" escaped around an already escaped choice. */
function escapeChosen(choice: string): string {
  const [before = '', after = ''] = t('slack.youChose', { choice: '\u0000' }).split('\u0000');
  return `${escapeSlackText(before)}${choice}${escapeSlackText(after)}`;
}

/** The question message after a press the conversation had moved past: buttons removed, nothing claimed. */
export function renderClosed(original: { text?: string; blocks?: unknown[] }): SlackMessage {
  const closed = escapeSlackText(t('slack.closedQuestion'));
  return closeQuestion(original, closed, closed);
}

function closeQuestion(original: { text?: string; blocks?: unknown[] }, line: string, plainLine: string): SlackMessage {
  const kept = ((original.blocks ?? []) as S.KnownBlock[]).filter((b) => b.type !== 'actions');
  const blocks: S.KnownBlock[] = [...kept.slice(0, LIMITS.blocksPerMessage - 1), contextLine(line)];
  const firstLine = escapeSlackText(unescapeSlackText((original.text ?? '').split('\n')[0] ?? ''));
  return { kind: 'message', text: clip(`${firstLine} ${plainLine}`.trim(), LIMITS.fallbackText), blocks };
}

/** The App Home tab: the summary the engine provides, or a friendly default. */
export function renderHomeView(content: Reply[] | CardReply | undefined): S.HomeView {
  const replies = content === undefined ? [] : Array.isArray(content) ? content : [content];
  const blocks: S.KnownBlock[] = [];
  for (const reply of replies) {
    const parts =
      reply.kind === 'file'
        ? textSections(escapeSlackText(reply.text))
        : renderReply(reply).flatMap((o) => (o.kind === 'message' ? o.blocks : []));
    if (blocks.length > 0) blocks.push({ type: 'divider' });
    blocks.push(...parts);
  }
  if (blocks.length === 0) blocks.push(...defaultHomeBlocks());
  if (blocks.length > LIMITS.blocksPerHomeView) {
    blocks.length = LIMITS.blocksPerHomeView - 1;
    blocks.push(contextLine(escapeSlackText(t('slack.home.more'))));
  }
  return { type: 'home', blocks };
}

function defaultHomeBlocks(): S.KnownBlock[] {
  return [
    ...textSections('*Waypoint*'),
    ...textSections(escapeSlackText(t('slack.home.intro'))),
    contextLine(escapeSlackText(t('slack.home.command', { command: '`/waypoint help`' }))),
  ];
}

/** Said when the engine failed on a turn: the bot's fault, never the person's. */
export function renderTrouble(): SlackMessage {
  const text = escapeSlackText(t('slack.trouble'));
  return { kind: 'message', text, blocks: textSections(text) };
}

/**
 * The short public answer to a mention in a channel: an invitation to a direct message, never
 * anything about a student. `appLink` opens the app's Messages tab when Slack gave us its ids.
 */
export function renderMentionInvite(appLink?: { teamId: string; appId: string }): SlackMessage {
  const dm = escapeSlackText(t('slack.mention.dm'));
  // Inside a link, as everywhere in mrkdwn, "&" is written "&amp;".
  const link =
    appLink && /^[A-Z0-9]+$/.test(appLink.teamId) && /^[A-Z0-9]+$/.test(appLink.appId)
      ? `<slack://app?team=${appLink.teamId}&amp;id=${appLink.appId}&amp;tab=messages|${dm}>`
      : dm;
  const hello = escapeSlackText(t('slack.mention.hello'));
  const privately = (where: string) => escapeSlackText(t('slack.mention.privately', { dm: '\u0000' })).replace('\u0000', where);
  return {
    kind: 'message',
    text: `${hello} ${privately(dm)}`,
    blocks: textSections(`${hello} ${privately(link)}`),
  };
}
