/**
 * Families in Spanish: "what's due", the common questions and the glossary file, said in Spanish
 * (usted) with no English sentence leaking through; English turns stay as they were.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { whatsDue } from '../../src/domain/family/index.js';
import type { Reply } from '../../src/domain/messages.js';
import type { Profile } from '../../src/domain/profile.js';
import { glossarySchema } from '../../src/domain/understanding/glossary.js';
import { loadFamilyData } from '../../src/data-files/load-family-data.js';
import { alreadyLinkedReply, FamilyQuestionBook } from '../../src/features/family/index.js';
import { withLanguage } from '../../src/i18n/language.js';
import { makePlan, status, FALL, SPRING } from '../domain/family/family-fixtures.js';
import { FamilyWorld } from '../features/family/family-world.js';

const all = (replies: Reply[]) =>
  replies.map((r) => [r.text, r.kind === 'card' ? r.fields.map((f) => `${f.label}: ${f.value}`).join('\n') : '', r.kind === 'question' ? r.choices.map((c) => c.label).join('\n') : ''].join('\n')).join('\n');

/** English words that never appear in our Spanish (names of clubs and commands aside). */
const ENGLISH = /\b(the|your|you|is|and|this|what|with|plan is|check-in|grade|counselor|student)\b/i;

function expectSpanish(said: string): void {
  // Commands people type stay English in quotes or after "escriba" (explore, change my grade).
  const withoutCommands = said.replace(/"[^"]*"/g, '').replace(/\b(explore|caseload)\b/g, '');
  expect(withoutCommands).not.toMatch(ENGLISH);
  expect(said).toMatch(/[áéíóúñ¿]/);
}

describe("what's due, in Spanish", () => {
  it('a family member hears about their student in Spanish, grade by grade, with the data file in Spanish', async () => {
    const { gradeActions } = await loadFamilyData();
    for (const grade of [0, 4, 6, 8, 9, 11, 12, 13]) {
      const replies = withLanguage('es', () =>
        whatsDue({ grade, gradeActions, plan: grade >= 6 ? makePlan(6, { goal: 'Colegio comunitario' }) : undefined, reviewInfo: status('due', { openWindow: { ...FALL, reviewed: false } }), studentName: 'Diego Pérez' }),
      );
      const said = all(replies);
      expectSpanish(said);
      expect(said).toMatch(/^Diego está en/);
    }
  });

  it('says the check-in, the dates and the next meeting in Spanish', async () => {
    const { gradeActions } = await loadFamilyData();
    const due = withLanguage('es', () => whatsDue({ grade: 9, gradeActions, plan: makePlan(9), reviewInfo: status('due', { openWindow: { ...FALL, reviewed: false } }), studentName: 'Diego' }));
    expect(due[0]!.text).toBe(
      'Diego está en noveno grado. Es tiempo de la revisión de otoño: Diego debe reunirse con el consejero para hablar del plan a más tardar el 15 de noviembre. Usted también puede ir.',
    );
    const next = withLanguage('es', () => whatsDue({ grade: 9, gradeActions, plan: makePlan(9), reviewInfo: status('up-to-date', { nextWindow: SPRING }) }));
    expect(all(next)).toContain('La próxima revisión del plan con el consejero es en primavera: del 1 de febrero al 15 de abril.');
    expect(next[0]!.text).toMatch(/^Su estudiante está en noveno grado\./);
  });

  it('a student asking for themself hears tú', async () => {
    const { gradeActions } = await loadFamilyData();
    const replies = withLanguage('es', () => whatsDue({ grade: 8, gradeActions, audience: 'student', reviewInfo: status('no-plan', { nextWindow: SPRING }) }));
    const said = all(replies);
    expectSpanish(said);
    expect(replies[0]!.text).toMatch(/^Estás en octavo grado y todavía no tienes un Plan Personal de Estudios/);
  });

  it('English turns are unchanged', async () => {
    const { gradeActions } = await loadFamilyData();
    const replies = whatsDue({ grade: 9, gradeActions, plan: makePlan(9), reviewInfo: status('due', { openWindow: { ...FALL, reviewed: false } }), studentName: 'Jordan' });
    expect(replies[0]!.text).toBe("Jordan is in 9th grade. It's fall check-in time: Jordan should meet with the counselor about the plan by Nov 15. Families are welcome to join.");
  });
});

describe('a Spanish-speaking parent in the chat', () => {
  async function world() {
    const w = new FamilyWorld();
    const diego = await w.student('diego', 9, 'Diego', makePlan(9, { goal: 'Colegio comunitario' }));
    const rosa = await w.person('rosa', 'family', { name: 'Rosa' });
    const profile = (await w.store.get<Profile>('profiles', rosa))!;
    await w.store.put<Profile>('profiles', rosa, { ...profile, language: 'es' });
    await w.link('rosa', diego);
    return { w, diego };
  }

  it.each(['qué le toca', 'Qué le toca este año?', 'que tenemos que hacer este año', "what's due"])('"%s" gets what is due, in Spanish', async (typed) => {
    const { w } = await world();
    const rosa = await w.chat('rosa');
    const replies = await withLanguage('es', () => rosa.say(typed));
    expect(replies[0]!.text).toMatch(/^Diego está en noveno grado\./);
    expectSpanish(all(replies));
  });

  it('"preguntas" lists the common questions in Spanish, and a question typed in Spanish gets its answer', async () => {
    const { w } = await world();
    const rosa = await w.chat('rosa');
    const list = await withLanguage('es', () => rosa.say('preguntas'));
    expectSpanish(all(list));
    const answer = await withLanguage('es', () => rosa.say('¿Podemos cambiar el plan?'));
    expect(answer[0]!.text).toMatch(/^Sí, cuando quieran\./);
    expectSpanish(all(answer));
  });

  it('two linked students: asked which one in Spanish', async () => {
    const { w, diego } = await world();
    const ana = await w.student('ana', 6, 'Ana');
    await w.link('rosa', diego, ana);
    const rosa = await w.chat('rosa');
    const replies = await withLanguage('es', () => rosa.say('qué le toca'));
    expect(replies.map((r) => r.text).join('\n')).toContain('Usted está conectado con 2 estudiantes. ¿De quién quiere saber?');
    expect(rosa.question()!.choices.map((c) => c.label)).toEqual(['Diego', 'Ana', 'Los dos']);
  });
});

