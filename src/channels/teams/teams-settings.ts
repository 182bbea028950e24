import { z } from 'zod';

/**
 * The Teams channel's settings, read from an environment object (process.env in production). The
 * names are the ones botbuilder's ConfigurationBotFrameworkAuthentication reads. Errors name the
 * variable and never print a value, so a secret cannot leak into a log.
 */
export const TEAMS_APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type TeamsAppType = (typeof TEAMS_APP_TYPES)[number];

export interface TeamsSettings {
  /** Empty string: no app id, the server runs unauthenticated for the Bot Framework Emulator. */
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: TeamsAppType;
  MicrosoftAppTenantId: string;
  PORT: number;
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = z.preprocess(blankToUndefined, z.string().trim().optional());

const schema = z
  .object({
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: z.preprocess(blankToUndefined, z.string().optional()),
    MicrosoftAppType: z.preprocess(blankToUndefined, z.enum(TEAMS_APP_TYPES).default('MultiTenant')),
    MicrosoftAppTenantId: optionalText,
    PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  })
  .superRefine((env, ctx) => {
    if (!env.MicrosoftAppId) return;
    if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppType is SingleTenant' });
    }
    if (env.MicrosoftAppType === 'UserAssignedMSI' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppType is UserAssignedMSI' });
    }
    if (env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
  });

export class TeamsSettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams settings are not usable:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TeamsSettingsError';
  }
}

/** What each problem says: the variable name and what is wrong, never the value given. */
function describe(issue: z.ZodIssue): string {
  const name = String(issue.path[0] ?? 'environment');
  if (issue.code === 'invalid_enum_value') return `${name} must be one of ${TEAMS_APP_TYPES.join(', ')}`;
  if (name === 'PORT') return 'PORT must be a whole number from 0 to 65535';
  if (issue.code === 'custom') return `${name} ${issue.message}`;
  return `${name} is not valid (${issue.code})`;
}

export function parseTeamsSettings(env: Record<string, string | undefined>): TeamsSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new TeamsSettingsError(parsed.error.issues.map(describe));
  const s = parsed.data;
  return {
    MicrosoftAppId: s.MicrosoftAppId ?? '',
    MicrosoftAppPassword: s.MicrosoftAppPassword ?? '',
    MicrosoftAppType: s.MicrosoftAppType,
    MicrosoftAppTenantId: s.MicrosoftAppTenantId ?? '',
    PORT: s.PORT,
  };
}

/** True when requests are checked: an app id is configured. */
export const isAuthenticated = (s: TeamsSettings): boolean => s.MicrosoftAppId !== '';
