/**
 * Conformance: a scripted conversation with the real engine (a student from hello to a plan and its
 * export, a counselor with 40 students, the Home tab, /waypoint, a mention) goes through the Slack
 * channel, and everything sent to Slack keeps inside Block Kit's documented limits.
 */
import nock from 'nock';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEngine } from '../../../src/app/create-engine.js';
import { encodeActionId } from '../../../src/channels/slack/slack-action-id.js';
import type { Turn } from '../../../src/domain/messages.js';
import type { TurnHandler } from '../../../src/engine/turn-handler.js';
import { homeSummary } from '../../../src/features/home/home-summary.js';
import { loadReviewPolicy } from '../../../src/scheduler/index.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { Records } from '../../../src/store/records.js';
import { manyStudents, seedCaseload } from '../../features/counselor/counselor-world.js';
import { appData } from '../../helpers/test-app.js';
import { HOOKS, SLACK, appWithCustomReceiver, deliver, dmSaying, fixture, parseApiBody, withNockOnly } from './slack-test-kit.js';

const unmatched = withNockOnly();
const NOW = new Date('2026-11-23T15:00:00.000Z');
const COUNSELOR = 'U0COUNSEL1';

/** Block Kit's limits (api.slack.com/reference/block-kit). */
const LIMIT = { blocks: 50, homeBlocks: 100, sectionText: 3000, fields: 10, fieldText: 2000, contextElements: 10, contextText: 2000, actions: 25, buttonText: 75, actionId: 255, value: 2000 };

/** What is wrong with one message's (or view's) blocks; [] when nothing is. */
function problems(blocks: any[], maxBlocks: number): string[] {
  const found: string[] = [];
  const bad = (what: string, ok: boolean) => ok || found.push(what);
  bad(`${blocks.length} blocks`, blocks.length >= 1 && blocks.length <= maxBlocks);
  const actionIds: string[] = [];
  for (const b of blocks) {
    if (b.type === 'section') {
      if (b.text) bad(`section text of ${b.text.text.length}`, b.text.text.length >= 1 && b.text.text.length <= LIMIT.sectionText);
      if (b.fields) {
        bad(`${b.fields.length} fields`, b.fields.length <= LIMIT.fields);
        for (const f of b.fields) bad(`field of ${f.text.length}`, f.text.length >= 1 && f.text.length <= LIMIT.fieldText);
      }
      bad('empty section', Boolean(b.text || b.fields));
    } else if (b.type === 'context') {
      bad(`${b.elements.length} context elements`, b.elements.length >= 1 && b.elements.length <= LIMIT.contextElements);
      for (const e of b.elements) bad(`context text of ${e.text.length}`, e.text.length >= 1 && e.text.length <= LIMIT.contextText);
    } else if (b.type === 'actions') {
      bad(`${b.elements.length} buttons in a row`, b.elements.length >= 1 && b.elements.length <= LIMIT.actions);
      for (const e of b.elements) {
        bad(`button text "${e.text.text}"`, e.text.text.trim().length >= 1 && e.text.text.length <= LIMIT.buttonText);
        bad(`button "${e.text.text}" shows a user key`, !/\b(slack|teams|console):\S/.test(e.text.text));
        bad(`action_id of ${e.action_id?.length}`, typeof e.action_id === 'string' && e.action_id.length >= 1 && e.action_id.length <= LIMIT.actionId);
        if (e.value !== undefined) bad(`value of ${e.value.length}`, e.value.length >= 1 && e.value.length <= LIMIT.value);
        actionIds.push(e.action_id);
      }
    } else {
      bad(`a ${b.type} block`, b.type === 'divider');
    }
  }
  bad(`repeated action ids ${actionIds.join(' ')}`, new Set(actionIds).size === actionIds.length);
  return found;
}

/** The engine, with every reply kind it answered with noted. */
function noting(engine: TurnHandler, kinds: Set<string>): TurnHandler {
  return {
    handle: async (turn: Turn) => {
      const result = await engine.handle(turn);
      for (const r of result.replies) kinds.add(r.kind);
      return result;
    },
  };
}

/** A press on a button Waypoint posted (or one it could have), as Slack sends it. */
function press(user: string, channel: string, questionId: string, choiceId: string, ts: string) {
  const body = fixture<any>('button-press.json');
  body.user = { ...body.user, id: user };
  body.channel = { id: channel, name: 'directmessage' };
  body.container = { ...body.container, channel_id: channel, message_ts: ts };
  body.message = { ...body.message, ts };
  body.actions = [{ type: 'button', action_id: encodeActionId(questionId, choiceId, 0), value: choiceId, text: { type: 'plain_text', text: choiceId }, block_id: 'b1', action_ts: `${ts}1` }];
  return body;
}

function dmFrom(user: string, channel: string, text: string) {
  const body = dmSaying(text);
  body.event.user = user;
  body.event.channel = channel;
  return body;
}

