/**
 * A stand-in for the Bot Connector service, for the Teams crash test, run as a process of its own
 * (`node --import tsx bench/teams-connector-stub.ts`; it prints its port). It answers every call
 * with a resource id, as the real service does, and counts what the bot sent to each chat, reply
 * by reply (see replyKey), so a reply sent twice can be told from the same words said in two turns.
 * GET / answers the counts.
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface SentActivity {
  text?: string;
  attachments?: { contentType?: string; content?: unknown }[];
}

/** JSON with every object's keys in order, so the same reply reads the same before and after the wire. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * One reply in one chat: its words and cards. `updated` is the card id for a card replaced by
 * another (a press answered); absent for a new message.
 */
export function replyKey(conversationId: string, activity: SentActivity, updated?: string): string {
  const what = { text: activity.text ?? '', attachments: (activity.attachments ?? []).map((a) => ({ contentType: a.contentType, content: a.content })) };
  return `${conversationId}\n${updated ? `update ${updated}\n` : ''}${canonical(what)}`;
}

export interface ConnectorCounts {
  /** New messages (POST .../activities) and card updates (PUT .../activities/<id>). */
  posts: number;
  updates: number;
  /** How often each reply (replyKey) arrived. */
  byReply: Record<string, number>;
}

function serve(): void {
  const counts: ConnectorCounts = { posts: 0, updates: 0, byReply: {} };
  let calls = 0;
  const server = http.createServer((req, res) => {
    if (req.method === 'GET') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(counts));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls += 1;
      const match = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
      if (match) {
        let activity: SentActivity = {};
        try {
          activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentActivity;
        } catch {
          // Counted by its chat alone.
        }
        const conversation = decodeURIComponent(match[1]!);
        const update = req.method === 'PUT' ? decodeURIComponent(match[2] ?? '') : undefined;
        if (update) counts.updates += 1;
        else counts.posts += 1;
        const key = replyKey(conversation, activity, update);
        counts.byReply[key] = (counts.byReply[key] ?? 0) + 1;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `stub-${calls}` }));
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as { port: number }).port}\n`));
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) serve();
