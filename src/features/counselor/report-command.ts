/**
 * "report for the principal" / "school report": the school's numbers per grade in chat, then the
 * same as a one-page PDF (bar chart) and a CSV. "ICAP export": one row per student on the
 * counselor's own caseload, as a CSV for the student information system. Every export is audited.
 */
import { text } from '../../domain/messages.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { renderIcapCsv } from '../../export/icap-csv.js';
import { renderPrincipalCsv } from '../../export/principal-csv.js';
import { renderPrincipalPdf } from '../../export/principal-pdf.js';
import { writeExportFile } from '../../export/write-export-file.js';
import { audit } from '../people/audit.js';
import { NOT_SET_UP } from './caseload-commands.js';
import { studentRows } from './caseload-rows.js';
import type { CounselorDeps } from './counselor-deps.js';
import { icapRows } from './icap-export.js';
import { buildSchoolReport, reportReplies } from './report-summary.js';
import { reportScope } from './report-scope.js';

const NOBODY = text('No students on your list yet, so there is nothing to report. Say "new class code" to get a code your students can type to join.');
const FAILED = text("Sorry, I couldn't save that file just now. Please try again in a minute.");

const stamp = (now: Date) => now.toISOString().replace(/[^0-9]/g, '').slice(0, 14);
const OWN_ONLY = /\b(my|own) (caseload|students|list)\b|\bjust (mine|me)\b|\bonly mine\b/;

/** Words that ask for the principal's summary ("report for the principal", "school report"). */
export function isPrincipalReportWords(t: string): boolean {
  return /^(the )?(school|principal|principals|building|grade level) (report|summary|numbers)\b|^(a |the )?(report|summary) for (the |my )?(principal|school|admin|administration)\b|^principal report\b/.test(t);
}

/** Words that ask for the ICAP export ("icap export", "export icap", "sis export"). */
export function isIcapExportWords(t: string): boolean {
  return /^(the )?(icap|sis|state|mosis) (export|csv|file|report|spreadsheet)$|^export (the )?(icap|icaps|icap data|for (the )?(sis|state))$|^icap$/.test(t);
}

export function principalReportCommand(deps: CounselorDeps): Command {
  return {
    id: 'principal-report',
    intents: ['principal-report'],
    help: "school report: your school's numbers by grade, with a PDF for the principal and a CSV",
    roles: ['counselor'],
    matches: isPrincipalReportWords,
    run: async (ctx, input) => {
      const store = ctx.records.store;
      const words = (input.text ?? '').toLowerCase().replace(/[’']/g, '');
      const scope = await reportScope(store, ctx.userKey, { ownOnly: OWN_ONLY.test(words) });
      if (!scope) return ctx.say(NOT_SET_UP);
      if (scope.studentKeys.length === 0) return ctx.say(NOBODY);
      const policy = await deps.reviewPolicy();
      const rows = await studentRows(store, scope.studentKeys, deps.framework, policy, ctx.now);
      const report = buildSchoolReport(rows, scope, policy, ctx.now);
      ctx.say(...reportReplies(report));
      try {
        const base = `school-report-${ctx.userKey}-${stamp(ctx.now)}`;
        const shown = `school-report-${report.meta.date}`;
        const pdf = await writeExportFile({ folder: deps.exportDir, diskName: `${base}.pdf`, shownName: `${shown}.pdf`, mimeType: 'application/pdf', body: await renderPrincipalPdf(report), text: 'For the principal: one page with a bar chart by grade (PDF).' });
        const csv = await writeExportFile({ folder: deps.exportDir, diskName: `${base}.csv`, shownName: `${shown}.csv`, mimeType: 'text/csv', body: renderPrincipalCsv(report), text: 'The same numbers as a spreadsheet (CSV), one row per grade.' });
        await audit(store, { at: ctx.now.toISOString(), by: ctx.userKey, action: 'export', school: scope.school });
        deps.logger?.info({ user: ctx.userKey, students: rows.length, counselors: scope.counselorKeys.length }, 'school report exported');
        const other = scope.counselorKeys.length > 1 ? ' Say "school report for my caseload" for only your students.' : '';
        ctx.say(pdf, csv, text(`Counts only, no names.${other} Say "ICAP export" for one row per student.`));
      } catch (err) {
        deps.logger?.info({ user: ctx.userKey, error: err instanceof Error ? err.name : 'unknown' }, 'school report export failed');
        ctx.say(FAILED);
      }
    },
  };
}

export function icapExportCommand(deps: CounselorDeps): Command {
  return {
    id: 'icap-export',
    intents: ['icap-export'],
    help: 'ICAP export: one row per student on your list, for your student information system (CSV)',
    roles: ['counselor'],
    matches: isIcapExportWords,
    run: async (ctx: TurnContext) => {
      const store = ctx.records.store;
      const scope = await reportScope(store, ctx.userKey, { ownOnly: true });
      if (!scope) return ctx.say(NOT_SET_UP);
      if (scope.studentKeys.length === 0) return ctx.say(NOBODY);
      const policy = await deps.reviewPolicy();
      const rows = await studentRows(store, scope.studentKeys, deps.framework, policy, ctx.now);
      const requirements = await deps.requirements();
      const icap = await icapRows(store, rows, { policy, now: ctx.now, ...(requirements ? { requirements } : {}) });
      const withPlan = icap.filter((r) => r.hasIcap).length;
      const onTrack = icap.filter((r) => r.onTrack === 'yes').length;
      try {
        const file = await writeExportFile({
          folder: deps.exportDir,
          diskName: `icap-export-${ctx.userKey}-${stamp(ctx.now)}.csv`,
          shownName: `icap-export-${ctx.now.toISOString().slice(0, 10)}.csv`,
          mimeType: 'text/csv',
          body: renderIcapCsv(icap),
          text: `ICAP export (CSV): ${icap.length} student${icap.length === 1 ? '' : 's'}, one row each.`,
        });
        const at = ctx.now.toISOString();
        for (const r of icap) await audit(store, { at, by: ctx.userKey, action: 'export', subject: r.studentId });
        deps.logger?.info({ user: ctx.userKey, students: icap.length }, 'icap export');
        ctx.say(text(`${icap.length} student${icap.length === 1 ? '' : 's'}: ${withPlan} ${withPlan === 1 ? 'has' : 'have'} an ICAP (Plan of Study), ${onTrack} on track to graduate by their plan.`), file);
      } catch (err) {
        deps.logger?.info({ user: ctx.userKey, error: err instanceof Error ? err.name : 'unknown' }, 'icap export failed');
        ctx.say(FAILED);
      }
    },
  };
}
