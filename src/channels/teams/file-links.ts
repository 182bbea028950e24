/**
 * Download links for exports, for when a file cannot reach the person through OneDrive (no
 * OneDrive, as on many school accounts; the offer declined; the upload failed). A link carries a
 * random 256-bit token, works once and ends after 24 hours. Only the token's SHA-256 is kept in
 * the Store (collection "teams-file-links"), so the Store alone cannot rebuild a link.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Language } from '../../i18n/language.js';
import type { Store } from '../../store/store.js';

export const FILE_LINKS = 'teams-file-links';
export const LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Where the Teams server serves links: `<public URL>/files/<token>`. */
export const FILES_PATH = '/files/';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface FileLink {
  path: string;
  filename: string;
  mimeType: string;
  userId: string;
  /** The language of the page the link opens. */
  language: Language;
  expiresAt: string;
}

export interface LinkFile {
  path: string;
  filename: string;
  mimeType: string;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** Makes a link to one file for one person; returns its URL under `publicUrl`. */
export async function createFileLink(store: Store, publicUrl: string, file: LinkFile, who: { userId: string; language: Language; now: Date }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const link: FileLink = { ...file, userId: who.userId, language: who.language, expiresAt: new Date(who.now.getTime() + LINK_LIFETIME_MS).toISOString() };
  await store.put(FILE_LINKS, digest(token), link);
  return `${publicUrl.replace(/\/+$/, '')}${FILES_PATH}${token}`;
}

/** The link a token names while it still works; an ended one is removed. */
export async function findFileLink(store: Store, token: string, now: Date): Promise<FileLink | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const link = await store.get<FileLink>(FILE_LINKS, digest(token));
  if (!link) return undefined;
  if (Date.parse(link.expiresAt) <= now.getTime()) {
    await store.delete(FILE_LINKS, digest(token));
    return undefined;
  }
  return link;
}

/** Uses a link up: returns it (once) and removes it. */
export async function takeFileLink(store: Store, token: string, now: Date): Promise<FileLink | undefined> {
  const link = await findFileLink(store, token, now);
  if (link) await store.delete(FILE_LINKS, digest(token));
  return link;
}

/** Removes links that have ended; returns how many. */
export async function pruneFileLinks(store: Store, now: Date): Promise<number> {
  let removed = 0;
  for (const id of await store.ids(FILE_LINKS)) {
    const link = await store.get<FileLink>(FILE_LINKS, id).catch(() => undefined);
    if (!link || Date.parse(link.expiresAt) <= now.getTime()) {
      await store.delete(FILE_LINKS, id);
      removed++;
    }
  }
  return removed;
}
