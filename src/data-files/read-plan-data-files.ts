/**
 * Reads the plan data files from a data folder and builds PlanData. The one place that touches the
 * file system for plan data; the parsing and checks are the pure functions in src/domain/plan/.
 *
 *   data/plans/core-sequence.json, data/plans/clusters/*.json, data/requirements/<state>.json,
 *   and optionally data/districts/<district>.json (chosen by configuration).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { DataFileError, readJsonFile } from './read-json-file.js';
import type { Framework } from '../domain/framework-types.js';
import { buildPlanData } from '../domain/plan/build-plan-data.js';
import type { District, PlanData } from '../domain/plan/plan-data-types.js';
import { parseClusterTemplate, parseCoreSequence, parseDistrict, parseRequirements } from '../domain/plan/parse-plan-data.js';

export interface ReadPlanDataOptions {
  /** The repository's data folder (the one holding plans/, requirements/, districts/). */
  dataDir: string;
  framework: Framework;
  /** Requirements file name without ".json"; default "missouri". */
  state?: string;
  /** District file name without ".json" (e.g. from configuration); none means state rules only. */
  district?: string;
}

const SAFE_NAME = /^[a-z0-9][a-z0-9-]{0,60}$/;

export async function readPlanData(opts: ReadPlanDataOptions): Promise<PlanData> {
  const state = opts.state ?? 'missouri';
  for (const [what, name] of [['state', state], ['district', opts.district]] as const) {
    if (name !== undefined && !SAFE_NAME.test(name)) {
      throw new DataFileError(String(name), `is not a valid ${what} file name (use lower-case letters, digits and dashes)`);
    }
  }
  const file = (...parts: string[]) => path.join(opts.dataDir, ...parts);
  const coreFile = file('plans', 'core-sequence.json');
  const core = parseCoreSequence(await readJsonFile(coreFile), coreFile);
  const reqFile = file('requirements', `${state}.json`);
  const requirements = parseRequirements(await readJsonFile(reqFile), reqFile);

  const clusterDir = file('plans', 'clusters');
  let names: string[];
  try {
    names = (await readdir(clusterDir)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    throw new DataFileError(clusterDir, `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const templates = await Promise.all(
    names.map(async (n) => {
      const f = path.join(clusterDir, n);
      return parseClusterTemplate(await readJsonFile(f), f);
    }),
  );

  let district: District | undefined;
  if (opts.district) {
    const f = file('districts', `${opts.district}.json`);
    district = parseDistrict(await readJsonFile(f), f);
  }
  return buildPlanData({ framework: opts.framework, core, requirements, templates, ...(district ? { district } : {}) });
}
