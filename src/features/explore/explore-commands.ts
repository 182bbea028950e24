import { text } from '../../domain/messages.js';
import type { FrameworkIndex } from '../../domain/framework-index.js';
import { gradeLabel } from '../../domain/grade.js';
import type { Command } from '../../engine/command.js';
import { commandWords } from '../../engine/read-input.js';
import { mayChangeRole } from '../../domain/role-changes.js';

const CHANGE_WORDS = /^(change|switch|pick another|choose another|pick a different|choose a different) (my )?(pathway|cluster|path)$/;
const EXPLORE_WORDS = /^(explore|quiz|start|take the quiz|interest questions|questions|find (a )?career|explore careers|retake|take the interest questions|change my (pathway|cluster|path)|switch (my )?(pathway|cluster|path)|(pick|choose) (another|a different) (pathway|cluster|path))$/;

/** "explore": the interest questions (students; needs a grade). */
export function exploreCommand(): Command {
  return {
    id: 'explore',
    intents: ['explore'],
    menuLabel: 'Explore careers',
    help: 'explore: quick questions to find careers you might like',
    roles: ['student'],
    matches: (t) => EXPLORE_WORDS.test(t),
    run: async (ctx, { text: typed = '' }) => {
      const grade = ctx.profile()?.grade;
      if (grade === undefined) return ctx.startFlow('onboarding', { firstContact: false });
      // In the middle of the interest questions: go on where they were.
      const changing = CHANGE_WORDS.test(commandWords(typed));
      if (!changing && ctx.activeFlow() === 'explore' && ctx.flowQuestionId()?.startsWith('interest:') && ctx.resumeFlow()) return;
      // "change my pathway" after the questions: the results again, to pick another one.
      const saved = CHANGE_WORDS.test(commandWords(typed)) ? await ctx.records.interestResult(ctx.userKey) : undefined;
      if (saved && saved.answers.length > 0) {
        ctx.say(text('Sure. Here are your results from last time, so you can pick another one. To start fresh, choose "Answer the questions again".'));
        return ctx.startFlow('explore', { grade, answers: saved.answers });
      }
      await ctx.startFlow('explore', { grade });
    },
  };
}

/** "my pathway": what the student has chosen so far, and when. */
export function myChoiceCommand(fw: FrameworkIndex): Command {
  return {
    id: 'my-choice',
    intents: ['my-pathway'],
    menuLabel: 'See my choices',
    help: 'my pathway: see the Path, Cluster and Pathway you chose',
    roles: ['student'],
    matches: (t) => /^(my (pathway|cluster|path|choices?|profile|results?)|profile|status|what did i (pick|choose))$/.test(t),
    run: async (ctx) => {
      const p = ctx.profile()!;
      const c = p.choice;
      const grade = p.grade !== undefined ? `You're in ${gradeLabel(p.grade)}.` : '';
      if (!c) {
        ctx.say(text(`${grade} You haven't chosen a Career Pathway yet. Type explore to take the quick interest questions.`.trim()));
        return;
      }
      const path = fw.path(c.pathId);
      const fields = [
        { label: 'Career Path', value: path ? `${path.name} (${path.nickname})` : c.pathId },
        ...(c.clusterId ? [{ label: 'Career Cluster', value: fw.cluster(c.clusterId)?.name ?? c.clusterId }] : []),
        ...(c.pathwayId ? [{ label: 'Career Pathway', value: fw.pathway(c.pathwayId)?.name ?? c.pathwayId }] : []),
        { label: 'Chosen on', value: c.chosenAt.slice(0, 10) },
      ];
      ctx.say(
        {
          kind: 'card',
          title: 'Your choices so far',
          fields,
          text: `${grade} ${fields.map((f) => `${f.label}: ${f.value}`).join('. ')}.`.trim(),
        },
        text('Nothing is final: type explore to look again, or plan to work on your plan of study.'),
      );
    },
  };
}

const GRADE_WORDS = /^(change|update|set|fix|edit) (my )?grade( level)?$|^(im|i am) in a (new|different) grade$|^wrong grade$/;

/** "change my grade": a student with a grade is asked only the grade; "change my role" asks who they are again. */
export function changeGradeCommand(): Command {
  return {
    id: 'change-grade',
    intents: ['change-grade'],
    help: 'change my grade: update your grade',
    helpFor: ['student'],
    matches: (t) => GRADE_WORDS.test(t) || /^(change|update|set|fix) (my )?role$/.test(t),
    run: async (ctx, { text: typed = '' }) => {
      const p = ctx.profile();
      const gradeOnly = GRADE_WORDS.test(commandWords(typed)) && p?.role === 'student' && p.grade !== undefined;
      if (!gradeOnly && p && !mayChangeRole(p, ctx.now)) {
        return void ctx.say(text("You've changed who you are twice today, so I kept it as it is. If it's wrong, try again tomorrow or ask your school counselor."));
      }
      return ctx.startFlow('onboarding', gradeOnly ? { firstContact: false, gradeOnly: true } : { firstContact: false });
    },
  };
}
