/** A matcher over the small test occupation set in ./fixture-occupations.json (parts in ./fixtures) plus our real keywords and framework. */
import path from 'node:path';
import { loadFramework } from '../../../src/data-files/load-framework.js';
import { loadOccupationData } from '../../../src/data-files/load-occupations.js';
import { OccupationMatcher } from '../../../src/domain/occupations/occupation-matcher.js';
import type { Framework } from '../../../src/domain/framework-types.js';

export async function fixtureMatcher(): Promise<{ matcher: OccupationMatcher; framework: Framework }> {
  const { framework } = await loadFramework();
  const data = await loadOccupationData({
    occupationIndex: path.resolve('test/domain/occupations/fixture-occupations.json'),
    onetFile: false,
    clusterIds: new Set(framework.clusters.map((c) => c.id)),
  });
  return { matcher: new OccupationMatcher(framework, data), framework };
}
