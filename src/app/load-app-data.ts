import path from 'node:path';
import { PROJECT_DIR, type Config } from '../config.js';
import { loadFramework } from '../data-files/load-framework.js';
import { readJsonFile } from '../data-files/read-json-file.js';
import type { FrameworkIndex } from '../domain/framework-index.js';
import { parseInterestItems, type InterestItem } from '../domain/interest-items.js';
import { loadOccupationData } from '../data-files/load-occupations.js';
import { OccupationMatcher } from '../domain/occupations/occupation-matcher.js';
import { readPlanData } from '../data-files/read-plan-data-files.js';
import type { PlanData } from '../domain/plan/index.js';
import { loadFamilyData, type FamilyData } from '../data-files/load-family-data.js';
import { loadUnderstanding, type UnderstandingData } from '../data-files/load-understanding.js';
import { loadPay } from '../data-files/load-pay.js';
import type { PayTable } from '../domain/occupations/typical-pay.js';
import type { IntentClassifier } from '../domain/understanding/intent-classifier.js';

/** The read-only data every channel needs, loaded and validated once at start-up. */
export interface AppData {
  framework: FrameworkIndex;
  items: InterestItem[];
  matcher: OccupationMatcher;
  /** Whether the optional O*NET index (npm run import:onet) was found and loaded. */
  onetLoaded: boolean;
  /** Plan of Study templates, catalog and graduation requirements (state, or WAYPOINT_DISTRICT's). */
  plans: PlanData;
  /** Grade actions, family questions and the review policy (what's due, family questions). */
  family: FamilyData;
  /** The understanding step: intents, answer words, glossary and the trained classifier. */
  understanding: UnderstandingData & { classifier: IntentClassifier; hasJobName: (text: string) => boolean };
  /** Typical pay by SOC code (data/pay.json, built from the BLS wage table by npm run import:pay). */
  pay: PayTable;
}

/** `withOnet: false` ignores a local O*NET index (tests, so they behave the same on every machine). */
export async function loadAppData(
  config: Pick<Config, 'WAYPOINT_FRAMEWORK'> & Partial<Pick<Config, 'WAYPOINT_INTEREST_ITEMS' | 'WAYPOINT_DISTRICT' | 'WAYPOINT_TIME_ZONE'>>,
  opts: { withOnet?: boolean } = {},
): Promise<AppData> {
  const framework = await loadFramework(config.WAYPOINT_FRAMEWORK);
  const itemsFile = config.WAYPOINT_INTEREST_ITEMS ?? path.join(PROJECT_DIR, 'data/interest-items.json');
  const items = parseInterestItems(await readJsonFile(itemsFile), itemsFile, new Set(framework.clusters.map((c) => c.id)));
  const clusterIds = new Set(framework.clusters.map((c) => c.id));
  const occupations = await loadOccupationData({ clusterIds, interestItemsFile: itemsFile, ...(opts.withOnet === false ? { onetFile: false as const } : {}) });
  const matcher = new OccupationMatcher(framework.framework, occupations);
  const district = config.WAYPOINT_DISTRICT;
  const plans = await readPlanData({ dataDir: path.join(PROJECT_DIR, 'data'), framework: framework.framework, ...(district ? { district } : {}) });
  const [family, understanding, pay] = await Promise.all([
    loadFamilyData(config.WAYPOINT_TIME_ZONE ? { timeZone: config.WAYPOINT_TIME_ZONE } : {}),
    loadUnderstanding({ isJobName: (w) => matcher.namesJob(w) }),
    loadPay(),
  ]);
  return { framework, items, matcher, onetLoaded: occupations.onet !== undefined, plans, family, understanding, pay };
}
