/**
 * "why did you pick health science for me": the reasons behind the interest results, quoting
 * the student's own answers ("you said yes to fixing engines and to building things").
 */
import type { FrameworkIndex } from '../../domain/framework-index.js';
import { text } from '../../domain/messages.js';
import type { Command } from '../../engine/command.js';
import { commandWords } from '../../engine/read-input.js';
import { frameworkName } from '../../i18n/framework-words.js';
import { t } from '../../i18n/t.js';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function whyResultsCommand(fw: FrameworkIndex): Command {
  return {
    id: 'why-results',
    roles: ['student'],
    intents: ['why-results'],
    matches: () => false,
    run: async (ctx, { text: typed = '' }) => {
      const saved = await ctx.records.interestResult(ctx.userKey);
      if (!saved || saved.answers.length === 0) {
        return void ctx.say(text(t('explore.noResultsYet')));
      }
      const words = ` ${commandWords(typed)} `;
      const named = saved.result.clusters.find((c) => {
        const name = commandWords(fw.cluster(c.clusterId)?.name ?? '');
        const first = name.split(' ')[0] ?? '';
        return words.includes(` ${name} `) || (first.length > 3 && words.includes(` ${first} `));
      });
      const shown = named ? [named] : saved.result.clusters.slice(0, 2);
      const lines = shown.map((c, i) => {
        const cluster = fw.cluster(c.clusterId);
        const name = cluster ? frameworkName('cluster', cluster.id, cluster.name) : c.clusterId;
        // The reason as saved with the results (in the language they were given in).
        return t(named ? 'explore.whyNamed' : i === 0 ? 'explore.whyFirst' : 'explore.whyNext', { name, reason: c.reason });
      });
      ctx.say(text(capital(lines.join(' '))), text(t('explore.whyAfter')));
    },
  };
}
