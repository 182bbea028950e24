/**
 * The botbuilder 4.23 CloudAdapter, set up from TeamsSettings with
 * ConfigurationBotFrameworkAuthentication. With no app id the adapter accepts unauthenticated
 * requests (what the Bot Framework Emulator sends); with one, a request without a valid token is
 * refused with 401 before any bot code runs.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import {
  AuthenticationError,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import { TOKEN_ERRORS } from './check-request.js';
import { ReusedClients } from './reused-clients.js';
import { isAuthenticated, type TeamsSettings } from './teams-settings.js';
import type { TeamsLogger } from './teams-logger.js';
import { RetryLater } from './turn-outcome.js';
import { DEFAULT_LANGUAGE, type Language } from '../../i18n/language.js';
import { tIn } from '../../i18n/t.js';

/**
 * ConfigurationBotFrameworkAuthentication with two changes:
 * - botbuilder lets some token failures (a bad signature, a malformed token) through as plain
 *   errors, which CloudAdapter answers with 500. They are the caller's fault, so they become 401
 *   here; a failure to reach the Bot Framework's signing keys stays a 500 (the Bot Connector
 *   retries those).
 * - The Bot Connector and token clients are kept and reused (see reused-clients.ts).
 */
class TeamsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new ReusedClients();

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      if (!(err instanceof AuthenticationError) && TOKEN_ERRORS.has((err as Error)?.name)) {
        throw new AuthenticationError(`Unauthorized: ${(err as Error).message}`, 401);
      }
      throw err;
    }
    const { connectorFactory } = result;
    return connectorFactory ? { ...result, connectorFactory: this.clients.connectorFactory(connectorFactory, result.claimsIdentity) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.clients.connectorFactory(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.clients.userTokenClient(claimsIdentity, () => super.createUserTokenClient(claimsIdentity));
  }
}

/** How the adapter checks requests and reaches the Bot Connector: with the app id when there is one. */
export function createBotAuthentication(settings: TeamsSettings): ConfigurationBotFrameworkAuthentication {
  if (!isAuthenticated(settings)) return new TeamsAuthentication({});
  const credentials = {
    MicrosoftAppId: settings.MicrosoftAppId,
    MicrosoftAppPassword: settings.MicrosoftAppPassword,
    MicrosoftAppType: settings.MicrosoftAppType,
    MicrosoftAppTenantId: settings.MicrosoftAppTenantId,
  };
  return new TeamsAuthentication(credentials, new ConfigurationServiceClientCredentialFactory(credentials));
}

/**
 * CloudAdapter, answering an activity whose request the server has already checked
 * (check-request.ts) with that check's result: CloudAdapter.process would check it a second time.
 */
export class TeamsAdapter extends CloudAdapter {
  processChecked(checked: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(checked, activity, logic);
  }
}

/** How many failed activities are remembered, so each gets one apology however often it is retried. */
const APOLOGIES_KEPT = 1000;

export function createTeamsAdapter(
  settings: TeamsSettings,
  logger: TeamsLogger,
  authentication: ConfigurationBotFrameworkAuthentication = createBotAuthentication(settings),
  languageOf: (activity: Partial<Activity>) => Promise<Language> = async () => DEFAULT_LANGUAGE,
): TeamsAdapter {
  const adapter = new TeamsAdapter(authentication);
  const apologized = new Set<string>();
  adapter.onTurnError = async (context, error) => {
    const a = context.activity;
    logger.error(
      { userId: a.from?.aadObjectId ?? a.from?.id, conversationId: a.conversation?.id, activityId: a.id, err: error.name },
      'teams: turn failed',
    );
    // A copy waiting on a first copy that failed: that one already apologized.
    if (a.type !== 'message' || error instanceof RetryLater) return;
    // The Bot Connector sends the activity again (the answer is an error): one apology, not one per retry.
    const key = `${a.conversation?.id}|${a.id}`;
    if (apologized.has(key)) return;
    apologized.add(key);
    if (apologized.size > APOLOGIES_KEPT) apologized.delete(apologized.values().next().value as string);
    const language = await languageOf(a).catch(() => DEFAULT_LANGUAGE);
    await context.sendActivity({ type: 'message', text: tIn(language)('teams.sorry'), textFormat: 'plain' }).catch(() => undefined);
  };
  return adapter;
}
