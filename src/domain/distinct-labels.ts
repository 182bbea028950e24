/**
 * Button labels for people, never their internal ids: the name; when two share a name, the name
 * and a detail ("Ana Diaz, 11th grade"); when those are still the same, a number ("Ana Diaz, 11th
 * grade (2)"). Someone with no name yet is `unnamed(n)` ("Family member 1").
 */
export interface Labelled {
  name?: string;
  /** Said after the name when it is shared ("11th grade"). */
  detail?: string;
}

export function distinctLabels(people: readonly Labelled[], unnamed: (n: number) => string): string[] {
  let nameless = 0;
  const base = people.map((p) => p.name?.trim() || unnamed(++nameless));
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const byName = count(base);
  const detailed = base.map((b, i) => ((byName.get(b) ?? 0) > 1 && people[i]!.detail ? `${b}, ${people[i]!.detail}` : b));
  const byDetailed = count(detailed);
  const seen = new Map<string, number>();
  return detailed.map((d) => {
    if ((byDetailed.get(d) ?? 0) < 2) return d;
    const n = (seen.get(d) ?? 0) + 1;
    seen.set(d, n);
    return `${d} (${n})`;
  });
}
