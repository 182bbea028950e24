import { auditEntries } from '../../../src/features/people/audit.js';
import { newChat } from '../../helpers/test-app.js';

const now = () => new Date('2026-11-23T15:00:00.000Z');

describe('changing who you are is limited and recorded', () => {
  it('two role changes a day are allowed and audited; a third is refused and changes nothing', async () => {
    const chat = await newChat({ now });
    for (const t of ['hi', 'student', '9th', 'stop']) await chat.say(t);
    await chat.say('change my role');
    await chat.say('family');
    expect((await chat.store.get<{ role: string }>('profiles', 'console:ana'))!.role).toBe('family');
    await chat.say('change my role');
    await chat.say('student');
    await chat.say('9th');
    expect((await chat.store.get<{ role: string }>('profiles', 'console:ana'))!.role).toBe('student');
    await chat.say('change my role');
    expect(chat.text()).toMatch(/changed who you are twice today/);
    expect((await chat.store.get<{ role: string }>('profiles', 'console:ana'))!.role).toBe('student');
    const changes = (await auditEntries(chat.store)).filter((a) => a.action === 'role-changed');
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatchObject({ by: 'console:ana', subject: 'console:ana' });
  });
});
