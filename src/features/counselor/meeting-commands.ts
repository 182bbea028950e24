/**
 * "met with Sam today", "i met with sam", "mark Sam's plan reviewed" (a counselor meeting for the
 * current review window, with an optional note after a colon), "add note: ..." (for the student
 * last named) and "note for sam: ...". Notes are for counselors only: never shown to the student
 * or their family.
 */
import { MAX_NOTE_LENGTH } from '../../domain/meetings.js';
import { text } from '../../domain/messages.js';
import { schoolCalendar } from '../../domain/reminders/index.js';
import { seasonWords } from '../../domain/reminders/day-words.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import type { StudentRow } from './caseload-rows.js';
import type { CounselorDeps } from './counselor-deps.js';
import { focusedStudent, readFocus, updateFocus } from './counselor-focus.js';
import { addNote, cleanNote, recordMeeting } from './meeting-records.js';
import { onMyCaseload, pickStudent } from './my-students.js';
import { dateWords } from '../../i18n/date-words.js';

const MET_WORDS = [
  // "met with sam today", "record that i met with zoe", "log that i saw ava this week for her review"
  // ("saw" only after "record"/"log": "i saw a movie" is not a meeting).
  /^(?:i )?(?:just )?(?:met|meet|had (?:a |my )?meeting|did (?:a |the )?(?:review|meeting)|reviewed (?:the )?plan) with (.+?)(?: today| this morning| this afternoon| this week| just now)?(?: (?:for|about) (?:a |her |his |their |the )?(?:plan|review|meeting|plan review|check in)\b.*)?$/,
  /^(?:please )?(?:record|log|save|put down|write down|mark down) (?:that )?(?:i )?(?:just )?(?:met|meet|saw|had (?:a |my )?meeting|did (?:a |the )?(?:review|meeting)|reviewed (?:the )?plan)(?: with)? (.+?)(?: today| this morning| this afternoon| this week| just now)?(?: (?:for|about) (?:a |her |his |their |the )?(?:plan|review|meeting|plan review|check in)\b.*)?$/,
  /^mark (.+?)(?:s)? (?:plan )?(?:as )?(?:reviewed|met)(?: today)?$/,
  /^(.+?) and i met(?: today)?$/,
  // Spanish: "me reuní con sam hoy", "tuve reunión con ava".
  /^(?:ya )?(?:me reun[ií]|tuve (?:una |la )?reuni[oó]n) con (.+?)(?: hoy| esta ma[nñ]ana| esta tarde| ahorita)?$/,
];
const NOTE_FOR = /^(?:add (?:a )?)?note (?:for|on|about|to) (.+)$|^(?:agregar (?:una )?)?nota (?:para|sobre|de) (.+)$/;
const NOTE_HERE = /^(?:add (?:a )?note|note|agregar (?:una )?nota|nota)\b/;

const firstName = (r: StudentRow) => r.name?.split(/\s+/)[0] ?? r.key;

/** The name part of typed text: before a colon (the note), without "'s" and trailing words. */
function splitNote(raw: string): { head: string; note?: string } {
  const i = raw.search(/[:\u2014]| - /);
  if (i < 0) return { head: raw };
  const note = raw.slice(i + 1).replace(/^\s*-?\s*/, '').trim();
  return { head: raw.slice(0, i), ...(note ? { note } : {}) };
}

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’']s\b/g, 's')
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}:]+/gu, ' ')
    .trim();

function metName(head: string): string | undefined {
  const w = words(head).replace(/:/g, ' ').trim();
  for (const re of MET_WORDS) {
    const m = re.exec(w);
    if (m) return m[1]!.trim();
  }
  return undefined;
}

