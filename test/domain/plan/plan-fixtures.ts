/** Loads the real framework and plan data once for the plan tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Framework } from '../../../src/domain/framework-types.js';
import type { PlanData } from '../../../src/domain/plan/plan-data-types.js';
import { readPlanData } from '../../../src/data-files/read-plan-data-files.js';

export const DATA_DIR = path.resolve('data');
export const framework = JSON.parse(readFileSync(path.join(DATA_DIR, 'frameworks', 'missouri.json'), 'utf8')) as Framework;
export const allPathways = framework.clusters.flatMap((c) => c.pathways.map((p) => ({ cluster: c, pathway: p })));

export function loadPlanData(district?: string): Promise<PlanData> {
  return readPlanData({ dataDir: DATA_DIR, framework, ...(district ? { district } : {}) });
}

export const NOW = '2026-09-01T15:00:00.000Z';
export const BY = 'console:sam';