let exportDir: string;
beforeAll(async () => {
  exportDir = await mkdtemp(path.join(tmpdir(), 'waypoint-slack-conformance-'));
});
afterAll(async () => {
  await rm(exportDir, { recursive: true, force: true });
});

describe('everything Waypoint sends to Slack keeps inside Block Kit limits', () => {
  it('a scripted conversation with every kind of reply: messages, updates, answers to /waypoint and the Home tab', async () => {
    const records = new Records(new MemoryStore());
    const data = await appData();
    const counselorKey = `slack:${COUNSELOR}`;
    await records.store.put('counselors', counselorKey, { userKey: counselorKey, school: 'Central High', displayName: 'Ms. Lee', addedAt: NOW.toISOString(), addedBy: 'admin-cli' });
    await records.store.put('profiles', counselorKey, { userKey: counselorKey, role: 'counselor', choiceHistory: [], createdAt: NOW.toISOString(), lastActiveAt: NOW.toISOString() });
    await seedCaseload(records.store, counselorKey, manyStudents(40));
    const kinds = new Set<string>();
    const engine = noting(createEngine({ records, data, now: () => NOW, exportDir }), kinds);
    const home = homeSummary({ records, framework: data.framework, reviewPolicy: await loadReviewPolicy('America/Chicago'), now: () => NOW });
    const slack = appWithCustomReceiver(engine, { store: records.store, now: () => NOW, homeView: (userId) => home(`slack:${userId}`) });

    const sent: { method: string; body: Record<string, any> }[] = [];
    let ts = 0;
    let method = '';
    nock(SLACK)
      .persist()
      .post(
        (uri) => ((method = uri.slice('/api/'.length)), uri.startsWith('/api/')),
        (body) => (sent.push({ method, body: parseApiBody(body) }), true),
      )
      .reply(200, () => ({ ok: true, channel: 'D0ANY', ts: `1718040${String(++ts).padStart(3, '0')}.000100`, upload_url: 'https://files.slack.com/upload/v1/ABC', file_id: `F${ts}`, files: [{ id: `F${ts}` }] }));
    nock('https://files.slack.com').persist().post(/.*/).reply(200, 'OK');
    const responses: any[] = [];
    nock(HOOKS)
      .persist()
      .post(/.*/, (b) => (responses.push(b), true))
      .reply(200, 'ok');

    // A 10th grader: hello, the interest questions, a pathway, a plan, its views and its export.
    for (const text of ['hi', 'student', '10', 'yes', 'no', 'maybe', 'stop']) await deliver(slack, dmSaying(text));
    await deliver(slack, press('U0STUDENT1', 'D0STUDENT1', 'free-text-offer', 'choose-pathway:health-science.therapeutic-services', '1718039001.000100'));
    for (const text of ['plan', '1', 'my pathway', 'show 12th grade', 'review my plan', 'download my plan', "what's due", 'invite my family', 'how much do nurses make']) {
      await deliver(slack, dmSaying(text));
    }
    await deliver(slack, press('U0STUDENT1', 'D0STUDENT1', 'onboarding:role', 'student', '1718039002.000100'));
    for (const sub of ['help', 'plan', 'due']) await deliver(slack, { ...fixture('slash-command.json'), text: sub, trigger_id: `trigger-${sub}` });
    await deliver(slack, fixture('app-home-opened.json'));
    await deliver(slack, fixture('app-mention.json'));
    // A counselor with 40 students: counts, pages of names, one student, students with the same last name.
    for (const text of ['caseload', 'show list', 'show student garcia', 'who has no plan']) await deliver(slack, dmFrom(COUNSELOR, 'D0COUNSEL1', text));

    expect([...kinds].sort()).toEqual(['card', 'file', 'plan', 'question', 'text']);
    const messages = sent.filter((s) => s.method === 'chat.postMessage' || s.method === 'chat.update');
    expect(messages.length).toBeGreaterThan(20);
    expect(sent.some((s) => s.method === 'chat.update')).toBe(true);
    for (const m of messages) {
      expect({ method: m.method, text: typeof m.body.text === 'string' && m.body.text.trim().length > 0 }).toEqual({ method: m.method, text: true });
      expect({ text: m.body.text.slice(0, 80), problems: problems(m.body.blocks, LIMIT.blocks) }).toEqual({ text: m.body.text.slice(0, 80), problems: [] });
    }
    const views = sent.filter((s) => s.method === 'views.publish');
    expect(views).toHaveLength(1);
    expect(problems(views[0]!.body.view.blocks, LIMIT.homeBlocks)).toEqual([]);
    expect(responses.length).toBeGreaterThanOrEqual(3);
    for (const r of responses) {
      expect(r.text.trim().length).toBeGreaterThan(0);
      expect(problems(r.blocks, LIMIT.blocks)).toEqual([]);
    }
    const uploads = sent.filter((s) => s.method === 'files.completeUploadExternal');
    expect(uploads.length).toBeGreaterThanOrEqual(2);
    expect(unmatched()).toEqual([]);
  });
});
