/**
 * Understanding in Spanish: the Spanish models read a Spanish turn (withLanguage('es')), on our own
 * labelled set (data/understanding/eval-es.json: families and students, no accents, typos and
 * Spanglish; the held-out part was written before the Spanish corpus and is never tuned on), the
 * same reading the engine does. English stays as it was: its family set is measured here too.
 * `npm run eval:understanding` prints both per role and intent.
 */
import path from 'node:path';
import { engineParts } from '../../src/app/create-engine.js';
import { evaluateUnderstanding, percent, readLabelledSet, readMessage, type UnderstandingReport } from '../../src/app/evaluate-understanding.js';
import { PROJECT_DIR } from '../../src/config.js';
import { answerKind } from '../../src/domain/answer-words.js';
import { familyQuestionMatcher } from '../../src/domain/family/match-family-question.js';
import { matchChoice } from '../../src/domain/match-choice.js';
import { commandWords } from '../../src/engine/read-input.js';
import { withLanguage, type Language } from '../../src/i18n/language.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { Records } from '../../src/store/records.js';
import { appData } from '../helpers/test-app.js';
import { roleExamples, roleFallback } from '../../src/features/understand/role-fallback.js';
import { waypointAnswer } from '../../src/features/understand/waypoint-questions.js';
import { exploreIsForStudents } from '../../src/features/understand/understand-text.js';
import type { TurnContext } from '../../src/engine/command.js';
import type { Reply } from '../../src/domain/messages.js';

let es: UnderstandingReport;
let en: UnderstandingReport;
type Data = Awaited<ReturnType<typeof appData>>;
let data: Data;

async function measure(lang: Language, file: string): Promise<UnderstandingReport> {
  const deps = engineParts({ records: new Records(new MemoryStore()), data });
  const u = data.understanding;
  const lexicon = { frame: u.jobFrame, interestLeads: u.interestLeads, hasJobName: u.hasJobName, familyQuestion: familyQuestionMatcher(data.family.questions) };
  const set = await readLabelledSet(path.join(PROJECT_DIR, file));
  return withLanguage(lang, () => evaluateUnderstanding(set, (text, role) => readMessage(deps, data.matcher, data.framework, lexicon, text, role)));
}

beforeAll(async () => {
  data = await appData();
  es = await measure('es', 'data/understanding/eval-es.json');
  en = await measure('en', 'test/understanding/labelled-utterances.json');
}, 120_000);

describe('understanding Spanish', () => {
  it('reads at least 150 labelled Spanish messages from families and students, a held-out part among them', () => {
    expect(es.overall.total).toBeGreaterThanOrEqual(150);
    expect(es.byRole['family']!.total).toBeGreaterThanOrEqual(60);
    expect(es.byRole['student']!.total).toBeGreaterThanOrEqual(60);
    expect(es.byPart.heldOut.total).toBeGreaterThanOrEqual(50);
  });

  it('understands at least 90% of them, and of the held-out part', () => {
    expect(percent(es.overall)).toBeGreaterThanOrEqual(90);
    expect(percent(es.byPart.heldOut)).toBeGreaterThanOrEqual(90);
  });

  it('reads every Spanish message about danger or self-harm as such', () => {
    expect(percent(es.byIntent['distress']!)).toBe(100);
  });

  it('still understands at least 90% of the English family messages', () => {
    expect(percent(en.byRole['family']!)).toBeGreaterThanOrEqual(90);
    expect(percent(en.overall)).toBeGreaterThanOrEqual(90);
  });

  it('reads a message with the model of the turn language', async () => {
    const c = data.understanding.classifier;
    expect(c.languages).toEqual(['en', 'es']);
    const top = async (lang: Language, text: string, who: 'family' | 'student') => withLanguage(lang, async () => (await c.classify(text, who))[0]?.intent);
    expect(await top('es', 'me quiero morir', 'student')).toBe('distress');
    expect(await top('es', 'alguien me está lastimando', 'family')).toBe('distress');
    expect(await top('es', '¿Qué tiene que hacer mi hijo este año?', 'family')).toBe('whats-due');
    expect(await top('es', 'quién es el consejero', 'family')).toBe('my-counselor');
    expect(await top('en', 'who is my counselor', 'student')).toBe('my-counselor');
    // Outside any turn: English.
    expect((await c.classify('i want to die', 'student'))[0]?.intent).toBe('distress');
  });

  it('reads yes, no, unsure, skip and later in either language, with or without accents', () => {
    const aw = data.understanding.answerWords;
    const kind = (typed: string) => answerKind(commandWords(typed), aw);
    expect(['Sí', 'si', 'claro', 'ándale', 'yes', 'ok'].map(kind)).toEqual(['yes', 'yes', 'yes', 'yes', 'yes', 'yes']);
    expect(['no', 'nel', 'no gracias', 'nah'].map(kind)).toEqual(['no', 'no', 'no', 'no']);
    expect(['no sé', 'tal vez', 'idk'].map(kind)).toEqual(['maybe', 'maybe', 'maybe']);
    expect(['saltar', 'siguiente', 'skip'].map(kind)).toEqual(['skip', 'skip', 'skip']);
    expect(['después', 'ahorita no', 'later'].map(kind)).toEqual(['later', 'later', 'later']);
    const yesNo = [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }];
    expect(matchChoice('¡Sí, por favor!', yesNo, aw)?.id).toBe('yes');
    expect(matchChoice('nel', yesNo, aw)?.id).toBe('no');
  });
});

