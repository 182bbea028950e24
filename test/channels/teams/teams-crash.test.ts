/**
 * The short Teams crash test: the real Teams server killed (SIGKILL) three times while four
 * students chat, each sending a cut-off activity again with the same id once the server is back.
 * The long one (50 kills, 20 students) is `npx tsx scripts/crash-test.ts --channel teams`.
 */
import { jest } from '@jest/globals';
import { runTeamsCrash } from '../../../bench/teams-crash.js';

// About 30 s on a quiet machine; start-ups slow down a lot when the machine is busy (the Slack test allows the same).
jest.setTimeout(180_000);

describe('the Teams server killed in the middle of conversations', () => {
  it('loses no activity it answered 200, leaves no saved reply unsent, no damaged or temp file, and posts nothing twice', async () => {
    const report = await runTeamsCrash({ users: 4, kills: 3, runMs: [800, 2500] });
    // Enough traffic to mean something, on a busy machine too (how many depends on start-up time, not on correctness).
    expect(report.turnsAcked).toBeGreaterThan(5);
    expect(report.resent).toBeGreaterThan(0);
    // Each answered turn sent at least one message (a turn's replies go together), unless a kill cut it off after its claim.
    expect(report.repliesPosted + report.lostInFlight).toBeGreaterThanOrEqual(report.turnsAcked);
    expect({
      ackedAndLost: report.ackedAndLost,
      savedRepliesUnsent: report.savedRepliesUnsent,
      corruptFiles: report.corruptFiles,
      tempFilesLeft: report.tempFilesLeft,
      postedTwice: report.postedTwice,
      postedWithoutSaving: report.postedWithoutSaving,
    }).toEqual({ ackedAndLost: 0, savedRepliesUnsent: 0, corruptFiles: 0, tempFilesLeft: 0, postedTwice: 0, postedWithoutSaving: 0 });
  });
});
