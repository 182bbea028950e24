import path from 'node:path';
import { createEngine } from '../../../src/app/create-engine.js';
import { loadAppData } from '../../../src/app/load-app-data.js';
import { PROJECT_DIR } from '../../../src/config.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { Records } from '../../../src/store/records.js';
import { TestChat } from '../../helpers/test-app.js';
import { cell, now, planNow, studentWithPathway } from './plan-chat-helpers.js';

describe('a district chosen in configuration (WAYPOINT_DISTRICT) sets the graduation rules', () => {
  it('"check my plan" uses the district requirements and its course catalog', async () => {
    const data = await loadAppData(
      { WAYPOINT_FRAMEWORK: path.join(PROJECT_DIR, 'data/frameworks/missouri.json'), WAYPOINT_DISTRICT: 'example-district' },
      { withOnet: false },
    );
    expect(data.plans.requirements.totalUnits).toBe(26);
    const store = new MemoryStore();
    const chat = new TestChat(createEngine({ records: new Records(store), data, now }), store);
    await studentWithPathway(chat, '9th');
    await chat.say('plan');
    await chat.say('check my plan');
    expect(chat.text()).toMatch(/computer science/);

    await chat.say('add CSP in 10th');
    expect(chat.text()).toMatch(/Add Computer Science Principles to Other Courses in 10th grade/);
    await chat.say('yes');
    expect(cell(await planNow(chat), 10, 'other-courses')).toContain('Computer Science Principles');
    await chat.say('check my plan');
    expect(chat.text()).not.toMatch(/computer science/);
  });
});
