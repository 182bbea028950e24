/**
 * The plan's work-based learning and activities in Spanish: every phrase the plan templates hold
 * has its Spanish, and a Spanish-speaking person sees them in Spanish wherever a plan is shown or
 * printed (chat views, the family's view, "what's due", the PDF, the CSV). Course names (the
 * school's own) and what a student typed stay as they are; English turns stay as they were.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { voiceFor } from '../../src/domain/family/index.js';
import { planThisYear } from '../../src/domain/family/plan-this-year.js';
import type { FileReply, PlanTableReply, Reply } from '../../src/domain/messages.js';
import { applyPlanChange } from '../../src/domain/plan/apply-plan-change.js';
import { draftPlan } from '../../src/domain/plan/draft-plan.js';
import { parsePlanChange } from '../../src/domain/plan/parse-plan-change.js';
import type { PlanData } from '../../src/domain/plan/plan-data-types.js';
import { currentPlan } from '../../src/domain/plan/plan-history.js';
import { PLAN_ROWS, type Plan } from '../../src/domain/plan/plan-types.js';
import { planHeader, planRows, reviewReplies, showGradeReply, showPlanReplies } from '../../src/domain/plan/plan-views.js';
import { planCsvRows } from '../../src/export/plan-csv.js';
import { renderPlanPdf } from '../../src/export/plan-pdf.js';
import { withLanguage } from '../../src/i18n/language.js';
import { allPathways, BY, DATA_DIR, framework, loadPlanData, NOW } from '../domain/plan/plan-fixtures.js';
import { pdfStrings } from '../export/pdf-text-extract.js';
import { studentWithPlan } from '../helpers/family-with-plan.js';
import { englishIn } from '../helpers/spanish.js';
import { codeIn, newWorld } from '../features/people/people-world.js';

type GradeList = Record<string, string[]>;
interface TemplateFile {
  workBasedLearning?: GradeList;
  activities?: GradeList;
  pathways?: Record<string, { workBasedLearning?: GradeList; activities?: GradeList }>;
}

const CLUSTERS = path.join(DATA_DIR, 'plans', 'clusters');
const PHRASES = (JSON.parse(readFileSync(path.join(DATA_DIR, 'es', 'plans', 'phrases.json'), 'utf8')) as { phrases: Record<string, string> }).phrases;

/** Every work-based learning and activity phrase in the templates (cluster and pathway lists), with where it is. */
function templatePhrases(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(CLUSTERS).filter((f) => f.endsWith('.json')).sort()) {
    const t = JSON.parse(readFileSync(path.join(CLUSTERS, file), 'utf8')) as TemplateFile;
    const lists: [string, GradeList | undefined][] = [
      ['workBasedLearning', t.workBasedLearning],
      ['activities', t.activities],
      ...Object.entries(t.pathways ?? {}).flatMap(([id, p]): [string, GradeList | undefined][] => [
        [`pathways.${id}.workBasedLearning`, p.workBasedLearning],
        [`pathways.${id}.activities`, p.activities],
      ]),
    ];
    for (const [where, list] of lists) {
      for (const [grade, names] of Object.entries(list ?? {})) for (const n of names) if (!out.has(n)) out.set(n, `${file} $.${where}.${grade}`);
    }
  }
  return out;
}

const TEMPLATE_PHRASES = templatePhrases();
/** The English phrases a Spanish reader must never see (official names like "4-H" read the same in both). */
const ENGLISH_ONLY = [...TEMPLATE_PHRASES.keys()].filter((p) => PHRASES[p] !== undefined && PHRASES[p] !== p);

/** The template phrases left in English in `text` (an official name kept in parentheses, "(Science Olympiad)", is not). */
const englishPhrasesIn = (text: string): string[] =>
  ENGLISH_ONLY.filter((p) => text.split(p).slice(0, -1).some((before) => !before.endsWith('(')));

let data: PlanData;
beforeAll(async () => {
  data = await loadPlanData();
});

