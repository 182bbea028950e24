import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { CONVERSATION_REFS } from '../../../src/channels/teams/conversation-refs.js';
import { fixture, post, recordConnector, ScriptedHandler, startTeams, type ConnectorCall, type Running, onlyLoopback } from './teams-test-kit.js';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const APP = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret', MicrosoftAppType: 'MultiTenant' };
const CHAT = 'a:1personal-chat-id';
const SERVICE_URL = 'https://smba.example.test/amer/';

const b64url = (value: object | Buffer) => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

/** A Bot Framework channel token, RS256-signed the way the Bot Connector signs what it sends a bot. */
function channelToken(key: KeyObject, kid: string, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: SERVICE_URL, nbf: now - 60, exp: now + 3600, ...claims };
  const unsigned = `${b64url({ alg: 'RS256', typ: 'JWT', kid })}.${b64url(payload)}`;
  return `${unsigned}.${b64url(createSign('RSA-SHA256').update(unsigned).sign(key))}`;
}

const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KID = 'waypoint-test-key';

describe('Teams channel with an app id and a signed Bot Framework token', () => {
  let run: Running;
  let calls: ConnectorCall[];
  let tokenRequests: string[];
  let consoleError: ReturnType<typeof jest.spyOn>;

  onlyLoopback();

  beforeEach(async () => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    // The Bot Framework's published signing keys (OpenID metadata, then the key set).
    nock('https://login.botframework.com')
      .persist()
      .get('/v1/.well-known/openidconfiguration')
      .reply(200, { issuer: 'https://api.botframework.com', jwks_uri: 'https://login.botframework.com/v1/.well-known/keys' })
      .get('/v1/.well-known/keys')
      .reply(200, { keys: [{ ...published.publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig', endorsements: ['msteams'] }] });
    // The bot's own token for its replies, from the Microsoft login endpoint.
    tokenRequests = [];
    nock('https://login.microsoftonline.com')
      .persist()
      .get(/.*/)
      .reply(404, {})
      .post(/.*/)
      .reply(async (req: Request) => {
        tokenRequests.push(`${new URL(req.url).pathname} ${await req.text()}`);
        return [200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'token-for-replies' }];
      });
    calls = recordConnector();
    run = await startTeams(new ScriptedHandler(() => [{ kind: 'text', text: 'Hi! Ready for some quick questions?' }]), APP);
  });
  afterEach(async () => {
    await run.server.stop();
    consoleError.mockRestore();
    nock.cleanAll();
  });

  const withToken = (token: string) => ({ authorization: `Bearer ${token}` });

  test('a message with a valid token is answered, and the reply carries the bot its own token', async () => {
    const res = await post(run.url, fixture('personal-message'), withToken(channelToken(published.privateKey, KID)));
    expect(res.status).toBe(200);
    expect(run.handler.turns.map((t) => t.messageId)).toEqual(['1712345678901']);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.path).toBe(`/amer/v3/conversations/${CHAT}/activities/1712345678901`);
    expect(calls[0]!.body).toMatchObject({ type: 'message', text: 'Hi! Ready for some quick questions?', textFormat: 'plain', replyToId: '1712345678901' });
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]).toMatch(/^\/botframework\.com\/oauth2\/v2\.0\/token /);
    expect(decodeURIComponent(tokenRequests[0]!)).toContain(`client_id=${APP_ID}`);
    expect(decodeURIComponent(tokenRequests[0]!)).toContain('scope=https://api.botframework.com/.default');
    expect(calls[0]!.authorization).toBe('Bearer token-for-replies');
  });

  test('later messages are answered through the same client, and each still needs a valid token of its own', async () => {
    const first = await post(run.url, fixture('personal-message'), withToken(channelToken(published.privateKey, KID)));
    const second = await post(run.url, { ...fixture('personal-message'), id: 'second-message' }, withToken(channelToken(published.privateKey, KID)));
    const forged = await post(run.url, { ...fixture('personal-message'), id: 'forged-message' }, withToken(channelToken(stranger.privateKey, KID)));
    expect([first.status, second.status, forged.status]).toEqual([200, 200, 401]);
    expect(run.handler.turns.map((t) => t.messageId)).toEqual(['1712345678901', 'second-message']);
    expect(calls.map((c) => c.authorization)).toEqual(['Bearer token-for-replies', 'Bearer token-for-replies']);
  });

  const refused: Array<[string, () => string]> = [
    ['a token for another bot', () => channelToken(published.privateKey, KID, { aud: '99999999-2222-4333-8444-555555555555' })],
    ['a token signed with a key the Bot Framework did not publish', () => channelToken(stranger.privateKey, KID)],
    ['an expired token', () => channelToken(published.privateKey, KID, { nbf: 1_600_000_000, exp: 1_600_003_600 })],
    ['a token issued for another service address', () => channelToken(published.privateKey, KID, { serviceurl: 'https://attacker.example.test/' })],
  ];
  test.each(refused)('%s gets 401 and changes nothing', async (_what, token) => {
    const res = await post(run.url, fixture('personal-message'), withToken(token()));
    expect(res.status).toBe(401);
    expect(run.handler.turns).toHaveLength(0);
    expect(calls).toHaveLength(0);
    expect(tokenRequests).toHaveLength(0);
    expect(await run.store.ids(CONVERSATION_REFS)).toEqual([]);
  });
});
