/**
 * What Slack deliveries look like in the reply outbox (see ../reply-outbox.ts): plain JSON, so a
 * delivery saved before a crash can be made after the restart with the app's own client.
 */
import type { webApi } from '@slack/bolt';
import type { Store } from '../../store/store.js';
import { ReplyOutbox, type OutboxEntry, type OutboxLogger } from '../reply-outbox.js';
import { REPLY_METADATA, openDm, postMessage, updateMessage, uploadFile } from './slack-deliver.js';
import type { SlackFile, SlackMessage, SlackOutput } from './slack-renderer.js';

export type SlackItem =
  /** A message or a file in a conversation. */
  | { kind: 'post'; channel: string; output: SlackOutput }
  /** A question message closed once it is answered. */
  | { kind: 'update'; channel: string; ts: string; message: SlackMessage }
  /** An answer only the person sees (slash commands, ephemeral questions), through Slack's response URL. */
  | { kind: 'respond'; url: string; body: Record<string, unknown> }
  /** A file for someone who asked where files cannot be shown: their direct message with the app. */
  | { kind: 'dm-file'; userId: string; file: SlackFile };

export const posts = (channel: string, outputs: SlackOutput[]): SlackItem[] => outputs.map((output) => ({ kind: 'post', channel, output }));

/** Ephemeral answers: messages through the response URL, files to the person's DM. */
export function responds(url: string | undefined, userId: string, outputs: SlackOutput[]): SlackItem[] {
  return outputs.map((o): SlackItem =>
    o.kind === 'file' || !url
      ? o.kind === 'file'
        ? { kind: 'dm-file', userId, file: o }
        : { kind: 'post', channel: userId, output: o }
      : { kind: 'respond', url, body: { response_type: 'ephemeral', replace_original: false, text: o.text, blocks: o.blocks } },
  );
}

async function respondTo(url: string, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`response_url answered ${res.status}`);
}

export async function sendSlackItem(client: webApi.WebClient, item: SlackItem, ref?: string): Promise<void> {
  switch (item.kind) {
    case 'post':
      if (item.output.kind === 'message') await postMessage(client, item.channel, item.output, undefined, ref);
      else await uploadFile(client, item.channel, item.output);
      return;
    case 'update':
      return updateMessage(client, item.channel, item.ts, item.message);
    case 'respond':
      return respondTo(item.url, item.body);
    case 'dm-file':
      return uploadFile(client, await openDm(client, item.userId), item.file);
  }
}

/**
 * Whether the reply being sent when the process stopped arrived. A message is looked for in the
 * conversation's history since its turn (each carries its ref in metadata; needs `im:history`, which
 * the app has for direct messages). Updating a question message again changes nothing, so it is
 * simply done again. Files and answers through a response URL cannot be looked up: not sent again.
 */
export async function slackReplyArrived(client: webApi.WebClient, item: SlackItem, ref: string, entry: OutboxEntry<SlackItem>): Promise<'sent' | 'not-sent' | 'unknown'> {
  if (item.kind === 'update') return 'not-sent';
  if (item.kind !== 'post' || item.output.kind !== 'message') return 'unknown';
  const oldest = (Date.parse(entry.createdAt) / 1000 - 60).toFixed(6);
  const page = await client.conversations.history({ channel: item.channel, oldest, limit: 200, include_all_metadata: true });
  if (!page.ok) return 'unknown';
  const found = (page.messages ?? []).some(
    (m) => m.metadata?.event_type === REPLY_METADATA && (m.metadata.event_payload as { ref?: unknown } | undefined)?.ref === ref,
  );
  if (found) return 'sent';
  // Only a complete answer can say it is missing.
  return page.has_more ? 'unknown' : 'not-sent';
}

export function slackOutbox(store: Store, client: () => webApi.WebClient, log?: OutboxLogger): ReplyOutbox<SlackItem> {
  return new ReplyOutbox<SlackItem>(store, 'slack', (item, ref) => sendSlackItem(client(), item, ref), log, undefined, (item, ref, entry) =>
    slackReplyArrived(client(), item, ref, entry),
  );
}
