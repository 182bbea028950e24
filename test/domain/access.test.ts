import { maySee, NO_LINKS, type Viewer, type ViewerLinks } from '../../src/domain/access.js';
import { canSee, linkFamily, addToCaseload } from '../../src/features/people/links.js';
import { addCounselor, removeCounselor } from '../../src/features/people/admin-cli.js';
import { MemoryStore } from '../../src/store/memory-store.js';

const SELF = 'slack:USELF';
const LINKED = 'slack:ULINKED';
const OTHER = 'slack:UOTHER';
const links = (l: Partial<ViewerLinks>): ViewerLinks => ({ ...NO_LINKS, ...l });

const viewers: Record<string, { viewer: Viewer; links: ViewerLinks }> = {
  student: { viewer: { key: SELF, role: 'student' }, links: NO_LINKS },
  family: { viewer: { key: 'slack:UFAM', role: 'family' }, links: links({ linkedStudents: [LINKED] }) },
  counselor: { viewer: { key: 'slack:UCOUN', role: 'counselor' }, links: links({ caseload: [LINKED], authorisedCounselor: true }) },
  'counselor no longer authorised': { viewer: { key: 'slack:UCOUN', role: 'counselor' }, links: links({ caseload: [LINKED], authorisedCounselor: false }) },
  'family with a stray caseload': { viewer: { key: 'slack:UFAM', role: 'family' }, links: links({ caseload: [OTHER], authorisedCounselor: true }) },
  'no profile': { viewer: { key: 'slack:UNEW' }, links: links({ linkedStudents: [LINKED], caseload: [LINKED], authorisedCounselor: true }) },
};

const table: [string, string, boolean][] = [
  ['student', SELF, true],
  ['student', LINKED, false],
  ['student', OTHER, false],
  ['family', SELF, false],
  ['family', LINKED, true],
  ['family', OTHER, false],
  ['counselor', LINKED, true],
  ['counselor', OTHER, false],
  ['counselor', SELF, false],
  ['counselor no longer authorised', LINKED, false],
  ['family with a stray caseload', OTHER, false],
  ['no profile', LINKED, false],
  ['no profile', 'slack:UNEW', false],
];

describe('access rule: role x target', () => {
  it.each(table)('%s looking at %s -> %s', (who, target, expected) => {
    const { viewer, links: l } = viewers[who]!;
    expect(maySee(viewer, target, l)).toBe(expected);
  });
});

describe('access rule: a counselor never sees a student at another school', () => {
  const counselor: Viewer = { key: 'slack:UCOUN', role: 'counselor' };
  const l = links({ caseload: [LINKED], authorisedCounselor: true, school: 'Lincoln High' });
  it.each([
    ['the same school', 'Lincoln High', true],
    ['the same school, written differently', '  lincoln   high ', true],
    ['another school', 'Roosevelt High', false],
    ['a school not known yet', undefined, true],
  ] as [string, string | undefined, boolean][])('on the caseload, at %s -> %s', (_what, school, expected) => {
    expect(maySee(counselor, LINKED, l, school === undefined ? {} : { school })).toBe(expected);
  });
  it('off the caseload at the same school -> false', () => {
    expect(maySee(counselor, OTHER, l, { school: 'Lincoln High' })).toBe(false);
  });
});

describe('canSee reads the link records', () => {
  it('follows family links, caseloads and counselor authorisation', async () => {
    const store = new MemoryStore();
    const now = new Date('2026-10-01T12:00:00Z');
    await store.put('profiles', 'console:mom', { userKey: 'console:mom', role: 'family', choiceHistory: [], createdAt: '', lastActiveAt: '' });
    await store.put('profiles', 'console:sam', { userKey: 'console:sam', role: 'student', choiceHistory: [], createdAt: '', lastActiveAt: '' });
    await linkFamily(store, { studentKey: 'console:sam', otherKey: 'console:mom', by: 'console:mom', now });
    await addCounselor(store, 'console:rivera', 'Lincoln High', now);
    await addToCaseload(store, { studentKey: 'console:sam', otherKey: 'console:rivera', by: 'console:rivera', now });

    expect(await canSee(store, 'console:mom', 'console:sam')).toBe(true);
    expect(await canSee(store, 'console:mom', 'console:ana')).toBe(false);
    expect(await canSee(store, 'console:sam', 'console:sam')).toBe(true);
    expect(await canSee(store, 'console:sam', 'console:mom')).toBe(false);
    expect(await canSee(store, 'console:rivera', 'console:sam')).toBe(true);
    expect(await canSee(store, 'console:stranger', 'console:sam')).toBe(false);
    await removeCounselor(store, 'console:rivera', now);
    expect(await canSee(store, { key: 'console:rivera', role: 'counselor' }, 'console:sam')).toBe(false);
  });
});
