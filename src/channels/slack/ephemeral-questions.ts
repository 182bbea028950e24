/**
 * Questions Waypoint showed only to one person (an answer to /waypoint, or to a press under one).
 * When a button on a message is pressed, Slack hands the message back so it can be shown answered,
 * but not for an ephemeral message: its words come only from here. Kept in memory, per person and
 * question, for as long as Slack lets us replace an ephemeral message (30 minutes); the oldest go
 * first past `capacity`. After a restart an answered ephemeral question shows only the answer.
 */
import type { types as S } from '@slack/bolt';
import { decodeAction } from './slack-action-id.js';
import type { SlackOutput } from './slack-renderer.js';

/** Slack accepts a response_url for 30 minutes. */
const KEEP_MS = 30 * 60 * 1000;

export interface ShownMessage {
  text: string;
  blocks: S.KnownBlock[];
}

export class EphemeralQuestions {
  private readonly shown = new Map<string, ShownMessage & { at: number }>();

  constructor(
    private readonly capacity = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Remembers every message with buttons among what is about to be shown to `userId` alone. */
  remember(userId: string, outputs: readonly SlackOutput[]): void {
    for (const output of outputs) {
      if (output.kind !== 'message') continue;
      for (const questionId of questionIdsOf(output.blocks)) {
        const key = `${userId}\u0000${questionId}`;
        this.shown.delete(key);
        this.shown.set(key, { text: output.text, blocks: output.blocks, at: this.now() });
      }
    }
    while (this.shown.size > this.capacity) this.shown.delete(this.shown.keys().next().value as string);
  }

  /** The ephemeral message that asked `questionId` of `userId`, while Slack still lets us replace it. */
  recall(userId: string, questionId: string): ShownMessage | undefined {
    const found = this.shown.get(`${userId}\u0000${questionId}`);
    if (!found || this.now() - found.at > KEEP_MS) return undefined;
    return { text: found.text, blocks: found.blocks };
  }

  /** Forgets everything shown to a person. */
  forget(userId: string): void {
    for (const key of [...this.shown.keys()]) if (key.startsWith(`${userId}\u0000`)) this.shown.delete(key);
  }
}

/** The questions a message's buttons answer. */
function questionIdsOf(blocks: readonly S.KnownBlock[]): Set<string> {
  const ids = new Set<string>();
  for (const block of blocks) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements) {
      if (element.type !== 'button' || !element.action_id) continue;
      const decoded = decodeAction(element.action_id, element.value ?? '#');
      if (decoded) ids.add(decoded.questionId);
    }
  }
  return ids;
}
