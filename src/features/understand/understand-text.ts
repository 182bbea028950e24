/**
 * Free text anywhere in the conversation ("I want to be a vet", "what does a welder do?") turned
 * into Clusters and Pathways with reasons, and the buttons that come back from those answers.
 */
import type { FrameworkIndex } from '../../domain/framework-index.js';
import { text } from '../../domain/messages.js';
import { CLARIFY_OCCUPATION, FREE_TEXT_OFFER, freeTextReplies } from '../../domain/occupations/free-text-replies.js';
import { describeOccupation, interpretFreeText } from '../../domain/occupations/interpret-free-text.js';
import type { OccupationMatcher } from '../../domain/occupations/occupation-matcher.js';
import type { Command, TextFallback, TurnContext } from '../../engine/command.js';
import { MENU_Q } from '../../engine/engine-words.js';
import { saveChoice } from '../explore/explore-effects.js';

/**
 * A fallback for typed text that is not an answer or a command. Job and interest words get the
 * best matches; nonsense while no question is waiting gets a friendly answer with examples (while a
 * question is waiting, the engine asks it again instead).
 */
export function freeTextFallback(matcher: OccupationMatcher, fw: FrameworkIndex): TextFallback {
  return async (ctx, typed) => {
    const interpretation = interpretFreeText(typed, matcher);
    // While a question waits, only a clear job, question or stated interest ("I like being
    // outside", matched as typed) takes over; loose word hits let the engine ask the question again.
    const clear =
      interpretation.kind === 'describe' ||
      interpretation.kind === 'ambiguous' ||
      (interpretation.kind === 'matches' &&
        (interpretation.matches.some((m) => m.occupation?.source === 'built-in') ||
          (interpretation.interest === true && (interpretation.matches[0]?.words.length ?? 0) > 0)));
    if (ctx.hasPendingQuestion() && !clear) return false;
    ctx.say(...freeTextReplies(interpretation, fw.framework, audienceOf(ctx)));
    return true;
  };
}

/** Said to a family member or counselor who asks to explore (the interest questions, a cluster). */
export const EXPLORE_IS_FOR_STUDENTS =
  'Exploring careers step by step is for students: a student types explore to me to start. You can still ask me about any job, like "what does a nurse do?"';

async function startExplore(ctx: TurnContext, focusClusterId?: string): Promise<void> {
  const role = ctx.profile()?.role;
  if (role !== undefined && role !== 'student') return void ctx.say(text(EXPLORE_IS_FOR_STUDENTS));
  const grade = ctx.profile()?.grade;
  if (grade === undefined) {
    ctx.say(text('First, tell me a little about you.'));
    return ctx.startFlow('onboarding', { firstContact: false });
  }
  // In the middle of the interest questions: go on where they were. Anywhere else in explore
  // (a cluster, the results), "take the interest questions" starts them.
  const midQuiz = ctx.activeFlow() === 'explore' && ctx.flowQuestionId()?.startsWith('interest:') === true;
  if (!focusClusterId && midQuiz && ctx.resumeFlow()) return;
  await ctx.startFlow('explore', { grade, focusClusterId });
}

/** The buttons under free-text answers: explore a cluster, choose a pathway, take the quiz, pick a job. */
export function freeTextActionsCommand(matcher: OccupationMatcher, fw: FrameworkIndex): Command {
  return {
    id: 'free-text-actions',
    questionIds: [FREE_TEXT_OFFER, CLARIFY_OCCUPATION],
    matches: () => false,
    run: async (ctx, { choiceId = '' }) => {
      const [kind, id = ''] = choiceId.split(/:(.*)/s);
      if (kind === 'explore-cluster' && fw.cluster(id)) return startExplore(ctx, id);
      if (kind === 'take-quiz') return startExplore(ctx);
      if (kind === 'occupation') {
        const described = describeOccupation(id, matcher);
        if (described) return void ctx.say(...freeTextReplies(described, fw.framework, audienceOf(ctx)));
      }
      if (kind === 'choose-pathway' && fw.pathway(id)) {
        if (ctx.profile()?.role !== 'student') {
          return void ctx.say(text('Choosing a pathway is for students. You can still look around: type explore or a job you are curious about.'));
        }
        const cluster = fw.clusterOfPathway(id)!;
        await saveChoice(ctx, { kind: 'save-choice', pathId: fw.pathOfCluster(cluster.id)!.id, clusterId: cluster.id, pathwayId: id });
        // The questions or results were there to find a pathway, and one is chosen: they don't come back after every side trip.
        if (ctx.activeFlow() === 'explore') ctx.endFlow();
        return void ctx.say(
          text(`Saved! You chose the ${fw.pathway(id)!.name} pathway in ${cluster.name}. It's a starting point, not a promise: you can change it any time.`),
          {
            kind: 'question',
            questionId: MENU_Q,
            text: 'What would you like to do next?',
            choices: [
              { id: 'plan', label: 'Make my plan of study' },
              { id: 'explore', label: 'Take the interest questions' },
            ],
          },
        );
      }
      ctx.say(text("Sorry, I couldn't do that one. Type a job you're curious about, or help."));
    },
  };
}

/** Families and counselors get the look-around buttons only (choosing and the quiz are a student's). */
function audienceOf(ctx: TurnContext): { student: boolean } {
  const role = ctx.profile()?.role;
  return { student: role === undefined || role === 'student' };
}
