/**
 * A Spanish-speaking parent on Slack: answered in Spanish from the first message when their Slack
 * is set to Spanish (users.info locale), or as soon as they write in Spanish; every word they see,
 * Slack's own ("Respuesta elegida: ...") included, is Spanish: from "hi" to linking, what's due,
 * the whole plan of their student, the counselor's name and the plan as a PDF (the PDF's own
 * words too). The school's names of classes and activities stay as the school writes them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { createEngine } from '../../../src/app/create-engine.js';
import { SlackNames } from '../../../src/channels/slack/slack-names.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { Records } from '../../../src/store/records.js';
import { pdfStrings } from '../../export/pdf-text-extract.js';
import { studentWithPlan } from '../../helpers/family-with-plan.js';
import { expectNoEnglish } from '../../helpers/spanish.js';
import { appData } from '../../helpers/test-app.js';
import { SLACK, appWithCustomReceiver, deliver, dmSaying, fixture, silentLogger, visibleTexts, withNockOnly } from './slack-test-kit.js';

const unmatched = withNockOnly();
const NOW = new Date('2026-11-23T15:00:00.000Z');
const boltLogger = { ...silentLogger, setLevel() {}, getLevel: () => 'info' as never, setName() {} };

/** Slack as Waypoint sees it: each person's Slack language, and every message posted or updated. */
async function slackWithParent(parentLocale: string) {
  const records = new Records(new MemoryStore());
  const exportDir = mkdtempSync(path.join(tmpdir(), 'slack-spanish-'));
  const engine = createEngine({ records, data: await appData(), now: () => NOW, exportDir });
  const slack = appWithCustomReceiver(engine, { store: records.store, now: () => NOW, names: new SlackNames(boltLogger) });
  const locales: Record<string, string> = { U0STUDENT1: 'en-US', U0PARENT1: parentLocale };
  let asked = '';
  nock(SLACK)
    .persist()
    .post('/api/users.info', (body) => ((asked = body.user), true))
    .reply(200, () => ({ ok: true, user: { id: asked, locale: locales[asked], profile: { display_name: asked === 'U0PARENT1' ? 'Rosa' : 'Maya' } } }));
  const posted: { channel: string; text: string; shown: string[]; blocks: any[] }[] = [];
  let ts = 0;
  nock(SLACK)
    .persist()
    .post(/^\/api\/chat\.(postMessage|update)$/, (body) => {
      // nock may ask every interceptor of the host about a body: only messages have blocks.
      if (typeof body.blocks !== 'string') return false;
      const blocks = JSON.parse(body.blocks);
      posted.push({ channel: body.channel, text: body.text, shown: visibleTexts(blocks), blocks });
      return true;
    })
    .reply(200, () => ({ ok: true, ts: `1718031${String(++ts).padStart(3, '0')}.000100` }));
  // A file: Slack gives an upload address, the bytes go there, and the upload is completed with its comment.
  const files: { channel: string; comment: string; bytes: Buffer }[] = [];
  let bytes = Buffer.alloc(0);
  nock(SLACK)
    .persist()
    .post('/api/files.getUploadURLExternal')
    .reply(200, () => ({ ok: true, upload_url: 'https://files.slack.com/upload/v1/PLAN', file_id: `F0PLAN${files.length}` }))
    .post('/api/files.completeUploadExternal', (body) => (files.push({ channel: body.channel_id, comment: body.initial_comment, bytes }), true))
    .reply(200, () => ({ ok: true, files: [{ id: `F0PLAN${files.length}` }] }));
  nock('https://files.slack.com')
    .persist()
    .post('/upload/v1/PLAN')
    .reply(async (req: unknown) => {
      bytes = Buffer.from(await (req as Request).arrayBuffer());
      return [200, 'OK'];
    });
  return { slack, posted, records, files };
}

let n = 0;
/** The parent's direct message. */
function parentSays(text: string) {
  const body = dmSaying(text);
  body.event.user = 'U0PARENT1';
  body.event.channel = 'D0PARENT1';
  body.event_id = `Ev0PARENT${++n}`;
  body.event.client_msg_id = `parent-${n}`;
  return body;
}

/** The parent presses a button of a message Waypoint posted to them. */
function parentPresses(message: { text: string; blocks: any[] }, ts: string, label: string) {
  const body = fixture<any>('button-press.json');
  const button = message.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements).find((e: any) => e.text.text === label);
  if (!button) throw new Error(`no button "${label}"`);
  body.user = { ...body.user, id: 'U0PARENT1' };
  body.channel = { id: 'D0PARENT1', name: 'directmessage' };
  body.container = { ...body.container, channel_id: 'D0PARENT1', message_ts: ts };
  body.message = { ...body.message, ts, text: message.text, blocks: message.blocks };
  body.actions = [{ ...button, block_id: 'b1', action_ts: `1718032${++n}.000001` }];
  return body;
}

