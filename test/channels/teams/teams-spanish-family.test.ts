/**
 * A Spanish-speaking parent on Teams (Teams set to es-MX), through the real Teams server and
 * Waypoint's real engine: from "hola" to linking with their student's code, what's due, the whole
 * plan, the counselor's name and the plan as a PDF (a download link here: many school accounts
 * have no OneDrive). Every message, card, button, list and the download page is Spanish, and so
 * are the PDF's own words; the school's names of classes and activities stay as the school writes them.
 */
import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { createEngine } from '../../../src/app/create-engine.js';
import type { Engine } from '../../../src/engine/engine.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { Records } from '../../../src/store/records.js';
import { pdfStrings } from '../../export/pdf-text-extract.js';
import { studentWithPlan } from '../../helpers/family-with-plan.js';
import { expectNoEnglish } from '../../helpers/spanish.js';
import { appData } from '../../helpers/test-app.js';
import { cardOf, fixture, post, recordConnector, request, startTeams, type ConnectorCall, type Running, onlyLoopback } from './teams-test-kit.js';

jest.setTimeout(60_000);

const NOW = new Date('2026-11-23T15:00:00.000Z');
const PUBLIC = 'https://waypoint.example.test';
const LINK = /https:\/\/waypoint\.example\.test\/files\/[A-Za-z0-9_-]{43}/;

type Person = { aad: string; chat: string; name: string; locale: string };
const MAYA: Person = { aad: '00000000-0000-4000-8000-000000000011', chat: 'a:11maya-chat', name: 'Maya Torres', locale: 'en-US' };
const ROSA: Person = { aad: '00000000-0000-4000-8000-000000000012', chat: 'a:12rosa-chat', name: 'Rosa Torres', locale: 'es-MX' };

/** Every text a person sees in a sent activity: its text and summary, and the card's words, buttons and choices. */
function visibleTexts(call: ConnectorCall): string[] {
  const out = [call.body.text, call.body.summary].filter((t): t is string => typeof t === 'string');
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && ['text', 'title', 'label', 'fallbackText', 'placeholder', 'altText', 'description'].includes(key)) out.push(value);
      else if (key !== 'data') walk(value);
    }
  };
  walk(call.body.attachments ?? []);
  return out.filter((t) => t.trim());
}

