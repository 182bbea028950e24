/** The plan in Spanish: the chat views, changes, checks, the flow's questions and the printed plan. */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import type { PlanTableReply, QuestionReply, Reply } from '../../src/domain/messages.js';
import { applyPlanChange, type ApplyResult } from '../../src/domain/plan/apply-plan-change.js';
import { checkPlan } from '../../src/domain/plan/check-plan.js';
import { draftPlan } from '../../src/domain/plan/draft-plan.js';
import { parsePlanChange } from '../../src/domain/plan/parse-plan-change.js';
import type { PlanData } from '../../src/domain/plan/plan-data-types.js';
import { currentVersion, recordReview } from '../../src/domain/plan/plan-history.js';
import type { Plan } from '../../src/domain/plan/plan-types.js';
import { changeReply, optionsReply, planHeader, problemsReply, reviewReplies, showGradeReply, showPlanReplies } from '../../src/domain/plan/plan-views.js';
import { planCsvRows } from '../../src/export/plan-csv.js';
import { renderPlanPdf } from '../../src/export/plan-pdf.js';
import { withLanguage } from '../../src/i18n/language.js';
import { say } from '../../src/features/plan/plan-replies.js';
import { isFinishReviewWords, isUndoWords } from '../../src/features/plan/plan-words.js';
import { isReviewDoneWords } from '../../src/domain/plan/review-words.js';
import * as flowSay from '../../flows/plan-replies.js';
import { BY, framework, loadPlanData, NOW } from '../domain/plan/plan-fixtures.js';
import { newChat } from '../helpers/test-app.js';
import { now, studentWithPathway } from '../features/plan/plan-chat-helpers.js';
import { pdfStrings } from '../export/pdf-text-extract.js';
import { expectNoEnglish as expectSpanish, schoolNamesIn } from '../helpers/spanish.js';

let data: PlanData;
let plan: Plan;
beforeAll(async () => {
  data = await loadPlanData();
  plan = draftPlan({ framework, data, pathwayId: 'health-science.therapeutic-services', currentGrade: 9, now: NOW, by: BY });
});

const es = <T>(work: () => T): T => withLanguage('es', work);

function change(p: Plan, words: string): ApplyResult {
  const parsed = parsePlanChange(words);
  if (!parsed) throw new Error(`not a change: ${words}`);
  return applyPlanChange(p, parsed, { now: NOW, by: BY, data });
}

function ok(r: ApplyResult): Extract<ApplyResult, { ok: true }> {
  if (!r.ok) throw new Error(r.reason);
  return r;
}

/** All the words of replies, as one text. */
function words(replies: Reply[]): string {
  return replies
    .map((r) => {
      if (r.kind === 'question') return [r.text, ...r.choices.map((c) => c.label)].join('\n');
      if (r.kind === 'plan') return [r.text, ...r.rows.map((x) => x.label), ...r.grades].join('\n');
      return 'text' in r ? r.text : '';
    })
    .join('\n');
}

/** No English sentence left in a Spanish reply; the school's names of classes and activities stay as they are. */
const expectNoEnglish = (text: string): void => expectSpanish(text, schoolNamesIn(plan));

