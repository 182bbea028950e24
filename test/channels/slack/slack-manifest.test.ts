import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { WAYPOINT_EVENTS } from '../../../src/channels/slack/slack-listeners.js';
import { SLACK_EVENTS_PATH } from '../../../src/channels/slack/start-slack.js';

const file = path.join(process.cwd(), 'slack', 'manifest.yml');
const raw = readFileSync(file, 'utf8');
const manifest = parse(raw) as any;

describe('the Slack app manifest (slack/manifest.yml)', () => {
  it('asks for exactly the scopes the app uses', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ['app_mentions:read', 'chat:write', 'commands', 'files:write', 'im:history', 'im:write', 'users:read'].sort(),
    );
  });

  it('does not ask for im:read (nothing lists or reads DM conversations), and the docs do not either', () => {
    expect(manifest.oauth_config.scopes.bot).not.toContain('im:read');
    expect(readFileSync(path.join(process.cwd(), 'docs', 'slack.md'), 'utf8')).not.toContain('im:read');
  });

  it('subscribes to the events the app listens to, and the app listens to every one of them', () => {
    const events: string[] = manifest.settings.event_subscriptions.bot_events;
    expect([...events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    for (const e of events) expect(WAYPOINT_EVENTS.test(e.split('.')[0]!)).toBe(true);
  });

  it('has the /waypoint command with its subcommands, the Home and Messages tabs, a bot user and interactivity', () => {
    const [command] = manifest.features.slash_commands;
    expect(command.command).toBe('/waypoint');
    for (const sub of ['help', 'explore', 'plan', 'due', 'review']) expect(command.usage_hint).toContain(sub);
    expect(manifest.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.features.bot_user.display_name).toBe('Waypoint');
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('is set up for Socket Mode as it is, with the HTTP addresses ready to un-comment at /slack/events', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    const httpLines = raw.split('\n').filter((l) => /^\s*# (request_)?url: https:\/\/YOUR-PUBLIC-ADDRESS/.test(l));
    expect(httpLines).toHaveLength(3);
    for (const l of httpLines) expect(l.trim().endsWith(SLACK_EVENTS_PATH)).toBe(true);
  });
});
