/**
 * "remind me" / "avísenme" (a family member): reminders about their student's plan check-ins,
 * off unless asked; "stop reminders" / "no más recordatorios" turns them off again. Kept in the
 * family member's profile; the reminder sweep (src/scheduler/family-reminder-copies.ts) sends a
 * copy when their student is reminded.
 */
import { text } from '../../domain/messages.js';
import type { Command } from '../../engine/command.js';
import { t } from '../../i18n/t.js';
import { linkedStudents } from '../people/links.js';

const ON = /^(please )?(turn on|send me|i want|i d like|sign me up for|start|get) (the )?(family )?(reminders|reminder|notifications|alerts)( please)?$|^(please )?(remind me|notify me|let me know|text me)( about (his|her|their|my (son|daughter|child|kid|student)s?) (reviews?|meetings?|plan|check ins?))?( please)?$|^(quiero |me gustaria )?(recibir |activar )?(los )?recordatorios$|^(avisenme|avisame|recuerdeme|recuerdenme|mandenme recordatorios|activar recordatorios)$/;
const OFF = /^(please )?(stop|turn off|no more|unsubscribe( from)?|cancel|end) (the )?(family )?(reminders|reminder|notifications|alerts)( please)?$|^(please )?(stop reminding me|dont remind me|don t remind me)$|^(no mas|ya no quiero|desactivar|quitar|cancelar|parar) (los )?recordatorios$|^(ya no me avisen|no me avisen)$/;

/** The words as the command reads them: lower case, accents folded, punctuation as spaces. */
function plain(words: string): string {
  return words.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

export function familyRemindersCommand(): Command {
  return {
    id: 'family-reminders',
    get help() {
      return t('family.help.reminders');
    },
    roles: ['family'],
    matches: (words) => ON.test(plain(words)) || OFF.test(plain(words)),
    run: async (ctx, input) => {
      const profile = ctx.profile();
      if (!profile) return;
      const on = !OFF.test(plain(input.text ?? ''));
      const students = await linkedStudents(ctx.records.store, ctx.userKey);
      if (profile.familyReminders !== on) await ctx.setProfile({ ...profile, familyReminders: on });
      if (!on) return ctx.say(text(t('family.reminders.off')));
      ctx.say(text(t('family.reminders.on')));
      if (students.length === 0) ctx.say(text(t('family.reminders.linkFirst')));
    },
  };
}
