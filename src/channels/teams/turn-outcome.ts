/**
 * What the Bot Connector is told when a turn fails. It sends an activity again only after an error
 * answer (or none), so a turn that failed before it was safely recorded answers an error status:
 * 500 for a turn that failed, 503 for a copy of an activity whose first copy failed while this one
 * waited. A turn answers 200 only once its replies are saved in the outbox.
 */
export class RetryLater extends Error {
  constructor(message = 'the first copy of this activity failed; send it again') {
    super(message);
    this.name = 'RetryLater';
  }
}

export function failureStatus(err: unknown): 500 | 503 {
  return err instanceof RetryLater ? 503 : 500;
}
