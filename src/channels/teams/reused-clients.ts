/**
 * botbuilder's CloudAdapter builds two new HTTP clients for every activity it takes in: a
 * ConnectorClient to answer through the Bot Connector and a TokenApiClient for sign-ins, each
 * with its own request pipeline. Building them was about a tenth of the CPU an activity costs.
 * They keep no state between requests (their credentials fetch and renew their own tokens), so
 * the Teams channel keeps them, one per bot app id, service URL and audience, as one keeps any
 * HTTP client. A client that could not be made is not kept.
 */
import {
  AuthenticationConstants,
  ConnectorFactory,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** Teams uses a handful of service URLs; the bound only matters for a misbehaving caller. */
const MAX_CLIENTS = 200;

/** A bounded map of promised clients: the oldest goes first, a failed one is forgotten. */
export class ClientPool<T> {
  private readonly clients = new Map<string, Promise<T>>();

  constructor(private readonly limit = MAX_CLIENTS) {}

  get(key: string, create: () => Promise<T>): Promise<T> {
    let client = this.clients.get(key);
    if (!client) {
      client = create();
      this.clients.set(key, client);
      if (this.clients.size > this.limit) this.clients.delete(this.clients.keys().next().value as string);
      client.catch(() => {
        if (this.clients.get(key) === client) this.clients.delete(key);
      });
    }
    return client;
  }

  get size(): number {
    return this.clients.size;
  }
}

/** The bot app id a request was for, as botbuilder reads it (audience, else the appid claim). */
export function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/** A ConnectorFactory that hands out the pooled client for the same app, service URL and audience. */
export class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly pool: ClientPool<ConnectorClient>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.pool.get(`${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

/** The pools one adapter keeps. */
export class ReusedClients {
  readonly connectors = new ClientPool<ConnectorClient>();
  readonly userTokens = new ClientPool<UserTokenClient>();

  connectorFactory(inner: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(inner, appIdOf(claimsIdentity), this.connectors);
  }

  userTokenClient(claimsIdentity: ClaimsIdentity, create: () => Promise<UserTokenClient>): Promise<UserTokenClient> {
    return this.userTokens.get(appIdOf(claimsIdentity), create);
  }
}
