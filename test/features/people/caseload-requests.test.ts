import { describe, expect, it } from '@jest/globals';
import type { CaseloadRequest } from '../../../src/domain/people.js';
import { addCounselor, parseAdminArgs, runAdmin, type AdminCommand } from '../../../src/features/people/admin-cli.js';
import { auditEntries } from '../../../src/features/people/audit.js';
import { caseloadOf } from '../../../src/features/people/links.js';
import { newWorld, type World } from './people-world.js';

async function admin(w: World, ...argv: string[]): Promise<{ ok: boolean | void; out: string }> {
  const lines: string[] = [];
  const cmd = parseAdminArgs(argv);
  if ('error' in cmd) return { ok: false, out: cmd.error };
  const ok = await runAdmin(cmd as AdminCommand, { store: w.store, now: w.now(), write: (l) => lines.push(l) });
  return { ok, out: lines.join('\n') };
}

async function msRivera(w: World) {
  await addCounselor(w.store, 'console:rivera', 'Lincoln High', w.now(), 'Ms. Rivera');
  return w.chat('rivera');
}

const requestIdIn = (text: string) => /request (R-\w{6})/.exec(text)![1]!;

describe("a counselor's request to add a student", () => {
  it('is sent to the student through their channel, and a yes puts them on the list', async () => {
    const w = await newWorld();
    const sam = await w.student('sam');
    const rivera = await msRivera(w);
    await rivera.say('add student console:sam');
    expect(rivera.text()).toMatch(/^Asked console:sam to join your list \(request R-\w{6}\)\. I sent them a message asking\. They join once they say yes/);
    expect(await caseloadOf(w.store, 'console:rivera')).toEqual([]);
    const asked = (await w.outbox('sam')).find((r) => r.kind === 'question');
    expect(asked).toMatchObject({
      questionId: 'people:caseload-request',
      text: 'Ms. Rivera at Lincoln High wants to add you to their caseload, so they can see your plan and help you with it. OK?',
      choices: [{ label: 'Yes' }, { label: 'No' }],
    });
    await sam.say('yes');
    expect(sam.text()).toMatch(/^Done\. Ms\. Rivera can now see your plan/);
    expect(await caseloadOf(w.store, 'console:rivera')).toEqual(['console:sam']);
    expect((await w.outbox('rivera')).map((r) => (r.kind === 'text' ? r.text : ''))).toContain('console:sam said yes: they are on your list now.');
    const actions = (await auditEntries(w.store, { student: 'console:sam' })).map((e) => e.action);
    expect(actions).toEqual(['caseload-requested', 'caseload-request-accepted', 'caseload-added']);
  });

  it('is asked the next time the student chats when no message can reach them, and a no changes nothing', async () => {
    const w = await newWorld({ senders: () => [] });
    const sam = await w.student('sam');
    const rivera = await msRivera(w);
    await rivera.say('add student console:sam');
    expect(rivera.text()).toMatch(/I will ask them the next time they chat with me\./);
    await sam.say("what's due");
    expect(sam.text()).toMatch(/^Before we go on, one quick question from your school\.\nMs\. Rivera at Lincoln High wants to add you/);
    const q = sam.question()!;
    await sam.press(q.questionId, q.choices[1]!.id);
    expect(sam.text()).toBe("Okay, Ms. Rivera won't be added. Nothing changed.");
    expect(await caseloadOf(w.store, 'console:rivera')).toEqual([]);
    // Asked once: the next message is answered as usual.
    await sam.say("what's due");
    expect(sam.text()).not.toMatch(/quick question/);
    // The old button does nothing now.
    await sam.press(q.questionId, q.choices[0]!.id);
    expect(sam.text()).toMatch(/already settled/);
    expect(await caseloadOf(w.store, 'console:rivera')).toEqual([]);
  });

  it('is asked only once per counselor while it waits, and never makes anyone a student', async () => {
    const w = await newWorld();
    const rivera = await msRivera(w);
    await rivera.say('add student slack:U0ABC12');
    const id = requestIdIn(rivera.text());
    await rivera.say('add student slack:U0ABC12');
    expect(rivera.text()).toBe(`I already asked slack:U0ABC12 (request ${id}, Nov 23, 2026). Still waiting for their OK.`);
    await w.family('mom');
    await rivera.say('add student console:mom');
    expect(rivera.text()).toMatch(/isn't set up as a student/);
    expect(await w.store.ids('caseload-requests')).toEqual([id]);
  });

  it('another student cannot answer it', async () => {
    const w = await newWorld();
    await w.student('sam');
    const eve = await w.student('eve');
    const rivera = await msRivera(w);
    await rivera.say('add student console:sam');
    const id = requestIdIn(rivera.text());
    await eve.press('people:caseload-request', `yes:${id}`);
    expect(eve.text()).toMatch(/already settled/);
    expect(await caseloadOf(w.store, 'console:rivera')).toEqual([]);
    expect((await w.store.get<CaseloadRequest>('caseload-requests', id))?.state).toBe('waiting');
  });

  it('the admin lists waiting requests and accepts or declines them', async () => {
    const w = await newWorld({ senders: () => [] });
    const rivera = await msRivera(w);
    await rivera.say('add student slack:U0SAM');
    const samId = requestIdIn(rivera.text());
    await rivera.say('add student slack:U0ANA');
    const anaId = requestIdIn(rivera.text());
    const list = await admin(w, 'requests');
    expect(list.out.split('\n').slice(0, 3)).toEqual([
      "2 requests waiting for a student's OK:",
      `  ${samId}  2026-11-23  console:rivera (Lincoln High) wants slack:U0SAM  not asked yet`,
      `  ${anaId}  2026-11-23  console:rivera (Lincoln High) wants slack:U0ANA  not asked yet`,
    ]);
    expect(await admin(w, 'accept', samId.toLowerCase())).toEqual({ ok: true, out: `Accepted ${samId}: slack:U0SAM is on console:rivera's caseload.` });
    expect(await admin(w, 'decline', anaId)).toEqual({ ok: true, out: `Declined ${anaId}.` });
    expect((await admin(w, 'accept', anaId)).out).toMatch(/^Request R-\w+ was already declined on 2026-11-23\./);
    expect(await admin(w, 'accept', 'R-NOPE00')).toMatchObject({ ok: false, out: expect.stringMatching(/^There is no request R-NOPE00/) });
    expect(await caseloadOf(w.store, 'console:rivera')).toEqual(['slack:U0SAM']);
    expect((await admin(w, 'requests')).out).toBe('No requests waiting.');
    const accepted = (await auditEntries(w.store)).find((e) => e.action === 'caseload-request-accepted');
    expect(accepted).toMatchObject({ by: 'admin-cli', subject: 'slack:U0SAM', target: 'console:rivera', request: samId });
  });

  it('a counselor can always drop a student', async () => {
    const w = await newWorld();
    const rivera = await msRivera(w);
    await w.assign('rivera', 'console:sam');
    await rivera.say('remove student console:sam');
    expect(rivera.text()).toBe('Removed console:sam from your list.');
    expect(await caseloadOf(w.store, 'console:rivera')).toEqual([]);
  });
});
