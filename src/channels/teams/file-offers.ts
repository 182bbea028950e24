/**
 * Files in Teams. A bot cannot drop a file into a personal chat directly: it offers it with a
 * file-consent card, the person presses Allow, Teams hands back an upload URL in their OneDrive,
 * the bot uploads the bytes there and posts a file-info card. Outside Teams (the Emulator) small
 * files go inline as a data: URL. Offers are kept in the Store (collection "teams-file-offers").
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { TurnContext } from 'botbuilder';
import type { FileReply, Reply } from '../../domain/messages.js';
import type { Store } from '../../store/store.js';
import type { TeamsLogger } from './teams-logger.js';
import type { PreparedFile } from './teams-renderer.js';

export const FILE_OFFERS = 'teams-file-offers';
export const FILE_INFO_TYPE = 'application/vnd.microsoft.teams.card.file.info';
/** Largest file sent inline to the Emulator. */
export const MAX_INLINE_BYTES = 512 * 1024;

interface FileOffer {
  path: string;
  filename: string;
  mimeType: string;
  userId: string;
  offeredAt: string;
}

export interface FileDeps {
  store: Store;
  logger: TeamsLogger;
  /** fetch used for the OneDrive upload (tests pass one; nock also intercepts the global). */
  fetch?: typeof fetch;
}

/** Readies each file reply for rendering: an offer token in Teams, inline bytes elsewhere. */
export async function prepareFiles(
  replies: Reply[],
  ctx: { channelId: string; userId: string; now: Date },
  deps: FileDeps,
): Promise<Map<Reply, PreparedFile>> {
  const prepared = new Map<Reply, PreparedFile>();
  for (const reply of replies) {
    if (reply.kind !== 'file') continue;
    prepared.set(reply, await prepareFile(reply, ctx, deps));
  }
  return prepared;
}

async function prepareFile(reply: FileReply, ctx: { channelId: string; userId: string; now: Date }, deps: FileDeps): Promise<PreparedFile> {
  try {
    const info = await stat(reply.path);
    if (ctx.channelId === 'msteams') {
      const token = randomUUID();
      const offer: FileOffer = { path: reply.path, filename: reply.filename, mimeType: reply.mimeType, userId: ctx.userId, offeredAt: ctx.now.toISOString() };
      await deps.store.put(FILE_OFFERS, token, offer);
      return { kind: 'consent', token, sizeInBytes: info.size };
    }
    if (info.size > MAX_INLINE_BYTES) return { kind: 'unavailable' };
    return { kind: 'inline', base64: (await readFile(reply.path)).toString('base64') };
  } catch (err) {
    deps.logger.error({ userId: ctx.userId, err: (err as Error).name }, 'teams: file to send could not be read');
    return { kind: 'unavailable' };
  }
}

interface ConsentValue {
  action?: string;
  context?: { token?: string };
  uploadInfo?: { name?: string; uploadUrl?: string; contentUrl?: string; uniqueId?: string; fileType?: string };
}

/** Answers a press on a file-consent card (invoke "fileConsent/invoke"). */
export async function handleFileConsent(context: TurnContext, userId: string, deps: FileDeps): Promise<void> {
  const value = (context.activity.value ?? {}) as ConsentValue;
  const token = value.context?.token;
  const offer = token ? await deps.store.get<FileOffer>(FILE_OFFERS, token) : undefined;
  if (!token || !offer || offer.userId !== userId) {
    await context.sendActivity({ type: 'message', text: 'That file offer has ended. Ask me for the file again.', textFormat: 'plain' });
  } else if (value.action !== 'accept') {
    await deps.store.delete(FILE_OFFERS, token);
    await context.sendActivity({ type: 'message', text: `OK, I did not send ${offer.filename}.`, textFormat: 'plain' });
  } else {
    await uploadAndShare(context, offer, value.uploadInfo ?? {}, userId, deps);
    await deps.store.delete(FILE_OFFERS, token);
  }
  await context.sendActivity({ type: 'invokeResponse', value: { status: 200 } });
}

async function uploadAndShare(context: TurnContext, offer: FileOffer, upload: NonNullable<ConsentValue['uploadInfo']>, userId: string, deps: FileDeps): Promise<void> {
  const doFetch = deps.fetch ?? fetch;
  try {
    if (!upload.uploadUrl || !upload.contentUrl) throw new Error('no upload URL');
    const bytes = await readFile(offer.path);
    const res = await doFetch(upload.uploadUrl, {
      method: 'PUT',
      headers: { 'Content-Length': String(bytes.length), 'Content-Range': `bytes 0-${bytes.length - 1}/${bytes.length}` },
      body: bytes,
    });
    if (!res.ok) throw new Error(`upload status ${res.status}`);
    await context.sendActivity({
      type: 'message',
      attachments: [
        {
          contentType: FILE_INFO_TYPE,
          contentUrl: upload.contentUrl,
          name: upload.name ?? offer.filename,
          content: { uniqueId: upload.uniqueId, fileType: upload.fileType },
        },
      ],
    });
  } catch (err) {
    deps.logger.error({ userId, err: (err as Error).message }, 'teams: file upload failed');
    await context.sendActivity({ type: 'message', text: `Sorry, I could not upload ${offer.filename}. Please ask me for it again.`, textFormat: 'plain' });
  }
}
