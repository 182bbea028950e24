import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataFileError } from '../../../src/data-files/read-json-file.js';
import { buildPlanData } from '../../../src/domain/plan/build-plan-data.js';
import { parseClusterTemplate, parseCoreSequence, parseDistrict, parseRequirements } from '../../../src/domain/plan/parse-plan-data.js';
import type { ClusterTemplate, CoreSequence, Requirements } from '../../../src/domain/plan/plan-data-types.js';
import { DATA_DIR, framework } from './plan-fixtures.js';

const raw = (...p: string[]) => JSON.parse(readFileSync(path.join(DATA_DIR, ...p), 'utf8')) as Record<string, unknown>;
let core: CoreSequence;
let requirements: Requirements;
let templates: ClusterTemplate[];
beforeAll(() => {
  core = parseCoreSequence(raw('plans', 'core-sequence.json'), 'core-sequence.json');
  requirements = parseRequirements(raw('requirements', 'missouri.json'), 'missouri.json');
  templates = framework.clusters.map((c) => parseClusterTemplate(raw('plans', 'clusters', `${c.id}.json`), `${c.id}.json`));
});

function errorOf(fn: () => unknown): DataFileError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DataFileError) return err;
    throw err;
  }
  throw new Error('expected a DataFileError');
}

describe('plan data files', () => {
  it('has one template for each of the 16 clusters, and Missouri’s 24 units', () => {
    expect(templates).toHaveLength(16);
    expect(requirements.totalUnits).toBe(24);
    expect(requirements.categories.reduce((a, c) => a + c.units, 0) + requirements.electiveUnits).toBe(24);
  });

  it('names the file and the JSON path of a bad field', () => {
    const bad = structuredClone(raw('plans', 'clusters', 'health-science.json')) as { careerEducation: Record<string, unknown> };
    bad.careerEducation['11'] = [42];
    const err = errorOf(() => parseClusterTemplate(bad, 'health-science.json'));
    expect(err.file).toBe('health-science.json');
    expect(err.message).toMatch(/^health-science\.json: \$\.careerEducation\.11\[0\]: /);

    const req = { ...raw('requirements', 'missouri.json'), totalUnits: 'lots' };
    expect(errorOf(() => parseRequirements(req, 'missouri.json')).message).toMatch(/\$\.totalUnits/);
    expect(errorOf(() => parseDistrict({ id: 'x', name: 'X', catalog: [{ name: 'A', units: 9, category: 'math' }] }, 'x.json')).message).toMatch(
      /x\.json: \$\.catalog\[0\]\.units/,
    );
  });

  it('refuses a pathway override for a pathway the cluster does not have', () => {
    const t = structuredClone(templates);
    t[0]!.pathways['arts-av.underwater-film'] = {};
    expect(errorOf(() => buildPlanData({ framework, core, requirements, templates: t })).message).toMatch(/\$\.pathways\.arts-av\.underwater-film: not a pathway/);
  });

  it('refuses an organization that is not in the list, and a missing cluster template', () => {
    const t = structuredClone(templates);
    t[5]!.organizations = ['Secret Society'];
    expect(errorOf(() => buildPlanData({ framework, core, requirements, templates: t })).message).toMatch(/"Secret Society" is not one of the organizations/);
    expect(errorOf(() => buildPlanData({ framework, core, requirements, templates: templates.slice(1) })).message).toMatch(/no plan template for Arts/);
  });

  it('refuses a course-order rule naming a course nobody offers', () => {
    const r = { ...requirements, order: [...requirements.order, { before: ['Algebra I'], after: 'Algebra Seven' }] };
    expect(errorOf(() => buildPlanData({ framework, core, requirements: r, templates })).message).toMatch(/"Algebra Seven" is not a known course/);
  });
});
