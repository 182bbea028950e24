import { readFile } from 'node:fs/promises';
import type { RespondFn, types as S, webApi } from '@slack/bolt';
import type { SlackMessage, SlackOutput } from './slack-renderer.js';

type WebClient = webApi.WebClient;

/**
 * Blocks as the JSON text the Web API receives. The Web API client sends a form body and would
 * turn the array into this same text itself, but first walks every block of it to build a debug
 * line (even with debug logging off): handing it the text skips that walk.
 */
export function blocksJson(blocks: S.KnownBlock[]): S.KnownBlock[] {
  return JSON.stringify(blocks) as unknown as S.KnownBlock[];
}

/** The message metadata type of Waypoint's replies (payload: `ref`, the outbox item). */
export const REPLY_METADATA = 'waypoint_reply';

/**
 * Posts one rendered message to a Slack conversation (in a thread when `threadTs` is given).
 * Mentions and links in our text are never expanded by Slack (`parse: none`, no `link_names`,
 * no unfurling).
 */
export async function postMessage(client: WebClient, channel: string, message: SlackMessage, threadTs?: string, ref?: string): Promise<string | undefined> {
  const result = await client.chat.postMessage({
    channel,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    // Which saved reply this is, so after a crash the outbox can see whether it arrived.
    ...(ref ? { metadata: { event_type: REPLY_METADATA, event_payload: { ref } } } : {}),
    text: message.text,
    blocks: blocksJson(message.blocks),
    parse: 'none',
    link_names: false,
    unfurl_links: false,
    unfurl_media: false,
  });
  return result.ts;
}

/** Replaces a message we posted (a question once it is answered). */
export async function updateMessage(client: WebClient, channel: string, ts: string, message: SlackMessage): Promise<void> {
  await client.chat.update({ channel, ts, text: message.text, blocks: blocksJson(message.blocks), parse: 'none', link_names: false });
}

/** Sends rendered outputs, in order, to a Slack conversation. */
export async function uploadFile(client: WebClient, channel: string, file: Extract<SlackOutput, { kind: 'file' }>): Promise<void> {
  const data = await readFile(file.path);
  await client.filesUploadV2({
    channel_id: channel,
    file: data,
    filename: file.filename,
    title: file.filename,
    initial_comment: file.comment,
  });
}

export async function postOutputs(client: WebClient, channel: string, outputs: SlackOutput[]): Promise<void> {
  for (const output of outputs) {
    if (output.kind === 'message') await postMessage(client, channel, output);
    else await uploadFile(client, channel, output);
  }
}

/**
 * Answers only the person who asked (slash commands, buttons under an ephemeral answer). Slack
 * cannot show a file ephemerally: files go to the person's direct message with the app instead.
 */
export async function respondOutputs(
  respond: RespondFn,
  outputs: SlackOutput[],
  sendFileToDm: (file: Extract<SlackOutput, { kind: 'file' }>) => Promise<void>,
): Promise<void> {
  for (const output of outputs) {
    if (output.kind === 'message') {
      await respond({ response_type: 'ephemeral', replace_original: false, text: output.text, blocks: output.blocks });
    } else {
      await sendFileToDm(output);
    }
  }
}

/** The id of the direct-message conversation between the app and a person. */
export async function openDm(client: WebClient, userId: string): Promise<string> {
  const opened = await client.conversations.open({ users: userId });
  const id = opened.channel?.id;
  if (!id) throw new Error('conversations.open returned no channel id');
  return id;
}
