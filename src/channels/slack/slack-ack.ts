/** Answering Slack in time: Slack waits 3 s for an acknowledgement, whatever a turn still has to do. */

/**
 * Runs a listener's work, but returns (and so lets Slack be answered) by `withinMs` at the latest:
 * a slow turn goes on and is saved and answered as usual; a failure after that is logged.
 */
export async function within(withinMs: number, work: Promise<void>, log: (error: unknown) => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), withinMs);
  });
  try {
    if ((await Promise.race([work, late])) === 'late') work.catch(log);
  } finally {
    clearTimeout(timer);
  }
}

/** ack() once: when the turn's replies are saved, or when the time Slack allows is nearly up. */
export function ackOnce(ack: () => Promise<void>, withinMs: number): { now(): Promise<void> } {
  let done = false;
  const go = async () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    await ack();
  };
  const timer = setTimeout(() => void go().catch(() => undefined), withinMs);
  timer.unref?.();
  return { now: go };
}
