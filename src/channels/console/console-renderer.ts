import { progressLabel, type Reply } from '../../domain/messages.js';
import { t } from '../../i18n/t.js';

/** Plain text for a terminal: choices as numbered lines ("1) Yes"), cards as "Label: value" lines. */
export function renderForConsole(reply: Reply): string {
  switch (reply.kind) {
    case 'text':
      return reply.text;
    case 'question':
      return [
        reply.progress ? `(${progressLabel(reply.progress)}) ${reply.text}` : reply.text,
        ...reply.choices.map((c, i) => `${i + 1}) ${c.label}`),
      ].join('\n');
    case 'card': {
      const lines = [reply.title, ...reply.fields.map((f) => `${f.label}: ${f.value}`)];
      if (reply.actions?.length) lines.push(...reply.actions.map((c, i) => `${i + 1}) ${c.label}`));
      return lines.join('\n');
    }
    case 'plan':
      return reply.text;
    case 'file':
      return `${reply.text}\n${t('console.savedTo', { path: reply.path })}`;
  }
}