describe('the plan in Spanish', () => {
  it('shows the plan with Spanish headings, grade names and row names', () => {
    const replies = es(() => {
      const header = planHeader(plan, framework, { name: 'Sam', school: 'Example High School' });
      return [...showPlanReplies(plan, header, { studentGrade: 9 }), optionsReply(plan)];
    });
    const text = words(replies);
    expect(text).toContain('Este año: 9.º grado');
    expect(text).toContain('Estudiante: Sam');
    expect(text).toContain('Ruta de Carrera:');
    expect(text).toContain('Matemáticas');
    expect(text).toContain('Opciones después de la preparatoria');
    // The data's goal ideas and options are said in Spanish too (data/es/plans/phrases.json).
    expect(text).toContain('Licenciatura en enfermería (BSN)');
    expect(text).not.toMatch(/Bachelor's degree|Associate's degree/);
    expect((replies[0] as PlanTableReply).grades).toContain('Post-prepa 1');
    // Course names are the school's own and stay as they are; the sentences around them are Spanish.
    const sentences = replies.filter((r) => r.kind === 'text').map((r) => ('text' in r ? r.text : ''));
    for (const s of sentences) expectNoEnglish(s.replace(/"[^"]*"/g, '""'));
  });

  it('says a change, its preview and its confirmation in Spanish, and stores the version line in English', () => {
    const r = ok(es(() => change(plan, 'move chemistry to 12th')));
    expect(r.preview).toBe('Este es el cambio: Pasar Chemistry de 11.º grado a 12.º grado.');
    expect(r.confirmation).toBe('Se pasó Chemistry de 11.º grado a 12.º grado.');
    expect(currentVersion(r.plan).summary).toBe('Moved Chemistry from 11th to 12th.');
    expect(es(() => changeReply(r)).text).toBe('Se pasó Chemistry de 11.º grado a 12.º grado. Escribe "undo" si quieres deshacerlo.');
    const undone = ok(es(() => applyPlanChange(r.plan, { kind: 'undo' }, { now: NOW, by: BY, data })));
    expect(undone.confirmation).toBe('Deshice tu último cambio (se pasó Chemistry de 11.º grado a 12.º grado).');
    expect(currentVersion(undone.plan).summary).toMatch(/^Undid: moved Chemistry/);
  });

  it('refuses in Spanish, keeping the example command in the words the app reads', () => {
    const refused = es(() => change(plan, 'add Welding I'));
    expect(refused.ok).toBe(false);
    const text = es(() => changeReply(refused)).text;
    expect(text).toMatch(/Tu plan sigue igual\.$/);
    expect(es(() => showGradeReply(plan, 7))).toMatchObject({ kind: 'text', text: expect.stringMatching(/^Tu plan va de 9\.º grado a 2 años/) });
  });

  it('reads Spanish undo and goal words', () => {
    expect(parsePlanChange('mi meta es ser enfermera')).toEqual({ kind: 'set-goal', goal: 'enfermera' });
    expect(parsePlanChange('deshacer')).toEqual({ kind: 'undo' });
    expect(isUndoWords('deshaz eso')).toBe(true);
    expect(isReviewDoneWords('¡Listo!')).toBe(true);
    expect(isReviewDoneWords('ya terminé')).toBe(true);
    expect(isFinishReviewWords('terminar revisión')).toBe(true);
  });

  it('says check problems, the review and its questions in Spanish', () => {
    const thin = ok(change(plan, 'remove Algebra I')).plan;
    const problems = es(() => problemsReply(checkPlan(thin, data.requirements)));
    expect(problems.text).toMatch(/^Veo \d+ cosas? que arreglar:/);
    expectNoEnglish(problems.text);
    const reviewed = recordReview(ok(change(thin, 'move chemistry to 12th')).plan, { now: NOW, by: BY });
    expect(reviewed.reviews[0]!.changesSinceLastReview.every((l) => /^(Removed|Moved|Added|Swapped)/.test(l))).toBe(true);
    const review = es(() => reviewReplies(reviewed, planHeader(reviewed, framework), { studentGrade: 9 }));
    expect(words(review)).toMatch(/^Tu última revisión fue el 1 de septiembre de 2026\./);
    const questions: QuestionReply[] = es(() => [flowSay.reviewQuestion(true), flowSay.confirm('Este es el cambio: Quitar Band.'), say.goalQuestion([])]);
    const text = words(questions);
    expect(text).toContain('¿Hago este cambio?');
    expect(text).toContain('Sí, está bien');
    expectNoEnglish(text);
    expectNoEnglish(es(() => say.drafted('Servicios Terapéuticos (Therapeutic Services)', 9).text));
  });

  it('prints the plan (PDF and CSV) in Spanish', async () => {
    const header = es(() => planHeader(recordReview(plan, { now: NOW, by: BY }), framework, { name: 'Sam Rivera' }));
    const pdf = await es(() => renderPlanPdf(plan, header, { compress: false }));
    const strings = pdfStrings(pdf).join('\n');
    expect(strings).toContain('Plan Personal de Estudios');
    expect(strings).toMatch(/Página 1 de \d/);
    expect(strings).toContain('Matemáticas');
    expect(strings).toContain('1 de septiembre de 2026');
    expect(strings).not.toMatch(/Personal Plan of Study|Postsecondary|Page 1 of/);
    const rows = es(() => planCsvRows(plan, header));
    const csv = parse(rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n')) as string[][];
    expect(csv.map((r) => r[0])).toEqual(expect.arrayContaining(['Estudiante', 'Grado', 'Inglés', 'Otras Actividades']));
    expect(csv.find((r) => r[0] === 'Grado')).toContain('9.º');
  });

  it('keeps English exactly as before outside a Spanish turn', () => {
    const r = ok(change(plan, 'move chemistry to 12th'));
    expect(r.preview).toBe("Here's the change: Move Chemistry from 11th to 12th.");
    expect(changeReply(r).text).toBe('Moved Chemistry from 11th to 12th. Say "undo" to take it back.');
  });
});

describe('a Spanish-speaking student in the chat', () => {
  it('drafts, shows and changes the plan in Spanish', async () => {
    const chat = await newChat({ now });
    await studentWithPathway(chat, '10th');
    const key = `${chat.channel}:${chat.user}`;
    const profile = await chat.store.get<Record<string, unknown>>('profiles', key);
    await chat.store.put('profiles', key, { ...profile, language: 'es' });

    await chat.say('plan');
    const drafted = chat.text();
    expect(drafted).toMatch(/^Hice un primer borrador de tu Plan de Estudios/);
    expect(drafted).toContain('Este año: 10.º grado');
    expect(drafted).toContain('Ruta de Carrera: Servicios Terapéuticos (Therapeutic Services)');
    expect(drafted).toContain('¿qué te gustaría hacer después de la preparatoria?');
    // Lines that are sentences (not a row of course names) hold no English.
    for (const line of drafted.split('\n').filter((l) => /^[A-ZÁÉÍÓÚ¿¡][^:]*[.?!]$/.test(l))) expectNoEnglish(line.replace(/"[^"]*"/g, '""'));

    await chat.say('move chemistry to 12th');
    expect(chat.text()).toMatch(/^Este es el cambio: Pasar Chemistry de 11\.º grado a 12\.º grado\. ¿Hago este cambio\?/);
    await chat.press('plan:confirm', 'yes');
    expect(chat.text()).toBe('Se pasó Chemistry de 11.º grado a 12.º grado. Escribe "undo" si quieres deshacerlo.');
    await chat.say('deshacer');
    expect(chat.text()).toBe('Deshice tu último cambio (se pasó Chemistry de 11.º grado a 12.º grado).');
  });
});
