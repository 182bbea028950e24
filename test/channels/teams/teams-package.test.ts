import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import AdmZip from 'adm-zip';
import { describe, expect, test } from '@jest/globals';
import { buildTeamsPackage, fillManifest, TeamsPackageError } from '../../../scripts/teams-package.js';
import { colorIcon, outlineIcon, pngSize } from '../../../src/channels/teams/png-icon.js';

const APP_ID = '11111111-2222-4333-8444-555555555555';

describe('Teams app package', () => {
  test('the zip holds the manifest with the app id filled in and both icons', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'teams-pkg-')), 'waypoint-teams.zip');
    buildTeamsPackage({ env: { MicrosoftAppId: APP_ID }, outFile: out });
    const zip = new AdmZip(out);
    expect(zip.getEntries().map((e) => e.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json'));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]).toMatchObject({ botId: APP_ID, scopes: ['personal', 'team', 'groupChat'] });
    expect(manifest.manifestVersion).toBe('1.17');
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(pngSize(zip.readFile('color.png')!)).toEqual({ width: 192, height: 192 });
    expect(pngSize(zip.readFile('outline.png')!)).toEqual({ width: 32, height: 32 });
  });

  test('without MicrosoftAppId the error says what to set', () => {
    expect(() => buildTeamsPackage({ env: {}, outFile: '/nonexistent/x.zip' })).toThrow(/MicrosoftAppId is not set/);
    expect(() => buildTeamsPackage({ env: { MicrosoftAppId: 'my-bot' }, outFile: '/nonexistent/x.zip' })).toThrow(TeamsPackageError);
  });

  test('a placeholder without a value is an error, not an empty field', () => {
    expect(() => fillManifest('{"a":"${{NOPE}}"}', {})).toThrow(/NOPE/);
  });

  test('the committed icons are the generated ones; the outline icon is white on transparent', () => {
    const dir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../teams');
    expect(readFileSync(path.join(dir, 'color.png')).equals(colorIcon())).toBe(true);
    const outline = readFileSync(path.join(dir, 'outline.png'));
    expect(outline.equals(outlineIcon())).toBe(true);
    // one IDAT chunk: 32 rows of [filter byte + 32 RGBA pixels]
    const idat = outline.indexOf('IDAT');
    const raw = inflateSync(outline.subarray(idat + 4, idat + 4 + outline.readUInt32BE(idat - 4)));
    const alphas: number[] = [];
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const at = y * 129 + 1 + x * 4;
        expect([raw[at], raw[at + 1], raw[at + 2]]).toEqual([255, 255, 255]);
        alphas.push(raw[at + 3]);
      }
    }
    expect(alphas).toContain(0);
    expect(alphas).toContain(255);
  });
});
