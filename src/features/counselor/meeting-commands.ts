/**
 * "met with Sam today", "i met with sam", "mark Sam's plan reviewed" (a counselor meeting for the
 * current review window, with an optional note after a colon), "add note: ..." (for the student
 * last named) and "note for sam: ...". Notes are for counselors only: never shown to the student
 * or their family.
 */
import { MAX_NOTE_LENGTH } from '../../domain/meetings.js';
import { text } from '../../domain/messages.js';
import { schoolCalendar } from '../../domain/reminders/index.js';
import type { Command, TurnContext } from '../../engine/command.js';
import type { StudentRow } from './caseload-rows.js';
import type { CounselorDeps } from './counselor-deps.js';
import { focusedStudent, readFocus, updateFocus } from './counselor-focus.js';
import { addNote, cleanNote, recordMeeting } from './meeting-records.js';
import { onMyCaseload, pickStudent } from './my-students.js';

const MET_WORDS = [
  /^(?:i )?(?:just )?(?:met|meet|had (?:a |my )?meeting|did (?:a |the )?(?:review|meeting)|reviewed (?:the )?plan) with (.+?)(?: today| this morning| this afternoon| just now)?$/,
  /^mark (.+?)(?:s)? (?:plan )?(?:as )?(?:reviewed|met)(?: today)?$/,
  /^(.+?) and i met(?: today)?$/,
];
const NOTE_FOR = /^(?:add (?:a )?)?note (?:for|on|about|to) (.+)$/;
const NOTE_HERE = /^(?:add (?:a )?note|note)\b/;

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
  const meeting = await recordMeeting(ctx.records.store, { studentKey: row.key, by: ctx.userKey, now: ctx.now, policy });
  if (note) await addNote(ctx.records.store, { studentKey: row.key, by: ctx.userKey, now: ctx.now, text: note });
  await updateFocus(ctx.records.store, ctx.userKey, ctx.now, { studentKey: row.key, studentAt: ctx.now.toISOString(), pendingNote: undefined });
  deps.logger?.info({ user: ctx.userKey, student: row.key }, 'counselor meeting recorded');
  const window = schoolCalendar(policy, ctx.now).windows.find((w) => w.id === meeting.windowId);
  const counted = window ? ` It counts for the ${window.label} window.` : ' No review window has opened yet this school year, so it counts for none.';
  const meetings = row.meetingsThisYear + 1;
  ctx.say(
    text(
      `Saved: you met with ${row.name ?? row.key} on ${meeting.at.slice(0, 10)}.${counted} That's ${meetings} meeting${meetings === 1 ? '' : 's'} this school year.` +
        (note ? ' Your note is saved (only counselors see it).' : ` Add a note with "add note: ..." or sign the plan with "sign ${firstName(row).toLowerCase()}'s plan".`),
    ),
  );
}

export async function noteFor(ctx: TurnContext, studentKey: string, raw: string, who: string): Promise<void> {
  const note = cleanNote(raw);
  if (!note) return void ctx.say(text('What should the note say? Type "add note:" and then the note.'));
  await addNote(ctx.records.store, { studentKey, by: ctx.userKey, now: ctx.now, text: note });
  await updateFocus(ctx.records.store, ctx.userKey, ctx.now, { studentKey, studentAt: ctx.now.toISOString(), pendingNote: undefined });
  const cut = raw.trim().length > MAX_NOTE_LENGTH ? ` (cut to ${MAX_NOTE_LENGTH} characters)` : '';
  ctx.say(text(`Note saved for ${who}${cut}. Only counselors see notes, never the student or their family.`));
}

/** "met with sam today", "mark sam's plan reviewed". */
export function meetingCommand(deps: CounselorDeps): Command {
  return {
    id: 'counselor-meeting',
    intents: ['meeting'],
    help: 'met with <name> today: record a plan meeting (add ": note" to keep a note)',
    roles: ['counselor'],
    matches: (t) => metName(t) !== undefined,
    run: async (ctx, input) => {
      const { head, note } = splitNote(input.text ?? '');
      const name = metName(head);
      if (!name) return void ctx.say(text('Who did you meet with? Say it like "met with Sam today".'));
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
    help: 'note for <name>: ... (or "add note: ..." after naming a student): a note only counselors see',
    roles: ['counselor'],
    matches: (t) => NOTE_HERE.test(t),
    run: async (ctx, input) => {
      const { head, note } = splitNote(input.text ?? '');
      const forWhom = NOTE_FOR.exec(words(head).replace(/:/g, ' ').trim())?.[1];
      if (forWhom) {
        const picked = await pickStudent(ctx, deps, forWhom, 'note');
        if ('row' in picked) return noteFor(ctx, picked.row.key, note ?? '', picked.row.name ?? picked.row.key);
        if ('asked' in picked) await updateFocus(ctx.records.store, ctx.userKey, ctx.now, { pendingNote: cleanNote(note ?? '') });
        return;
      }
      const key = focusedStudent(await readFocus(ctx.records.store, ctx.userKey), ctx.now);
      if (!key || !(await onMyCaseload(ctx, key))) {
        return void ctx.say(text('Who is the note for? Say it like "note for Sam: talked about welding classes".'));
      }
      const profile = await ctx.records.profile(key);
      await noteFor(ctx, key, note ?? head.replace(/^\s*(add\s+(a\s+)?)?note\s*/i, ''), profile?.displayName ?? key);
    },
  };
}
