/**
 * Who "what's due" talks about: a family member hears about their student by first name ("Jordan
 * is in 9th grade"), a student hears about themself ("You're in 9th grade").
 */
import type { Grade } from '../grade.js';
import { ordinal } from '../grade.js';

export type Audience = 'family' | 'student';

export interface Voice {
  audience: Audience;
  /** Sentence start: "Jordan" / "You". */
  Subject: string;
  /** Mid-sentence: "Jordan" / "you". */
  subject: string;
  /** "Jordan's" / "your". */
  possessive: string;
  /** "Jordan's" / "Your" at a sentence start. */
  Possessive: string;
  /** "Jordan is" / "You're". */
  SubjectIs: string;
  /** "Jordan doesn't" / "You don't". */
  SubjectDoesnt: string;
}

/** The first word of a display name, kept short; undefined when there is none. */
export function firstName(name: string | undefined): string | undefined {
  const first = name?.trim().split(/\s+/)[0];
  return first ? first.slice(0, 40) : undefined;
}

export function voiceFor(audience: Audience, studentName?: string): Voice {
  if (audience === 'student') {
    return {
      audience,
      Subject: 'You',
      subject: 'you',
      possessive: 'your',
      Possessive: 'Your',
      SubjectIs: "You're",
      SubjectDoesnt: "You don't",
    };
  }
  const name = firstName(studentName);
  const Subject = name ?? 'Your student';
  const subject = name ?? 'your student';
  return {
    audience,
    Subject,
    subject,
    possessive: `${subject}'s`,
    Possessive: `${Subject}'s`,
    SubjectIs: `${Subject} is`,
    SubjectDoesnt: `${Subject} doesn't`,
  };
}

/** "in kindergarten", "in 9th grade", "in their first year after high school". */
export function inGrade(grade: Grade, voice: Voice): string {
  if (grade <= 0) return 'in kindergarten';
  const their = voice.audience === 'student' ? 'your' : 'their';
  if (grade === 13) return `in ${their} first year after high school`;
  if (grade >= 14) return `in ${their} second year after high school`;
  return `in ${ordinal(grade)} grade`;
}

/** "- a\n- b" */
export function bullets(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}