describe('the understanding answers in Spanish', () => {
  const english = / (the|your|you|and|type|what) /i;
  const said = (replies: Reply[]) => replies.map((r) => (r.kind === 'text' ? r.text : '')).join(' ');
  const ctxOf = (role?: 'student' | 'family') => ({ profile: () => (role ? { role } : undefined) }) as unknown as TurnContext;

  it('answers questions about Waypoint in Spanish, to a student with the way on and to a parent without', () => {
    for (const words of ['what is a career cluster', 'what is a pathway', 'what is a career path', 'what is a plan of study', 'who can see my answers', 'can i change my mind later']) {
      const toStudent = withLanguage('es', () => waypointAnswer(words, 'student'))!;
      const toParent = withLanguage('es', () => waypointAnswer(words, 'family'))!;
      for (const answer of [toStudent, toParent]) {
        expect(answer).toMatch(/[áéíóúñ¿]|\b(es|un|una|de|que)\b/);
        expect(` ${answer} `).not.toMatch(english);
      }
      expect(toStudent.length).toBeGreaterThan(toParent.length - 1);
    }
    expect(withLanguage('es', () => waypointAnswer('what is a career cluster', 'student'))).toBe(
      'Un Grupo de Carreras (Career Cluster) es una familia de trabajos que usan habilidades parecidas. Missouri tiene 16, como Ciencias de la Salud o Manufactura. Escribe "explorar" para contestar unas preguntas rápidas y ver cuáles van contigo.',
    );
    // English stays word for word.
    expect(waypointAnswer('what is a career cluster', 'student')).toBe(
      'A Career Cluster is a family of jobs that use similar skills. Missouri has 16, like Health Science or Manufacturing. Type explore to answer quick questions and see which ones fit you.',
    );
  });

  it('says what it did not catch in Spanish, with examples the Spanish models understand', async () => {
    const toStudent = withLanguage('es', () => said(roleFallback(ctxOf('student'))));
    const toParent = withLanguage('es', () => said(roleFallback(ctxOf('family'))));
    expect(toStudent).toMatch(/^Perdón, no entendí\. Puedes escribir/);
    expect(toParent).toMatch(/^Perdón, no entendí\. Puede escribir/);
    for (const s of [toStudent, toParent]) expect(` ${s} `).not.toMatch(english);
    expect(withLanguage('es', () => exploreIsForStudents())).toMatch(/^Explorar carreras paso a paso es para estudiantes/);
    // Each Spanish example, typed back in a Spanish turn, is understood as what it stands for.
    const c = data.understanding.classifier;
    const meant = async (text: string, who: 'student' | 'family') => withLanguage('es', async () => (await c.classify(commandWords(text), who))[0]?.intent);
    const [sa, , sc] = withLanguage('es', () => roleExamples('student'));
    const [fa, fb, fc] = withLanguage('es', () => roleExamples('family'));
    expect([await meant(sa, 'student'), await meant(sc, 'student')]).toEqual(['explore', 'plan-show']);
    expect([await meant(fa, 'family'), await meant(fb, 'family'), await meant(fc, 'family')]).toEqual(['whats-due', 'family-plan', 'glossary']);
  });
});
