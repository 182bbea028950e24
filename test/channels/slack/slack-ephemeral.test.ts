/**
 * Questions shown only to the person who asked (answers to /waypoint, and to presses under them):
 * Slack does not hand such a message back when a button on it is pressed, so Waypoint remembers
 * what it showed, and the answered question keeps its words.
 */
import nock from 'nock';
import type { Reply } from '../../../src/domain/messages.js';
import { HOOKS, ScriptedHandler, appWithCustomReceiver, deliver, fixture, visibleTexts, withNockOnly } from './slack-test-kit.js';

const unmatched = withNockOnly();

const bikeQuestion: Reply = {
  kind: 'question',
  questionId: 'interest-bike',
  text: 'Would you enjoy taking apart a bike to see how it works?',
  choices: [
    { id: 'yes', label: 'Yes' },
    { id: 'maybe', label: 'Maybe' },
    { id: 'no', label: 'No' },
  ],
  progress: { index: 3, total: 24, atMost: true },
};
const engineQuestion: Reply = { kind: 'question', questionId: 'interest-engine', text: 'Would you like fixing a car engine?', choices: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] };

describe('a question shown to one person only', () => {
  it('a question shown only to the person who asked keeps its words once answered, and shows the answer chosen', async () => {
    const handler = new ScriptedHandler((turn) => ({ replies: turn.action ? [engineQuestion] : [bikeQuestion], duplicate: false }));
    const slack = appWithCustomReceiver(handler);
    const responses: any[] = [];
    nock(HOOKS)
      .post('/commands/T0WAYPOINT/7240000000003/Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8', (b) => (responses.push(b), true))
      .reply(200, 'ok');
    const hooks = nock(HOOKS)
      .post('/actions/T0WAYPOINT/7240000000002/Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2', (b) => (responses.push(b), true))
      .times(2)
      .reply(200, 'ok');

    await deliver(slack, { ...fixture('slash-command.json'), text: 'explore' });
    const shown = responses[0];
    expect(shown.response_type).toBe('ephemeral');
    // Slack hands back no message for a press under an ephemeral one.
    const press = fixture<any>('button-press.json');
    press.container = { type: 'message', message_ts: '1718030001.000900', channel_id: 'C0HOMEROOM', is_ephemeral: true };
    press.channel = { id: 'C0HOMEROOM', name: 'homeroom-9b' };
    delete press.message;
    const maybe = shown.blocks.at(-1).elements.find((b: any) => b.text.text === 'Maybe');
    press.actions = [{ ...maybe, block_id: 'b1', action_ts: '1718030006.000001' }];
    await deliver(slack, press);

    hooks.done();
    expect(unmatched()).toEqual([]);
    const replaced = responses[1];
    expect(replaced.replace_original).toBe(true);
    expect(replaced.blocks.some((b: any) => b.type === 'actions')).toBe(false);
    expect(visibleTexts(replaced.blocks)).toEqual(['Would you enjoy taking apart a bike to see how it works?', 'Question 3 of up to 24', 'You chose: *Maybe*']);
    expect(replaced.text).toBe('Would you enjoy taking apart a bike to see how it works? You chose: Maybe');
    // The next question is shown to them alone too.
    expect(responses[2]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });
});
