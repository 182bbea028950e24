/** What the plan flow says: the questions of a change waiting for yes/no, a review and a typed goal. */
import { text, type QuestionReply, type TextReply } from '../src/domain/messages.js';

export const CONFIRM_Q = 'plan:confirm';
/** After "I'll type my own": the next thing typed is the goal. */
export const GOAL_TYPED_Q = 'plan:goal-typed';
export const REVIEW_Q = 'plan:review';

export const confirm = (preview: string): QuestionReply => ({
  kind: 'question',
  questionId: CONFIRM_Q,
  text: `${preview} Should I make this change?`,
  choices: [
    { id: 'yes', label: 'Yes, change it' },
    { id: 'no', label: 'No, keep my plan' },
  ],
});

export const declined = (): TextReply => text('Okay, I left your plan as it was.');

export const proposalUndone = (): TextReply => text("Okay, I didn't make that change. Your plan is as it was.");

export const reviewQuestion = (first: boolean): QuestionReply => ({
  kind: 'question',
  questionId: REVIEW_Q,
  // Asked so that "yes" and "no" mean the buttons: "no" to "anything else?" would mean done.
  text: first ? 'Is your plan still right for you? Changing it is normal.' : "Is your plan right now? If it is, I'll save your review.",
  choices: [
    { id: 'yes', label: first ? "Yes, it's right" : "Yes, I'm done" },
    { id: 'no', label: first ? 'No, I want to change something' : 'No, change something else' },
  ],
});

export const askForChange = (): TextReply =>
  text(
    'Tell me what to change in your own words, like "move Chemistry to 11th", "add FFA in 10th" or "my goal is a bachelor\'s in engineering". When you\'re done, type finish review.',
  );

export const typeGoal = (): QuestionReply => ({
  kind: 'question',
  questionId: GOAL_TYPED_Q,
  text: 'Sure. Type your goal in a few words, like "an associate degree in nursing".',
  choices: [{ id: 'later', label: 'Decide later' }],
});

export const goalLater = (): TextReply => text("That's fine. Lots of people decide later. When you know, just say \"my goal is ...\".");
