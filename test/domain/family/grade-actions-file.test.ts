import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadFamilyData, loadGradeActions } from '../../../src/data-files/load-family-data.js';
import { DataFileError } from '../../../src/domain/data-file-error.js';
import { BAND_IDS, bandForGrade, parseGradeActions } from '../../../src/domain/family/index.js';
import { ALL_GRADES, GRADE_ACTIONS_JSON, gradeActions } from './family-fixtures.js';

const FILE = 'data/grade-actions.json';
const copy = () => structuredClone(GRADE_ACTIONS_JSON) as { bands: Record<string, unknown>[] };

function errorOf(data: unknown): DataFileError {
  try {
    parseGradeActions(data, FILE);
  } catch (err) {
    if (err instanceof DataFileError) return err;
    throw err;
  }
  throw new Error('expected a DataFileError');
}

describe('the grade actions file', () => {
  it('has every band of the flowchart in order: K-2, 3-5, then each grade 6 to 14', () => {
    expect(gradeActions.bands.map((b) => b.id)).toEqual([...BAND_IDS]);
    expect(bandForGrade(gradeActions, 0).id).toBe('k-2');
    expect(bandForGrade(gradeActions, 4).id).toBe('3-5');
    for (const g of ALL_GRADES.filter((x) => x >= 6)) expect(bandForGrade(gradeActions, g).id).toBe(String(g));
  });

  it('gives the student, the family and the community 3 to 5 short items in every band', () => {
    for (const band of gradeActions.bands) {
      for (const list of [band.student, band.family, band.community]) {
        expect(list.length).toBeGreaterThanOrEqual(3);
        expect(list.length).toBeLessThanOrEqual(5);
      }
    }
  });

  it.each([
    ['an empty student item', (d: ReturnType<typeof copy>) => ((d.bands[3]!.student as string[])[1] = '  '), '$.bands[3].student[1] must not be empty'],
    ['too few family items', (d: ReturnType<typeof copy>) => (d.bands[0]!.family = ['Read together', 'Talk about work']), '$.bands[0].family must have at least 3 items'],
    ['too many community items', (d: ReturnType<typeof copy>) => (d.bands[5]!.community = ['a', 'b', 'c', 'd', 'e', 'f']), '$.bands[5].community must have at most 5 items'],
    ['a very long item', (d: ReturnType<typeof copy>) => ((d.bands[2]!.family as string[])[0] = 'x'.repeat(91)), '$.bands[2].family[0] must be at most 90 characters'],
    ['a grade out of range', (d: ReturnType<typeof copy>) => (d.bands[1]!.grades = [3, 4, 15]), '$.bands[1].grades[2]'],
    ['a missing planExpected', (d: ReturnType<typeof copy>) => delete d.bands[7]!.planExpected, '$.bands[7].planExpected Required'],
    ['an unknown field', (d: ReturnType<typeof copy>) => (d.bands[4]!.teacher = ['Grade papers']), "$.bands[4] Unrecognized key(s) in object: 'teacher'"],
    ['bands out of order', (d: ReturnType<typeof copy>) => ([d.bands[2], d.bands[3]] = [d.bands[3]!, d.bands[2]!]), '$.bands[2].id must be "6"'],
    ['a missing band', (d: ReturnType<typeof copy>) => d.bands.pop(), '$.bands is missing the band "14"'],
    ['a grade in two bands', (d: ReturnType<typeof copy>) => (d.bands[1]!.grades = [2, 3, 4, 5]), '$.bands[1].grades[0] repeats grade 2, already in band "k-2"'],
    ['a grade in no band', (d: ReturnType<typeof copy>) => (d.bands[1]!.grades = [3, 4]), '$.bands has no band for grade 5'],
  ])('names the file and the JSON path for %s', (_what, change, expected) => {
    const data = copy();
    change(data);
    const err = errorOf(data);
    expect(err.file).toBe(FILE);
    expect(err.message.startsWith(`${FILE}: `)).toBe(true);
    expect(err.message).toContain(expected);
  });

  it('names the file when it is missing or not JSON', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'grade-actions-'));
    const missing = path.join(dir, 'missing.json');
    await expect(loadGradeActions(missing)).rejects.toThrow(`${missing}: cannot be read (ENOENT)`);
    const broken = path.join(dir, 'broken.json');
    await writeFile(broken, '{ "bands": [ ');
    await expect(loadGradeActions(broken)).rejects.toThrow(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: is not valid JSON`));
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ bands: [{ ...GRADE_ACTIONS_JSON.bands[0], student: [] }] }));
    await expect(loadFamilyData({ gradeActionsFile: bad })).rejects.toThrow(`${bad}: $.bands[0].student must have at least 3 items`);
  });

  it('loads with the family questions and the review policy from the data folder', async () => {
    const data = await loadFamilyData();
    expect(data.gradeActions.bands).toHaveLength(11);
    expect(data.questions.length).toBeGreaterThanOrEqual(9);
    expect(data.reviewPolicy.windows.map((w) => w.id)).toEqual(['fall', 'spring']);
  });
});
