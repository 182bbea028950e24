/**
 * "report for the principal" / "school report": the school's numbers per grade in chat, then the
 * same as a one-page PDF (bar chart) and a CSV. "ICAP export": one row per student on the
 * counselor's own caseload, as a CSV for the student information system. Every export is audited.
 */
import { text } from '../../domain/messages.js';
import type { Command, TurnContext } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import { renderIcapCsv } from '../../export/icap-csv.js';
import { renderPrincipalCsv } from '../../export/principal-csv.js';
import { renderPrincipalPdf } from '../../export/principal-pdf.js';
import { writeExportFile } from '../../export/write-export-file.js';
import { audit } from '../people/audit.js';
import { notSetUp } from './my-students.js';
import { studentRows } from './caseload-rows.js';
import type { CounselorDeps } from './counselor-deps.js';
import { icapRows } from './icap-export.js';
import { buildSchoolReport, reportReplies } from './report-summary.js';
import { reportScope } from './report-scope.js';

const nobody = () => text(t('counselor.report.nobody'));
const failed = () => text(t('counselor.report.failed'));

const stamp = (now: Date) => now.toISOString().replace(/[^0-9]/g, '').slice(0, 14);
const OWN_ONLY = /\b(my|own) (caseload|students|list)\b|\bjust (mine|me)\b|\bonly mine\b/;

/** Words that ask for the principal's summary ("report for the principal", "school report"). */
export function isPrincipalReportWords(words: string): boolean {
  return /^(the )?(school|principal|principals|building|grade level) (report|summary|numbers)\b|^(a |the )?(report|summary) for (the |my )?(principal|school|admin|administration)\b|^principal report\b/.test(words);
}

/** Words that ask for the ICAP export ("icap export", "export icap", "sis export"). */
export function isIcapExportWords(words: string): boolean {
  return /^(the )?(icap|sis|state|mosis) (export|csv|file|report|spreadsheet)$|^export (the )?(icap|icaps|icap data|for (the )?(sis|state))$|^icap$/.test(words);
}

export function principalReportCommand(deps: CounselorDeps): Command {
  return {
    id: 'principal-report',
    intents: ['principal-report'],
    get help() {
      return t('counselor.help.schoolReport');
    },
    roles: ['counselor'],
    matches: isPrincipalReportWords,
    run: async (ctx, input) => {
      const store = ctx.records.store;
      const words = (input.text ?? '').toLowerCase().replace(/[’']/g, '');
      const scope = await reportScope(store, ctx.userKey, { ownOnly: OWN_ONLY.test(words) });
      if (!scope) return ctx.say(notSetUp());
      if (scope.studentKeys.length === 0) return ctx.say(nobody());
      const policy = await deps.reviewPolicy();
      const rows = await studentRows(store, scope.studentKeys, deps.framework, policy, ctx.now);
      const report = buildSchoolReport(rows, scope, policy, ctx.now);
      ctx.say(...reportReplies(report));
      try {
        const base = `school-report-${ctx.userKey}-${stamp(ctx.now)}`;
        const shown = `school-report-${report.meta.date}`;
        const pdf = await writeExportFile({ folder: deps.exportDir, diskName: `${base}.pdf`, shownName: `${shown}.pdf`, mimeType: 'application/pdf', body: await renderPrincipalPdf(report), text: t('counselor.report.pdf') });
        const csv = await writeExportFile({ folder: deps.exportDir, diskName: `${base}.csv`, shownName: `${shown}.csv`, mimeType: 'text/csv', body: renderPrincipalCsv(report), text: t('counselor.report.csv') });
        await audit(store, { at: ctx.now.toISOString(), by: ctx.userKey, action: 'export', school: scope.school });
        deps.logger?.info({ user: ctx.userKey, students: rows.length, counselors: scope.counselorKeys.length }, 'school report exported');
        ctx.say(pdf, csv, text(t(scope.counselorKeys.length > 1 ? 'counselor.report.countsOnlySchool' : 'counselor.report.countsOnly')));
      } catch (err) {
        deps.logger?.info({ user: ctx.userKey, error: err instanceof Error ? err.name : 'unknown' }, 'school report export failed');
        ctx.say(failed());
      }
    },
  };
}

export function icapExportCommand(deps: CounselorDeps): Command {
  return {
    id: 'icap-export',
    intents: ['icap-export'],
    get help() {
      return t('counselor.help.icap');
    },
    roles: ['counselor'],
    matches: isIcapExportWords,
    run: async (ctx: TurnContext) => {
      const store = ctx.records.store;
      const scope = await reportScope(store, ctx.userKey, { ownOnly: true });
      if (!scope) return ctx.say(notSetUp());
      if (scope.studentKeys.length === 0) return ctx.say(nobody());
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
          text: t('counselor.report.icapFile', { count: icap.length }),
        });
        const at = ctx.now.toISOString();
        for (const r of icap) await audit(store, { at, by: ctx.userKey, action: 'export', subject: r.studentId });
        deps.logger?.info({ user: ctx.userKey, students: icap.length }, 'icap export');
        ctx.say(text(t('counselor.report.icapSummary', { students: t('counselor.report.students', { count: icap.length }), withPlan: t('counselor.report.withIcap', { count: withPlan }), onTrack })), file);
      } catch (err) {
        deps.logger?.info({ user: ctx.userKey, error: err instanceof Error ? err.name : 'unknown' }, 'icap export failed');
        ctx.say(failed());
      }
    },
  };
}
