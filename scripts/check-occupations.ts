/**
 * Checks the built-in occupation index (data/occupations.json and the per-cluster parts it lists in
 * data/occupations/) against the framework
 * (data/frameworks/missouri.json). Prints occupation counts per pathway, then every problem:
 * unknown cluster or pathway ids, duplicate occupation ids, missing or badly shaped fields,
 * bad education values and pathways with too few occupations.
 *
 * Run: npx tsx scripts/check-occupations.ts [--min N]
 * Exits with code 1 when there is at least one problem.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFileError, readJsonFile } from '../src/data-files/read-json-file.js';
import { occupationParts } from '../src/data-files/load-occupations.js';
import type { Framework } from '../src/domain/framework-types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FRAMEWORK_FILE = path.join(ROOT, 'data', 'frameworks', 'missouri.json');

const EDUCATION_LEVELS = ['high-school', 'certificate', 'associate', 'bachelor', 'graduate'];
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SOC = /^\d{2}-\d{4}$/;
const MAX_DESCRIPTION = 200;

function minimumPerPathway(): number {
  const at = process.argv.indexOf('--min');
  const n = at >= 0 ? Number(process.argv[at + 1]) : 8;
  return Number.isInteger(n) && n > 0 ? n : 8;
}

interface Counts {
  /** Occupations whose first (best-fit) pathway is this one. */
  primary: number;
  /** Occupations listing this pathway anywhere. */
  any: number;
}

const problems: string[] = [];
const warnings: string[] = [];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkStringList(
  where: string,
  field: string,
  value: unknown,
  min: number,
  max: number,
): string[] {
  if (!Array.isArray(value)) {
    problems.push(`${where}: "${field}" is missing or not a list`);
    return [];
  }
  const items = value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (items.length !== value.length) problems.push(`${where}: "${field}" has an empty or non-text entry`);
  if (items.length < min || items.length > max) {
    problems.push(`${where}: "${field}" has ${items.length} entries (want ${min}-${max})`);
  }
  const seen = new Set<string>();
  for (const item of items) {
    const key = item.trim().toLowerCase();
    if (seen.has(key)) warnings.push(`${where}: "${field}" repeats "${item}"`);
    seen.add(key);
  }
  return items;
}

