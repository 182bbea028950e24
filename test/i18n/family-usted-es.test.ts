/**
 * Spanish for a parent speaks to one person, "usted", and about a son or a daughter alike: the
 * "Cómo puede ayudar usted:" lists hold no "ustedes" step ("Hablen…", "Revisen juntos…"), and no
 * text a parent reads says only "su hijo" ("su hijo o hija", "su estudiante" or the name instead).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { DATA_DIR } from '../domain/plan/plan-fixtures.js';

const read = <T>(...parts: string[]): T => JSON.parse(readFileSync(path.join(DATA_DIR, ...parts), 'utf8')) as T;

interface Band {
  id: string;
  family: string[];
  planStart: string[];
}

/** Commands to "ustedes" (the parent and others) at the start of a step said to the parent. */
const USTEDES_STEP = /^(Hablen|Revisen|Visiten|Miren|Lean|Lleven|Conozcan|Empiecen|Pregunten|Escriban|Vean|Hagan|Pidan|Busquen|Vayan)\b/;
/** "su hijo" / "mi hijo" with no "o hija" after it. */
const SON_ONLY = /\b(su|mi|a su|de su) hijo\b(?! o hija| \(o mi hija\))/;

/** Every string in a JSON value. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

describe('Spanish for parents', () => {
  it('the grade-by-grade steps for a parent speak to "usted" and say "su hijo o hija" or "su estudiante"', () => {
    const bands = read<{ bands: Band[] }>('es', 'grade-actions.json').bands;
    const steps = bands.flatMap((b) => [...b.family, ...b.planStart].map((s) => `${b.id}: ${s}`));
    expect(steps.length).toBeGreaterThan(40);
    expect(steps.filter((s) => USTEDES_STEP.test(s.replace(/^[^:]+: /, '')))).toEqual([]);
    expect(steps.filter((s) => SON_ONLY.test(s))).toEqual([]);
  });

  it('the common questions and their answers work for a daughter too', () => {
    const questions = read<{ questions: { id: string; label: string; question: string; answer: string }[] }>('es', 'family-questions.json').questions;
    const said = questions.flatMap((q) => [q.label, q.question, q.answer].map((s) => `${q.id}: ${s}`));
    expect(said.filter((s) => SON_ONLY.test(s))).toEqual([]);
  });

  it('the message catalogs never say only "su hijo"', () => {
    const dir = path.join(DATA_DIR, 'messages', 'es');
    const said = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      // What a parent may type to be understood ("soy su mamá") is not said to anyone.
      .flatMap((f) => strings(read(path.join('messages', 'es', f))).filter((s) => !s.startsWith('soy ')).map((s) => `${f}: ${s}`));
    expect(said.filter((s) => SON_ONLY.test(s))).toEqual([]);
  });
});
