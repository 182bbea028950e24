/**
 * The botbuilder 4.23 CloudAdapter, set up from TeamsSettings with
 * ConfigurationBotFrameworkAuthentication. With no app id the adapter accepts unauthenticated
 * requests (what the Bot Framework Emulator sends); with one, a request without a valid token is
 * refused with 401 before any bot code runs.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { isAuthenticated, type TeamsSettings } from './teams-settings.js';
import type { TeamsLogger } from './teams-logger.js';

export const SORRY = "Sorry, something went wrong on my side. Please try that again in a minute.";

export function createTeamsAdapter(settings: TeamsSettings, logger: TeamsLogger): CloudAdapter {
  const credentials = {
    MicrosoftAppId: settings.MicrosoftAppId,
    MicrosoftAppPassword: settings.MicrosoftAppPassword,
    MicrosoftAppType: settings.MicrosoftAppType,
    MicrosoftAppTenantId: settings.MicrosoftAppTenantId,
  };
  const auth = isAuthenticated(settings)
    ? new ConfigurationBotFrameworkAuthentication(credentials, new ConfigurationServiceClientCredentialFactory(credentials))
    : new ConfigurationBotFrameworkAuthentication({});
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    const a = context.activity;
    logger.error(
      { userId: a.from?.aadObjectId ?? a.from?.id, conversationId: a.conversation?.id, activityId: a.id, err: error.name },
      'teams: turn failed',
    );
    if (a.type === 'message') {
      await context.sendActivity({ type: 'message', text: SORRY, textFormat: 'plain' }).catch(() => undefined);
    }
  };
  return adapter;
}
