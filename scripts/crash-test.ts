/**
 * `npx tsx scripts/crash-test.ts [--channel slack|teams] [--kills 50] [--users 20]`: kills the
 * Slack (default) or Teams server 50 times while 20 students chat, then prints what was lost
 * (nothing should be). Exits 1 when a message answered 200 was lost, a saved reply was left
 * unsent, a file was damaged, a temp file was left, or a reply was posted twice. See
 * bench/slack-crash.ts and bench/teams-crash.ts.
 */
import type { CrashOptions, CrashReport } from '../bench/crash-kit.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const channelAt = process.argv.indexOf('--channel');
const channel = channelAt >= 0 ? process.argv[channelAt + 1] : 'slack';
if (channel !== 'slack' && channel !== 'teams') {
  process.stderr.write(`--channel must be slack or teams, not "${channel ?? ''}"\n`);
  process.exit(2);
}

const options: CrashOptions = { users: arg('--users', 20), kills: arg('--kills', 50), runMs: [300, 2500], log: (l) => process.stdout.write(`${l}\n`) };
const report: CrashReport =
  channel === 'teams' ? await (await import('../bench/teams-crash.js')).runTeamsCrash(options) : await (await import('../bench/slack-crash.js')).runSlackCrash(options);
process.stdout.write(`${JSON.stringify({ channel, ...report }, null, 2)}\n`);
const bad = report.ackedAndLost + report.savedRepliesUnsent + report.corruptFiles + report.tempFilesLeft + report.postedTwice;
process.exit(bad === 0 ? 0 : 1);
