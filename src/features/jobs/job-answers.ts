/** The words of a job answer: what it does, schooling, pay, cluster; and "which kind did you mean?". Pure. */
import type { FrameworkIndex } from '../../domain/framework-index.js';
import { text, type QuestionReply, type Reply } from '../../domain/messages.js';
import { CLARIFY_OCCUPATION, EDUCATION_WORDS, FREE_TEXT_OFFER, sentence } from '../../domain/occupations/free-text-replies.js';
import type { Occupation } from '../../domain/occupations/occupation-types.js';

export type JobFacet = 'duties' | 'education' | 'pay' | 'cluster';
export const JOB_WHICH_Q = 'job-which';

interface Facts {
  fw: FrameworkIndex;
  payFor?: (o: Occupation) => string | undefined;
}

/** "A veterinarian" / "An electrician" */
export function aJob(title: string): string {
  const t = /^[A-Z]{2,}/.test(title) ? title : title.toLowerCase();
  return `${/^[aeiouAEIOU]/.test(t) && !/^(?:uni|use|eu)/i.test(t) ? 'An' : 'A'} ${t}`;
}

function place(o: Occupation, fw: FrameworkIndex): string {
  const pathwayId = o.pathwayIds[0]!;
  const cluster = fw.clusterOfPathway(pathwayId);
  return `${cluster?.name ?? ''}, in the ${fw.pathway(pathwayId)?.name ?? pathwayId} pathway`;
}

/** "Video Game Designers" -> "video game designers"; "CNC Machinists" keeps its acronym. */
const lowerFirst = (s: string) => s.split(' ').map((w) => (/^[A-Z0-9]{2,}/.test(w) ? w : w.toLowerCase())).join(' ');

/** "Veterinarian" -> "Veterinarians", "Secretary" -> "Secretaries", "Coach" -> "Coaches". */
export function plural(title: string): string {
  if (/[^aeiou]y$/i.test(title)) return `${title.slice(0, -1)}ies`;
  if (/(?:s|sh|ch|x|z)$/i.test(title)) return `${title}es`;
  return `${title}s`;
}

function education(o: Occupation): string {
  const how = EDUCATION_WORDS[o.education];
  switch (o.education) {
    case 'graduate':
      return `Yes. Most people start with ${how}.`;
    case 'bachelor':
      return `Usually, yes: most people start with ${how}.`;
    case 'associate':
      return `Not a four-year college: most people start with ${how}.`;
    default:
      return `No four-year college needed: most people start with ${how}.`;
  }
}

/** The answer to one kind of question about one job, then (outside a flow) where to go from here. */
export function describeJob(o: Occupation, facet: JobFacet, facts: Facts, opts: { student: boolean; buttons: boolean }): Reply[] {
  const job = aJob(o.title);
  const lines: string[] = [];
  const pay = facts.payFor?.(o);
  switch (facet) {
    case 'duties':
      lines.push(sentence(o.title, o.description));
      lines.push(`Most people start with ${EDUCATION_WORDS[o.education]}. It's in ${place(o, facts.fw)}.`);
      break;
    case 'education':
      lines.push(`${o.title}: ${education(o)}`);
      break;
    case 'pay':
      if (o.payNote) lines.push(o.payNote);
      else {
        lines.push(pay ? `${plural(o.title)} in the U.S. make ${pay}.` : `I don't have pay figures for ${lowerFirst(plural(o.title))} yet.`);
        lines.push('Pay depends on where you live and how much experience you have.');
      }
      break;
    case 'cluster':
      lines.push(`${job} works in ${place(o, facts.fw)}.`);
      break;
  }
  const replies: Reply[] = [text(lines.join(' '))];
  if (!opts.buttons) return replies;
  const pathwayId = o.pathwayIds[0]!;
  const clusterId = facts.fw.clusterOfPathway(pathwayId)?.id ?? '';
  const choices = [{ id: `explore-cluster:${clusterId}`, label: 'Explore this cluster' }];
  if (opts.student) choices.push({ id: `choose-pathway:${pathwayId}`, label: `Choose ${facts.fw.pathway(pathwayId)?.name ?? 'this pathway'}` });
  const offer: QuestionReply = {
    kind: 'question',
    questionId: FREE_TEXT_OFFER,
    optional: true,
    text: facet === 'pay' || facet === 'education' ? `Want to know more, like what ${lowerFirst(plural(o.title))} do? Ask me, or look closer:` : 'Want to look closer? Nothing you pick now is final.',
    choices,
  };
  return [...replies, offer];
}

/** "Nurses work in Health Science. Which kind did you mean?" */
export function jobWhich(word: string, kinds: Occupation[], facet: JobFacet, fw: FrameworkIndex): QuestionReply {
  const clusters = [...new Set(kinds.map((o) => fw.clusterOfPathway(o.pathwayIds[0]!)?.name).filter((n): n is string => !!n))];
  const list = clusters.length > 1 ? `${clusters.slice(0, -1).join(', ')} and ${clusters.at(-1)}` : clusters[0];
  const one = word.replace(/s$/, '');
  const many = plural(one);
  // "What does a doctor do?" is answered like the word typed alone: the kinds, then the one picked described.
  const describe = facet === 'duties';
  return {
    kind: 'question',
    questionId: describe ? CLARIFY_OCCUPATION : JOB_WHICH_Q,
    text: `There are lots of kinds of ${one}. ${many.charAt(0).toUpperCase()}${many.slice(1)} work in ${list}. Which kind did you mean?`,
    choices: kinds.map((o) => ({ id: describe ? `occupation:${o.id}` : `${facet}:${o.id}`, label: o.title })),
  };
}
