/** The words of a job answer: what it does, schooling, pay, cluster; and "which kind did you mean?". Pure. */
import type { FrameworkIndex } from '../../domain/framework-index.js';
import { text, type QuestionReply, type Reply } from '../../domain/messages.js';
import { joinPlain } from '../../domain/interest-reasons.js';
import { CLARIFY_OCCUPATION, educationWords, englishTitles, FREE_TEXT_OFFER, sentence } from '../../domain/occupations/free-text-replies.js';
import type { Occupation } from '../../domain/occupations/occupation-types.js';
import { frameworkName } from '../../i18n/framework-words.js';
import { addressing, t } from '../../i18n/t.js';

/** What the question asks about a job; 'possible' is "can I be one?": what it is, the schooling and where it fits. */
export type JobFacet = 'duties' | 'possible' | 'education' | 'pay' | 'cluster';
export const JOB_WHICH_Q = 'job-which';

interface Facts {
  fw: FrameworkIndex;
  payFor?: (o: Occupation) => string | undefined;
  /** The job's name in the turn's language, when it is not English and we have one ("soldador/a"). */
  localTitle?: (o: Occupation) => string | undefined;
}

/** "A veterinarian" / "An electrician" */
export function aJob(title: string): string {
  const t = /^[A-Z]{2,}/.test(title) ? title : title.toLowerCase();
  return `${/^[aeiouAEIOU]/.test(t) && !/^(?:uni|use|eu)/i.test(t) ? 'An' : 'A'} ${t}`;
}

function place(o: Occupation, fw: FrameworkIndex): string {
  const pathwayId = o.pathwayIds[0]!;
  const cluster = fw.clusterOfPathway(pathwayId);
  const pathway = fw.pathway(pathwayId);
  return t('jobs.place', {
    cluster: cluster ? frameworkName('cluster', cluster.id, cluster.name) : '',
    pathway: pathway ? frameworkName('pathway', pathway.id, pathway.name) : pathwayId,
  });
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
  const how = educationWords(o.education);
  switch (o.education) {
    case 'graduate':
    case 'bachelor':
    case 'associate':
      return t(`jobs.college.${o.education}`, { how });
    default:
      return t('jobs.college.other', { how });
  }
}

/** The answer to one kind of question about one job, then (outside a flow) where to go from here. */
export function describeJob(o: Occupation, facet: JobFacet, facts: Facts, opts: { student: boolean; buttons: boolean }): Reply[] {
  // English grammar on the (English) title only in an English turn: "A vet", "Vets", "vets".
  const en = englishTitles();
  const title = en ? o.title : (facts.localTitle?.(o) ?? o.title);
  const job = en ? aJob(o.title) : title;
  const jobs = en ? plural(o.title) : title;
  const jobsInSentence = en ? lowerFirst(plural(o.title)) : title;
  const lines: string[] = [];
  const pay = facts.payFor?.(o);
  switch (facet) {
    case 'possible':
    case 'duties':
      if (facet === 'possible' && opts.student) lines.push(t('jobs.youCan'));
      lines.push(sentence(title, o.description));
      lines.push(t('jobs.startWith', { how: educationWords(o.education), place: place(o, facts.fw) }));
      break;
    case 'education':
      lines.push(t('jobs.titleEducation', { title, answer: education(o) }));
      break;
    case 'pay':
      // payNote is occupation data (English for now, like titles and descriptions).
      if (o.payNote) lines.push(o.payNote);
      else {
        lines.push(pay ? t('jobs.payIs', { jobs, pay }) : t('jobs.noPay', { jobs: jobsInSentence }));
        lines.push(t('jobs.payDepends', addressing(opts.student)));
      }
      break;
    case 'cluster':
      lines.push(t('jobs.worksIn', { job, place: place(o, facts.fw) }));
      break;
  }
  const replies: Reply[] = [text(lines.join(' '))];
  if (!opts.buttons) return replies;
  const pathwayId = o.pathwayIds[0]!;
  const clusterId = facts.fw.clusterOfPathway(pathwayId)?.id ?? '';
  const pathway = facts.fw.pathway(pathwayId);
  const choices = [{ id: `explore-cluster:${clusterId}`, label: t('jobs.exploreCluster') }];
  if (opts.student) {
    choices.push({ id: `choose-pathway:${pathwayId}`, label: t('jobs.choose', { pathway: pathway ? frameworkName('pathway', pathway.id, pathway.name) : t('jobs.thisPathway') }) });
  }
  const offer: QuestionReply = {
    kind: 'question',
    questionId: FREE_TEXT_OFFER,
    optional: true,
    text:
      facet === 'pay' || facet === 'education'
        ? t('jobs.knowMore', { jobs: jobsInSentence, ...addressing(opts.student) })
        : t('jobs.lookCloser', addressing(opts.student)),
    choices,
  };
  return [...replies, offer];
}

/** "Nurses work in Health Science. Which kind did you mean?" `english`: the English word, when `word` was typed in Spanish ("enfermera"). */
export function jobWhich(word: string, kinds: Occupation[], facet: JobFacet, fw: FrameworkIndex, english?: string, student = true): QuestionReply {
  const named = kinds.map((o) => fw.clusterOfPathway(o.pathwayIds[0]!)).map((c) => (c ? frameworkName('cluster', c.id, c.name) : undefined));
  const clusters = [...new Set(named.filter((n): n is string => !!n))];
  const list = joinPlain(clusters);
  const one = english === undefined ? word.replace(/s$/, '') : word;
  const many = plural((english ?? one).replace(/s$/, ''));
  // "What does a doctor do?" is answered like the word typed alone: the kinds, then the one picked described.
  const describe = facet === 'duties';
  return {
    kind: 'question',
    questionId: describe ? CLARIFY_OCCUPATION : JOB_WHICH_Q,
    text: t('jobs.whichKind', { one, many: `${many.charAt(0).toUpperCase()}${many.slice(1)}`, where: list, ...addressing(student) }),
    choices: kinds.map((o) => ({ id: describe ? `occupation:${o.id}` : `${facet}:${o.id}`, label: o.title })),
  };
}
