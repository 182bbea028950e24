/**
 * Makes any text safe to show in Slack. Slack reads `&`, `<` and `>` as control characters: an
 * escaped text can never form a link or a mention (`<!channel>`, `<!here>`, `<!everyone>`,
 * `<@U123>`, `<!subteam^…>`). The plain words `@channel`, `@here` and `@everyone` get an invisible
 * word joiner after the `@`, so no client can turn them into a broadcast either.
 */
const WORD_JOINER = '\u2060';

export function escapeSlackText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(?=(channel|here|everyone)\b)/gi, `@${WORD_JOINER}`);
}

/** Undoes escapeSlackText's three entities (for text Slack hands back, before escaping it again). */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Cuts a text to at most `max` characters, ending with an ellipsis when it was cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never cut an escape sequence ("&amp;") in half.
  let cut = text.slice(0, max - 1);
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && amp > cut.length - 6 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  return `${cut}…`;
}

/**
 * Splits an (already escaped) text into pieces of at most `max` characters, preferring line breaks,
 * then spaces, and never cutting an escape sequence in half.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    const amp = rest.lastIndexOf('&', cut - 1);
    if (amp > 0 && amp > cut - 6 && !rest.slice(amp, cut).includes(';')) cut = amp;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]+/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
