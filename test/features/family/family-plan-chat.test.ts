/**
 * A family member reads their student's whole plan, grade by grade, and gets it as a PDF to print,
 * in their own language; read-only, only their own student's, and every look is audited.
 */
import { readFile } from 'node:fs/promises';
import { MEETINGS, type MeetingRecord } from '../../../src/domain/meetings.js';
import type { FileReply, PlanTableReply } from '../../../src/domain/messages.js';
import { PLAN_WHICH_Q, asksForPlan, asksForPlanPdf } from '../../../src/features/family/family-plan-command.js';
import { auditEntries } from '../../../src/features/people/audit.js';
import { pdfStrings } from '../../export/pdf-text-extract.js';
import { expectNoEnglish } from '../../helpers/spanish.js';
import { studentWithPlan } from '../../helpers/family-with-plan.js';
import { codeIn, newWorld } from '../people/people-world.js';

async function familyOfSam(language?: 'es') {
  const w = await newWorld();
  const sam = await w.student('sam', 10);
  const { schoolNames } = await studentWithPlan(w.store, { studentKey: 'console:sam', name: 'Sam Rivera', grade: 10, counselorKey: 'console:lee', counselorName: 'Ms. Lee', school: 'Lincoln High', now: w.now() });
  await sam.say('invite my family');
  const code = codeIn(sam.text());
  const mom = w.chat('mom');
  if (language === 'es') {
    await mom.say('hola');
    await mom.say('familia');
  } else {
    await mom.say('hi');
    await mom.press('onboarding:role', 'family');
  }
  await mom.say(code);
  return { w, mom, sam, schoolNames };
}

const planOf = (replies: unknown[]) => replies.find((r): r is PlanTableReply => (r as PlanTableReply).kind === 'plan');

