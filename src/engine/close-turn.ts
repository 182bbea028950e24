/**
 * How a turn leaves the conversation: the question that is now waiting (the last one asked, or, after
 * a side trip in the middle of a flow, the flow's question again with the way back to it), and the
 * turn remembered by its message id so a redelivery is answered from the record.
 */
import type { QuestionReply, Reply } from '../domain/messages.js';
import { say } from './engine-words.js';
import { remember, type Session } from './session.js';

export function closeTurn(session: Session, messageId: string, replies: Reply[], now: Date, leaveQuestion: boolean): void {
  let lastQuestion = [...replies].reverse().find((r): r is QuestionReply => r.kind === 'question');
  if (!lastQuestion && session.active && session.flowQuestion && !leaveQuestion) {
    // A side trip in the middle of a flow ("my pathway", "wait can i be a vet"): the way back.
    if (replies.length > 0) replies.push(say.backToIt(session.flowQuestion.progress?.index));
    replies.push((lastQuestion = session.flowQuestion));
  }
  if (lastQuestion) session.pending = lastQuestion;
  else if (!session.active) session.pending = undefined;
  session.recent = remember(session.recent, messageId, replies);
  session.updatedAt = now.toISOString();
}
