/** The words that work everywhere: help, back, restart, stop. */
import type { Command } from './command.js';
import { helpLines } from './command-access.js';
import { say, type GlobalWord } from './engine-words.js';
import { t } from '../i18n/t.js';
import type { FlowDefinition } from './flow-runner.js';
import type { FlowTurns } from './flow-turns.js';
import type { TurnWork } from './turn-work.js';

export interface GlobalWordDeps {
  flows: ReadonlyMap<string, FlowDefinition>;
  flowTurns: FlowTurns;
  commands: readonly Command[];
  menu(work: TurnWork, greeting: string): void;
}

export async function onGlobalWord(work: TurnWork, word: GlobalWord, deps: GlobalWordDeps): Promise<void> {
  const { session } = work;
  const def = session.active && deps.flows.get(session.active.flow);
  switch (word) {
    case 'help': {
      work.replies.push(say.help(def ? { id: def.id, words: def.doing } : undefined, helpLines(deps.commands, work.profile?.role)));
      if (session.pending) work.replies.push(session.pending);
      return;
    }
    case 'back':
      if (session.active) return void (await deps.flowTurns.send(work, { type: 'BACK' }));
      work.replies.push(say.noBack());
      return deps.menu(work, '');
    case 'restart':
      if (session.active && def) {
        work.replies.push(say.restarting());
        const input = session.active.flow === 'onboarding' ? { firstContact: false } : session.active.input;
        return deps.flowTurns.start(work, def.id, input, true);
      }
      return deps.menu(work, t('engine.sure'));
    case 'stop':
      // Ends the conversation going on, and any flow that was waiting beside it.
      session.active = undefined;
      session.aside = undefined;
      session.pending = undefined;
      work.replies.push(say.stopped());
      return;
  }
}
