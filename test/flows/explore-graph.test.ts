import { getShortestPaths } from 'xstate/graph';
import { createActor } from 'xstate';
import { createExploreMachine } from '../../flows/explore.js';
import { chooseNextItem } from '../../src/domain/choose-next-item.js';
import { choicesFor } from '../../src/domain/interest-items.js';
import type { FlowEmitted, FlowEvent } from '../../flows/flow-protocol.js';
import { appData } from '../helpers/test-app.js';

type Snap = { value: unknown; context: { grade: number; answers: unknown[]; clusterId?: string; pathId?: string } };

async function setup() {
  const data = await appData();
  const machine = createExploreMachine({ framework: data.framework, items: data.items, canPlan: true });
  const fw = data.framework.framework;
  const events = (s: Snap): FlowEvent[] => {
    const a = (questionId: string, choiceId: string): FlowEvent => ({ type: 'ANSWER', questionId, choiceId });
    switch (s.value) {
      case 'asking': {
        const item = chooseNextItem(fw, data.items, s.context.answers as never, s.context.grade)!;
        return [a(`interest:${item.id}`, choicesFor(item)[0]!.id), { type: 'BACK' }];
      }
      case 'results':
        return [a('explore:results', 'cluster:health-science'), a('explore:results', 'path:health-services'), a('explore:results', 'all-clusters'), a('explore:results', 'retake'), a('explore:results', 'done')];
      case 'allClusters':
        return [a('explore:all-clusters', 'cluster:stem'), a('explore:all-clusters', 'back-results')];
      case 'cluster':
        return [a('explore:cluster', 'pathway:health-science.therapeutic-services'), a('explore:cluster', 'choose-cluster'), a('explore:cluster', 'more'), a('explore:cluster', 'back-results')];
      case 'path':
        return [a('explore:path', 'choose-path'), a('explore:path', 'back-results')];
      case 'chosen':
        return [a('explore:chosen', 'plan'), a('explore:chosen', 'back-results'), a('explore:chosen', 'done')];
      default:
        return [];
    }
  };
  const serializeState = (s: Snap) => `${JSON.stringify(s.value)}|${s.context.answers.length}|${s.context.clusterId ?? ''}|${s.context.pathId ?? ''}`;
  return { machine, events, serializeState, data };
}

