import { text } from '../../domain/messages.js';
import type { Command } from '../../engine/command.js';

export const ONET_ATTRIBUTION =
  'This product includes information from the O*NET Database by the U.S. Department of Labor, ' +
  'Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. ' +
  'O*NET® is a trademark of USDOL/ETA.';

/** "about": what Waypoint is, what it keeps, and where its information comes from. */
export function aboutCommand(onetLoaded: () => boolean): Command {
  return {
    id: 'about',
    intents: ['about'],
    help: 'about: what Waypoint is and where its information comes from',
    matches: (t) => /^(about|about waypoint|who are you|what are you|privacy|credits)$/.test(t),
    run: async (ctx) => {
      ctx.say(
        text(
          "I'm Waypoint. I help students explore careers and plan classes, following Missouri's Career Paths and Career Clusters. " +
            'I keep your answers, choices and plan. Only you, your counselor, and family you choose to add can see them.',
        ),
        text(
          'The job descriptions are written by the Waypoint team. ' +
            'Typical pay comes from the U.S. Bureau of Labor Statistics (Occupational Employment and Wage Statistics, May 2023, national). ' +
            (onetLoaded() ? `Extra job titles come from O*NET. ${ONET_ATTRIBUTION}` : `When a school adds the O*NET job list: ${ONET_ATTRIBUTION}`),
        ),
      );
    },
  };
}
