import nock from 'nock';
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { CONVERSATION_REFS } from '../../../src/channels/teams/conversation-refs.js';
import { fixture, post, recordConnector, ScriptedHandler, startTeams, type ConnectorCall, type Running, onlyLoopback } from './teams-test-kit.js';

const APP = {
  MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppType: 'MultiTenant',
};

describe('Teams channel with an app id configured', () => {
  let run: Running;
  let calls: ConnectorCall[];
  let tokenRequests: number;
  let consoleError: ReturnType<typeof jest.spyOn>;

  onlyLoopback();

  beforeEach(async () => {
    // botbuilder prints rejected requests with console.error; keep the test output readable.
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    calls = recordConnector();
    tokenRequests = 0;
    nock('https://login.microsoftonline.com')
      .persist()
      .post(/.*/)
      .reply(() => {
        tokenRequests += 1;
        return [200, { token_type: 'Bearer', expires_in: 3600, access_token: 'fake-token' }];
      });
    nock('https://login.botframework.com').persist().get(/.*/).reply(500);
    run = await startTeams(new ScriptedHandler(() => [{ kind: 'text', text: 'should never be sent' }]), APP);
  });
  afterEach(async () => {
    await run.server.stop();
    consoleError.mockRestore();
    nock.cleanAll();
  });

  test('a request without a token gets 401 and changes nothing', async () => {
    const res = await post(run.url, fixture('personal-message'));
    expect(res.status).toBe(401);
    expect(run.handler.turns).toHaveLength(0);
    expect(calls).toHaveLength(0);
    expect(tokenRequests).toBe(0);
    expect(await run.store.ids(CONVERSATION_REFS)).toEqual([]);
  });

  test('a request with a made-up token gets 401 and changes nothing', async () => {
    const res = await post(run.url, fixture('card-submit'), { authorization: 'Bearer not.a.token' });
    expect(res.status).toBe(401);
    expect(run.handler.turns).toHaveLength(0);
    expect(calls).toHaveLength(0);
    expect(await run.store.ids(CONVERSATION_REFS)).toEqual([]);
  });

  test('the log says requests must carry a token, and never shows the password', () => {
    const logged = JSON.stringify(run.logger.lines);
    expect(logged).toContain('must carry a Bot Framework token');
    expect(logged).not.toContain(APP.MicrosoftAppPassword);
  });
});

describe('Teams channel when the Bot Framework signing keys cannot be fetched', () => {
  let run: Running;
  let consoleError: ReturnType<typeof jest.spyOn>;

  onlyLoopback();

  beforeEach(async () => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    recordConnector();
    nock('https://login.botframework.com').persist().get(/.*/).reply(500, 'internal key service trace: do not show');
    run = await startTeams(new ScriptedHandler(() => [{ kind: 'text', text: 'should never be sent' }]), APP);
  });
  afterEach(async () => {
    await run.server.stop();
    consoleError.mockRestore();
    nock.cleanAll();
  });

  test('a well-formed token gets a short "try again" answer with no internal text, and one JSON log line', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const token = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${b64({ iss: 'https://api.botframework.com', aud: APP.MicrosoftAppId, nbf: now - 60, exp: now + 3600 })}.c2lnbmF0dXJl`;
    const res = await post(run.url, fixture('personal-message'), { authorization: `Bearer ${token}` });
    expect([401, 503]).toContain(res.status);
    expect(res.text).toMatch(/^(Unauthorized|Try again later)$/);
    expect(run.handler.turns).toHaveLength(0);
    // Never botbuilder's stack trace: the rejection is one line of our JSON log.
    expect(consoleError).not.toHaveBeenCalled();
    const rejected = run.logger.lines.filter((l) => JSON.stringify(l).includes('request rejected'));
    expect(rejected).toHaveLength(1);
  });

  test('a request without a token is rejected with one JSON log line and no stack trace', async () => {
    const res = await post(run.url, fixture('personal-message'));
    expect(res.status).toBe(401);
    expect(res.text).toBe("Unauthorized");
    expect(consoleError).not.toHaveBeenCalled();
    expect(run.logger.lines.filter((l) => JSON.stringify(l).includes('request rejected'))).toHaveLength(1);
  });
});
