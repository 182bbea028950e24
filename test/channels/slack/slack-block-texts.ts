/** Reading what a person sees in Slack blocks (no nock here: renderer tests load no HTTP mocking). */
/** Every text a person could read in some blocks (section text, fields, context, button labels). */
export function visibleTexts(blocks: any[]): string[] {
  const out: string[] = [];
  for (const b of blocks ?? []) {
    if (b.text?.text) out.push(b.text.text);
    for (const f of b.fields ?? []) out.push(f.text);
    for (const e of b.elements ?? []) {
      if (typeof e.text === 'string') out.push(e.text);
      else if (e.text?.text) out.push(e.text.text);
    }
  }
  return out;
}