const es = <T>(work: () => T): T => withLanguage('es', work);
const draft = (pathwayId: string, currentGrade = 6): Plan => draftPlan({ framework, data, pathwayId, currentGrade, now: NOW, by: BY });

/** Course names and organizations (FFA, HOSA): the school's own names, said as they are in any language. */
function courseNamesIn(plan: Plan): string[] {
  const c = currentPlan(plan);
  const names = c.grades.flatMap((g) => PLAN_ROWS.filter((r) => r !== 'work-based-learning' && r !== 'activities').flatMap((r) => g.rows[r].map((i) => i.name)));
  return [...new Set([...names, ...data.organizations.map((o) => o.name)])];
}

function words(replies: Reply[]): string {
  return replies
    .map((r) => (r.kind === 'plan' ? [r.text, ...r.rows.flatMap((x) => [x.label, ...x.cells])].join('\n') : r.kind === 'card' ? [r.text, ...r.fields.map((f) => f.value)].join('\n') : 'text' in r ? r.text : ''))
    .join('\n');
}

/** The PDF's text with each cell's wrapped lines joined again (pdfkit breaks lines at spaces). */
const pdfWords = (pdf: Buffer): string => pdfStrings(pdf).join(' ').replace(/\s+/g, ' ');

describe('the Spanish of the plan templates', () => {
  it('every work-based learning step and activity in data/plans/clusters has a Spanish entry in data/es/plans/phrases.json', () => {
    expect(TEMPLATE_PHRASES.size).toBeGreaterThan(200);
    const missing = [...TEMPLATE_PHRASES].filter(([p]) => !PHRASES[p]?.trim()).map(([p, where]) => `${where}: "${p}"`);
    expect(missing).toEqual([]);
  });

  it('the Spanish entries read as Spanish: no English sentence words, official names kept (SAE, FFA, SkillsUSA)', () => {
    const english = [...TEMPLATE_PHRASES.keys()].map((p) => ({ p, english: englishIn(PHRASES[p] ?? '') })).filter((x) => x.english.length > 0);
    expect(english).toEqual([]);
    expect(PHRASES['Supervised agricultural experience (SAE): finish your project and apply for FFA awards']).toMatch(/\(SAE\).*FFA/);
    expect(PHRASES['Campus SkillsUSA chapter']).toContain('SkillsUSA');
    expect(PHRASES['4-H']).toBe('4-H');
  });
});

