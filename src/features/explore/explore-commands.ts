import { text } from '../../domain/messages.js';
import type { FrameworkIndex } from '../../domain/framework-index.js';
import { gradeName } from '../../../flows/onboarding.js';
import { frameworkName, pathNickname } from '../../i18n/framework-words.js';
import { t } from '../../i18n/t.js';
import type { Command } from '../../engine/command.js';
import { commandWords } from '../../engine/read-input.js';
import { mayChangeRole } from '../../domain/role-changes.js';
import { dateWords } from '../../i18n/date-words.js';

const CHANGE_WORDS = /^(change|switch|pick another|choose another|pick a different|choose a different) (my )?(pathway|cluster|path)$/;
const EXPLORE_WORDS = /^(explore|quiz|start|take the quiz|interest questions|questions|find (a )?career|explore careers|retake|take the interest questions|change my (pathway|cluster|path)|switch (my )?(pathway|cluster|path)|(pick|choose) (another|a different) (pathway|cluster|path))$/;

/** "explore": the interest questions (students; needs a grade). */
export function exploreCommand(): Command {
  return {
    id: 'explore',
    intents: ['explore'],
    get menuLabel() {
      return t('explore.menu');
    },
    get help() {
      return t('explore.help');
    },
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
        ctx.say(text(t('explore.freshStart')));
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
    get menuLabel() {
      return t('explore.myChoiceMenu');
    },
    get help() {
      return t('explore.myChoiceHelp');
    },
    roles: ['student'],
    matches: (t) => /^(my (pathway|cluster|path|choices?|profile|results?)|profile|status|what did i (pick|choose))$/.test(t),
    run: async (ctx) => {
      const p = ctx.profile()!;
      const c = p.choice;
      const grade = p.grade !== undefined ? t('explore.inGrade', { grade: gradeName(p.grade) }) : '';
      if (!c) {
        // In the middle of the interest questions, the way to a choice is to go on with them.
        if (ctx.activeFlow() === 'explore') return void ctx.say(text(t('explore.noChoiceYetInQuiz')));
        ctx.say(text(p.grade !== undefined ? t('explore.inGradeNoChoiceYet', { grade: gradeName(p.grade) }) : t('explore.noChoiceYet')));
        return;
      }
      const path = fw.path(c.pathId);
      const cluster = c.clusterId ? fw.cluster(c.clusterId) : undefined;
      const pathway = c.pathwayId ? fw.pathway(c.pathwayId) : undefined;
      const fields = [
        {
          label: t('explore.careerPath'),
          value: path ? t('explore.pathAndNickname', { name: frameworkName('path', path.id, path.name), nickname: pathNickname(path.id, path.nickname) }) : c.pathId,
        },
        ...(c.clusterId ? [{ label: t('explore.careerCluster'), value: cluster ? frameworkName('cluster', cluster.id, cluster.name) : c.clusterId }] : []),
        ...(c.pathwayId ? [{ label: t('explore.careerPathway'), value: pathway ? frameworkName('pathway', pathway.id, pathway.name) : c.pathwayId }] : []),
        { label: t('explore.chosenOn'), value: dateWords(c.chosenAt) },
      ];
      ctx.say(
        {
          kind: 'card',
          title: t('explore.yourChoices'),
          fields,
          text: `${grade} ${fields.map((f) => `${f.label}: ${f.value}`).join('. ')}.`.trim(),
        },
        text(t('explore.nothingFinal')),
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
    get help() {
      return t('explore.changeGradeHelp');
    },
    helpFor: ['student'],
    matches: (t) => GRADE_WORDS.test(t) || /^(change|update|set|fix) (my )?role$/.test(t),
    run: async (ctx, { text: typed = '' }) => {
      const p = ctx.profile();
      const gradeOnly = GRADE_WORDS.test(commandWords(typed)) && p?.role === 'student' && p.grade !== undefined;
      if (!gradeOnly && p && !mayChangeRole(p, ctx.now)) {
        return void ctx.say(text(t('explore.roleChangedTwice')));
      }
      return ctx.startFlow('onboarding', gradeOnly ? { firstContact: false, gradeOnly: true } : { firstContact: false });
    },
  };
}
