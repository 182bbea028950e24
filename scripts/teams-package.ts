/**
 * Builds dist/waypoint-teams.zip, the app package to upload (sideload) in Microsoft Teams:
 * teams/manifest.json with the bot's app id filled in, plus the two icons.
 *
 * Run: MicrosoftAppId=<your bot's app id> npm run teams:package
 * Optional: WAYPOINT_WEBSITE_URL (https) for the developer, privacy and terms links.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';
import { pngSize } from '../src/channels/teams/png-icon.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_WEBSITE = 'https://example.org/waypoint';

export class TeamsPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamsPackageError';
  }
}

export interface PackageOptions {
  env: Record<string, string | undefined>;
  /** Folder holding manifest.json, color.png and outline.png. */
  sourceDir?: string;
  outFile?: string;
}

/** Fills `${{NAME}}` placeholders; every placeholder must have a value. */
export function fillManifest(template: string, values: Record<string, string>): string {
  const missing = new Set<string>();
  const filled = template.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_, name: string) => {
    if (values[name] === undefined) missing.add(name);
    return values[name] ?? '';
  });
  if (missing.size > 0) throw new TeamsPackageError(`No value for ${[...missing].join(', ')} in teams/manifest.json.`);
  return filled;
}

function checkIcon(file: string, size: number): Buffer {
  if (!existsSync(file)) throw new TeamsPackageError(`${path.basename(file)} is missing: run npx tsx teams/make-icons.ts`);
  const png = readFileSync(file);
  const { width, height } = pngSize(png);
  if (width !== size || height !== size) throw new TeamsPackageError(`${path.basename(file)} must be ${size}x${size} pixels (it is ${width}x${height}).`);
  return png;
}

export function buildTeamsPackage(options: PackageOptions): { file: string; manifest: Record<string, unknown> } {
  const sourceDir = options.sourceDir ?? path.join(ROOT, 'teams');
  const outFile = options.outFile ?? path.join(ROOT, 'dist', 'waypoint-teams.zip');
  const appId = (options.env.MicrosoftAppId ?? options.env.MICROSOFT_APP_ID ?? '').trim();
  if (!appId) {
    throw new TeamsPackageError(
      'MicrosoftAppId is not set. Set it to your Azure Bot\'s Microsoft App ID (see docs/teams.md), e.g. MicrosoftAppId=<id> npm run teams:package',
    );
  }
  if (!GUID.test(appId)) throw new TeamsPackageError('MicrosoftAppId must look like a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).');
  const website = (options.env.WAYPOINT_WEBSITE_URL ?? DEFAULT_WEBSITE).replace(/\/+$/, '');
  if (!/^https:\/\//.test(website)) throw new TeamsPackageError('WAYPOINT_WEBSITE_URL must start with https://');

  const text = fillManifest(readFileSync(path.join(sourceDir, 'manifest.json'), 'utf8'), {
    MICROSOFT_APP_ID: appId,
    WAYPOINT_WEBSITE_URL: website,
  });
  const manifest = JSON.parse(text) as Record<string, unknown>;

  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'));
  zip.addFile('color.png', checkIcon(path.join(sourceDir, 'color.png'), 192));
  zip.addFile('outline.png', checkIcon(path.join(sourceDir, 'outline.png'), 32));
  mkdirSync(path.dirname(outFile), { recursive: true });
  zip.writeZip(outFile);
  return { file: outFile, manifest };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  try {
    const { file } = buildTeamsPackage({ env: process.env });
    console.log(`Built ${path.relative(process.cwd(), file)}. Upload it in Teams: Apps > Manage your apps > Upload an app.`);
    if (!process.env.WAYPOINT_WEBSITE_URL) console.log(`Note: WAYPOINT_WEBSITE_URL is not set, so the links point to ${DEFAULT_WEBSITE}.`);
  } catch (err) {
    console.error(err instanceof TeamsPackageError ? err.message : err);
    process.exit(1);
  }
}
