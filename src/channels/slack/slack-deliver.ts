import { readFile } from 'node:fs/promises';
import type { RespondFn, webApi } from '@slack/bolt';
import type { SlackMessage, SlackOutput } from './slack-renderer.js';

type WebClient = webApi.WebClient;

/**
 * Sends rendered outputs, in order, to a Slack conversation. Mentions and links in our text are
 * never expanded by Slack (`parse: none`, no `link_names`, no unfurling).
 */
export async function postMessage(client: WebClient, channel: string, message: SlackMessage): Promise<string | undefined> {
  const result = await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    parse: 'none',
    link_names: false,
    unfurl_links: false,
    unfurl_media: false,
  });
  return result.ts;
}

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
