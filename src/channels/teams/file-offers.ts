/**
 * Files in Teams. A bot cannot drop a file into a personal chat directly: it offers it with a
 * file-consent card, the person presses Allow, Teams hands back an upload URL in their OneDrive,
 * the bot uploads the bytes there and posts a file-info card. Offers are kept in the Store
 * (collection "teams-file-offers") and end after 24 hours. When OneDrive is not an option (the
 * tenant has none: TEAMS_FILE_DELIVERY=link; the offer declined; the upload failed) the file comes
 * as a download link instead, when the server has a public address (file-links.ts). Outside Teams
 * (the Emulator) small files go inline as a data: URL.
 */
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { TurnContext } from 'botbuilder';
import type { FileReply, Reply } from '../../domain/messages.js';
import { currentLanguage, type Language } from '../../i18n/language.js';
import { tIn } from '../../i18n/t.js';
import type { Store } from '../../store/store.js';
import { createFileLink, type LinkFile } from './file-links.js';
import { languageOfActivity } from './teams-language.js';
import type { TeamsLogger } from './teams-logger.js';
import type { PreparedFile } from './teams-renderer.js';
import type { FileDelivery } from './teams-settings.js';

export const FILE_OFFERS = 'teams-file-offers';
export const FILE_INFO_TYPE = 'application/vnd.microsoft.teams.card.file.info';
/** Largest file sent inline to the Emulator. */
export const MAX_INLINE_BYTES = 512 * 1024;
/** An offer not answered within this long has ended. */
export const OFFER_LIFETIME_MS = 24 * 60 * 60 * 1000;

interface FileOffer extends LinkFile {
  userId: string;
  offeredAt: string;
}

export interface FileDeps {
  store: Store;
  logger: TeamsLogger;
  /** fetch used for the OneDrive upload (tests pass one; nock also intercepts the global). */
  fetch?: typeof fetch;
  /** Where download links point ("" or absent: no links). */
  publicUrl?: string;
  /** "link": every file as a download link (tenants without OneDrive). */
  fileDelivery?: FileDelivery;
}

/** Readies each file reply for rendering: an offer or a link in Teams, inline bytes elsewhere. */
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

/** A download link for the file, in the language being spoken, when the server has a public address. */
async function linkFor(file: LinkFile, userId: string, now: Date, deps: FileDeps): Promise<string | undefined> {
  if (!deps.publicUrl) return undefined;
  return createFileLink(deps.store, deps.publicUrl, file, { userId, language: currentLanguage(), now });
}

async function prepareFile(reply: FileReply, ctx: { channelId: string; userId: string; now: Date }, deps: FileDeps): Promise<PreparedFile> {
  try {
    const info = await stat(reply.path);
    const file: LinkFile = { path: reply.path, filename: reply.filename, mimeType: reply.mimeType };
    if (ctx.channelId === 'msteams' && deps.fileDelivery !== 'link') {
      const token = randomUUID();
      const offer: FileOffer = { ...file, userId: ctx.userId, offeredAt: ctx.now.toISOString() };
      await deps.store.put(FILE_OFFERS, token, offer);
      return { kind: 'consent', token, sizeInBytes: info.size };
    }
    if (ctx.channelId !== 'msteams' && info.size <= MAX_INLINE_BYTES) return { kind: 'inline', base64: (await readFile(reply.path)).toString('base64') };
    const url = await linkFor(file, ctx.userId, ctx.now, deps);
    return url ? { kind: 'link', url } : { kind: 'unavailable' };
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

type Say = (key: string, params?: Record<string, string>) => Promise<void>;

/** Answers a press on a file-consent card (invoke "fileConsent/invoke"). */
export async function handleFileConsent(context: TurnContext, userId: string, deps: FileDeps & { now: Date }): Promise<void> {
  const value = (context.activity.value ?? {}) as ConsentValue;
  const language = await languageOfActivity(deps.store, context.activity);
  const say: Say = async (key, params) => void (await context.sendActivity({ type: 'message', text: tIn(language)(key, params), textFormat: 'plain' }));
  const token = value.context?.token;
  const offer = token ? await deps.store.get<FileOffer>(FILE_OFFERS, token) : undefined;
  if (!token || !offer || offer.userId !== userId) {
    await say('teams.files.offerEnded');
  } else if (deps.now.getTime() - Date.parse(offer.offeredAt) > OFFER_LIFETIME_MS) {
    await deps.store.delete(FILE_OFFERS, token);
    await say('teams.files.offerExpired');
  } else {
    const link = () => createLinkIn(language, offer, userId, deps);
    if (value.action !== 'accept') {
      const url = await link();
      await say(url ? 'teams.files.declinedLink' : 'teams.files.declined', { filename: offer.filename, ...(url ? { url } : {}) });
    } else if (!(await uploadAndShare(context, offer, value.uploadInfo ?? {}, userId, deps))) {
      const url = await link();
      await say(url ? 'teams.files.uploadFailedLink' : 'teams.files.uploadFailed', { filename: offer.filename, ...(url ? { url } : {}) });
    }
    // Removed once answered: an invoke that failed on the way keeps its offer for Teams' retry.
    await deps.store.delete(FILE_OFFERS, token);
  }
  await context.sendActivity({ type: 'invokeResponse', value: { status: 200 } });
}

function createLinkIn(language: Language, offer: FileOffer, userId: string, deps: FileDeps & { now: Date }): Promise<string | undefined> {
  if (!deps.publicUrl) return Promise.resolve(undefined);
  const file: LinkFile = { path: offer.path, filename: offer.filename, mimeType: offer.mimeType };
  return createFileLink(deps.store, deps.publicUrl, file, { userId, language, now: deps.now });
}

/** Uploads into the person's OneDrive and posts the file card; false when that did not work. */
async function uploadAndShare(context: TurnContext, offer: FileOffer, upload: NonNullable<ConsentValue['uploadInfo']>, userId: string, deps: FileDeps): Promise<boolean> {
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
    return true;
  } catch (err) {
    deps.logger.error({ userId, err: (err as Error).message }, 'teams: file upload failed');
    return false;
  }
}

/** Removes offers nobody answered within their lifetime; returns how many. */
export async function pruneFileOffers(store: Store, now: Date): Promise<number> {
  let removed = 0;
  for (const id of await store.ids(FILE_OFFERS)) {
    const offer = await store.get<FileOffer>(FILE_OFFERS, id).catch(() => undefined);
    if (!offer || now.getTime() - Date.parse(offer.offeredAt) > OFFER_LIFETIME_MS) {
      await store.delete(FILE_OFFERS, id);
      removed++;
    }
  }
  return removed;
}
