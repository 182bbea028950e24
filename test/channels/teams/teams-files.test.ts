import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { FILE_OFFERS } from '../../../src/channels/teams/file-offers.js';
import { cardOf, fixture, post, recordConnector, ScriptedHandler, startTeams, type ConnectorCall, type Running, onlyLoopback } from './teams-test-kit.js';

const dir = mkdtempSync(path.join(tmpdir(), 'teams-files-'));
const csv = path.join(dir, 'plan.csv');
writeFileSync(csv, 'grade,english\n9th,English 9\n');

function consentInvoke(token: string, action: 'accept' | 'decline') {
  const base = fixture('personal-message');
  return {
    ...base,
    type: 'invoke',
    id: `invoke-${action}`,
    name: 'fileConsent/invoke',
    text: undefined,
    replyToId: 'sent-1',
    value: {
      type: 'fileUpload',
      action,
      context: { token },
      uploadInfo: {
        contentUrl: 'https://contoso.example.test/personal/plan.csv',
        name: 'plan.csv',
        uploadUrl: 'https://upload.example.test/session/abc',
        uniqueId: 'file-1',
        fileType: 'csv',
      },
    },
  };
}

describe('Teams files', () => {
  let run: Running;
  let calls: ConnectorCall[];
  onlyLoopback();
  beforeEach(async () => {
    calls = recordConnector();
    run = await startTeams(
      new ScriptedHandler(() => [{ kind: 'file', path: csv, filename: 'plan.csv', mimeType: 'text/csv', text: 'Your plan as a spreadsheet.' }]),
    );
  });
  afterEach(async () => {
    await run.server.stop();
    nock.cleanAll();
  });

  test('in Teams a file is offered, uploaded after the person allows it, then shown as a file card', async () => {
    await post(run.url, fixture('personal-message'));
    expect(calls).toHaveLength(1);
    const consent = calls[0].body.attachments[0];
    expect(consent).toMatchObject({
      contentType: 'application/vnd.microsoft.teams.card.file.consent',
      name: 'plan.csv',
      content: { description: 'Your plan as a spreadsheet.', sizeInBytes: 28 },
    });
    const token = consent.content.acceptContext.token as string;
    expect(await run.store.ids(FILE_OFFERS)).toEqual([token]);

    let uploaded = '';
    let range = '';
    nock('https://upload.example.test')
      .put('/session/abc')
      .reply(async (req: Request) => {
        uploaded = await req.text();
        range = req.headers.get('content-range') ?? '';
        return [201, {}];
      });
    const res = await post(run.url, consentInvoke(token, 'accept'));
    expect(res.status).toBe(200);
    expect(uploaded).toBe('grade,english\n9th,English 9\n');
    expect(range).toBe('bytes 0-27/28');
    expect(calls[1].body.attachments[0]).toEqual({
      contentType: 'application/vnd.microsoft.teams.card.file.info',
      contentUrl: 'https://contoso.example.test/personal/plan.csv',
      name: 'plan.csv',
      content: { uniqueId: 'file-1', fileType: 'csv' },
    });
    expect(await run.store.ids(FILE_OFFERS)).toEqual([]);
    expect(run.handler.turns).toHaveLength(1);
  });

  test('declining the offer uploads nothing and says so', async () => {
    await post(run.url, fixture('personal-message'));
    const token = calls[0].body.attachments[0].content.acceptContext.token as string;
    await post(run.url, consentInvoke(token, 'decline'));
    expect(calls[1].body.text).toBe('OK, I did not send plan.csv.');
    expect(await run.store.ids(FILE_OFFERS)).toEqual([]);
  });

  test('in the Bot Framework Emulator a small file goes inline with its description', async () => {
    const emulator = fixture('personal-message');
    emulator.channelId = 'emulator';
    await post(run.url, emulator);
    expect(calls[0].body).toMatchObject({
      text: 'Your plan as a spreadsheet.',
      attachments: [{ contentType: 'text/csv', name: 'plan.csv', contentUrl: `data:text/csv;base64,${Buffer.from('grade,english\n9th,English 9\n').toString('base64')}` }],
    });
    expect(cardOf(calls[0])).toBeUndefined();
  });
});
