/**
 * Builds the O*NET occupation index the matcher uses besides the built-in one.
 *
 *   npm run import:onet -- --dir <folder of O*NET database text files> --clusters <career clusters CSV> [--out <file>]
 *
 * Writes data/generated/onet-index.json (git-ignored). Data: O*NET database by USDOL/ETA, CC BY 4.0.
 */
import path from 'node:path';
import { loadFramework } from '../src/data-files/load-framework.js';
import { ONET_INDEX_FILE } from '../src/data-files/load-occupations.js';
import { importOnet, writeOnetIndex } from '../src/data-files/import-onet.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const dir = option('dir');
  const clusters = option('clusters');
  if (dir === undefined || clusters === undefined) {
    console.error('Usage: npm run import:onet -- --dir <folder of O*NET text files> --clusters <career clusters CSV> [--out <file>]');
    process.exitCode = 2;
    return;
  }
  const out = path.resolve(option('out') ?? ONET_INDEX_FILE);
  const { framework } = await loadFramework();
  const result = await importOnet({
    dir: path.resolve(dir),
    clustersCsv: path.resolve(clusters),
    framework,
    now: new Date().toISOString(),
  });
  await writeOnetIndex(result.index, out);
  const placed = result.index.occupations.filter((o) => o.clusterIds.length > 0).length;
  console.log(`Wrote ${result.index.occupations.length} occupations (${placed} placed in a cluster) to ${out}`);
  if (result.unmatchedClusters.length > 0) console.log(`O*NET clusters with no match: ${result.unmatchedClusters.join('; ')}`);
  if (result.unmatchedPathways.length > 0) console.log(`O*NET pathways with no match:\n  ${result.unmatchedPathways.join('\n  ')}`);
  console.log(result.index.attribution);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
