/**
 * The buttons that name one student ("<action>:<student key>"): after "which one?" and under a
 * student's view. Every press checks the student is still on the counselor's caseload.
 */
import { planHeader, planTable, type Plan } from '../../domain/plan/index.js';
import type { Command } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import { audit } from '../people/audit.js';
import { denyAccess } from '../people/links.js';
import { studentRow } from './caseload-rows.js';
import type { CounselorDeps } from './counselor-deps.js';
import { readFocus } from './counselor-focus.js';
import { meetAndNote, noteFor } from './meeting-commands.js';
import { onMyCaseload, WHICH_Q } from './my-students.js';
import { startRemind } from './remind-flow-start.js';
import { counselorSigns } from './sign-plan-commands.js';
import { showStudent } from './student-view.js';

export function studentActionsCommand(deps: CounselorDeps): Command {
  return {
    id: 'counselor-student-action',
    roles: ['counselor'],
    questionIds: [WHICH_Q],
    matches: () => false,
    run: async (ctx, { choiceId = '' }) => {
      const i = choiceId.indexOf(':');
      const action = choiceId.slice(0, i);
      const key = choiceId.slice(i + 1);
      if (i < 0 || !(await onMyCaseload(ctx, key))) return denyAccess(ctx, key || undefined, deps.logger);
      const store = ctx.records.store;
      const row = await studentRow(store, key, deps.framework, await deps.reviewPolicy(), ctx.now);
      const who = row.name ?? key;
      switch (action) {
        case 'show':
        case 'open':
          return showStudent(ctx, key, deps);
        case 'met': {
          const pending = (await readFocus(store, ctx.userKey))?.pendingNote;
          return meetAndNote(ctx, deps, row, pending);
        }
        case 'note': {
          const pending = (await readFocus(store, ctx.userKey))?.pendingNote;
          return noteFor(ctx, key, pending ?? '', who);
        }
        case 'sign':
          return counselorSigns(ctx, key, who);
        case 'remind':
          return startRemind(ctx, deps, [row], who.split(/\s+/)[0]!);
        case 'plan': {
          const plan = await store.get<Plan>('plans', key);
          if (!plan?.versions?.length) return void ctx.say({ kind: 'text', text: t('counselor.view.noPlan', { who }) });
          await audit(store, { at: ctx.now.toISOString(), by: ctx.userKey, action: 'plan-viewed', subject: key });
          return void ctx.say(planTable(plan, planHeader(plan, deps.framework.framework, { name: who }), t('counselor.view.planTitle', { who, first: who.split(/\s+/)[0]! })));
        }
        default:
          return denyAccess(ctx, key, deps.logger);
      }
    },
  };
}
