/**
 * The short crash test: the real Slack server killed (SIGKILL) three times while four students chat.
 * The long one (50 kills, 20 students) is `npx tsx scripts/crash-test.ts`.
 */
import { jest } from '@jest/globals';
import { runSlackCrash } from '../../../bench/slack-crash.js';

jest.setTimeout(180_000);

describe('the Slack server killed in the middle of conversations', () => {
  it('loses no message it answered 200, leaves no saved reply unsent, no damaged or temp file, and posts nothing twice', async () => {
    const report = await runSlackCrash({ users: 4, kills: 3, runMs: [800, 2500] });
    // Enough traffic to mean something, on a busy machine too (how many depends on start-up time, not on correctness).
    expect(report.turnsAcked).toBeGreaterThan(5);
    expect({
      ackedAndLost: report.ackedAndLost,
      savedRepliesUnsent: report.savedRepliesUnsent,
      corruptFiles: report.corruptFiles,
      tempFilesLeft: report.tempFilesLeft,
      postedTwice: report.postedTwice,
    }).toEqual({ ackedAndLost: 0, savedRepliesUnsent: 0, corruptFiles: 0, tempFilesLeft: 0, postedTwice: 0 });
  });
});
