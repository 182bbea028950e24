/**
 * Reply[] -> the activities Teams shows (pure). Text goes as plain text; questions and cards as
 * Adaptive Cards 1.5 with Action.Submit buttons or a choice list (question-cards.ts); plans as one
 * or more cards under the size budget (plan-cards.ts); files as a file-consent card, a download
 * link, or an inline attachment (Emulator). The replies of one turn are then put together into as
 * few messages as Teams shows well (compose-messages.ts): the text, then at most one card.
 */
import type { Activity } from 'botbuilder';
import type { FileReply, Reply } from '../../domain/messages.js';
import { t } from '../../i18n/t.js';
import { composeMessages, type Part } from './compose-messages.js';
import { planCards } from './plan-cards.js';
import { fieldsCard, questionCard } from './question-cards.js';
import { limit, safeText } from './teams-text.js';

export { answeredCard, closedCard, fieldsCard, MAX_BUTTONS, MAX_BUTTON_TITLE, numberedChoices, questionCard } from './question-cards.js';

export type OutgoingActivity = Partial<Activity>;

/** How a file reaches the person: prepared by the channel before rendering (files need I/O). */
export type PreparedFile =
  | { kind: 'consent'; token: string; sizeInBytes: number }
  | { kind: 'link'; url: string }
  | { kind: 'inline'; base64: string }
  | { kind: 'unavailable' };

export const FILE_CONSENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';

function fileParts(reply: FileReply, file: PreparedFile | undefined): Part[] {
  const name = limit(safeText(reply.filename), 120);
  if (file?.kind === 'consent') {
    const offer = {
      contentType: FILE_CONSENT_TYPE,
      name,
      content: {
        description: limit(safeText(reply.text), 250),
        sizeInBytes: file.sizeInBytes,
        acceptContext: { token: file.token },
        declineContext: { token: file.token },
      },
    };
    return [{ kind: 'attachment', attachment: offer, summary: reply.text }];
  }
  if (file?.kind === 'inline') {
    const inline: OutgoingActivity = {
      type: 'message',
      text: safeText(reply.text),
      textFormat: 'plain',
      attachments: [{ contentType: reply.mimeType, name, contentUrl: `data:${reply.mimeType};base64,${file.base64}` }],
    };
    return [{ kind: 'alone', activity: inline }];
  }
  if (file?.kind === 'link') return [{ kind: 'text', text: t('teams.files.link', { text: reply.text, filename: reply.filename, url: file.url }) }];
  return [{ kind: 'text', text: t('teams.files.notAttached', { text: reply.text, filename: reply.filename }) }];
}

/** One Reply as the pieces of a message: text, a card (with its summary), or a message of its own. */
export function replyParts(reply: Reply, file?: PreparedFile): Part[] {
  switch (reply.kind) {
    case 'text':
      return [{ kind: 'text', text: reply.text }];
    case 'question':
      return [{ kind: 'card', card: questionCard(reply), summary: `${reply.text} ${reply.choices.map((c) => c.label).join(' / ')}` }];
    case 'card':
      return [{ kind: 'card', card: fieldsCard(reply), summary: reply.text }];
    case 'plan':
      return planCards(reply).map((card, i) => ({ kind: 'card', card, summary: i === 0 ? reply.text : t('teams.plan.continued', { title: reply.title }) }));
    case 'file':
      return fileParts(reply, file);
  }
}

/** One Reply alone, as the activities Teams would show for it. */
export function renderReply(reply: Reply, file?: PreparedFile): OutgoingActivity[] {
  return composeMessages(replyParts(reply, file));
}

/** The replies of one turn as the messages to send, in order. */
export function renderReplies(replies: Reply[], files: Map<Reply, PreparedFile> = new Map()): OutgoingActivity[] {
  return composeMessages(replies.flatMap((r) => replyParts(r, files.get(r))));
}
