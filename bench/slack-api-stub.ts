/**
 * A stand-in for Slack's Web API, run in a process of its own (`node -e SLACK_API_STUB`): answers
 * every call, counts calls and chat.postMessage, counts each posted message's reply ref (metadata),
 * and keeps each post's channel, ts and metadata so conversations.history can answer whether a
 * reply cut off by a kill arrived (the outbox asks after a restart). It prints its port, and a GET
 * answers `{ posts, calls, refs }`. Used by the crash test and the replica tests.
 */
export const SLACK_API_STUB = `
const http = require('node:http');
let posts = 0, calls = 0;
const posted = [];
const refs = {};
function params(req, raw) {
  if (String(req.headers['content-type'] || '').includes('json')) { try { return JSON.parse(raw); } catch { return {}; } }
  return Object.fromEntries(new URLSearchParams(raw));
}
const server = http.createServer((req, res) => {
  if (req.method === 'GET') { res.end(JSON.stringify({ posts, calls, refs })); return; }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    calls += 1;
    const p = params(req, Buffer.concat(chunks).toString('utf8'));
    const ts = Math.floor(Date.now() / 1000) + '.' + String(calls).padStart(6, '0');
    let extra = {};
    if (req.url.includes('chat.postMessage')) {
      posts += 1;
      let metadata;
      try { metadata = typeof p.metadata === 'string' ? JSON.parse(p.metadata) : p.metadata; } catch {}
      const ref = (metadata && metadata.event_payload && metadata.event_payload.ref) || 'no-ref';
      refs[ref] = (refs[ref] || 0) + 1;
      posted.push({ channel: p.channel, ts, metadata });
    } else if (req.url.includes('conversations.history')) {
      const oldest = Number(p.oldest || 0);
      extra = { messages: posted.filter((m) => m.channel === p.channel && Number(m.ts) > oldest).reverse(), has_more: false };
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ ok: true, channel: p.channel || 'D0STUB', ts, user_id: 'U0WAYBOT', bot_id: 'B0WAYPOINT', user: { id: 'U', profile: {} }, ...extra }));
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;
