/** The people features for the wiring: codes, family links, caseload requests, who viewed a record, and the code-entry flow and effect. */
import { randomInt } from 'node:crypto';
import type { Effect } from '../../../flows/flow-protocol.js';
import { enterCodeMachine, ENTER_CODE_VERSION } from '../../../flows/enter-code.js';
import type { ProactiveSender } from '../../domain/messages.js';
import type { Command, TextFallback } from '../../engine/command.js';
import { addStudentCommand } from '../counselor/caseload-membership.js';
import { caseloadRequestAnswerCommand, caseloadRequestReader } from './caseload-request-chat.js';
import { whoViewedCommand } from './who-viewed-command.js';
import type { EffectHandler } from '../../engine/engine.js';
import type { FlowDefinition } from '../../engine/flow-runner.js';
import { codeEntryCommand, inviteFamilyCommand, linkStudentCommand, newClassCodeCommand } from './code-commands.js';
import { myFamilyCommand } from './family-links-commands.js';
import { classCodeAdminCommands } from './class-code-admin.js';
import type { PeopleDeps } from './people-deps.js';
import { t } from '../../i18n/t.js';
import { redeemCode } from './redeem-code.js';

export interface Feature {
  commands: Command[];
  effects: Partial<Record<Effect['kind'], EffectHandler>>;
  flows: FlowDefinition[];
  /** Read before intents: a student's answer to (or the first ask of) a counselor's caseload request. */
  textReader: TextFallback;
}

export function peopleFeature(opts: Partial<PeopleDeps> & { senders?: readonly ProactiveSender[] } = {}): Feature {
  const deps: PeopleDeps = { randomInt: opts.randomInt ?? ((max) => randomInt(max)), senders: opts.senders ?? [], ...(opts.logger ? { logger: opts.logger } : {}) };
  return {
    commands: [codeEntryCommand(deps), inviteFamilyCommand(deps), myFamilyCommand(), linkStudentCommand(), newClassCodeCommand(deps), ...classCodeAdminCommands(),
      addStudentCommand(deps), caseloadRequestAnswerCommand(deps), whoViewedCommand()],
    effects: {
      'redeem-code': (ctx, e) => redeemCode(ctx, (e as Extract<Effect, { kind: 'redeem-code' }>).code, deps),
    },
    flows: [
      {
        id: 'enter-code',
        version: ENTER_CODE_VERSION,
        machine: enterCodeMachine,
        // A getter: read while a turn is handled, so help says it in that turn's language.
        get doing() {
          return t('people.usingACode');
        },
      },
    ],
    textReader: caseloadRequestReader(deps),
  };
}
