/**
 * The Teams server's download route for file links (see file-links.ts). Opening a link (GET) shows
 * a small page with one Download button and uses nothing up: link checkers and previews open links
 * before people do. Pressing the button (POST) sends the file and ends the link. An ended or unknown
 * link gets a short page saying to ask Waypoint again.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { localeLanguage } from '../../domain/language-choice.js';
import { DEFAULT_LANGUAGE, type Language } from '../../i18n/language.js';
import { tIn } from '../../i18n/t.js';
import type { Store } from '../../store/store.js';
import { FILES_PATH, findFileLink, takeFileLink } from './file-links.js';
import type { TeamsLogger } from './teams-logger.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
};

function page(res: ServerResponse, status: number, language: Language, inner: string): void {
  const title = escapeHtml(tIn(language)('teams.files.page.title'));
  res.writeHead(status, PAGE_HEADERS);
  res.end(
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<title>${title}</title><style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:36rem;line-height:1.5}button{font-size:1.1rem;padding:.6rem 1.2rem}</style></head>` +
      `<body><h1>${title}</h1>${inner}</body></html>`,
  );
}

/** The language of a page for a link that no longer says which: the browser's first choice. */
const browserLanguage = (req: IncomingMessage) => localeLanguage(String(req.headers['accept-language'] ?? '').split(',')[0]) ?? DEFAULT_LANGUAGE;

/** `filename="plan.csv"; filename*=UTF-8''plan.csv`: an ASCII name plus the exact one. */
function disposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function isFileLinkPath(path: string): boolean {
  return path.startsWith(FILES_PATH);
}

/** Serves one request under /files/. */
export function fileLinkRoute(store: Store, logger: TeamsLogger, now: () => Date = () => new Date()) {
  /** Tokens being sent right now: two presses at once get the file once. */
  const sending = new Set<string>();

  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const token = path.slice(FILES_PATH.length);
    const gone = (language: Language) => page(res, 410, language, `<p>${escapeHtml(tIn(language)('teams.files.page.gone'))}</p>`);
    if (req.method === 'GET' || req.method === 'HEAD') {
      const link = await findFileLink(store, token, now());
      if (!link) return gone(browserLanguage(req));
      const words = tIn(link.language);
      return page(
        res,
        200,
        link.language,
        `<form method="post"><button type="submit">${escapeHtml(words('teams.files.page.download', { filename: link.filename }))}</button></form><p>${escapeHtml(words('teams.files.page.once'))}</p>`,
      );
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'GET, POST' });
      return void res.end();
    }
    if (sending.has(token)) return gone(browserLanguage(req));
    sending.add(token);
    try {
      const link = await takeFileLink(store, token, now());
      if (!link) return gone(browserLanguage(req));
      const size = (await stat(link.path).catch(() => undefined))?.size;
      if (size === undefined) {
        logger.warn({ userId: link.userId }, 'teams: a linked file is no longer on disk');
        return gone(link.language);
      }
      logger.info({ userId: link.userId }, 'teams: a file was downloaded through its link');
      res.writeHead(200, {
        'Content-Type': link.mimeType,
        'Content-Length': String(size),
        'Content-Disposition': disposition(link.filename),
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      await new Promise<void>((resolve, reject) => {
        const stream = createReadStream(link.path);
        stream.on('error', reject);
        res.on('close', resolve);
        stream.pipe(res);
      });
    } finally {
      sending.delete(token);
    }
  };
}