/** Maya (an English-speaking 11th grader) gets a code for her family; returns it. */
async function studentInvitesFamily(slack: Awaited<ReturnType<typeof slackWithParent>>['slack'], posted: { text: string }[]): Promise<string> {
  for (const text of ['hi', 'student', '11', 'stop', 'invite my family']) await deliver(slack, dmSaying(text));
  const code = /\b[A-Z0-9]{4}-[A-Z0-9]{4}\b/.exec(posted.map((p) => p.text).join('\n'))?.[0];
  if (!code) throw new Error('no family code');
  return code;
}

/** Every message and every visible block text is Spanish (the school's own names of classes aside). */
function expectAllSpanish(said: { text: string; shown: string[] }[], schoolNames: string[] = []) {
  expect(said.length).toBeGreaterThan(0);
  for (const p of said) {
    for (const words of [p.text, ...p.shown].filter((w) => w.trim())) expectNoEnglish(words.replace(/[*_]/g, ''), schoolNames);
  }
}

describe('a Spanish-speaking parent on Slack', () => {
  it('with Slack set to es-MX: from "hi" to linking, what is due, the whole plan, the counselor and a PDF, all in Spanish', async () => {
    const { slack, posted, records, files } = await slackWithParent('es-MX');
    const code = await studentInvitesFamily(slack, posted);
    const { schoolNames } = await studentWithPlan(records.store, {
      studentKey: 'slack:U0STUDENT1',
      name: 'Maya',
      grade: 11,
      counselorKey: 'slack:U0RIVERA1',
      counselorName: 'Sra. Rivera',
      school: 'Lincoln High',
      now: NOW,
    });
    const from = posted.length;

    await deliver(slack, parentSays('hi'));
    const welcome = posted.at(-1)!;
    expect(welcome.text).toMatch(/^¡Hola! Soy Waypoint/);
    await deliver(slack, parentPresses(welcome, '1718031006.000100', 'Soy mamá, papá u otro familiar'));
    expect(posted.at(-2)!.shown.at(-1)).toBe('Respuesta elegida: *Soy mamá, papá u otro familiar*');
    await deliver(slack, parentSays(code.toLowerCase()));
    expect(posted.at(-1)!.text).toMatch(/^¡Listo! Ya está conectado con Maya/);
    await deliver(slack, parentSays('¿qué le toca este año?'));
    expect(posted.at(-1)!.text).toMatch(/^Maya está en 11\.º grado/);

    await deliver(slack, parentSays('muéstreme el plan de Maya'));
    const plan = posted.slice(-2).map((p) => p.text).join('\n');
    expect(plan).toMatch(/El plan de Maya, grado por grado/);
    expect(plan).toMatch(/Este año: 11\.º grado/);
    expect(plan).toMatch(/9\.º: .+\n10\.º: .+\n12\.º: /);
    await deliver(slack, parentSays('qué clases toma'));
    expect(posted.slice(-2).map((p) => p.text).join('\n')).toMatch(/El plan de Maya, grado por grado/);

    await deliver(slack, parentSays('¿quién es el consejero?'));
    expect(posted.slice(-2).map((p) => p.text).join('\n')).toMatch(/El consejero de su estudiante en Waypoint: Sra\. Rivera, de Lincoln High\./);

    await deliver(slack, parentSays('descargar el plan en pdf'));
    expect(posted.at(-1)!.text).toMatch(/^Aquí está el plan completo de Maya, listo para imprimir\./);
    expect(unmatched()).toEqual([]);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ channel: 'D0PARENT1', comment: 'El plan de Maya en PDF, para imprimir' });
    const pdf = files[0]!.bytes.subarray(files[0]!.bytes.indexOf('%PDF'));
    const printed = pdfStrings(pdf).join('\n');
    expect(printed).toContain('Plan Personal de Estudios');
    expect(printed).toContain('Maya');
    expect(printed).toMatch(/Página 1 de \d/);
    expect(printed).not.toMatch(/Personal Plan of Study|Page 1 of|Postsecondary|Career Pathway:/);

    const said = posted.slice(from);
    expect(said.every((p) => p.channel === 'D0PARENT1')).toBe(true);
    expectAllSpanish([...said, { text: files[0]!.comment, shown: [] }], schoolNames);
    expect(unmatched()).toEqual([]);
  });

  it('with Slack in English but writing in Spanish: switches to Spanish at once and stays there', async () => {
    const { slack, posted } = await slackWithParent('en-US');
    const code = await studentInvitesFamily(slack, posted);
    const from = posted.length;

    // Who they are is in the first message: straight to the code.
    await deliver(slack, parentSays('hola, soy la mamá de Maya'));
    expect(posted.at(-1)!.text).toMatch(/¿Prefiere español\?[\s\S]*¿Tiene un código de su estudiante\?/);
    await deliver(slack, parentSays(`el código es ${code}`));
    await deliver(slack, parentSays('qué tiene que hacer este año'));
    expect(posted.at(-1)!.text).toMatch(/Maya está en 11\.º grado/);

    expectAllSpanish(posted.slice(from));
  });
});