describe('the Spanish family data files', () => {
  it('every common question has a Spanish version, matched from Spanish words', async () => {
    const data = await loadFamilyData();
    const es = data.translatedQuestions.es!;
    expect(es.map((q) => q.id)).toEqual(data.questions.map((q) => q.id));
    const book = new FamilyQuestionBook(data.questions, data.translatedQuestions);
    withLanguage('es', () => {
      expect(book.match('quién puede ver el plan de mi hija')?.id).toBe('who-sees');
      expect(book.match('cómo puedo ayudar a mi hijo en la casa')?.id).toBe('help-at-home');
      // Typed in English by a Spanish-speaking parent: answered in Spanish.
      expect(book.match('can we change the plan')?.answer).toMatch(/^Sí/);
      for (const q of book.questions()) expectSpanish(`${q.label}\n${q.answer}`);
    });
    // English turns keep the English list.
    expect(book.questions()[0]!.label).toBe('Why make a plan so early?');
  });

  it('the Spanish glossary has every English term, in the same shape', () => {
    const read = (file: string) => JSON.parse(readFileSync(path.resolve('data', file), 'utf8')) as unknown;
    const en = glossarySchema.parse(read('understanding/glossary-en.json'));
    const es = glossarySchema.parse(read('es/understanding/glossary.json'));
    expect(es.terms.map((t) => t.id)).toEqual(en.terms.map((t) => t.id));
    // English names in brackets are the official ones families see at school.
    for (const term of es.terms) expect(term.answer.replace(/\([^)]*\)/g, '')).not.toMatch(ENGLISH);
  });
});

describe('"is he ok": where a linked student stands', () => {
  async function world(language?: 'es') {
    const w = new FamilyWorld();
    const diego = await w.student('diego', 9, 'Diego', makePlan(9));
    const ana = await w.student('ana', 7, 'Ana');
    const rosa = await w.person('rosa', 'family', { name: 'Rosa' });
    if (language) await w.store.put<Profile>('profiles', rosa, { ...(await w.store.get<Profile>('profiles', rosa))!, language });
    await w.link('rosa', diego, ana);
    // Diego met his counselor in the fall window.
    await w.store.put('meetings', diego, {
      studentKey: diego,
      meetings: [{ at: '2026-09-20T15:00:00.000Z', by: 'console:counselor', windowId: '2026-27-fall', schoolYear: '2026-27' }],
      notes: [],
      signatures: [],
      updatedAt: '2026-09-20T15:00:00.000Z',
    });
    return w;
  }

  it('answers each linked student by name, with meetings this school year (English)', async () => {
    const rosa = await (await world()).chat('rosa');
    const replies = await rosa.say('is he ok?');
    const said = replies.map((r) => r.text).join('\n');
    expect(said).toContain('Diego is on track and met with the counselor this fall.');
    expect(said).toContain('1 meeting with the counselor this school year, on Sep 20.');
    expect(said).toContain("Ana doesn't have a plan in Waypoint yet.");
  });

  it('only the student named, and in Spanish for a Spanish-speaking parent', async () => {
    const rosa = await (await world('es')).chat('rosa');
    const replies = await withLanguage('es', () => rosa.say('¿Cómo va Diego?'));
    const said = all(replies);
    expect(said).toContain('Diego va bien y ya se reunió con el consejero en otoño.');
    expect(said).toContain('1 reunión con el consejero este año escolar, el 20 de septiembre.');
    expect(said).not.toContain('Ana');
    expectSpanish(said);
    const both = all(await withLanguage('es', () => rosa.say('mi hijo está bien')));
    expect(both).toContain('Ana todavía no tiene un plan en Waypoint.');
  });
});

describe('a used family code typed again by the family member it linked', () => {
  it('says who they are already linked to, in their language; anyone else gets nothing here', async () => {
    const w = new FamilyWorld();
    const diego = await w.student('diego', 9, 'Diego Pérez');
    const rosa = await w.person('rosa', 'family');
    await w.link('rosa', diego);
    const record = { code: 'KX7M4PQR', kind: 'family-invite' as const, ownerKey: diego, usedBy: rosa, createdAt: '2026-09-01T00:00:00.000Z', expiresAt: '2026-09-08T00:00:00.000Z', uses: 1 };
    expect((await alreadyLinkedReply(w.store, record, rosa))?.text).toMatch(/^You're already linked to Diego, so/);
    expect((await withLanguage('es', () => alreadyLinkedReply(w.store, record, rosa)))?.text).toMatch(/^Usted ya está conectado con Diego, así/);
    expect(await alreadyLinkedReply(w.store, record, 'console:someone-else')).toBeUndefined();
  });
});
