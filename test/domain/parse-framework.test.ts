import { readFileSync } from 'node:fs';
import { parseFramework } from '../../src/domain/parse-framework.js';
import { DataFileError } from '../../src/data-files/read-json-file.js';
import type { Framework } from '../../src/domain/framework-types.js';

const MISSOURI_FILE = 'data/frameworks/missouri.json';
const missouriJson: unknown = JSON.parse(readFileSync(MISSOURI_FILE, 'utf8'));
const tinyJson: Framework = JSON.parse(readFileSync('test/fixtures/frameworks/tiny-state.json', 'utf8'));

/** A fresh, valid copy of the tiny fixture to break in one place. */
function tiny(): any {
  return structuredClone(tinyJson);
}

/** Runs parseFramework and returns the DataFileError it throws (fails the test when it does not throw). */
function errorFor(json: unknown, file = 'frameworks/broken.json'): DataFileError {
  try {
    parseFramework(json, file);
  } catch (err) {
    expect(err).toBeInstanceOf(DataFileError);
    return err as DataFileError;
  }
  throw new Error('expected parseFramework to throw');
}

describe('the Missouri framework file', () => {
  const fw = parseFramework(missouriJson, MISSOURI_FILE);

  test('has 6 paths, 16 clusters, 78 pathways and 10 essential topics', () => {
    expect(fw.paths).toHaveLength(6);
    expect(fw.clusters).toHaveLength(16);
    expect(fw.clusters.flatMap((c) => c.pathways)).toHaveLength(78);
    expect(fw.essentialKnowledgeAndSkills).toHaveLength(10);
  });

  test('uses the exact path names and nicknames', () => {
    expect(fw.paths.map((p) => [p.name, p.nickname])).toEqual([
      ['Arts & Communication', 'Creative Path'],
      ['Business, Management & Technology', 'Business Path'],
      ['Health Services', 'Health Path'],
      ['Human Services', 'Helping Path'],
      ['Industrial & Engineering Technology', 'Building & Fixing Path'],
      ['Natural Resources & Agriculture', 'Nature Path'],
    ]);
  });

  test('uses the exact cluster names, with each cluster under its path and its number of pathways', () => {
    const pathName = (id: string) => fw.paths.find((p) => p.id === id)?.name;
    expect(fw.clusters.map((c) => [c.name, pathName(c.pathId), c.pathways.length])).toEqual([
      ['Arts, Audio-Visual Technology and Communications', 'Arts & Communication', 6],
      ['Information Technology', 'Business, Management & Technology', 4],
      ['Business Management and Administration', 'Business, Management & Technology', 5],
      ['Marketing', 'Business, Management & Technology', 5],
      ['Finance', 'Business, Management & Technology', 5],
      ['Health Science', 'Health Services', 5],
      ['Human Services', 'Human Services', 5],
      ['Hospitality and Tourism', 'Human Services', 4],
      ['Government and Public Administration', 'Human Services', 7],
      ['Law, Public Safety, Corrections and Security', 'Human Services', 5],
      ['Education and Training', 'Human Services', 3],
      ['Manufacturing', 'Industrial & Engineering Technology', 6],
      ['Transportation, Distribution and Logistics', 'Industrial & Engineering Technology', 7],
      ['Science, Technology, Engineering and Mathematics', 'Industrial & Engineering Technology', 2],
      ['Architecture and Construction', 'Industrial & Engineering Technology', 3],
      ['Agriculture, Food and Natural Resources', 'Natural Resources & Agriculture', 6],
    ]);
  });

  test('uses the exact pathway names, including the long ones', () => {
    const names = fw.clusters.flatMap((c) => c.pathways.map((p) => p.name));
    expect(names).toEqual(
      expect.arrayContaining([
        'Transportation Systems and Infrastructure Planning, Management and Regulation',
        'Audio and Video Technology and Film',
        'Biotechnology Research and Development',
        'Early Childhood Development and Services',
        'Restaurants and Food and Beverage Services',
        'Recreation, Amusement and Attractions',
        'Emergency and Fire Management Services',
        'Manufacturing Production Process Development',
        'Natural Resources and Environmental Service Systems',
        'Power, Structural and Technical Systems',
        'Science and Math',
        'Design and Pre-Construction',
      ]),
    );
    const transportation = fw.clusters.find((c) => c.id === 'transportation')!;
    expect(transportation.pathways.map((p) => p.name)).toEqual([
      'Transportation Operations',
      'Logistics, Planning and Management Services',
      'Warehousing and Distribution Center Operations',
      'Facility and Mobile Equipment Maintenance',
      'Transportation Systems and Infrastructure Planning, Management and Regulation',
      'Health, Safety and Environmental Management',
      'Sales and Services',
    ]);
  });

  test('uses the exact essential knowledge and skills topic names', () => {
    expect(fw.essentialKnowledgeAndSkills.map((t) => t.name)).toEqual([
      'Academic Foundations',
      'Communications',
      'Problem Solving and Critical Thinking',
      'Information Technology Applications',
      'Systems',
      'Safety, Health and Environment',
      'Leadership and Teamwork',
      'Ethics and Legal Responsibilities',
      'Employability and Career Development',
      'Technical Skills',
    ]);
  });

  test('every description is one short, finished sentence', () => {
    const descriptions = [
      ...fw.essentialKnowledgeAndSkills,
      ...fw.paths,
      ...fw.clusters,
      ...fw.clusters.flatMap((c) => c.pathways),
    ].map((x) => x.description);
    expect(descriptions).toHaveLength(110);
    for (const d of descriptions) {
      expect(d).toMatch(/^[A-Z].*\.$/);
      expect(d).not.toMatch(/[.!?]\s/); // one sentence only
      expect(d.split(/\s+/).length).toBeLessThanOrEqual(25);
    }
  });

  test('every pathway lists 3 to 5 different example occupations', () => {
    for (const pathway of fw.clusters.flatMap((c) => c.pathways)) {
      const jobs = pathway.exampleOccupations;
      expect({ id: pathway.id, ok: jobs.length >= 3 && jobs.length <= 5 }).toEqual({ id: pathway.id, ok: true });
      expect(new Set(jobs).size).toBe(jobs.length);
    }
  });

  test('well-known jobs sit in the pathway a counselor would expect', () => {
    const pathwayOf = (job: string) =>
      fw.clusters.flatMap((c) => c.pathways).find((p) => p.exampleOccupations.includes(job))?.id;
    expect(pathwayOf('Veterinarian')).toBe('agriculture.animal-systems');
    expect(pathwayOf('Welder')).toBe('manufacturing.production');
    expect(pathwayOf('Registered Nurse')).toBe('health-science.therapeutic-services');
    expect(pathwayOf('Air Traffic Controller')).toBe(
      'transportation.transportation-systems-and-infrastructure-planning-management-and-regulation',
    );
    expect(pathwayOf('Firefighter')).toBe('law-public-safety.emergency-and-fire-management-services');
    expect(pathwayOf('Software Developer')).toBe('information-technology.programming-and-software-development');
    expect(pathwayOf('Accountant')).toBe('finance.accounting');
    expect(pathwayOf('Carpenter')).toBe('architecture-construction.construction');
  });
});

