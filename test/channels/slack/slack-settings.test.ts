import { parseSlackSettings } from '../../../src/channels/slack/slack-settings.js';

const BOT = 'xoxb-1111-2222-AbCdEfGhIjKl';
const SECRET = '8f14e45fceea167a5a36dedd4bea2543';

function failure(env: Record<string, string | undefined>): string {
  try {
    parseSlackSettings(env);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the settings to be refused');
}

describe('Slack settings from the environment', () => {
  it('HTTP mode: bot token and signing secret, port 3000 by default', () => {
    expect(parseSlackSettings({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET })).toEqual({
      botToken: BOT,
      signingSecret: SECRET,
      appToken: undefined,
      apiUrl: undefined,
      port: 3000,
      mode: 'http',
    });
  });

  it('Socket Mode when SLACK_APP_TOKEN is set; no signing secret needed', () => {
    const s = parseSlackSettings({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: 'xapp-1-A0123-456-abc', PORT: '8080' });
    expect(s.mode).toBe('socket');
    expect(s.port).toBe(8080);
  });

  it('SLACK_API_URL is kept as a base URL ending with a slash', () => {
    const s = parseSlackSettings({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'http://127.0.0.1:4000/api' });
    expect(s.apiUrl).toBe('http://127.0.0.1:4000/api/');
  });

  it('a missing bot token stops start-up with a message naming it', () => {
    expect(failure({ SLACK_SIGNING_SECRET: SECRET })).toMatch(/SLACK_BOT_TOKEN is required.*xoxb-/);
  });

  it('malformed values are named, with what is expected, and never repeated back', () => {
    const leaked = 'xoxp-personal-token-123';
    const msg = failure({ SLACK_BOT_TOKEN: leaked, SLACK_APP_TOKEN: 'wrong-abc', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: 'not a url', PORT: '99999' });
    expect(msg).toMatch(/SLACK_BOT_TOKEN must be a Bot User OAuth Token starting with "xoxb-"/);
    expect(msg).toMatch(/SLACK_APP_TOKEN must be an app-level token starting with "xapp-"/);
    expect(msg).toMatch(/SLACK_API_URL must be a full http\(s\) URL/);
    expect(msg).toMatch(/PORT must be a port number/);
    expect(msg).not.toContain(leaked);
    expect(msg).not.toContain('wrong-abc');
  });

  it('HTTP mode without a signing secret is refused, naming SLACK_SIGNING_SECRET', () => {
    expect(failure({ SLACK_BOT_TOKEN: BOT })).toMatch(/SLACK_SIGNING_SECRET is required in HTTP mode/);
    expect(failure({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: 'short!' })).toMatch(/SLACK_SIGNING_SECRET must be/);
  });

  it('blank optional variables count as unset', () => {
    expect(parseSlackSettings({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_APP_TOKEN: '', PORT: '' }).mode).toBe('http');
  });
});