export async function meetAndNote(ctx: TurnContext, deps: CounselorDeps, row: StudentRow, note?: string): Promise<void> {
  const policy = await deps.reviewPolicy();
  const { meeting, added } = await recordMeeting(ctx.records.store, { studentKey: row.key, by: ctx.userKey, now: ctx.now, policy });
  if (note) await addNote(ctx.records.store, { studentKey: row.key, by: ctx.userKey, now: ctx.now, text: note });
  await updateFocus(ctx.records.store, ctx.userKey, ctx.now, { studentKey: row.key, studentAt: ctx.now.toISOString(), pendingNote: undefined });
  deps.logger?.info({ user: ctx.userKey, student: row.key }, 'counselor meeting recorded');
  const window = schoolCalendar(policy, ctx.now).windows.find((w) => w.id === meeting.windowId);
  const who = row.name ?? row.key;
  const said = [
    // Said twice on one day, it is one meeting: said so, and not counted again.
    added ? t('counselor.meeting.saved', { who, date: dateWords(meeting.at) }) : t('counselor.meeting.alreadySaved', { who, date: dateWords(meeting.at) }),
    window ? t('counselor.meeting.countsFor', { season: seasonWords(window) }) : t('counselor.meeting.countsForNone'),
    t('counselor.meeting.thisYear', { count: row.meetingsThisYear + (added ? 1 : 0) }),
    note ? t('counselor.meeting.noteSaved') : t('counselor.meeting.next', { first: firstName(row).toLowerCase() }),
  ];
  ctx.say(text(said.join(' ')));
}

export async function noteFor(ctx: TurnContext, studentKey: string, raw: string, who: string): Promise<void> {
  const note = cleanNote(raw);
  if (!note) return void ctx.say(text(t('counselor.note.what')));
  await addNote(ctx.records.store, { studentKey, by: ctx.userKey, now: ctx.now, text: note });
  await updateFocus(ctx.records.store, ctx.userKey, ctx.now, { studentKey, studentAt: ctx.now.toISOString(), pendingNote: undefined });
  const cut = raw.trim().length > MAX_NOTE_LENGTH;
  ctx.say(text(cut ? t('counselor.note.savedCut', { who, max: MAX_NOTE_LENGTH }) : t('counselor.note.saved', { who })));
}

/** "met with sam today", "mark sam's plan reviewed". */
export function meetingCommand(deps: CounselorDeps): Command {
  return {
    id: 'counselor-meeting',
    intents: ['meeting'],
    get help() {
      return t('counselor.help.meeting');
    },
    roles: ['counselor'],
    matches: (t) => metName(t) !== undefined,
    run: async (ctx, input) => {
      const { head, note } = splitNote(input.text ?? '');
      const name = metName(head);
      if (!name) return void ctx.say(text(t('counselor.meeting.who')));
      const picked = await pickStudent(ctx, deps, name, 'met');
      if ('row' in picked) {
        if (note) await updateFocus(ctx.records.store, ctx.userKey, ctx.now, { pendingNote: undefined });
        return meetAndNote(ctx, deps, picked.row, note);
      }
      if ('asked' in picked && note) await updateFocus(ctx.records.store, ctx.userKey, ctx.now, { pendingNote: cleanNote(note) });
    },
  };
}

/** "add note: ..." (for the student last named) and "note for sam: ...". */
export function noteCommand(deps: CounselorDeps): Command {
  return {
    id: 'counselor-note',
    intents: ['counselor-note'],
    get help() {
      return t('counselor.help.note');
    },
    roles: ['counselor'],
    matches: (words) => NOTE_HERE.test(words),
    run: async (ctx, input) => {
      const { head, note } = splitNote(input.text ?? '');
      const m = NOTE_FOR.exec(words(head).replace(/:/g, ' ').trim());
      const forWhom = m?.[1] ?? m?.[2];
      if (forWhom) {
        const picked = await pickStudent(ctx, deps, forWhom, 'note');
        if ('row' in picked) return noteFor(ctx, picked.row.key, note ?? '', picked.row.name ?? picked.row.key);
        if ('asked' in picked) await updateFocus(ctx.records.store, ctx.userKey, ctx.now, { pendingNote: cleanNote(note ?? '') });
        return;
      }
      const key = focusedStudent(await readFocus(ctx.records.store, ctx.userKey), ctx.now);
      if (!key || !(await onMyCaseload(ctx, key))) {
        return void ctx.say(text(t('counselor.note.forWhom')));
      }
      const profile = await ctx.records.profile(key);
      await noteFor(ctx, key, note ?? head.replace(/^\s*(?:(?:add\s+(?:a\s+)?)?note|(?:agregar\s+(?:una\s+)?)?nota)\s*/i, ''), profile?.displayName ?? key);
    },
  };
}