describe('a family member and the whole plan', () => {
  it('"show his plan" shows every grade of the linked student\'s plan, this year marked, read-only, and is audited', async () => {
    const { w, mom } = await familyOfSam();
    await mom.say('show his plan');
    const table = planOf(mom.last)!;
    expect(table.title).toBe("Sam's plan, grade by grade");
    expect(table.grades.length).toBeGreaterThanOrEqual(4);
    expect(table.grades[table.thisYearIndex!]).toBe('10th');
    expect(table.fields).toContainEqual({ label: 'Student', value: 'Sam Rivera' });
    expect(table.fields).toContainEqual({ label: 'School', value: 'Lincoln High' });
    expect(mom.text()).toMatch(/Options after high school/);
    expect(mom.text()).toMatch(/This is Sam's plan to read: Sam changes it, with the counselor\./);
    expect((await auditEntries(w.store)).filter((a) => a.action === 'plan-viewed').map((a) => [a.by, a.subject])).toEqual([['console:mom', 'console:sam']]);
    // Read-only: a change typed by the family member changes nothing, and says who can.
    const before = JSON.stringify(await w.store.get('plans', 'console:sam'));
    await mom.say('move chemistry to 12th');
    expect(mom.text()).toBe('Only Sam can change the plan, with the counselor. You can talk it over together: type "show the plan" to see it.');
    await mom.say('mueve química a 12');
    expect(JSON.stringify(await w.store.get('plans', 'console:sam'))).toBe(before);
  });

  it.each(["show sam's plan", 'what classes is he taking', 'his plan', 'see the plan'])('understands "%s"', async (typed) => {
    const { mom } = await familyOfSam();
    await mom.say(typed);
    expect(planOf(mom.last)?.title).toBe("Sam's plan, grade by grade");
  });

  it('reads the words a family uses, in English and Spanish, and not others', () => {
    for (const w of ["show diego's plan", 'muéstreme el plan de Diego', 'qué clases toma', 'el plan de mi hijo', 'ver el plan']) expect(asksForPlan(w)).toBe(true);
    for (const w of ['download the plan', 'descargar el plan en pdf', 'mándeme el plan en PDF', "print sam's plan", 'imprimir el plan']) expect(asksForPlanPdf(w)).toBe(true);
    for (const w of ['show my plan', 'plan', 'move chemistry to 12th', 'what is due']) expect(asksForPlan(w) || asksForPlanPdf(w)).toBe(false);
  });

  it("another student's name gets the same polite refusal, and nothing about them", async () => {
    const { w, mom } = await familyOfSam();
    await w.student('ana', 9);
    await mom.say("show ana's plan");
    expect(mom.text()).toBe("Sorry, I can't share that.");
    expect((await auditEntries(w.store)).some((a) => a.action === 'plan-viewed')).toBe(false);
  });

  it('a family member with two students is asked whose plan, and a pressed name must be theirs', async () => {
    const { w, mom } = await familyOfSam();
    const ana = await w.student('ana', 9);
    await ana.say('invite my family');
    await mom.say(codeIn(ana.text()));
    await mom.say('show the plan');
    expect(mom.question()).toMatchObject({ questionId: PLAN_WHICH_Q, text: 'Whose plan would you like to see?' });
    expect(mom.question()!.choices.map((c) => c.label).sort()).toEqual(['Sam', 'Student in 9th grade']);
    await mom.press(PLAN_WHICH_Q, 'console:ana');
    expect(mom.text()).toMatch(/doesn't have a plan in Waypoint yet/);
    await mom.press(PLAN_WHICH_Q, 'console:kai');
    expect(mom.text()).toBe("Sorry, I can't share that.");
  });

  it('before linking, explains how to link', async () => {
    const w = await newWorld();
    const dad = await w.family('dad');
    await dad.say('show his plan');
    expect(dad.text()).toMatch(/not linked to a student yet/);
  });
});

describe('a family member gets the plan as a PDF', () => {
  it('"download the plan": a PDF of the whole plan, audited as an export', async () => {
    const { w, mom } = await familyOfSam();
    await mom.say('download the plan');
    const pdf = mom.last.find((r): r is FileReply => r.kind === 'file')!;
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', filename: 'plan-of-study-sam-2026-11-23.pdf', text: "Sam's plan as a PDF, to print" });
    const strings = pdfStrings(await readFile(pdf.path)).join('\n');
    expect(strings).toContain('Personal Plan of Study');
    expect(strings).toContain('Sam Rivera');
    expect((await auditEntries(w.store)).filter((a) => a.action === 'export').map((a) => [a.by, a.subject])).toEqual([['console:mom', 'console:sam']]);
  });

  it('in Spanish: the plan and its PDF in Spanish, with the school\'s class names as they are', async () => {
    const { mom, schoolNames } = await familyOfSam('es');
    await mom.say('muéstreme el plan de Sam');
    expect(planOf(mom.last)?.title).toBe('El plan de Sam, grado por grado');
    expect(mom.text()).toMatch(/Este año: 10\.º grado/);
    expect(mom.text()).toMatch(/Este es el plan de Sam para que usted lo lea/);
    expectNoEnglish(mom.text(), schoolNames);

    await mom.say('descargar el plan en pdf');
    const pdf = mom.last.find((r): r is FileReply => r.kind === 'file')!;
    expect(pdf.text).toBe('El plan de Sam en PDF, para imprimir');
    const strings = pdfStrings(await readFile(pdf.path)).join('\n');
    expect(strings).toContain('Plan Personal de Estudios');
    expect(strings).toMatch(/Página 1 de \d/);
    expect(strings).not.toMatch(/Personal Plan of Study|Page 1 of|Postsecondary/);
  });
});

describe('the sign-off, asked in Spanish', () => {
  it('"quién firmó el plan" says who signed and signs nothing; "firmar el plan" signs', async () => {
    const { w, mom } = await familyOfSam('es');
    const signatures = async () => ((await w.store.get<MeetingRecord>(MEETINGS, 'console:sam'))?.signatures ?? []).length;
    await mom.say('quién firmó el plan');
    expect(mom.text()).toBe('Sam: Nadie ha firmado todavía la versión 1 del plan.');
    expect(await signatures()).toBe(0);
    await mom.say('firmar el plan');
    expect(await signatures()).toBe(1);
    await mom.say('¿quiénes han firmado?');
    expect(mom.text()).toMatch(/^Sam: Firmado \(versión 1\): Familia \(23 de noviembre de 2026\)\. Falta la firma de: Consejero, Estudiante\.$/);
    expect(await signatures()).toBe(1);
  });
});
