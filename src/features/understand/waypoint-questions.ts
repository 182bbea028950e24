/**
 * A student's questions about Waypoint itself: what the framework words mean ("what is a career
 * cluster?"), who can see their answers, whether choices are final. Short answers in plain words,
 * each with the way on. (Families have their own list: data/family-questions.json.)
 */
import { text } from '../../domain/messages.js';
import type { Role } from '../../domain/profile.js';
import type { Command } from '../../engine/command.js';
import { commandWords } from '../../engine/read-input.js';

interface Topic {
  id: string;
  /** Matches the command words (lower case, no punctuation) of the whole message. */
  asks: RegExp;
  /** The answer to a student (or someone not signed up yet). */
  answer: string;
  /** The way on for a student. */
  next: string;
  /** The answer to a family member or counselor, when it is not the same. */
  others?: string;
}

/** "what is a", "what does ... mean", "explain", or the words alone ("career cluster?"). */
const WHAT = String.raw`(?:(?:so |and |um |ok |okay )?(?:what|wat|whats|what s|what is|what are|what is a|what is an|whats a|what s a|what are the|what do you mean by|what does|what do|what is the meaning of|meaning of|define|explain|tell me about|i dont know what|idk what) (?:a |an |the |my )?)?`;
const MEAN = String.raw`(?: (?:is|are|means?|mean again|is again))?`;
const term = (words: string): RegExp => new RegExp(`^${WHAT}(?:${words})${MEAN}$`);

const TOPICS: Topic[] = [
  {
    id: 'cluster',
    asks: term('(?:career )?clusters?'),
    answer:
      'A Career Cluster is a family of jobs that use similar skills. Missouri has 16, like Health Science or Manufacturing.',
    next: 'Type explore to answer quick questions and see which ones fit you.',
  },
  {
    id: 'pathway',
    asks: term('(?:career )?pathways?'),
    answer:
      'A Career Pathway is a smaller group of jobs inside a cluster that share skills, like Animal Systems inside Agriculture.',
    next: 'Picking one is a starting point, not a promise: you can change it any time.',
  },
  {
    id: 'path',
    asks: term('career paths?'),
    answer:
      'A Career Path is one of 6 big groups of jobs, like Health or Building & Fixing. Each one holds one or more Career Clusters.',
    next: 'Type explore to see which fits you.',
  },
  {
    id: 'plan-of-study',
    asks: term('(?:personal )?plans? of study|ppos|personal plan'),
    answer:
      'Your Personal Plan of Study is your list of classes and activities from middle school to two years after high school. ' +
      'You make it with your counselor and family and look at it again each year.',
    next: 'Type plan to see yours.',
    others:
      "A Personal Plan of Study is a student's list of classes and activities from middle school to two years after high school. " +
      'The student makes it with their counselor and family and looks at it again each year.',
  },
  {
    id: 'who-sees',
    asks: new RegExp(
      String.raw`^(?:(?:so |and |um |wait )?(?:who|whos|who all|who else) (?:can |will |could |gets to |is able to )?(?:see|sees|read|reads|look at|looks at|know|knows|has access to)(?: all)? (?:my|what i|this|these|the|all)\b.*` +
        String.raw`|(?:is|are) (?:this|it|my \w+)(?: all)? (?:private|secret|safe|anonymous)` +
        String.raw`|(?:can|will|does|do) (?:my |the )?(?:parents?|mom|dad|family|teachers?|counselors?|principal|friends|school|anyone|everyone|people) (?:see|know|read|find out)\b.*` +
        String.raw`|privacy|is this private)$`,
    ),
    answer:
      'Only you, your counselor, and family members you choose to add can see your answers, choices and plan.',
    next: 'Type my family to see or remove who is linked.',
    others: "A student's answers, choices and plan are seen only by the student, their counselor, and family members the student links.",
  },
  {
    id: 'change-mind',
    asks: /^(?:can i|what if i|am i allowed to|is it ok to|is it okay to) (?:change my mind|change it|change my (?:answers?|choices?|pathway|cluster|plan)|pick (?:again|something else|a different one)|switch(?: later)?)(?: later)?$|^is (?:this|it|my choice) (?:final|forever|permanent)$/,
    answer:
      'Nothing you pick is final. You can change your mind any time: most people change their plans a few times, and that is normal.',
    next: 'Type explore to look again, or plan to change your classes.',
    others: 'Nothing a student picks is final. They can change their choices and plan any time, and most plans change a few times.',
  },
];

/**
 * The answer to a question about Waypoint, or undefined when the words are not one. Pure.
 * A student (or someone who has not said who they are yet) also gets the way on, unless `wayOn` is false.
 */
export function waypointAnswer(words: string, role?: Role, wayOn = true): string | undefined {
  const topic = TOPICS.find((t) => t.asks.test(words));
  return topic === undefined ? undefined : topicAnswer(topic, role, wayOn);
}

function topicAnswer(topic: Topic, role: Role | undefined, wayOn: boolean): string {
  if (role !== undefined && role !== 'student') return topic.others ?? topic.answer;
  return wayOn ? `${topic.answer} ${topic.next}` : topic.answer;
}

/**
 * For students and counselors, even before someone has said who they are (in the middle of
 * onboarding). Family members get their own, fuller answers (data/family-questions.json).
 */
export function waypointQuestionsCommand(): Command {
  return {
    id: 'waypoint-questions',
    roles: ['student', 'counselor'],
    beforeProfile: true,
    intents: ['who-sees', 'nothing-final'],
    matches: (words) => waypointAnswer(words) !== undefined,
    intentOf: (words) => {
      const topic = TOPICS.find((t) => t.asks.test(words))?.id;
      return topic === 'who-sees' ? 'who-sees' : topic === 'change-mind' ? 'nothing-final' : topic ? 'glossary' : undefined;
    },
    run: async (ctx, { text: typed = '', intent }) => {
      const role = ctx.profile()?.role;
      // In the middle of a flow its question comes next, so no "type explore" on top of it.
      const wayOn = ctx.activeFlow() === undefined;
      const byIntent = intent ? TOPICS.find((t) => t.id === INTENT_TOPICS[intent]) : undefined;
      const answer = byIntent ? topicAnswer(byIntent, role, wayOn) : waypointAnswer(commandWords(typed), role, wayOn);
      if (answer) ctx.say(text(answer));
    },
  };
}

/** Which topic answers an intent read by the understanding step. */
const INTENT_TOPICS: Record<string, string> = { 'who-sees': 'who-sees', 'nothing-final': 'change-mind' };