function checkText(where: string, field: string, value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${where}: "${field}" is missing or empty`);
    return undefined;
  }
  return value;
}

async function main(): Promise<void> {
  const framework = (await readJsonFile(FRAMEWORK_FILE)) as Framework;
  const clusterOfPathway = new Map<string, string>();
  const counts = new Map<string, Counts>();
  for (const cluster of framework.clusters) {
    for (const pathway of cluster.pathways) {
      clusterOfPathway.set(pathway.id, cluster.id);
      counts.set(pathway.id, { primary: 0, any: 0 });
    }
  }
  const clusterIds = new Set(framework.clusters.map((c) => c.id));

  let files: string[] = [];
  try {
    files = await occupationParts();
  } catch (err) {
    problems.push(err instanceof DataFileError ? err.message : String(err));
  }
  const idOwner = new Map<string, string>();
  const clustersWithFile = new Set<string>();
  let total = 0;

  for (const file of files) {
    const rel = path.relative(ROOT, file);
    let data: unknown;
    try {
      data = await readJsonFile(file);
    } catch (err) {
      problems.push(err instanceof DataFileError ? err.message : `${rel}: ${String(err)}`);
      continue;
    }
    if (!isRecord(data)) {
      problems.push(`${rel}: top level is not an object`);
      continue;
    }
    const clusterId = data.clusterId;
    if (typeof clusterId !== 'string' || !clusterIds.has(clusterId)) {
      problems.push(`${rel}: unknown or missing clusterId ${JSON.stringify(clusterId)}`);
    } else {
      if (clustersWithFile.has(clusterId)) problems.push(`${rel}: a second file for cluster "${clusterId}"`);
      clustersWithFile.add(clusterId);
      if (path.basename(file) !== `${clusterId}.json`) warnings.push(`${rel}: file name does not match clusterId "${clusterId}"`);
    }
    if (!Array.isArray(data.occupations)) {
      problems.push(`${rel}: "occupations" is missing or not a list`);
      continue;
    }
    const titlesInPathway = new Map<string, string>();

    data.occupations.forEach((occ: unknown, i: number) => {
      total += 1;
      let where = `${rel} occupations[${i}]`;
      if (!isRecord(occ)) {
        problems.push(`${where}: not an object`);
        return;
      }
      const id = checkText(where, 'id', occ.id);
      if (id !== undefined) {
        where = `${rel} "${id}"`;
        if (!KEBAB.test(id)) problems.push(`${where}: id is not kebab-case`);
        const owner = idOwner.get(id);
        if (owner !== undefined) problems.push(`${where}: duplicate id (also in ${owner})`);
        else idOwner.set(id, rel);
      }
      const title = checkText(where, 'title', occ.title);
      if (typeof occ.soc !== 'string' || !SOC.test(occ.soc)) {
        problems.push(`${where}: bad soc ${JSON.stringify(occ.soc)} (want a SOC 2018 code like "29-1131")`);
      }

      const pathwayIds = checkStringList(where, 'pathwayIds', occ.pathwayIds, 1, 2);
      pathwayIds.forEach((pid, n) => {
        const c = counts.get(pid);
        if (c === undefined) {
          problems.push(`${where}: unknown pathway id "${pid}"`);
          return;
        }
        c.any += 1;
        if (n === 0) c.primary += 1;
      });
      if (new Set(pathwayIds).size !== pathwayIds.length) problems.push(`${where}: a pathway is listed twice`);
      if (typeof clusterId === 'string' && pathwayIds.length > 0) {
        const first = clusterOfPathway.get(pathwayIds[0]!);
        if (first !== undefined && first !== clusterId) {
          warnings.push(`${where}: first pathway "${pathwayIds[0]}" is outside this file's cluster "${clusterId}"`);
        }
      }
      if (title !== undefined && pathwayIds[0] !== undefined) {
        const key = `${pathwayIds[0]}|${title.toLowerCase()}`;
        const other = titlesInPathway.get(key);
        if (other !== undefined) warnings.push(`${where}: same title as "${other}" in the same pathway`);
        titlesInPathway.set(key, id ?? '?');
      }

      checkStringList(where, 'otherNames', occ.otherNames, 2, 6);
      checkStringList(where, 'studentWords', occ.studentWords, 2, 6);

      const description = checkText(where, 'description', occ.description);
      if (description !== undefined) {
        if (!/[.!]$/.test(description.trim())) warnings.push(`${where}: description does not end a sentence`);
        if (/[.!?]\s+[A-Z]/.test(description)) warnings.push(`${where}: description looks like more than one sentence`);
        if (description.length > MAX_DESCRIPTION) {
          warnings.push(`${where}: description is ${description.length} characters (keep under ${MAX_DESCRIPTION})`);
        }
      }

      if (typeof occ.education !== 'string' || !EDUCATION_LEVELS.includes(occ.education)) {
        problems.push(
          `${where}: bad education ${JSON.stringify(occ.education)} (want one of ${EDUCATION_LEVELS.join(', ')})`,
        );
      }
      const known = new Set(['id', 'title', 'soc', 'pathwayIds', 'otherNames', 'studentWords', 'description', 'education']);
      for (const key of Object.keys(occ)) {
        if (!known.has(key)) warnings.push(`${where}: unexpected field "${key}"`);
      }
    });
  }

  const min = minimumPerPathway();
  console.log(`Occupations per pathway (best fit / listed anywhere); minimum ${min} best-fit:\n`);
  for (const cluster of framework.clusters) {
    const hasFile = clustersWithFile.has(cluster.id);
    const sum = cluster.pathways.reduce((s, p) => s + (counts.get(p.id)?.primary ?? 0), 0);
    console.log(`${cluster.id} (${sum})${hasFile ? '' : '  [no file yet]'}`);
    for (const pathway of cluster.pathways) {
      const c = counts.get(pathway.id)!;
      const flag = hasFile && c.primary < min ? '  <-- too few' : '';
      console.log(`  ${String(c.primary).padStart(3)} / ${String(c.any).padStart(3)}  ${pathway.id}${flag}`);
      if (hasFile && c.primary < min) {
        problems.push(`${pathway.id}: only ${c.primary} best-fit occupations (want at least ${min})`);
      }
    }
  }
  const missing = framework.clusters.filter((c) => !clustersWithFile.has(c.id)).map((c) => c.id);
  console.log(`\n${total} occupations in ${files.length} files.`);
  if (missing.length > 0) console.log(`Clusters with no file yet: ${missing.join(', ')}`);

  if (warnings.length > 0) {
    console.log(`\n${warnings.length} warning(s):`);
    for (const w of warnings) console.log(`  - ${w}`);
  }
  if (problems.length > 0) {
    console.log(`\n${problems.length} problem(s):`);
    for (const p of problems) console.log(`  - ${p}`);
    process.exitCode = 1;
  } else {
    console.log('\nNo problems found.');
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
