/**
 * Common family questions: "questions" (or "preguntas") lists them as buttons; a button, or free
 * text that asks one of them ("will choosing a cluster box my child in?"), gets the short answer,
 * in the turn's language.
 */
import type { FamilyQuestion } from '../../domain/family/index.js';
import { text, type QuestionReply } from '../../domain/messages.js';
import type { Command, TextFallback, TurnContext } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import { exploreIsForStudents } from '../understand/understand-text.js';
import type { FamilyQuestionBook } from './question-book.js';

export const FAMILY_QUESTIONS_Q = 'family:questions';

/** "For more answers, type questions. To see this school year's steps, type what's due." */
export const more = () => text(t('family.more'));

function answer(ctx: TurnContext, q: FamilyQuestion): void {
  ctx.say(text(q.answer), more());
}

export function questionList(questions: readonly FamilyQuestion[]): QuestionReply {
  return {
    kind: 'question',
    questionId: FAMILY_QUESTIONS_Q,
    text: t('family.questionList'),
    choices: questions.map((q) => ({ id: q.id, label: q.label })),
  };
}

const QUESTION_WORDS =
  /^(questions|common questions|family questions|parent questions|faqs?|questions families ask|show (me )?(the )?questions|preguntas|preguntas (comunes|frecuentes)|preguntas de (los )?(padres|las familias|familia)|ver (las )?preguntas)$/;

/** "questions": the list; a press (even on an older list) gets that answer. */
export function familyQuestionsCommand(book: FamilyQuestionBook): Command {
  return {
    id: 'family-questions',
    // A family's own list answers in a parent's words whatever the message was read as, when it is one of its questions.
    intents: ['family-question', 'glossary', 'career-interest', 'job-pay', 'job-education', 'job-duties', 'nothing-final', 'who-sees', 'whats-due', 'family-plan'],
    accepts: (typed, intent) => intent === 'family-question' || book.match(typed) !== undefined,
    // Getters: the menu and help are built in the turn's language.
    get menuLabel() {
      return t('family.menu.questions');
    },
    get help() {
      return t('family.help.questions');
    },
    roles: ['family'],
    questionIds: [FAMILY_QUESTIONS_Q],
    matches: (words) => QUESTION_WORDS.test(words),
    run: async (ctx, input) => {
      const picked = input.questionId === FAMILY_QUESTIONS_Q ? book.question(input.choiceId ?? '') : undefined;
      if (picked) return answer(ctx, picked);
      const typed = input.text && !input.questionId ? book.match(input.text) : undefined;
      if (typed) return answer(ctx, typed);
      ctx.say(questionList(book.questions()));
    },
  };
}

/** Free text from a family member that asks one of the common questions. */
export function familyQuestionFallback(book: FamilyQuestionBook): TextFallback {
  return async (ctx, typed) => {
    if (ctx.profile()?.role !== 'family') return false;
    const q = book.match(typed);
    if (!q) return false;
    answer(ctx, q);
    return true;
  };
}

const EXPLORE_WORDS = /^(explore|explore careers|quiz|take the quiz|interest questions|take the interest questions|find (a )?career|start|explorar|explorar carreras)$/;

/**
 * "explore" from a family member or counselor: the interest questions are the student's, so say
 * so and show what they can do instead (not a job that happens to sound like "explore").
 */
export function exploreForOthersCommand(): Command {
  return {
    id: 'explore-for-others',
    roles: ['family', 'counselor'],
    matches: (words) => EXPLORE_WORDS.test(words),
    run: async (ctx) => ctx.say(text(exploreIsForStudents()), ctx.profile()?.role === 'family' ? more() : text(t('family.typeCaseload'))),
  };
}
