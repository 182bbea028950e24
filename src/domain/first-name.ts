/**
 * What to call someone in a short line: the first word of their display name ("Ana" of "Ana
 * Ruiz"), or a title with the name after it ("Ms. Lee", "Dr. Patel", "Sra. Díaz"), never a title
 * alone ("Hi again, Ms.!"). Kept short; undefined when there is no name.
 */
const TITLES = /^(mr|mrs|ms|mx|miss|dr|prof|coach|sr|sra|srta|dra|profe)\.?$/i;

export function firstName(name: string | undefined): string | undefined {
  const words = name?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (words.length === 0) return undefined;
  const called = TITLES.test(words[0]!) && words.length > 1 ? `${words[0]} ${words[words.length - 1]}` : words[0]!;
  return called.slice(0, 40);
}
