/**
 * What a question's buttons say on Slack (pure). A label never shows a user key ("slack:U2",
 * "teams:29:1x"): the key belongs in the button's value and action id only. A label left empty gets
 * "Choice 3"; two labels that read the same get "(2)", "(3)" after the first, so every button says
 * something and no two say the same thing.
 */
import type { Choice } from '../../domain/messages.js';
import { t } from '../../i18n/t.js';

/** A user key as the store writes it: "<channel>:<platform user id>". */
const USER_KEY = /\b(?:slack|teams|console):[^\s(),]+/gi;
/** "Pat (slack:U2)" -> "Pat". */
const KEY_IN_BRACKETS = /\s*\(\s*(?:slack|teams|console):[^\s()]+\s*\)/gi;

/** A label with every user key taken out; a label that was only a key says "someone without a name yet". */
export function labelWithoutKeys(label: string): string {
  const bracketsGone = label.replace(KEY_IN_BRACKETS, '');
  const keysGone = bracketsGone.replace(USER_KEY, () => t('slack.someone'));
  return keysGone.replace(/\s+/g, ' ').trim();
}

/** The labels the buttons show, in order: no keys, none empty, no two the same. */
export function buttonLabels(choices: readonly Choice[]): string[] {
  const seen = new Map<string, number>();
  return choices.map((choice, index) => {
    const base = labelWithoutKeys(choice.label) || t('slack.choiceFallback', { number: index + 1 });
    const key = base.toLowerCase();
    const times = (seen.get(key) ?? 0) + 1;
    seen.set(key, times);
    return times === 1 ? base : t('slack.sameLabel', { label: base, n: times });
  });
}
