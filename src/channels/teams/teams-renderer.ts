/**
 * Reply[] -> the activities Teams shows (pure). Text goes as plain text; questions and cards as
 * Adaptive Cards 1.5 with Action.Submit buttons; plans as one or more cards under the size limit;
 * files as a file-consent card (Teams) or an inline attachment (Emulator). Every card carries a
 * plain-text `summary` and `fallbackText` for notifications and screen readers.
 */
import type { Activity } from 'botbuilder';
import { progressLabel, type CardReply, type Choice, type FileReply, type PlanTableReply, type QuestionReply, type Reply } from '../../domain/messages.js';
import { adaptiveCard, cardAttachment, fieldLine, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import { choiceData, type ChoiceSubmit } from './card-submit.js';
import { planCards } from './plan-cards.js';
import { limit, safeText } from './teams-text.js';

/** Teams shows at most this many buttons in a card's action row; longer lists become a drop-down. */
export const MAX_BUTTONS = 6;
const SUMMARY_CHARS = 250;

export type OutgoingActivity = Partial<Activity>;

/** How a file reaches the person: prepared by the channel before rendering (files need I/O). */
export type PreparedFile =
  | { kind: 'consent'; token: string; sizeInBytes: number }
  | { kind: 'inline'; base64: string }
  | { kind: 'unavailable' };

export const FILE_CONSENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';

const plainMessage = (text: string): OutgoingActivity => ({ type: 'message', text: safeText(text), textFormat: 'plain' });

const cardMessage = (card: AdaptiveCard, summary: string): OutgoingActivity => ({
  type: 'message',
  summary: limit(safeText(summary), SUMMARY_CHARS),
  attachments: [cardAttachment(card)],
});

/** "1. Yes  2. Maybe  3. No": the typed way to answer, in every fallback. */
export function numberedChoices(choices: Choice[]): string {
  return choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
}

function choiceActions(questionId: string, prompt: string, choices: Choice[]): { body: CardElement[]; actions: CardElement[] } {
  if (choices.length <= MAX_BUTTONS) {
    return {
      body: [],
      actions: choices.map((c) => ({
        type: 'Action.Submit',
        title: limit(safeText(c.label), 60),
        data: choiceData(questionId, prompt, { id: c.id, label: limit(c.label, 300) }),
      })),
    };
  }
  const data = { ...choiceData(questionId, prompt), labels: Object.fromEntries(choices.map((c) => [c.id, limit(c.label, 300)])) };
  return {
    body: [
      {
        type: 'Input.ChoiceSet',
        id: 'choiceId',
        style: 'expanded',
        isRequired: true,
        errorMessage: 'Pick one, then press Send.',
        choices: choices.map((c) => ({ title: limit(safeText(c.label), 120), value: c.id })),
      },
    ],
    actions: [{ type: 'Action.Submit', title: 'Send', data }],
  };
}

export function questionCard(reply: QuestionReply): AdaptiveCard {
  const body: CardElement[] = [];
  if (reply.progress) {
    body.push(textBlock(`Question ${progressLabel(reply.progress)}`, { isSubtle: true, size: 'Small' }));
  }
  body.push(textBlock(reply.text));
  const { body: inputs, actions } = choiceActions(reply.questionId, reply.text, reply.choices);
  return adaptiveCard([...body, ...inputs], `${reply.text}\n${numberedChoices(reply.choices)}`, actions);
}

export function fieldsCard(reply: CardReply): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(limit(reply.title, 200), { weight: 'Bolder', size: 'Medium' }),
    ...reply.fields.map((f) => fieldLine(limit(f.label, 80), limit(f.value, 600))),
  ];
  if (!reply.actions?.length || !reply.questionId) return adaptiveCard(body, reply.text);
  const { body: inputs, actions } = choiceActions(reply.questionId, reply.title, reply.actions);
  return adaptiveCard([...body, ...inputs], `${reply.text}\n${numberedChoices(reply.actions)}`, actions);
}

/** The card that replaces a pressed one: the question and the answer, no buttons left to press. */
export function answeredCard(submit: ChoiceSubmit): AdaptiveCard {
  const body: CardElement[] = [];
  if (submit.prompt) body.push(textBlock(submit.prompt, { isSubtle: true }));
  body.push(fieldLine('Your answer', submit.label));
  return adaptiveCard(body, `${submit.prompt}\nYour answer: ${submit.label}`.trim());
}

/** The card that replaces a pressed one the conversation had already moved past: closed, no answer claimed. */
export function closedCard(submit: ChoiceSubmit): AdaptiveCard {
  const body: CardElement[] = [];
  if (submit.prompt) body.push(textBlock(submit.prompt, { isSubtle: true }));
  body.push(textBlock(CLOSED_QUESTION, { isSubtle: true }));
  return adaptiveCard(body, `${submit.prompt}\n${CLOSED_QUESTION}`.trim());
}

export const CLOSED_QUESTION = 'This question was already answered.';

export function planMessages(reply: PlanTableReply): OutgoingActivity[] {
  return planCards(reply).map((card, i) => cardMessage(card, i === 0 ? reply.text : `${reply.title} (continued)`));
}

export function fileMessages(reply: FileReply, file: PreparedFile | undefined): OutgoingActivity[] {
  const name = limit(safeText(reply.filename), 120);
  if (file?.kind === 'consent') {
    return [
      {
        type: 'message',
        summary: limit(safeText(reply.text), SUMMARY_CHARS),
        attachments: [
          {
            contentType: FILE_CONSENT_TYPE,
            name,
            content: {
              description: limit(safeText(reply.text), 250),
              sizeInBytes: file.sizeInBytes,
              acceptContext: { token: file.token },
              declineContext: { token: file.token },
            },
          },
        ],
      },
    ];
  }
  if (file?.kind === 'inline') {
    return [
      {
        type: 'message',
        text: safeText(reply.text),
        textFormat: 'plain',
        attachments: [{ contentType: reply.mimeType, name, contentUrl: `data:${reply.mimeType};base64,${file.base64}` }],
      },
    ];
  }
  return [plainMessage(`${reply.text}\n(I could not attach the file ${reply.filename} here.)`)];
}

/** One Reply as the activities to send (a long plan can take several cards). */
export function renderReply(reply: Reply, file?: PreparedFile): OutgoingActivity[] {
  switch (reply.kind) {
    case 'text':
      return [plainMessage(reply.text)];
    case 'question':
      return [cardMessage(questionCard(reply), `${reply.text} ${reply.choices.map((c) => c.label).join(' / ')}`)];
    case 'card':
      return [cardMessage(fieldsCard(reply), reply.text)];
    case 'plan':
      return planMessages(reply);
    case 'file':
      return fileMessages(reply, file);
  }
}

export function renderReplies(replies: Reply[], files: Map<Reply, PreparedFile> = new Map()): OutgoingActivity[] {
  return replies.flatMap((r) => renderReply(r, files.get(r)));
}
