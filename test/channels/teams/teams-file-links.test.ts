/**
 * When a file cannot reach the person through OneDrive (many school accounts have none; the offer
 * was declined; the upload failed), it comes as a download link: unguessable, good once, for a day.
 * File offers end after a day too.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { FILE_LINKS } from '../../../src/channels/teams/file-links.js';
import { FILE_OFFERS } from '../../../src/channels/teams/file-offers.js';
import { fixture, post, recordConnector, request, ScriptedHandler, startTeams, type ConnectorCall, type Running, onlyLoopback } from './teams-test-kit.js';

const dir = mkdtempSync(path.join(tmpdir(), 'teams-links-'));
const csv = path.join(dir, 'plan.csv');
const CSV = 'grade,english\n9th,English 9\n';
writeFileSync(csv, CSV);
const PUBLIC = 'https://waypoint.example.test';
const LINK = /https:\/\/waypoint\.example\.test\/files\/([A-Za-z0-9_-]{43})/;
const HOUR = 60 * 60 * 1000;

function consentInvoke(token: string, action: 'accept' | 'decline') {
  return {
    ...fixture('personal-message'),
    type: 'invoke',
    id: `invoke-${action}`,
    name: 'fileConsent/invoke',
    text: undefined,
    value: {
      type: 'fileUpload',
      action,
      context: { token },
      uploadInfo: { contentUrl: 'https://contoso.example.test/personal/plan.csv', name: 'plan.csv', uploadUrl: 'https://upload.example.test/session/abc', uniqueId: 'f1', fileType: 'csv' },
    },
  };
}

describe('Teams files when OneDrive is not an option', () => {
  let run: Running;
  let calls: ConnectorCall[];
  let clock: number;
  onlyLoopback();

  async function start(env: Record<string, string>) {
    run = await startTeams(
      new ScriptedHandler(() => [{ kind: 'file', path: csv, filename: 'plan.csv', mimeType: 'text/csv', text: 'Your plan as a spreadsheet.' }]),
      env,
      undefined,
      () => new Date(clock),
    );
  }
  /** The link's path on the test server (the public address points at the same routes). */
  const local = (url: string) => run.url.replace('/api/messages', new URL(url).pathname);
  const offerToken = () => calls[0]!.body.attachments[0].content.acceptContext.token as string;

  beforeEach(() => {
    calls = recordConnector();
    clock = Date.parse('2025-09-15T14:00:00Z');
  });
  afterEach(async () => {
    await run.server.stop();
    nock.cleanAll();
  });

  test('declining the OneDrive offer brings a download link instead', async () => {
    await start({ WAYPOINT_PUBLIC_URL: PUBLIC });
    await post(run.url, fixture('personal-message'));
    expect((await post(run.url, consentInvoke(offerToken(), 'decline'))).status).toBe(200);
    expect(calls[1]!.body.text).toMatch(/^OK, I did not put plan\.csv in your OneDrive\. If you still want it, download it here\. The link works once, for 24 hours: https:/);
    expect(calls[1]!.body.text).toMatch(LINK);
    expect(await run.store.ids(FILE_OFFERS)).toEqual([]);
  });

  test('an upload OneDrive refuses (a school account without OneDrive) brings a download link', async () => {
    await start({ WAYPOINT_PUBLIC_URL: PUBLIC });
    await post(run.url, fixture('personal-message'));
    nock('https://upload.example.test').put('/session/abc').reply(403, {});
    await post(run.url, consentInvoke(offerToken(), 'accept'));
    expect(calls[1]!.body.text).toMatch(/^I could not put plan\.csv in your OneDrive\. You can download it here instead/);
    expect(calls[1]!.body.text).toMatch(LINK);
  });

  test('an offer accepted more than a day later is closed with a kind answer, and nothing is uploaded', async () => {
    await start({});
    await post(run.url, fixture('personal-message'));
    const upload = nock('https://upload.example.test').put('/session/abc').reply(201, {});
    clock += 25 * HOUR;
    expect((await post(run.url, consentInvoke(offerToken(), 'accept'))).status).toBe(200);
    expect(calls[1]!.body.text).toBe("That file offer is more than a day old, so I closed it. Ask me for the file again and I'll send a fresh one.");
    expect(upload.isDone()).toBe(false);
    expect(await run.store.ids(FILE_OFFERS)).toEqual([]);
  });

  test('with TEAMS_FILE_DELIVERY=link the file comes as a link; opening it uses nothing up; the download works once', async () => {
    await start({ WAYPOINT_PUBLIC_URL: PUBLIC, TEAMS_FILE_DELIVERY: 'link' });
    await post(run.url, fixture('personal-message'));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body.attachments).toBeUndefined();
    expect(calls[0]!.body.text).toMatch(/^Your plan as a spreadsheet\.\nDownload plan\.csv here\. The link works once, for 24 hours: https:/);
    const url = calls[0]!.body.text.match(LINK)![0];

    for (let i = 0; i < 2; i++) {
      const page = await request(local(url));
      expect(page.status).toBe(200);
      expect(page.text).toContain('<button type="submit">Download plan.csv</button>');
      expect(page.headers['cache-control']).toBe('no-store');
    }
    const file = await request(local(url), 'POST');
    expect(file.status).toBe(200);
    expect(file.text).toBe(CSV);
    expect(file.headers['content-disposition']).toContain('attachment; filename="plan.csv"');
    expect(file.headers['content-type']).toBe('text/csv');
    const again = await request(local(url), 'POST');
    expect(again.status).toBe(410);
    expect(again.text).toContain('already used or is more than a day old');
    expect(again.text).not.toContain('grade,english');
  });

  test('a link cannot be guessed or rebuilt from the store, and ends after a day', async () => {
    await start({ WAYPOINT_PUBLIC_URL: PUBLIC, TEAMS_FILE_DELIVERY: 'link' });
    await post(run.url, fixture('personal-message'));
    const [url, token] = calls[0]!.body.text.match(LINK)!;
    const stored = await run.store.ids(FILE_LINKS);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await run.store.get(FILE_LINKS, stored[0]!))).not.toContain(token!);
    const guess = `${token!.slice(0, -1)}${token!.endsWith('A') ? 'B' : 'A'}`;
    expect((await request(local(url.replace(token!, guess)))).status).toBe(410);
    expect((await request(run.url.replace('/api/messages', '/files/..%2F..%2Fetc%2Fpasswd'))).status).toBe(410);
    clock += 25 * HOUR;
    expect((await request(local(url))).status).toBe(410);
    expect((await request(local(url), 'POST')).status).toBe(410);
    expect(await run.store.ids(FILE_LINKS)).toEqual([]);
  });
});
