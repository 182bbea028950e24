/**
 * Questions about a job and stated interests, anywhere in the conversation: what a job does, the
 * schooling it needs, its typical pay, its cluster and pathway ("how much do vets make", "do i
 * need college to be a nurse"), "I want to be a vet", "actually i want to do games". The matcher
 * runs only here, once the understanding step has read a job or interest question, so a single
 * ordinary word ("need", "thanks") never becomes a job. In the middle of the interest questions the
 * answer comes without buttons and the engine goes back to the question.
 */
import type { FrameworkIndex } from '../../domain/framework-index.js';
import { text, type Reply } from '../../domain/messages.js';
import { educationWords, freeTextReplies } from '../../domain/occupations/free-text-replies.js';
import { interpretFreeText } from '../../domain/occupations/interpret-free-text.js';
import type { OccupationMatcher } from '../../domain/occupations/occupation-matcher.js';
import type { Occupation } from '../../domain/occupations/occupation-types.js';
import { jobSubject } from '../../domain/understanding/job-subject.js';
import { jobNamesIn } from '../../domain/understanding/mark-job-names.js';
import type { SpanishJobNames } from '../../domain/occupations/spanish-job-names.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { commandWords } from '../../engine/read-input.js';
import { addressing, t } from '../../i18n/t.js';
import { withWayBack } from '../understand/way-back.js';
import { describeJob, jobWhich, JOB_WHICH_Q, type JobFacet } from './job-answers.js';

export interface JobQuestionDeps {
  matcher: OccupationMatcher;
  fw: FrameworkIndex;
  frame: ReadonlySet<string>;
  /** Typical pay in plain words ("about $40,000–$75,000 a year; ..."), when known. */
  payFor?: (o: Occupation) => string | undefined;
  /** Whether the text holds a job's name (the classifier's job entity). */
  namesJob?: (text: string) => boolean;
  /** Spanish names of common jobs ("soldador"), looked up by their English words. */
  spanish?: SpanishJobNames;
  /** The job's name in the turn's language (made from `spanish`). */
  localTitle?: (o: Occupation) => string | undefined;
}

/** Occupation id -> its Spanish name, for the Spanish names that name one job ("welder" -> "soldador/a"). Built when first needed. */
function spanishTitles(spanish: SpanishJobNames, deps: JobQuestionDeps): (o: Occupation) => string | undefined {
  let byId: Map<string, string> | undefined;
  return (o) => {
    byId ??= new Map(
      spanish.titled().flatMap(([english, title]) => {
        const one = findEnglishJob(english, deps).one;
        return one ? [[one.id, title] as [string, string]] : [];
      }),
    );
    return byId.get(o.id);
  };
}

const FACETS: Record<string, JobFacet> = {
  'job-duties': 'duties',
  'job-possible': 'possible',
  'job-education': 'education',
  'job-pay': 'pay',
  'job-cluster': 'cluster',
};

const isStudent = (ctx: TurnContext) => {
  const role = ctx.profile()?.role;
  return role === undefined || role === 'student';
};
/**
 * A job fact comes with buttons, except in the middle of the interest questions (the question
 * follows: "back to question 7"), to a counselor, and to someone who has not said who they are
 * (nothing to explore or choose yet: "who are you?" follows).
 */
const inInterestQuestions = (ctx: TurnContext) => ctx.activeFlow() === 'explore' && ctx.flowQuestionId()?.startsWith('interest:') === true;
const withButtons = (ctx: TurnContext) => !inInterestQuestions(ctx) && ctx.profile() !== undefined && ctx.profile()?.role !== 'counselor';

type FoundJob = { one?: Occupation; kinds?: Occupation[]; word?: string; english?: string };

/** The last question looked up, so checking that it names a job and then answering it look it up once. */
let lastFound: { question: string; deps: JobQuestionDeps; found: FoundJob } | undefined;

/** The one job name a question's leftover words hold ("my son pilot" -> "pilot"), else the words as they are. */
function jobWords(subject: string, matcher: OccupationMatcher): string {
  const named = jobNamesIn(subject, { isJobName: (w) => matcher.namesJob(w) });
  return named.length === 1 ? named[0]! : subject;
}

/** The occupation a question names, or the kinds to ask about ("nurse"). */
function findJob(question: string, deps: JobQuestionDeps): FoundJob {
  if (!question) return {};
  if (lastFound?.question === question && lastFound.deps === deps) return lastFound.found;
  // "soldador" is looked up as "welder"; asked "which kind?", it is still called "enfermera".
  const translated = deps.spanish ? deps.spanish.translate(question) : question;
  const spanishName = translated === question ? undefined : jobNamesIn(question, { isJobName: (w) => deps.spanish!.has(w) });
  const english = findEnglishJob(jobWords(translated, deps.matcher), deps);
  const found = english.kinds && spanishName?.length === 1 ? { ...english, english: english.word!, word: spanishName[0]! } : english;
  lastFound = { question, deps, found };
  return found;
}

function findEnglishJob(subject: string, deps: JobQuestionDeps): FoundJob {
  const reading = interpretFreeText(subject, deps.matcher);
  if (reading.kind === 'describe') return { one: reading.occupation };
  if (reading.kind === 'ambiguous') return { kinds: reading.options, word: reading.word };
  if (reading.kind === 'matches') {
    const occ = reading.matches[0]?.occupation;
    const o = occ?.source === 'built-in' ? deps.matcher.occupation(occ.id) : undefined;
    if (o) return { one: o };
  }
  return { ...clearLead(subject, deps.matcher) };
}

