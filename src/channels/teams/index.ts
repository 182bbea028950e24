/** What the rest of Waypoint uses from the Teams channel (src/main.ts, the scheduler). */
export { parseTeamsSettings, TeamsSettingsError, isAuthenticated, type TeamsSettings } from './teams-settings.js';
export { createTeamsServer, type TeamsServer, type TeamsServerOptions } from './start-teams.js';
export { createTeamsAdapter } from './teams-adapter.js';
export { createTeamsSender, UnknownTeamsUserError, TeamsDeliveryError, type TeamsSenderOptions } from './teams-sender.js';
export type { TeamsLogger } from './teams-logger.js';
