/**
 * The last words that lived in the code, now in the catalogs: the plan's sign-off line, the
 * interest questions' own buttons, the terminal's words, the administrator's command-line tools
 * (English unless WAYPOINT_LANGUAGE=es), and what stays English on purpose: the ICAP file for the
 * student information system and O*NET's own file and column names.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { runConsole } from '../../src/channels/console/console-channel.js';
import { cliLanguage, ConfigError, loadConfig, PROJECT_DIR } from '../../src/config.js';
import { ONET_FILES, onetAttribution } from '../../src/data-files/import-onet.js';
import { choicesFor, type InterestItem } from '../../src/domain/interest-items.js';
import type { MeetingRecord } from '../../src/domain/meetings.js';
import type { FileReply, Turn } from '../../src/domain/messages.js';
import { signatureLine } from '../../src/domain/plan-signatures.js';
import type { Profile } from '../../src/domain/profile.js';
import { ICAP_CSV_HEADER } from '../../src/export/icap-csv.js';
import { adminUsage, parseAdminArgs, runAdmin, type AdminCommand } from '../../src/features/people/admin-cli.js';
import { withLanguage } from '../../src/i18n/language.js';
import { tIn } from '../../src/i18n/t.js';
import { localTime, parseCliArgs } from '../../src/scheduler/reminders-cli.js';
import { loadReviewPolicy } from '../../src/scheduler/index.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { addToCaseload } from '../../src/features/people/links.js';
import { expectNoEnglish } from '../helpers/spanish.js';
import { newWorld } from '../features/people/people-world.js';

const es = <T>(work: () => T): T => withLanguage('es', work);

const record = (signatures: MeetingRecord['signatures']): MeetingRecord => ({ studentKey: 'console:sam', meetings: [], notes: [], signatures, updatedAt: '2026-11-24T00:00:00.000Z' });
const signed = (role: 'counselor' | 'student' | 'family', at: string) => ({ role, by: `console:${role}`, at, planVersion: 2 });

describe('the plan sign-off line', () => {
  it('says who signed which version, and who has not yet, in English and in Spanish', () => {
    const two = record([signed('counselor', '2026-11-23T15:00:00.000Z'), signed('student', '2026-11-24T15:00:00.000Z')]);
    expect(signatureLine(two, 2)).toBe('Signed (version 2): Counselor (Nov 23, 2026), Student (Nov 24, 2026). Not yet: Family.');
    expect(es(() => signatureLine(two, 2))).toBe('Firmado (versión 2): Consejero (23 de noviembre de 2026), Estudiante (24 de noviembre de 2026). Falta la firma de: Familia.');
    expect(es(() => signatureLine(undefined, 1))).toBe('Nadie ha firmado todavía la versión 1 del plan.');
    const all = record([signed('counselor', '2026-11-23T15:00:00.000Z'), signed('student', '2026-11-24T15:00:00.000Z'), signed('family', '2026-11-25T15:00:00.000Z')]);
    expect(es(() => signatureLine(all, 2))).toBe('Firmado (versión 2): Consejero (23 de noviembre de 2026), Estudiante (24 de noviembre de 2026), Familia (25 de noviembre de 2026).');
  });
});

describe("the interest questions' own buttons", () => {
  const yesNo: InterestItem = { id: 'bike', kind: 'yes-no', text: 'Would you fix a bike?', phrase: 'fixing bikes', category: 'activity', clusterIds: ['manufacturing'], young: true };
  const pick: InterestItem = { ...yesNo, id: 'fun', kind: 'pick', clusterIds: [], options: [{ id: 'farm', label: 'Run a farm', clusterIds: ['agriculture'], phrase: 'running a farm' }] };

  it('are Yes / Maybe / No and "None of these" in the turn\'s language; the options keep the item\'s words', () => {
    expect(choicesFor(yesNo).map((c) => c.label)).toEqual(['Yes', 'Maybe', 'No']);
    expect(es(() => choicesFor(yesNo).map((c) => c.label))).toEqual(['Sí', 'Tal vez', 'No']);
    expect(es(() => choicesFor(pick))).toEqual([{ id: 'farm', label: 'Run a farm' }, { id: 'no', label: 'Ninguna de estas' }]);
  });
});

describe('the terminal', () => {
  it('names a saved file in the language the turn was answered in', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d: Buffer) => (shown += d.toString()));
    input.end('descargar el plan\n');
    const file: FileReply = { kind: 'file', path: '/tmp/exports/plan.pdf', filename: 'plan.pdf', mimeType: 'application/pdf', text: 'El plan de Sam en PDF, para imprimir' };
    await runConsole({ handler: { handle: async (_: Turn) => ({ replies: [file], duplicate: false, language: 'es' as const }) }, user: 'rosa', input, output, interactive: false });
    expect(shown).toBe('El plan de Sam en PDF, para imprimir\nGuardado en: /tmp/exports/plan.pdf\n');
  });
});

describe('the administrator\'s command-line tools', () => {
  it('speak English by default, exactly as before', () => {
    expect(adminUsage().split('\n')[0]).toBe('Usage:');
    expect(parseAdminArgs([])).toEqual({ error: 'Say what to do: add-counselor, remove-counselor, list, assign, unassign, import-roster, requests, accept, decline or audit.' });
    expect(parseCliArgs(['--send-all'])).toEqual({ error: "I don't know the option --send-all" });
  });

  it('speak Spanish with WAYPOINT_LANGUAGE=es: usage, mistakes and results', async () => {
    expect(cliLanguage({ WAYPOINT_LANGUAGE: 'es' })).toBe('es');
    expect(cliLanguage({})).toBe('en');
    expect(cliLanguage({ WAYPOINT_LANGUAGE: 'fr' })).toBe('en');
    expect(() => loadConfig({ WAYPOINT_LANGUAGE: 'fr' })).toThrow(ConfigError);

    const usage = es(() => adminUsage());
    expect(usage).toMatch(/^Uso:\n {2}npm run admin -- add-counselor <canal>:<id de usuario>/);
    expect(es(() => parseAdminArgs(['promote']))).toEqual({ error: expect.stringMatching(/^No conozco el comando "promote"\./) });
    expect(es(() => parseAdminArgs(['add-counselor', 'email:r@x.org', '--school', 'X']))).toEqual({ error: 'No conozco el canal "email". Use console, slack o teams.' });
    expect(es(() => parseCliArgs(['--date', '2025-02-30']))).toEqual({ error: '--date necesita un día como 2025-09-15 (recibí 2025-02-30)' });

    const store = new MemoryStore();
    const now = new Date('2026-09-01T12:00:00Z');
    const lines: string[] = [];
    const run = (argv: string[]) => es(async () => runAdmin(parseAdminArgs(argv) as AdminCommand, { store, now, write: (l) => lines.push(l) }));
    await run(['add-counselor', 'console:rivera', '--school', 'Lincoln High', '--name', 'Sra. Rivera']);
    await store.put<Profile>('profiles', 'console:mom', { userKey: 'console:mom', role: 'family', choiceHistory: [], createdAt: 'x', lastActiveAt: 'x' });
    await run(['assign', 'console:rivera', 'console:mom']);
    await addToCaseload(store, { studentKey: 'console:sam', otherKey: 'console:rivera', by: 'admin-cli', now });
    await run(['list']);
    expect(lines).toEqual([
      'Listo: console:rivera es consejero en Lincoln High.',
      'La próxima vez que escriba en el chat puede decir "caseload" o "new class code".',
      'console:mom no es estudiante (está registrado como familiar).',
      '1 consejero:',
      '  console:rivera  Lincoln High  (Sra. Rivera)  agregado el 2026-09-01  1 estudiante',
    ]);
    const policy = await loadReviewPolicy('America/Chicago');
    expect(es(() => localTime('2025-09-22T12:00:00.000Z', policy))).toBe('lun 2025-09-22 07:00 America/Chicago');
  });

  it('npm run admin with WAYPOINT_LANGUAGE=es answers in Spanish', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'waypoint-admin-es-'));
    try {
      const out = await new Promise<string>((resolve, reject) =>
        execFile('npx', ['tsx', 'scripts/admin.ts', 'list'], { cwd: PROJECT_DIR, env: { ...process.env, WAYPOINT_DATA_DIR: dir, WAYPOINT_LANGUAGE: 'es' }, timeout: 60_000 }, (err, stdout, stderr) =>
          err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
        ),
      );
      expect(out).toMatch(/^Todavía no hay consejeros\. Agregue uno con: npm run admin -- add-counselor/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('what stays English on purpose', () => {
  it('the ICAP file keeps the column names and words the student information system reads, for a counselor who chats in Spanish', async () => {
    const w = await newWorld();
    const rivera = await w.counselor('rivera');
    const profile = (await w.store.get<Profile>('profiles', 'console:rivera'))!;
    await w.store.put<Profile>('profiles', 'console:rivera', { ...profile, language: 'es' });
    await w.student('ana', 9);
    await w.assign('rivera', 'ana');
    await rivera.say('ICAP export');
    const file = rivera.last.find((r): r is FileReply => r.kind === 'file')!;
    expectNoEnglish(rivera.last.map((r) => ('text' in r ? r.text : '')).join('\n'));
    const rows = parse((await readFile(file.path, 'utf8')).slice(1), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...ICAP_CSV_HEADER]);
    expect(ICAP_CSV_HEADER).toContain('Has ICAP');
    expect(rows[0]).toMatchObject({ 'Has ICAP': 'no', 'Plan status': 'no pathway yet', 'Family linked': 'no' });
    // The same status in the counselor's own (Spanish) words in the chat.
    expect(tIn('es')('reminders.status.no-pathway')).not.toBe('no pathway yet');
  });

  it("O*NET's file names and license attribution come from its format file, as O*NET writes them", async () => {
    const format = JSON.parse(await readFile(path.join(PROJECT_DIR, 'data/imports/onet-format.json'), 'utf8')) as { files: Record<string, string> };
    expect(ONET_FILES).toEqual(format.files);
    expect(onetAttribution('O*NET 29.0 Database')).toBe(
      'This product includes information from the O*NET 29.0 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET(R) is a trademark of USDOL/ETA.',
    );
  });
});
