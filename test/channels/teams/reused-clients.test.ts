import { describe, expect, test } from '@jest/globals';
import type { CloudAdapter, Request as BotRequest, Response as BotResponse, TurnContext } from 'botbuilder';
import { ClaimsIdentity } from 'botframework-connector';
import { appIdOf, ClientPool } from '../../../src/channels/teams/reused-clients.js';
import { createTeamsAdapter } from '../../../src/channels/teams/teams-adapter.js';
import { parseTeamsSettings } from '../../../src/channels/teams/teams-settings.js';
import { fixture, memoryLogger } from './teams-test-kit.js';

/** Runs one activity through the adapter and returns the clients the turn was given. */
async function clientsOfTurn(adapter: CloudAdapter, activity: Record<string, unknown>) {
  let seen: { connector: unknown; userToken: unknown } | undefined;
  const request: BotRequest = { method: 'POST', headers: {}, body: activity };
  const response = { socket: undefined, status: () => undefined, header: () => undefined, send: () => undefined, end: () => undefined } as unknown as BotResponse;
  await adapter.process(request, response, async (context: TurnContext) => {
    seen = { connector: context.turnState.get(adapter.ConnectorClientKey), userToken: context.turnState.get(adapter.UserTokenClientKey) };
  });
  return seen!;
}

describe('the Teams adapter keeps its Bot Connector clients', () => {
  const adapter = createTeamsAdapter(parseTeamsSettings({ PORT: '0' }), memoryLogger());

  test('activities from the same service URL are answered through one client, not a new one each time', async () => {
    const first = await clientsOfTurn(adapter, fixture('personal-message'));
    const second = await clientsOfTurn(adapter, { ...fixture('card-submit'), id: 'another-activity' });
    expect(first.connector).toBeDefined();
    expect(second.connector).toBe(first.connector);
    expect(second.userToken).toBe(first.userToken);
  });

  test('another service URL (another region) gets its own client', async () => {
    const amer = await clientsOfTurn(adapter, fixture('personal-message'));
    const emea = await clientsOfTurn(adapter, { ...fixture('personal-message'), serviceUrl: 'https://smba.example.test/emea/' });
    expect(emea.connector).not.toBe(amer.connector);
    expect((emea.connector as { baseUri?: string }).baseUri).toBe('https://smba.example.test/emea/');
  });
});

describe('a pool of clients', () => {
  test('hands out the same client for the same key and makes it once', async () => {
    const pool = new ClientPool<object>();
    let made = 0;
    const make = async () => ({ n: ++made });
    const a = await pool.get('k', make);
    expect(await pool.get('k', make)).toBe(a);
    expect(made).toBe(1);
  });

  test('forgets a client that could not be made, so the next activity tries again', async () => {
    const pool = new ClientPool<string>();
    await expect(pool.get('k', async () => Promise.reject(new Error('no credentials')))).rejects.toThrow('no credentials');
    await Promise.resolve();
    expect(await pool.get('k', async () => 'made')).toBe('made');
  });

  test('keeps at most its limit, dropping the oldest', async () => {
    const pool = new ClientPool<string>(2);
    for (const key of ['a', 'b', 'c']) await pool.get(key, async () => key);
    expect(pool.size).toBe(2);
    let remade = false;
    await pool.get('a', async () => ((remade = true), 'a again'));
    expect(remade).toBe(true);
  });

  test('keys clients by the bot app id a request was for', () => {
    expect(appIdOf(new ClaimsIdentity([{ type: 'aud', value: 'bot-app-id' }]))).toBe('bot-app-id');
    expect(appIdOf(new ClaimsIdentity([{ type: 'appid', value: 'emulator-app-id' }]))).toBe('emulator-app-id');
    expect(appIdOf(new ClaimsIdentity([]))).toBe('');
  });
});
