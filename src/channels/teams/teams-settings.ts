import { z } from 'zod';

/**
 * The Teams channel's settings, read from an environment object (process.env in production). The
 * names are the ones botbuilder's ConfigurationBotFrameworkAuthentication reads. Errors name the
 * variable and never print a value, so a secret cannot leak into a log.
 */
export const TEAMS_APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type TeamsAppType = (typeof TEAMS_APP_TYPES)[number];
/** How files reach people: a OneDrive file-consent card (with a download link when that fails), or a download link only. */
export const FILE_DELIVERIES = ['consent', 'link'] as const;
export type FileDelivery = (typeof FILE_DELIVERIES)[number];

export interface TeamsSettings {
  /** Empty string: no app id, the server runs unauthenticated for the Bot Framework Emulator. */
  MicrosoftAppId: string;
  MicrosoftAppPassword: string;
  MicrosoftAppType: TeamsAppType;
  MicrosoftAppTenantId: string;
  PORT: number;
  /**
   * The address people reach this server at ("https://waypoint.example.org"), for download links.
   * Empty: no links (a file that cannot go through OneDrive is described in words).
   */
  WAYPOINT_PUBLIC_URL: string;
  /** "link" for tenants without OneDrive (many school accounts): every file as a download link. */
  TEAMS_FILE_DELIVERY: FileDelivery;
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
    WAYPOINT_PUBLIC_URL: z.preprocess(
      blankToUndefined,
      z.string().trim().url().refine((u) => /^https?:\/\//i.test(u), 'must be a web address starting with https://').optional(),
    ),
    TEAMS_FILE_DELIVERY: z.preprocess(blankToUndefined, z.enum(FILE_DELIVERIES).default('consent')),
  })
  .superRefine((env, ctx) => {
    if (env.TEAMS_FILE_DELIVERY === 'link' && !env.WAYPOINT_PUBLIC_URL) {
      ctx.addIssue({ code: 'custom', path: ['WAYPOINT_PUBLIC_URL'], message: 'is required when TEAMS_FILE_DELIVERY is link' });
    }
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
  if (issue.code === 'invalid_enum_value') return `${name} must be one of ${(name === 'TEAMS_FILE_DELIVERY' ? FILE_DELIVERIES : TEAMS_APP_TYPES).join(', ')}`;
  if (name === 'WAYPOINT_PUBLIC_URL' && issue.code !== 'custom') return `${name} must be a web address starting with https://`;
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
    WAYPOINT_PUBLIC_URL: s.WAYPOINT_PUBLIC_URL ?? '',
    TEAMS_FILE_DELIVERY: s.TEAMS_FILE_DELIVERY,
  };
}

/** True when requests are checked: an app id is configured. */
export const isAuthenticated = (s: TeamsSettings): boolean => s.MicrosoftAppId !== '';
