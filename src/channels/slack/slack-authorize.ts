import type { Authorize, AuthorizeResult, webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;

export interface BotIdentity {
  botId: string;
  botUserId: string;
}

/**
 * Bolt's authorize for one workspace and one bot token: asks Slack who the bot is (`auth.test`)
 * once, on first use, and remembers it (Bolt's own single-token authorize would ask at
 * construction or on every event). A failed check is forgotten so the next event asks again.
 * With `identity` given, Slack is never asked.
 */
export function cachedBotAuthorize(
  client: () => WebClient,
  botToken: string,
  identity?: BotIdentity,
): Authorize<boolean> & { check(): Promise<BotIdentity> } {
  let pending: Promise<BotIdentity> | undefined = identity ? Promise.resolve(identity) : undefined;

  const check = (): Promise<BotIdentity> => {
    if (!pending) {
      const asked = client()
        .auth.test({ token: botToken })
        .then((r) => {
          if (!r.ok || !r.user_id) throw new Error(`Slack did not accept SLACK_BOT_TOKEN (${r.error ?? 'no bot user'})`);
          return { botId: r.bot_id ?? '', botUserId: r.user_id };
        });
      pending = asked;
      asked.catch(() => {
        if (pending === asked) pending = undefined;
      });
    }
    return pending;
  };

  const authorize = async (): Promise<AuthorizeResult> => {
    const who = await check();
    return { botToken, botId: who.botId, botUserId: who.botUserId };
  };
  return Object.assign(authorize, { check });
}