describe('the explore flow', () => {
  it('reaches every resting state, for young, grade 6 and older students', async () => {
    const { machine, events, serializeState } = await setup();
    const restingStates = Object.entries(machine.root.states)
      .filter(([, node]) => !node.always)
      .map(([key]) => key);
    const reached = new Set<string>();
    for (const grade of [4, 6, 10]) {
      const paths = getShortestPaths(machine, {
        input: { grade },
        events: events as never,
        serializeState: serializeState as never,
        limit: 5000,
      });
      for (const p of paths) reached.add(String(p.state.value));
      if (anyFinished(paths)) reached.add('done');
    }
    expect([...reached].sort()).toEqual(expect.arrayContaining(restingStates.sort()));
  });

  it('emits a result with reasons, saves it, and saves the chosen pathway', async () => {
    const { machine, data } = await setup();
    const actor = createActor(machine, { input: { grade: 9 } });
    const emitted: FlowEmitted[] = [];
    actor.on('*', (e) => emitted.push(e as FlowEmitted));
    actor.start();
    for (let i = 0; i < 30 && actor.getSnapshot().value === 'asking'; i++) {
      const item = chooseNextItem(data.framework.framework, data.items, actor.getSnapshot().context.answers, 9)!;
      actor.send({ type: 'ANSWER', questionId: `interest:${item.id}`, choiceId: choicesFor(item)[0]!.id });
    }
    expect(actor.getSnapshot().value).toBe('results');
    const kinds = emitted.filter((e) => e.type === 'effect').map((e) => (e as { effect: { kind: string } }).effect.kind);
    expect(kinds).toContain('save-interest-result');
    actor.send({ type: 'ANSWER', questionId: 'explore:results', choiceId: 'cluster:health-science' });
    actor.send({ type: 'ANSWER', questionId: 'explore:cluster', choiceId: 'pathway:health-science.therapeutic-services' });
    const save = emitted.map((e) => e.type === 'effect' && e.effect).find((e) => e && e.kind === 'save-choice');
    expect(save).toEqual({ kind: 'save-choice', pathId: 'health-services', clusterId: 'health-science', pathwayId: 'health-science.therapeutic-services' });
    expect(actor.getSnapshot().value).toBe('chosen');
  });

  it('after the example jobs it asks the pathway question again, so there are buttons to press', async () => {
    const { machine } = await setup();
    const actor = createActor(machine, { input: { grade: 9, focusClusterId: 'agriculture' } });
    const emitted: FlowEmitted[] = [];
    actor.on('*', (e) => emitted.push(e as FlowEmitted));
    actor.start();
    emitted.length = 0;
    actor.send({ type: 'ANSWER', questionId: 'explore:cluster', choiceId: 'more' });
    const replies = emitted.flatMap((e) => (e.type === 'reply' ? e.replies : []));
    expect(replies[0]).toMatchObject({ kind: 'text', text: expect.stringContaining('Animal Systems:') });
    const again = replies[1] as { kind: string; questionId: string; choices: { id: string }[] };
    expect(again).toMatchObject({ kind: 'question', questionId: 'explore:cluster' });
    expect(again.choices.map((c) => c.id)).toContain('pathway:agriculture.animal-systems');
    expect(again.choices.map((c) => c.id)).not.toContain('more');
  });

  it('opens straight at a cluster when asked to (after "I want to be a vet")', async () => {
    const { machine } = await setup();
    const actor = createActor(machine, { input: { grade: 9, focusClusterId: 'agriculture' } });
    const emitted: FlowEmitted[] = [];
    actor.on('*', (e) => emitted.push(e as FlowEmitted));
    actor.start();
    expect(actor.getSnapshot().value).toBe('cluster');
    expect(JSON.stringify(emitted)).toContain('Animal Systems');
  });
});

function anyFinished(paths: { state: { status: string } }[]): boolean {
  return paths.some((p) => p.state.status === 'done');
}

describe('the explore flow on another framework', () => {
  it("runs on another state's framework and its own questions with no code changes", async () => {
    const { loadFramework } = await import('../../src/data-files/load-framework.js');
    const { parseInterestItems } = await import('../../src/domain/interest-items.js');
    const { readFile } = await import('node:fs/promises');
    const fw = await loadFramework('test/fixtures/frameworks/tiny-state.json');
    const itemsFile = 'test/fixtures/frameworks/tiny-items.json';
    const items = parseInterestItems(JSON.parse(await readFile(itemsFile, 'utf8')), itemsFile, new Set(fw.clusters.map((c) => c.id)));
    const machine = createExploreMachine({ framework: fw, items, canPlan: false });
    const actor = createActor(machine, { input: { grade: 9 } });
    const emitted: FlowEmitted[] = [];
    actor.on('*', (e) => emitted.push(e as FlowEmitted));
    actor.start();
    for (let i = 0; i < 30 && actor.getSnapshot().value === 'asking'; i++) {
      const item = chooseNextItem(fw.framework, items, actor.getSnapshot().context.answers, 9)!;
      const handsOn = item.clusterIds.includes('workshops');
      actor.send({ type: 'ANSWER', questionId: `interest:${item.id}`, choiceId: handsOn ? 'yes' : 'no' });
    }
    expect(actor.getSnapshot().value).toBe('results');
    const said = JSON.stringify(emitted);
    expect(said).toContain('Workshops and Factories');
    expect(said).toMatch(/you said yes to (building a shelf|fixing machines|shop class)/);
  });
});
