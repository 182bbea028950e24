/**
 * The platform-neutral message model (DESIGN.md). Channels translate platform payloads into a
 * Turn and render Reply[] however suits them; every Reply carries plain `text` for screen readers,
 * notifications and the terminal.
 */
import { t } from '../i18n/t.js';

export type ChannelName = 'console' | 'slack' | 'teams' | (string & {});

export interface Turn {
  channel: ChannelName;
  /** Platform user id, without the channel prefix (e.g. "U123" or "alice"). */
  userId: string;
  conversationId: string;
  /** Platform message/event/activity id: a redelivered id is answered from the record. */
  messageId: string;
  text?: string;
  /** A button press. `id` names the question (Choice set), `value` the chosen option id. */
  action?: { id: string; value: string };
  /** ISO 8601 time the platform received the message. */
  receivedAt: string;
  /** Display name when the platform knows it (never logged). */
  displayName?: string;
  /** The person's language setting on the platform ("es-MX"), when it says: where Waypoint's language starts. */
  locale?: string;
}

export interface Choice {
  /** Stable option id sent back in Turn.action.value. */
  id: string;
  /** What the button says; typing it (or its number) selects it too. */
  label: string;
  /** Other words that pick it when they are in what someone types ("mom" for "I'm a family member"). */
  also?: string[];
}

export interface TextReply {
  kind: 'text';
  text: string;
}

export interface QuestionReply {
  kind: 'question';
  /** Identifies the question; a button press carries it back as action.id. */
  questionId: string;
  text: string;
  choices: Choice[];
  /** Where this question is in a series: "3 of up to 24". */
  progress?: QuestionProgress;
  /**
   * An offer nobody has to take ("Want to look closer?"): "ok", "nah" or "not now" put it aside
   * (and go back to the flow's question, when there is one) instead of "I didn't catch that".
   */
  optional?: boolean;
}

export interface QuestionProgress {
  index: number;
  total: number;
  /** True when the total is the most there can be ("3 of up to 24"). */
  atMost?: boolean;
}

/**
 * "3 of up to 24" when `total` is the most there can be (the series may end sooner), else "3 of 15";
 * the same words on every channel. Never "about": a guess that later grows reads as a broken promise.
 */
export function progressLabel(p: QuestionProgress): string {
  return t(p.atMost ? 'progress.ofUpTo' : 'progress.of', { index: p.index, total: p.total });
}

export interface CardField {
  label: string;
  value: string;
}

export interface CardReply {
  kind: 'card';
  title: string;
  fields: CardField[];
  /** Plain-text version of the whole card. */
  text: string;
  /** Optional buttons under the card. */
  questionId?: string;
  actions?: Choice[];
}

export interface PlanRow {
  /** Row label: a subject ("English"), "Work-Based Learning", "Additional Activities". */
  label: string;
  /** One cell per grade column, same order as PlanTableReply.grades. */
  cells: string[];
}

export interface PlanTableReply {
  kind: 'plan';
  title: string;
  /** Column headings, e.g. ["9th", "10th", "11th", "12th"]. */
  grades: string[];
  /** Index in `grades` of the student's current school year (channels show it first). */
  thisYearIndex?: number;
  rows: PlanRow[];
  /** Header facts shown above the table (goal, path, cluster, pathway, last review). */
  fields: CardField[];
  text: string;
}

export interface FileReply {
  kind: 'file';
  /** Absolute path of the file on this machine. */
  path: string;
  filename: string;
  mimeType: string;
  /** What the file is, in plain words (also used when a channel cannot send files). */
  text: string;
}

export type Reply = TextReply | QuestionReply | CardReply | PlanTableReply | FileReply;

export const text = (t: string): TextReply => ({ kind: 'text', text: t });

/** The user key used across the store: "<channel>:<platform user id>". */
export function userKey(turn: Pick<Turn, 'channel' | 'userId'>): string {
  return `${turn.channel}:${turn.userId}`;
}

/**
 * Sends replies to a user outside a conversation turn (reminders, nudges). Each channel provides
 * one; `userKey` is "<channel>:<platform user id>". Rejects when delivery finally fails.
 */
export interface ProactiveSender {
  readonly channel: ChannelName;
  send(userId: string, replies: Reply[]): Promise<void>;
}
