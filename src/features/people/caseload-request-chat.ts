/**
 * Asking the student about a counselor's caseload request: through their channel's proactive
 * sender when this process has one, else the next time they chat (before anything else). They
 * answer with Yes/No (buttons, or typing yes or no).
 */
import { text, type QuestionReply, type Reply } from '../../domain/messages.js';
import type { CaseloadRequest } from '../../domain/people.js';
import type { Command, TextFallback, TurnContext } from '../../engine/command.js';
import type { Store } from '../../store/store.js';
import { counselorName, decideRequest, markAsked, waitingFor } from './caseload-requests.js';
import { t } from '../../i18n/t.js';
import { sayTo } from './notify.js';
import type { PeopleDeps } from './people-deps.js';

export const CASELOAD_REQUEST_Q = 'people:caseload-request';
const YES = /^(yes|yeah|yep|yup|ya|sure|ok|okay|k|y|fine|sounds good|yes please|si|claro|esta bien|de acuerdo|si por favor|va|sale)$/;
const NO = /^(no|nope|nah|n|no thanks|no thank you|not now|no gracias|ahora no|todavia no)$/;

/** The question for a request, in the language of the turn (or of `sayTo`'s recipient). `name`: the counselor's shown name, if any. */
function requestQuestionFor(request: CaseloadRequest, name: string | undefined): QuestionReply {
  return {
    kind: 'question',
    questionId: CASELOAD_REQUEST_Q,
    text: t('people.request.question', { name: name ?? t('people.request.aCounselor'), school: request.school }),
    choices: [
      { id: `yes:${request.id}`, label: t('people.request.yes') },
      { id: `no:${request.id}`, label: t('people.request.no') },
    ],
  };
}

export async function requestQuestion(store: Store, request: CaseloadRequest): Promise<QuestionReply> {
  return requestQuestionFor(request, await counselorName(store, request.counselorKey));
}

/** Sends the question through the student's channel; true (and marked asked) when it went out. */
export async function askThroughChannel(store: Store, deps: PeopleDeps, request: CaseloadRequest, now: Date): Promise<boolean> {
  const name = await counselorName(store, request.counselorKey);
  // In the student's language, not the counselor's.
  const delivered = await sayTo(deps.senders, store, request.studentKey, () => [requestQuestionFor(request, name)]);
  if (delivered) await markAsked(store, request, now);
  return delivered;
}

async function answer(ctx: TurnContext, id: string, accept: boolean, deps: PeopleDeps): Promise<void> {
  const waiting = await waitingFor(ctx.records.store, ctx.userKey);
  // Only the student asked can answer, and only while the request waits.
  if (!waiting.some((r) => r.id === id)) return ctx.say(text(t('people.request.settled')));
  const r = await decideRequest(ctx.records.store, id, accept, ctx.userKey, ctx.now);
  if (r.kind === 'counselor-gone') return ctx.say(text(t('people.request.counselorGone')));
  if (r.kind !== 'accepted' && r.kind !== 'declined') return ctx.say(text(t('people.request.settled')));
  const name = (await counselorName(ctx.records.store, r.request.counselorKey)) ?? t('people.request.theCounselor');
  deps.logger?.info({ user: ctx.userKey, counselor: r.request.counselorKey, request: id, accepted: accept }, 'caseload request answered');
  const told: Reply = text(t(accept ? 'people.request.accepted' : 'people.request.declined', { name }));
  const student = ctx.profile()?.displayName?.trim() || ctx.userKey;
  // The counselor hears it in their own language.
  await sayTo(deps.senders, ctx.records.store, r.request.counselorKey, () => [
    text(t(accept ? 'people.request.counselorToldYes' : 'people.request.counselorToldNo', { student })),
  ]);
  ctx.say(told);
  const next = (await waitingFor(ctx.records.store, ctx.userKey)).find((q) => q.id !== id);
  if (next) {
    await markAsked(ctx.records.store, next, ctx.now);
    ctx.say(await requestQuestion(ctx.records.store, next));
  }
}

/** The Yes/No buttons, pressed now or later. */
export function caseloadRequestAnswerCommand(deps: PeopleDeps): Command {
  return {
    id: 'caseload-request-answer',
    roles: ['student'],
    questionIds: [CASELOAD_REQUEST_Q],
    matches: () => false,
    run: async (ctx, input) => {
      const m = /^(yes|no):(.+)$/.exec(input.choiceId ?? '');
      if (!m) return;
      await answer(ctx, m[2]!, m[1] === 'yes', deps);
    },
  };
}

/**
 * Read before intents, for students with a request waiting: a plain yes or no answers a request
 * they were sent; a request not asked yet is asked now (what they typed can be asked again).
 */
export function caseloadRequestReader(deps: PeopleDeps): TextFallback {
  return async (ctx, typed) => {
    if (ctx.profile()?.role !== 'student' || ctx.activeFlow()) return false;
    const waiting = await waitingFor(ctx.records.store, ctx.userKey);
    if (waiting.length === 0) return false;
    // Accents off first, so "sí" reads as "si" (and "está bien" as "esta bien").
    const words = typed.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
    const asked = waiting.filter((r) => r.askedAt);
    if (asked.length === 1 && !ctx.hasPendingQuestion() && (YES.test(words) || NO.test(words))) {
      await answer(ctx, asked[0]!.id, YES.test(words), deps);
      return true;
    }
    const fresh = waiting.find((r) => !r.askedAt);
    if (!fresh) return false;
    await markAsked(ctx.records.store, fresh, ctx.now);
    ctx.say(text(t('people.request.beforeWeGoOn')), await requestQuestion(ctx.records.store, fresh));
    return true;
  };
}
