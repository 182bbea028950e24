/**
 * Who "what's due" talks about: a family member hears about their student by first name ("Jordan
 * is in 9th grade"), a student hears about themself ("You're in 9th grade"). The sentences are
 * whole catalog entries (data/messages/<language>/due.json), one per audience; the voice only
 * carries who is asking and the name to put in them.
 */
import { t } from '../../i18n/t.js';
import type { Grade } from '../grade.js';
import { firstName } from '../first-name.js';

export { firstName };

export type Audience = 'family' | 'student';

export interface Voice {
  audience: Audience;
  /** Mid-sentence: "Jordan" / "your student" (family); unused for a student. */
  name: string;
  /** At a sentence start: "Jordan" / "Your student". */
  Name: string;
}


/** "your student" -> "Your student" (any language). */
export function capitalized(s: string): string {
  return s ? s.charAt(0).toLocaleUpperCase() + s.slice(1) : s;
}

/** Built in the turn's language: "your student" / "su estudiante" when there is no name. */
export function voiceFor(audience: Audience, studentName?: string): Voice {
  const name = firstName(studentName) ?? t('due.yourStudent');
  return { audience, name, Name: capitalized(name) };
}

/** The catalog key for this audience: `due.x.family` or `due.x.student`. */
export function byAudience(key: string, voice: Voice): string {
  return `${key}.${voice.audience}`;
}

/** "in kindergarten", "in 9th grade", "in their first year after high school". */
export function inGrade(grade: Grade, voice: Voice): string {
  const g = Math.min(Math.max(Math.round(grade), 0), 14);
  if (g >= 13) return t(`due.inGrade.g${g}${voice.audience === 'student' ? 'You' : ''}`);
  return t(`due.inGrade.g${g}`);
}

/** "9th grade", "1st year after high school" (the plan's grade names). */
export function gradeLong(grade: Grade): string {
  return t(`due.gradeLong.g${Math.min(Math.max(Math.round(grade), 0), 14)}`);
}

/** "- a\n- b" */
export function bullets(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}