describe('a plan shown in Spanish', () => {
  it('every pathway: the whole plan, each grade and the review show work-based learning and activities in Spanish, courses as they are', () => {
    for (const { pathway } of allPathways) {
      const plan = draft(pathway.id);
      const c = currentPlan(plan);
      const replies = es(() => [
        ...showPlanReplies(plan, planHeader(plan, framework), { studentGrade: 9 }),
        ...c.grades.map((g) => showGradeReply(plan, g.grade)),
        ...reviewReplies(plan, planHeader(plan, framework), { studentGrade: 10 }),
      ]);
      const text = words(replies);
      expect({ pathway: pathway.id, english: englishPhrasesIn(text) }).toEqual({ pathway: pathway.id, english: [] });
      // The work-based learning and activities cells hold no English sentence words once course and organization names are out.
      const table = replies[0] as PlanTableReply;
      const cells = [PLAN_ROWS.indexOf('work-based-learning'), PLAN_ROWS.indexOf('activities')].flatMap((i) => table.rows[i]!.cells).join('\n');
      expect({ pathway: pathway.id, english: englishIn(cells, courseNamesIn(plan)) }).toEqual({ pathway: pathway.id, english: [] });
      // Course names stay the school's own.
      const english9 = c.grades.find((g) => g.grade === 9)!.rows.english[0]!.name;
      expect(text).toContain(english9);
    }
  });

  it('the CSV and "what\'s due" card show them in Spanish', () => {
    const plan = draft('health-science.therapeutic-services', 8);
    const rows = es(() => planCsvRows(plan, planHeader(plan, framework, { name: 'Ana' })));
    const csv = rows.map((r) => r.join('\t')).join('\n');
    expect(englishPhrasesIn(csv)).toEqual([]);
    expect(csv).toContain('Acompañar a alguien en su trabajo: un enfermero o un terapeuta');
    const card = es(() => planThisYear(plan, 8, voiceFor('family', 'Ana')));
    const said = words([card]);
    expect(englishPhrasesIn(said)).toEqual([]);
    expect(said).toContain('Acompañar a alguien en su trabajo: un enfermero o un terapeuta');
  });

  it('the printed plan (PDF) shows them in Spanish', async () => {
    for (const id of ['agriculture.agribusiness-systems', 'health-science.therapeutic-services', 'manufacturing.production']) {
      const plan = draft(id);
      const pdf = await es(() => renderPlanPdf(plan, planHeader(plan, framework, { name: 'Sam Rivera' }), { compress: false }));
      const text = pdfWords(pdf);
      expect({ id, english: englishPhrasesIn(text) }).toEqual({ id, english: [] });
      // The same cells, joined the same way, do read as their Spanish (so the check above can see a phrase).
      const spanish = es(() => planRows(currentPlan(plan)).rows[PLAN_ROWS.indexOf('work-based-learning')]!.cells.flat());
      for (const s of spanish) expect(text).toContain(s);
    }
  });

  it('a phrase the student typed stays as typed; English turns stay in English', () => {
    const plan = draft('health-science.therapeutic-services', 9);
    const change = parsePlanChange('add chess and checkers club in 10th');
    if (!change) throw new Error('not a change');
    const r = applyPlanChange(plan, change, { now: NOW, by: BY, data });
    if (!r.ok) throw new Error(r.reason);
    const typed = currentPlan(r.plan).grades.find((g) => g.grade === 10)!.rows.activities.find((i) => i.custom)!;
    expect(typed).toBeDefined();
    const spanishTable = es(() => showGradeReply(r.plan, 10)) as PlanTableReply;
    expect(spanishTable.rows[PLAN_ROWS.indexOf('activities')]!.cells[0]).toContain(typed.name);

    const englishTable = showGradeReply(plan, 9) as PlanTableReply;
    expect(englishTable.rows[PLAN_ROWS.indexOf('work-based-learning')]!.cells[0]).toContain('Job shadowing: a nurse or therapist');
  });
});

describe('a Spanish-speaking family member and the plan', () => {
  it('"muéstreme el plan de Sam" and its PDF show the work-based learning and activities in Spanish', async () => {
    const w = await newWorld();
    const sam = await w.student('sam', 10);
    const { plan } = await studentWithPlan(w.store, { studentKey: 'console:sam', name: 'Sam Rivera', grade: 10, counselorKey: 'console:lee', counselorName: 'Ms. Lee', school: 'Lincoln High', now: w.now() });
    await sam.say('invite my family');
    const code = codeIn(sam.text());
    const mom = w.chat('mom');
    await mom.say('hola');
    await mom.say('familia');
    await mom.say(code);

    await mom.say('muéstreme el plan de Sam');
    const table = mom.last.find((r): r is PlanTableReply => r.kind === 'plan')!;
    const said = words(mom.last);
    expect(englishPhrasesIn(said)).toEqual([]);
    const wbl = table.rows[PLAN_ROWS.indexOf('work-based-learning')]!.cells.join('\n');
    expect(wbl).toMatch(/Acompañar a alguien en su trabajo|Excursión escolar|Experiencia agrícola supervisada \(SAE\)/);
    expect(englishIn(said, courseNamesIn(plan))).toEqual([]);

    await mom.say('descargar el plan en pdf');
    const pdf = mom.last.find((r): r is FileReply => r.kind === 'file')!;
    expect(englishPhrasesIn(pdfWords(await readFile(pdf.path)))).toEqual([]);
  });
});
