/**
 * `npx tsx scripts/crash-test.ts [--kills 50] [--users 20]`: kills the Slack server 50 times while
 * 20 students chat, then prints what was lost (nothing should be). See bench/slack-crash.ts.
 */
import { runSlackCrash } from '../bench/slack-crash.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

const report = await runSlackCrash({ users: arg('--users', 20), kills: arg('--kills', 50), runMs: [300, 2500], log: (l) => process.stdout.write(`${l}\n`) });
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
const bad = report.ackedAndLost + report.savedRepliesUnsent + report.corruptFiles + report.tempFilesLeft + report.postedTwice;
process.exit(bad === 0 ? 0 : 1);
