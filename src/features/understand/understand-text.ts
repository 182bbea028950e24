/**
 * Free text anywhere in the conversation ("I want to be a vet", "what does a welder do?") turned
 * into Clusters and Pathways with reasons, and the buttons that come back from those answers.
 */
import type { FrameworkIndex } from '../../domain/framework-index.js';
import { text } from '../../domain/messages.js';
import { CLARIFY_OCCUPATION, FREE_TEXT_OFFER, freeTextReplies } from '../../domain/occupations/free-text-replies.js';
import { describeOccupation, interpretFreeText, type FreeTextInterpretation } from '../../domain/occupations/interpret-free-text.js';
import type { OccupationMatcher } from '../../domain/occupations/occupation-matcher.js';
import { withWayBack } from './way-back.js';
import { commandWords } from '../../engine/read-input.js';
import { jobSubject } from '../../domain/understanding/job-subject.js';
import type { Command, TextFallback, TurnContext } from '../../engine/command.js';
import { MENU_Q } from '../../engine/engine-words.js';
import { saveChoice } from '../explore/explore-effects.js';
import { frameworkName } from '../../i18n/framework-words.js';
import { t } from '../../i18n/t.js';

/**
 * The last fallback before "I didn't catch that": text the understanding step did not read as
 * anything, but which names a job outright ("vet", "welder", "doctor", a close misspelling like
 * "electrision") or starts by offering an interest ("something with computers", "what about video
 * games"). An ordinary word ("need", "thanks", "grade") never becomes a job guess. In the middle of
 * the interest questions the answer's buttons offer the way back to the question.
 */
export function freeTextFallback(matcher: OccupationMatcher, fw: FrameworkIndex, words: { frame: ReadonlySet<string>; interestLeads: readonly string[] }): TextFallback {
  return async (ctx, typed) => {
    const interpretation = freeTextAnswer(typed, matcher, words);
    if (!interpretation) return false;
    ctx.say(...withWayBack(ctx, freeTextReplies(interpretation, fw.framework, audienceOf(ctx))));
    return true;
  };
}

/** What the fallback would answer with, or undefined when the text neither names a job nor offers an interest. */
export function freeTextAnswer(
  typed: string,
  matcher: OccupationMatcher,
  words: { frame: ReadonlySet<string>; interestLeads: readonly string[] },
): FreeTextInterpretation | undefined {
  const plain = ` ${commandWords(typed)} `;
  if (words.interestLeads.some((lead) => plain.startsWith(` ${lead} `))) {
    const reading = interpretFreeText(typed, matcher);
    return reading.kind === 'not-understood' ? undefined : reading;
  }
  const subject = jobSubject(typed, words.frame);
  if (subject === '' || subject.split(' ').length > 4) return undefined;
  const interpretation = interpretFreeText(subject, matcher);
  return namesJob(subject, interpretation, matcher) ? interpretation : undefined;
}

/**
 * Whether these words are a job's name outright: a title, other name or student word of a
 * built-in occupation ("vet", "welder"), or a word listed as naming a family of jobs ("doctor").
 */
export function namesJob(subject: string, interpretation: FreeTextInterpretation, matcher: OccupationMatcher): boolean {
  if (matcher.namesOccupation(subject)) return true;
  if (interpretation.kind === 'ambiguous') return (matcher.ambiguousChoices(subject.trim())?.length ?? 0) >= 2;
  // A close misspelling of one job's name ("electrision", "plumbr"): one or two long-enough words.
  const typo = subject.split(' ').length <= 2 && subject.replace(/ /g, '').length >= 5;
  const occ = interpretation.kind === 'matches' ? interpretation.matches[0]?.occupation : undefined;
  const o = typo && occ?.source === 'built-in' ? matcher.occupation(occ.id) : undefined;
  return o !== undefined && [o.title, ...o.otherNames].some((n) => editDistance(n.toLowerCase(), subject) <= 2);
}

/** Levenshtein distance, for "electrision" ~ "electrician". */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** Said to a family member or counselor who asks to explore (the interest questions, a cluster), in the turn's language. */
export function exploreIsForStudents(): string {
  return t('understand.exploreIsForStudents');
}

async function startExplore(ctx: TurnContext, focusClusterId?: string): Promise<void> {
  const role = ctx.profile()?.role;
  if (role !== undefined && role !== 'student') return void ctx.say(text(exploreIsForStudents()));
  const grade = ctx.profile()?.grade;
  if (grade === undefined) {
    ctx.say(text(t('understand.tellMeAboutYou')));
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
          return void ctx.say(text(t('understand.choosingPathwayIsForStudents')));
        }
        const cluster = fw.clusterOfPathway(id)!;
        await saveChoice(ctx, { kind: 'save-choice', pathId: fw.pathOfCluster(cluster.id)!.id, clusterId: cluster.id, pathwayId: id });
        // The questions or results were there to find a pathway, and one is chosen: they don't come back after every side trip.
        if (ctx.activeFlow() === 'explore') ctx.endFlow();
        return void ctx.say(
          text(
            t('understand.savedPathway', {
              pathway: frameworkName('pathway', id, fw.pathway(id)!.name),
              cluster: frameworkName('cluster', cluster.id, cluster.name),
            }),
          ),
          {
            kind: 'question',
            questionId: MENU_Q,
            text: t('understand.whatNext'),
            choices: [
              { id: 'plan', label: t('understand.makePlan') },
              { id: 'explore', label: t('understand.takeQuestions') },
            ],
          },
        );
      }
      ctx.say(text(t(ctx.profile()?.role === 'student' || ctx.profile()?.role === undefined ? 'understand.couldNotDoThat' : 'understand.couldNotDoThatFamily')));
    },
  };
}

/** Families and counselors get the look-around buttons only (choosing and the quiz are a student's). */
function audienceOf(ctx: TurnContext): { student: boolean } {
  const role = ctx.profile()?.role;
  return { student: role === undefined || role === 'student' };
}
