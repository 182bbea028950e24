/**
 * Button ids. A Waypoint button's action_id carries the question id and the choice id
 * ("wp|<questionId>|<choiceId>", each part URI-encoded, so ids may hold any character); its value
 * is the choice id. Slack allows 255 characters in an action_id: a very long choice id is replaced
 * by the choice's position (the value still carries the real id).
 */
export const ACTION_ID_PATTERN = /^wp\|/;
const MAX_ACTION_ID = 255;

export function encodeActionId(questionId: string, choiceId: string, index: number): string {
  const full = `wp|${encodeURIComponent(questionId)}|${encodeURIComponent(choiceId)}`;
  if (full.length <= MAX_ACTION_ID) return full;
  return `wp|${encodeURIComponent(questionId)}|#${index}`.slice(0, MAX_ACTION_ID);
}

/** The question id and choice id of a pressed Waypoint button, or undefined for any other action. */
export function decodeAction(actionId: string, value: string | undefined): { questionId: string; choiceId: string } | undefined {
  if (!ACTION_ID_PATTERN.test(actionId)) return undefined;
  const [, question, choice] = actionId.split('|');
  if (question === undefined || choice === undefined) return undefined;
  try {
    const questionId = decodeURIComponent(question);
    const choiceId = value ?? decodeURIComponent(choice);
    if (questionId === '' || choiceId === '') return undefined;
    return { questionId, choiceId };
  } catch {
    return undefined;
  }
}