describe('a framework file with a problem', () => {
  test('the tiny fixture is valid to start with', () => {
    expect(parseFramework(tiny(), 'tiny.json').clusters).toHaveLength(3);
  });

  test('a missing name is reported with the file and the JSON path', () => {
    const json = tiny();
    delete json.clusters[2].pathways[0].name;
    const err = errorFor(json);
    expect(err.message).toBe('frameworks/broken.json: $.clusters[2].pathways[0].name is required');
    expect(err.file).toBe('frameworks/broken.json');
  });

  test('a value of the wrong type says what was expected and what was found', () => {
    const json = tiny();
    json.version = '2';
    json.paths[1].clusterIds = 'caring-teaching';
    expect(errorFor(json).message).toBe(
      'frameworks/broken.json: $.version must be a number (found a string); ' +
        '$.paths[1].clusterIds must be an array (found a string)',
    );
  });

  test('a file that is not an object at all is reported at the root', () => {
    expect(errorFor([1, 2]).message).toBe('frameworks/broken.json: $ must be an object (found an array)');
  });

  test('a path that lists an unknown cluster id is reported at that entry', () => {
    const json = tiny();
    json.paths[0].clusterIds[1] = 'space-travel';
    expect(errorFor(json).message).toContain(
      'frameworks/broken.json: $.paths[0].clusterIds[1] "space-travel" is not the id of any cluster',
    );
  });

  test('a duplicate cluster id is reported where it repeats', () => {
    const json = tiny();
    json.clusters[2].id = 'workshops';
    json.clusters[2].pathways.forEach((p: { id: string }, i: number) => (p.id = `workshops.extra-${i}`));
    expect(errorFor(json).message).toContain(
      '$.clusters[2].id "workshops" is a duplicate id (first used at $.clusters[1].id)',
    );
  });

  test('a pathway id used in two clusters is a duplicate', () => {
    const json = tiny();
    json.clusters[0].pathways.push({ ...json.clusters[0].pathways[0], name: 'Copy' });
    expect(errorFor(json).message).toBe(
      'frameworks/broken.json: $.clusters[0].pathways[2].id "fields-forests.farm-and-ranch" is a duplicate id ' +
        '(first used at $.clusters[0].pathways[0].id)',
    );
  });

  test('a duplicate path id is reported', () => {
    const json = tiny();
    json.paths[1].id = 'makers-growers';
    expect(errorFor(json).message).toContain('$.paths[1].id "makers-growers" is a duplicate id');
  });

  test("a cluster whose pathId disagrees with the path that lists it is reported", () => {
    const json = tiny();
    json.clusters[1].pathId = 'people-ideas';
    expect(errorFor(json).message).toBe(
      'frameworks/broken.json: $.clusters[1].pathId "people-ideas" does not match path "makers-growers", which lists this cluster',
    );
  });

  test('a cluster pointing at a path that does not exist is reported', () => {
    const json = tiny();
    json.clusters[0].pathId = 'nowhere';
    expect(errorFor(json).message).toContain('$.clusters[0].pathId "nowhere" is not the id of any path');
  });

  test('a cluster listed by two paths is reported, because it must belong to exactly one', () => {
    const json = tiny();
    json.paths[1].clusterIds.push('workshops');
    expect(errorFor(json).message).toContain(
      '$.paths[1].clusterIds[1] "workshops" is already listed by path "makers-growers"',
    );
  });

  test('a cluster no path lists is reported', () => {
    const json = tiny();
    json.paths[0].clusterIds = ['fields-forests'];
    expect(errorFor(json).message).toContain('$.clusters[1] cluster "workshops" is not listed in any path');
  });

  test('a cluster with no pathways is reported', () => {
    const json = tiny();
    json.clusters[1].pathways = [];
    expect(errorFor(json).message).toBe('frameworks/broken.json: $.clusters[1].pathways must have at least one pathway');
  });

  test('a pathway with fewer than 3 example occupations is reported', () => {
    const json = tiny();
    json.clusters[0].pathways[1].exampleOccupations = ['Forester', 'Park Ranger'];
    expect(errorFor(json).message).toBe(
      'frameworks/broken.json: $.clusters[0].pathways[1].exampleOccupations must list at least 3 example occupations',
    );
  });

  test('a description left as TODO or empty is reported', () => {
    const json = tiny();
    json.paths[0].description = 'TODO';
    json.essentialKnowledgeAndSkills[1].description = '   ';
    const message = errorFor(json).message;
    expect(message).toContain('$.essentialKnowledgeAndSkills[1].description must not be empty');
    expect(message).toContain('$.paths[0].description is still "TODO"');
  });

  test('a misspelled field is reported instead of silently ignored', () => {
    const json = tiny();
    json.clusters[0].pathways[0].exampleOccupation = json.clusters[0].pathways[0].exampleOccupations;
    expect(errorFor(json).message).toContain('$.clusters[0].pathways[0] has unknown field "exampleOccupation"');
  });

  test("a pathway id must start with its cluster's id", () => {
    const json = tiny();
    json.clusters[1].pathways[0].id = 'fields-forests.metal';
    expect(errorFor(json).message).toContain(
      '$.clusters[1].pathways[0].id "fields-forests.metal" must start with "workshops."',
    );
  });

  test('many problems are listed a few at a time with a count of the rest', () => {
    const json = tiny();
    for (const cluster of json.clusters) for (const p of cluster.pathways) p.description = 'TODO';
    const message = errorFor(json).message;
    expect(message.match(/is still "TODO"/g)).toHaveLength(5);
    expect(message.endsWith('; and 0 more problems')).toBe(false);
    json.clusters[0].description = 'TODO';
    expect(errorFor(json).message).toMatch(/; and 1 more problem$/);
  });
});
