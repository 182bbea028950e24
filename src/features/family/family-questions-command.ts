/**
 * Common family questions: "questions" lists them as buttons; a button, or free text that asks
 * one of them ("will choosing a cluster box my child in?"), gets the short answer.
 */
import type { FamilyQuestion, FamilyQuestionMatcher } from '../../domain/family/index.js';
import { text, type QuestionReply } from '../../domain/messages.js';
import type { Command, TextFallback, TurnContext } from '../../engine/command.js';
import { EXPLORE_IS_FOR_STUDENTS } from '../understand/understand-text.js';

export const FAMILY_QUESTIONS_Q = 'family:questions';

const MORE = "For more answers, type questions. To see this school year's steps, type what's due.";

function answer(ctx: TurnContext, q: FamilyQuestion): void {
  ctx.say(text(q.answer), text(MORE));
}

export function questionList(questions: readonly FamilyQuestion[]): QuestionReply {
  return {
    kind: 'question',
    questionId: FAMILY_QUESTIONS_Q,
    text: 'Here are questions families often ask. Tap one, or type your own question.',
    choices: questions.map((q) => ({ id: q.id, label: q.label })),
  };
}

/** "questions": the list; a press (even on an older list) gets that answer. */
export function familyQuestionsCommand(matcher: FamilyQuestionMatcher): Command {
  return {
    id: 'family-questions',
    // A family's own list answers in a parent's words whatever the message was read as, when it is one of its questions.
    intents: ['family-question', 'glossary', 'career-interest', 'job-pay', 'job-education', 'job-duties', 'nothing-final', 'who-sees', 'whats-due', 'family-plan'],
    accepts: (typed, intent) => intent === 'family-question' || matcher.match(typed) !== undefined,
    menuLabel: 'Common questions',
    help: 'questions: short answers to questions families often ask',
    roles: ['family'],
    questionIds: [FAMILY_QUESTIONS_Q],
    matches: (t) => /^(questions|common questions|family questions|parent questions|faqs?|questions families ask|show (me )?(the )?questions)$/.test(t),
    run: async (ctx, input) => {
      const picked = input.questionId === FAMILY_QUESTIONS_Q ? matcher.question(input.choiceId ?? '') : undefined;
      if (picked) return answer(ctx, picked);
      const typed = input.text && !input.questionId ? matcher.match(input.text) : undefined;
      if (typed) return answer(ctx, typed);
      ctx.say(questionList(matcher.questions));
    },
  };
}

/** Free text from a family member that asks one of the common questions. */
export function familyQuestionFallback(matcher: FamilyQuestionMatcher): TextFallback {
  return async (ctx, typed) => {
    if (ctx.profile()?.role !== 'family') return false;
    const q = matcher.match(typed);
    if (!q) return false;
    answer(ctx, q);
    return true;
  };
}

const EXPLORE_WORDS = /^(explore|explore careers|quiz|take the quiz|interest questions|take the interest questions|find (a )?career|start)$/;

/**
 * "explore" from a family member or counselor: the interest questions are the student's, so say
 * so and show what they can do instead (not a job that happens to sound like "explore").
 */
export function exploreForOthersCommand(): Command {
  return {
    id: 'explore-for-others',
    roles: ['family', 'counselor'],
    matches: (t) => EXPLORE_WORDS.test(t),
    run: async (ctx) => ctx.say(text(EXPLORE_IS_FOR_STUDENTS), text(ctx.profile()?.role === 'family' ? MORE : 'Type caseload to see your students.')),
  };
}