/** A job that clearly leads the search ("cosmetology" -> Cosmetologist), when the reading named none. */
const CLEAR_LEAD = 1.5;

function clearLead(subject: string, matcher: OccupationMatcher): { one?: Occupation } {
  const [first, second] = matcher.match(subject, 3).occupations;
  const o = first?.source === 'built-in' ? matcher.occupation(first.id) : undefined;
  return o && (second === undefined || first!.score >= CLEAR_LEAD * second.score) ? { one: o } : {};
}

/** "they", "it", "that job": the job the conversation was just about. */
const PRONOUN = /^(?:they|them|it|that|those|this|he|she|one|that one|that job)$/;

async function answerFacet(ctx: TurnContext, deps: JobQuestionDeps, facet: JobFacet, typed: string): Promise<boolean> {
  const subject = jobSubject(typed, deps.frame);
  const earlier = ctx.topic();
  const found = (subject === '' || PRONOUN.test(subject)) && earlier ? { one: deps.matcher.occupation(earlier) } : findJob(subject, deps);
  if (found.one) {
    ctx.setTopic(found.one.id);
    ctx.say(...describeJob(found.one, facet, deps, { student: isStudent(ctx), buttons: withButtons(ctx) }));
    return true;
  }
  if (found.kinds && found.word) {
    ctx.say(jobWhich(found.word, found.kinds, facet, deps.fw, found.english, isStudent(ctx)));
    return true;
  }
  // A frame with no job in it ("how much do they make"): ask which job, unless it was one or two
  // ordinary words ("need", "pay") that are better answered as not understood.
  if (typed.trim().split(/\s+/).length <= 2) return false;
  ctx.say(text(t(facet === 'pay' ? 'jobs.whichJob.pay' : facet === 'education' ? 'jobs.whichJob.education' : 'jobs.whichJob.other', addressing(isStudent(ctx)))));
  return true;
}

/**
 * Whether a message read as a job question or interest holds a job or an interest to answer
 * with: a job it names, or something the student says they like. Otherwise no job is suggested.
 */
export function jobAnswerFor(intent: string, typed: string, deps: JobQuestionDeps, topic?: string): boolean {
  const facet = FACETS[intent];
  if (facet) {
    const subject = jobSubject(typed, deps.frame);
    if (topic && (subject === '' || PRONOUN.test(subject))) return true;
    // A job question needs a job: one it names, or one the matcher finds in the rest of the words.
    if (deps.namesJob?.(typed)) return true;
    const found = findJob(jobSubject(typed, deps.frame), deps);
    return found.one !== undefined || found.kinds !== undefined;
  }
  return interpretFreeText(typed, deps.matcher).kind !== 'not-understood';
}

function interestReading(typed: string, deps: JobQuestionDeps) {
  const reading = interpretFreeText(typed, deps.matcher);
  return reading.kind === 'not-understood' ? undefined : reading;
}

/** "I want to be a vet", "I like animals", "actually I want to do games": the matches, with why. */
async function answerInterest(ctx: TurnContext, deps: JobQuestionDeps, typed: string, changing: boolean): Promise<boolean> {
  const reading = interestReading(typed, deps);
  if (reading === undefined) {
    if (!changing) return false;
    ctx.say(text(t('jobs.changeMind')));
    return true;
  }
  const shown: Reply[] = withWayBack(ctx, freeTextReplies(reading, deps.fw.framework, { student: isStudent(ctx) }));
  const about = reading.kind === 'describe' ? reading.occupation.id : reading.kind === 'matches' ? reading.matches[0]?.occupation?.id : undefined;
  if (about) ctx.setTopic(about);
  if (changing) shown.unshift(text(t('jobs.changingIsNormal')));
  ctx.say(...shown);
  return true;
}

export function jobQuestionCommand(given: JobQuestionDeps): Command {
  const deps: JobQuestionDeps = given.spanish ? { ...given, localTitle: spanishTitles(given.spanish, given) } : given;
  return {
    id: 'job-question',
    intents: ['job-pay', 'job-education', 'job-duties', 'job-possible', 'job-cluster', 'career-interest', 'change-choice'],
    matches: () => false,
    accepts: (typed, intent, ctx) => jobAnswerFor(intent, typed, deps, ctx.topic()),
    questionIds: [JOB_WHICH_Q],
    run: async (ctx, { text: typed = '', intent, questionId, choiceId }) => {
      if (questionId === JOB_WHICH_Q && choiceId) {
        const [facet, id] = choiceId.split(':') as [JobFacet, string];
        const o = deps.matcher.occupation(id);
        if (o) {
          ctx.setTopic(o.id);
          return void ctx.say(...describeJob(o, facet, deps, { student: isStudent(ctx), buttons: withButtons(ctx) }));
        }
        return void ctx.say(text(t('jobs.notFound', addressing(isStudent(ctx)))));
      }
      // A job's name alone ("doctor", "nurse practitioner") is not a question about one fact: it is described.
      const bare = jobSubject(typed, deps.frame) === commandWords(typed);
      const facet = intent && !bare ? FACETS[intent] : undefined;
      const answered = facet
        ? await answerFacet(ctx, deps, facet, typed)
        : await answerInterest(ctx, deps, typed, intent === 'change-choice');
      if (!answered) ctx.say(text(t('jobs.notSure', addressing(isStudent(ctx)))));
    },
  };
}

export { educationWords };