/** POSTs to a download link and returns the bytes (the kit's request() reads text). */
function download(url: string): Promise<{ status: number; type: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a Spanish-speaking parent on Teams', () => {
  let run: Running<Engine>;
  let calls: ConnectorCall[];
  let n = 0;

  onlyLoopback();
  beforeAll(async () => {
    calls = recordConnector();
    const store = new MemoryStore();
    const exportDir = mkdtempSync(path.join(tmpdir(), 'teams-spanish-family-'));
    const engine = createEngine({ records: new Records(store), data: await appData(), now: () => NOW, exportDir });
    run = await startTeams(engine, { WAYPOINT_PUBLIC_URL: PUBLIC, TEAMS_FILE_DELIVERY: 'link' }, store, () => NOW);
  });
  afterAll(async () => {
    await run.server.stop();
    nock.cleanAll();
  });

  /** One activity from `who`; returns what the bot sent to them because of it. */
  async function send(who: Person, body: Record<string, any>): Promise<ConnectorCall[]> {
    const base = fixture(body.value ? 'card-submit' : 'personal-message');
    const activity = {
      ...base,
      ...body,
      id: `es-family-${++n}`,
      locale: who.locale,
      from: { ...base.from, id: `29:${who.aad}`, name: who.name, aadObjectId: who.aad },
      conversation: { ...base.conversation, id: who.chat },
    };
    const before = calls.length;
    expect((await post(run.url, activity)).status).toBe(200);
    return calls.slice(before).filter((c) => c.path.includes(who.chat));
  }
  const say = (who: Person, text: string) => send(who, { text });
  const textOf = (sent: ConnectorCall[]) => sent.flatMap(visibleTexts).join('\n');

  /** Presses the button or list choice with this label on the last card sent to `who`. */
  async function press(who: Person, label: string): Promise<ConnectorCall[]> {
    const card = [...calls].reverse().find((c) => c.method === 'POST' && c.path.includes(who.chat) && cardOf(c)?.actions);
    if (!card) throw new Error('no card with buttons');
    const content = cardOf(card);
    const button = content.actions.find((a: any) => a.title === label && a.data?.choiceId);
    if (button) return send(who, { replyToId: card.sentId, value: button.data, text: undefined });
    const list = content.body.find((e: any) => e.type === 'Input.ChoiceSet');
    const option = list?.choices.find((o: any) => o.title === label);
    if (!option) throw new Error(`no choice "${label}" on "${content.fallbackText.slice(0, 80)}"`);
    return send(who, { replyToId: card.sentId, value: { ...content.actions[0].data, choiceId: option.value }, text: undefined });
  }

  test('from "hola" to linking, what is due, the whole plan, the counselor and a PDF, all in Spanish', async () => {
    // Maya, in English, gets a code for her family; her plan and counselor are already there.
    await say(MAYA, 'hi');
    await press(MAYA, "I'm a student");
    await press(MAYA, '11th');
    await say(MAYA, 'stop');
    const code = /\b[A-Z0-9]{4}-[A-Z0-9]{4}\b/.exec(textOf(await say(MAYA, 'invite my family')))?.[0];
    expect(code).toBeDefined();
    const mayaKey = `teams:${MAYA.aad}`;
    const { schoolNames } = await studentWithPlan(run.store, {
      studentKey: mayaKey,
      name: 'Maya',
      grade: 11,
      counselorKey: 'teams:00000000-0000-4000-8000-0000000000c1',
      counselorName: 'Sra. Rivera',
      school: 'Lincoln High',
      now: NOW,
    });
    const from = calls.length;

    const hello = await say(ROSA, 'hola');
    expect(textOf(hello)).toMatch(/¡Hola! Soy Waypoint/);
    await press(ROSA, 'Soy mamá, papá u otro familiar');
    expect(textOf(await say(ROSA, code!))).toMatch(/¡Listo! Ya está conectado con Maya/);
    expect(textOf(await say(ROSA, '¿qué le toca este año?'))).toMatch(/Maya está en 11\.º grado/);

    const plan = textOf(await say(ROSA, 'muéstreme el plan de Maya'));
    expect(plan).toMatch(/El plan de Maya, grado por grado/);
    expect(plan).toMatch(/Este año: 11\.º grado/);
    expect(plan).toMatch(/Opciones después de la preparatoria/);
    expect(textOf(await say(ROSA, 'qué clases toma'))).toMatch(/El plan de Maya, grado por grado/);
    expect(textOf(await say(ROSA, '¿quién es el consejero?'))).toMatch(/El consejero de su estudiante en Waypoint: Sra\. Rivera, de Lincoln High\./);

    const pdfSent = textOf(await say(ROSA, 'descargar el plan en pdf'));
    expect(pdfSent).toMatch(/Aquí está el plan completo de Maya, listo para imprimir\./);
    const url = LINK.exec(pdfSent)?.[0];
    expect(url).toBeDefined();
    const local = run.url.replace('/api/messages', new URL(url!).pathname);
    const page = await request(local);
    expect(page.text).toMatch(/lang="es"/);
    const file = await download(local);
    expect(file).toMatchObject({ status: 200, type: 'application/pdf' });
    const printed = pdfStrings(file.bytes).join('\n');
    expect(printed).toContain('Plan Personal de Estudios');
    expect(printed).toContain('Maya');
    expect(printed).toMatch(/Página 1 de \d/);
    expect(printed).not.toMatch(/Personal Plan of Study|Page 1 of|Postsecondary|Career Pathway:/);

    // Everything Rosa saw, in Spanish (the download page's words too).
    const toRosa = calls.slice(from).filter((c) => c.path.includes(ROSA.chat));
    expect(toRosa.length).toBeGreaterThan(8);
    for (const words of toRosa.flatMap(visibleTexts)) expectNoEnglish(words.replace(LINK, ' '), schoolNames);
    expectNoEnglish(page.text.replace(/<[^>]*>/g, ' ').replace(/plan-of-study-[\w-]+\.pdf/g, ' '));
  });
});
