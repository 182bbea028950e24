/**
 * A student's questions about Waypoint itself: what the framework words mean ("what is a career
 * cluster?"), who can see their answers, whether choices are final. Short answers in plain words,
 * each with the way on. (Families have their own list: data/family-questions.json.)
 */
import { text } from '../../domain/messages.js';
import type { Role } from '../../domain/profile.js';
import type { Command } from '../../engine/command.js';
import { commandWords } from '../../engine/read-input.js';
import { t } from '../../i18n/t.js';

interface Topic {
  id: string;
  /** Matches the command words (lower case, no punctuation) of the whole message. */
  asks: RegExp;
  /** Catalog keys under understand.topics.<key>: `answer` (to a student, or someone not signed up yet), `next` (the way on for a student) and, when not the same, `others` (to a family member or counselor). */
  key: string;
  others?: boolean;
}

/** "what is a", "what does ... mean", "explain", or the words alone ("career cluster?"). */
const WHAT = String.raw`(?:(?:so |and |um |ok |okay )?(?:what|wat|whats|what s|what is|what are|what is a|what is an|whats a|what s a|what are the|what do you mean by|what does|what do|what is the meaning of|meaning of|define|explain|tell me about|i dont know what|idk what) (?:a |an |the |my )?)?`;
const MEAN = String.raw`(?: (?:is|are|means?|mean again|is again))?`;
const term = (words: string): RegExp => new RegExp(`^${WHAT}(?:${words})${MEAN}$`);

const TOPICS: Topic[] = [
  {
    id: 'cluster',
    asks: term('(?:career )?clusters?'),
    key: 'cluster',
  },
  {
    id: 'pathway',
    asks: term('(?:career )?pathways?'),
    key: 'pathway',
  },
  {
    id: 'path',
    asks: term('career path(?:s)?'),
    key: 'path',
  },
  {
    id: 'plan-of-study',
    asks: term('(?:personal )?plans? of study|ppos|personal plan'),
    key: 'planOfStudy',
    others: true,
  },
  {
    id: 'who-sees',
    asks: new RegExp(
      String.raw`^(?:(?:so |and |um |wait )?(?:who|whos|who all|who else) (?:can |will |could |gets to |is able to )?(?:see|sees|read|reads|look at|looks at|know|knows|has access to)(?: all)? (?:my|what i|this|these|the|all)\b.*` +
        String.raw`|(?:is|are) (?:this|it|my \w+)(?: all)? (?:private|secret|safe|anonymous)` +
        String.raw`|(?:can|will|does|do) (?:my |the )?(?:parents?|mom|dad|family|teachers?|counselors?|principal|friends|school|anyone|everyone|people) (?:see|know|read|find out)\b.*` +
        String.raw`|privacy|is this private)$`,
    ),
    key: 'whoSees',
    others: true,
  },
  {
    id: 'change-mind',
    asks: /^(?:can i|what if i|am i allowed to|is it ok to|is it okay to) (?:change my mind|change it|change my (?:answers?|choices?|pathway|cluster|plan)|pick (?:again|something else|a different one)|switch(?: later)?)(?: later)?$|^is (?:this|it|my choice) (?:final|forever|permanent)$/,
    key: 'changeMind',
    others: true,
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
  const said = (part: 'answer' | 'next' | 'others') => t(`understand.topics.${topic.key}.${part}`);
  if (role !== undefined && role !== 'student') return said(topic.others ? 'others' : 'answer');
  return wayOn ? t('understand.withNext', { answer: said('answer'), next: said('next') }) : said('answer');
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
