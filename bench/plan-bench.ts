/**
 * Plan of study figures for `npm run bench`: drafting + checking one plan (mean and p99 over every
 * pathway and starting grade, repeated), applying one typed change, rendering one PDF, and the
 * bytes a change writes for a student with a long history.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Framework } from '../src/domain/framework-types.js';
import { applyPlanChange } from '../src/domain/plan/apply-plan-change.js';
import { checkPlan } from '../src/domain/plan/check-plan.js';
import { draftPlan } from '../src/domain/plan/draft-plan.js';
import { parsePlanChange } from '../src/domain/plan/parse-plan-change.js';
import { planHeader } from '../src/domain/plan/plan-views.js';
import { renderPlanPdf } from '../src/export/plan-pdf.js';
import { readPlanData } from '../src/data-files/read-plan-data-files.js';
import { planWriteBytes } from './plan-write-bytes.js';
import { ms, percentile, timeIt } from './stats.js';

const NOW = '2026-09-01T15:00:00.000Z';

export async function benchPlans(): Promise<Record<string, string>> {
  const dataDir = path.resolve('data');
  const framework = JSON.parse(readFileSync(path.join(dataDir, 'frameworks', 'missouri.json'), 'utf8')) as Framework;
  const loadTimer = timeIt();
  const data = await readPlanData({ dataDir, framework });
  const loadMs = loadTimer();
  const pathways = framework.clusters.flatMap((c) => c.pathways.map((p) => p.id));

  const draftTimes: number[] = [];
  let problems = 0;
  for (let round = 0; round < 4; round++) {
    for (const pathwayId of pathways) {
      for (let grade = 6; grade <= 12; grade++) {
        const t = timeIt();
        const plan = draftPlan({ framework, data, pathwayId, currentGrade: grade, now: NOW, by: 'bench' });
        problems += checkPlan(plan, data.requirements).length;
        draftTimes.push(t());
      }
    }
  }
  draftTimes.sort((a, b) => a - b);

  const plan = draftPlan({ framework, data, pathwayId: 'health-science.therapeutic-services', currentGrade: 7, now: NOW, by: 'bench' });
  const changeTimes: number[] = [];
  const words = ['move chemistery to 12th', 'add FFA in 10th', 'remove band', 'swap Chemistry for Biology', 'move English IV to 7th'];
  for (let i = 0; i < 200; i++) {
    const t = timeIt();
    applyPlanChange(plan, parsePlanChange(words[i % words.length]!)!, { now: NOW, by: 'bench', data });
    changeTimes.push(t());
  }
  changeTimes.sort((a, b) => a - b);

  const header = planHeader(plan, framework, { name: 'Bench Student', school: 'Bench High' });
  await renderPlanPdf(plan, header); // warm up fonts
  const pdfTimes: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 20; i++) {
    const t = timeIt();
    bytes = (await renderPlanPdf(plan, header)).length;
    pdfTimes.push(t());
  }
  pdfTimes.sort((a, b) => a - b);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  return {
    'plan data load (16 templates, core, requirements)': ms(loadMs),
    [`draft + check one plan, mean (n=${draftTimes.length})`]: ms(mean(draftTimes)),
    'draft + check one plan, p99': ms(percentile(draftTimes, 99)),
    'problems found in drafted plans (should be 0)': String(problems),
    [`apply one typed change, mean (n=${changeTimes.length})`]: ms(mean(changeTimes)),
    'apply one typed change, p99': ms(percentile(changeTimes, 99)),
    [`render one PDF, mean (n=${pdfTimes.length})`]: ms(mean(pdfTimes)),
    'render one PDF, p99': ms(percentile(pdfTimes, 99)),
    'PDF size': `${(bytes / 1024).toFixed(1)} KB`,
    ...planWriteBytes(plan, data),
  };
}
