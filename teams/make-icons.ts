/** Writes teams/color.png (192x192) and teams/outline.png (32x32). Run: npx tsx teams/make-icons.ts */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { colorIcon, outlineIcon } from '../src/channels/teams/png-icon.js';

const here = path.dirname(fileURLToPath(import.meta.url));
writeFileSync(path.join(here, 'color.png'), colorIcon());
writeFileSync(path.join(here, 'outline.png'), outlineIcon());
console.log('Wrote teams/color.png and teams/outline.png');
