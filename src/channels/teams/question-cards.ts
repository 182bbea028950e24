/**
 * Questions and field cards as Adaptive Cards (pure). A few short choices are buttons; more than
 * MAX_BUTTONS, or any label longer than a button shows whole (Teams cuts titles past about 40
 * characters), become a choice list that wraps long options, with a label and a Send button.
 */
import { progressLabel, type CardReply, type Choice, type QuestionReply } from '../../domain/messages.js';
import { t } from '../../i18n/t.js';
import { adaptiveCard, fieldLine, textBlock, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import { fitCard } from './card-budget.js';
import { choiceData, type ChoiceSubmit } from './card-submit.js';
import { limit, safeText } from './teams-text.js';

/** Teams shows at most this many buttons in a card's action row; longer lists become a choice list. */
export const MAX_BUTTONS = 6;
/** The longest button title Teams shows without cutting it. */
export const MAX_BUTTON_TITLE = 40;
/** The id of the choice list input (Teams merges it into the Send button's data). */
export const CHOICE_INPUT_ID = 'choiceId';
const MAX_LABEL = 300;
const MAX_OPTION_TITLE = 200;

/** "1. Yes  2. Maybe  3. No": the typed way to answer, in every fallback. */
export function numberedChoices(choices: Choice[]): string {
  return choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
}

/** Options with an id, each id once (a repeated id could not say which was chosen). */
function usable(choices: Choice[]): Choice[] {
  const seen = new Set<string>();
  return choices.filter((c) => c.id !== '' && !seen.has(c.id) && seen.add(c.id));
}

export const fitsOnButton = (label: string) => Array.from(safeText(label)).length <= MAX_BUTTON_TITLE;

function choiceInputs(questionId: string, prompt: string, all: Choice[]): { body: CardElement[]; actions: CardElement[] } {
  const choices = usable(all);
  if (choices.length <= MAX_BUTTONS && choices.every((c) => fitsOnButton(c.label))) {
    return {
      body: [],
      actions: choices.map((c) => ({
        type: 'Action.Submit',
        title: limit(safeText(c.label), MAX_BUTTON_TITLE),
        data: choiceData(questionId, prompt, { id: c.id, label: limit(c.label, MAX_LABEL) }),
      })),
    };
  }
  const data = { ...choiceData(questionId, prompt), labels: Object.fromEntries(choices.map((c) => [c.id, limit(c.label, MAX_LABEL)])) };
  return {
    body: [
      {
        type: 'Input.ChoiceSet',
        id: CHOICE_INPUT_ID,
        label: t('teams.card.choices'),
        style: 'expanded',
        wrap: true,
        isRequired: true,
        errorMessage: t('teams.card.pickOne'),
        choices: choices.map((c) => ({ title: limit(safeText(c.label), MAX_OPTION_TITLE), value: c.id })),
      },
    ],
    actions: [{ type: 'Action.Submit', title: t('teams.card.send'), data }],
  };
}

export function questionCard(reply: QuestionReply): AdaptiveCard {
  const body: CardElement[] = [];
  if (reply.progress) {
    body.push(textBlock(t('teams.card.question', { progress: progressLabel(reply.progress) }), { isSubtle: true, size: 'Small' }));
  }
  body.push(textBlock(reply.text));
  const { body: inputs, actions } = choiceInputs(reply.questionId, reply.text, reply.choices);
  return fitCard(adaptiveCard([...body, ...inputs], `${reply.text}\n${numberedChoices(reply.choices)}`, actions));
}

export function fieldsCard(reply: CardReply): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(limit(reply.title, 200), { weight: 'Bolder', size: 'Medium' }),
    ...reply.fields.map((f) => fieldLine(limit(f.label, 80), limit(f.value, 600))),
  ];
  if (!reply.actions?.length || !reply.questionId) return fitCard(adaptiveCard(body, reply.text));
  const { body: inputs, actions } = choiceInputs(reply.questionId, reply.title, reply.actions);
  return fitCard(adaptiveCard([...body, ...inputs], `${reply.text}\n${numberedChoices(reply.actions)}`, actions));
}

/** The card that replaces a pressed one: the question and the answer, no buttons left to press. */
export function answeredCard(submit: ChoiceSubmit): AdaptiveCard {
  const body: CardElement[] = [];
  if (submit.prompt) body.push(textBlock(submit.prompt, { isSubtle: true }));
  const answer = t('teams.card.yourAnswer');
  body.push(fieldLine(answer, submit.label));
  return adaptiveCard(body, `${submit.prompt}\n${answer}: ${submit.label}`.trim());
}

/** The card that replaces a pressed one the conversation had already moved past: closed, no answer claimed. */
export function closedCard(submit: ChoiceSubmit): AdaptiveCard {
  const body: CardElement[] = [];
  const closed = t('teams.card.closed');
  if (submit.prompt) body.push(textBlock(submit.prompt, { isSubtle: true }));
  body.push(textBlock(closed, { isSubtle: true }));
  return adaptiveCard(body, `${submit.prompt}\n${closed}`.trim());
}
