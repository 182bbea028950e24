import { describe, expect, test } from '@jest/globals';
import { parseTeamsSettings, TeamsSettingsError } from '../../../src/channels/teams/teams-settings.js';

describe('Teams settings', () => {
  test('no app id means local testing on port 3978, multi-tenant by default', () => {
    expect(parseTeamsSettings({})).toEqual({
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppTenantId: '',
      PORT: 3978,
      WAYPOINT_PUBLIC_URL: '',
      TEAMS_FILE_DELIVERY: 'consent',
    });
  });

  test('a single-tenant bot needs its tenant id, and the error names the variable', () => {
    expect(() => parseTeamsSettings({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant' })).toThrow(/MicrosoftAppTenantId is required/);
  });

  test('errors name variables and never print a secret', () => {
    try {
      parseTeamsSettings({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'hunter2-secret', MicrosoftAppType: 'Sometimes', PORT: 'eighty' });
      throw new Error('should have failed');
    } catch (err) {
      expect(err).toBeInstanceOf(TeamsSettingsError);
      const message = (err as Error).message;
      expect(message).toContain('MicrosoftAppType must be one of MultiTenant, SingleTenant, UserAssignedMSI');
      expect(message).toContain('PORT must be a whole number');
      expect(message).not.toContain('hunter2-secret');
      expect(message).not.toContain('Sometimes');
    }
  });

  test('an app id without a password is refused, except for a managed identity', () => {
    expect(() => parseTeamsSettings({ MicrosoftAppId: 'id' })).toThrow(/MicrosoftAppPassword is required/);
    expect(parseTeamsSettings({ MicrosoftAppId: 'id', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't', PORT: '8080' })).toMatchObject({ PORT: 8080 });
  });

  test('download links need the public address, which must be a web address', () => {
    expect(parseTeamsSettings({ WAYPOINT_PUBLIC_URL: 'https://waypoint.example.org', TEAMS_FILE_DELIVERY: 'link' })).toMatchObject({
      WAYPOINT_PUBLIC_URL: 'https://waypoint.example.org',
      TEAMS_FILE_DELIVERY: 'link',
    });
    expect(() => parseTeamsSettings({ TEAMS_FILE_DELIVERY: 'link' })).toThrow(/WAYPOINT_PUBLIC_URL is required when TEAMS_FILE_DELIVERY is link/);
    expect(() => parseTeamsSettings({ WAYPOINT_PUBLIC_URL: 'ftp://x.example' })).toThrow(/WAYPOINT_PUBLIC_URL must be a web address/);
    expect(() => parseTeamsSettings({ TEAMS_FILE_DELIVERY: 'email' })).toThrow(/TEAMS_FILE_DELIVERY must be one of consent, link/);
  });
});
