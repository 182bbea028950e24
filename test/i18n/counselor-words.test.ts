/**
 * The counselor area in Spanish: the caseload in numbers, a filtered list, one student's view, the
 * reminder flow (preview, buttons, sending, quiet hours), meetings and the school report, read by a
 * counselor who chose Spanish; the same commands still answer in English for an English-speaking
 * counselor; and a counselor's reminder reaches a student in the student's language, whatever the
 * counselor's. Every Spanish reply is checked for English sentences left behind: what is quoted
 * (the counselors' English commands, like "add note: ...") and official framework names in
 * parentheses are left out of the check.
 */
import type { ProactiveSender, QuestionReply, Reply } from '../../src/domain/messages.js';
import { progressLabel } from '../../src/domain/messages.js';
import { gradeLabel } from '../../src/domain/grade.js';
import type { Profile } from '../../src/domain/profile.js';
import { counselorDigestReplies, studentReminderReplies } from '../../src/domain/reminders/index.js';
import type { ReviewWindow } from '../../src/domain/reminders/school-calendar.js';
import { SCHEDULED_SENDS, type ScheduledSend } from '../../src/features/counselor/scheduled-sends.js';
import { homeSummary } from '../../src/features/home/home-summary.js';
import { withLanguage, type Language } from '../../src/i18n/language.js';
import { deliverScheduledSends } from '../../src/scheduler/deliver-scheduled-sends.js';
import { loadReviewPolicy } from '../../src/scheduler/index.js';
import { Records } from '../../src/store/records.js';
import type { Store } from '../../src/store/store.js';
import { appData } from '../helpers/test-app.js';
import { newWorld, savePlan, setChoice, type World } from '../features/people/people-world.js';

/** English words that never belong in a Spanish sentence. */
const ENGLISH = /\b(the|your|you|they|their|with|and|to|of|is|are|can|code|please|student|students|counselor|reminder|plan check|overdue|sent|failed)\b/i;

/** The text of replies, without what is quoted (commands), official names in parentheses, or ids. */
function spanishOnly(replies: Reply[]): string {
  let said = replies
    .map((r) => ('text' in r ? r.text : '') + (r.kind === 'question' ? ` ${r.choices.map((c) => c.label).join(' ')}` : ''))
    .join('\n')
    .replace(/"[^"]*"/g, ' ')
    .replace(/console:\w+/g, ' ');
  for (let before = ''; before !== said; ) [before, said] = [said, said.replace(/\([^()]*\)/g, ' ')];
  return said;
}

function expectNoEnglish(replies: Reply[]): void {
  const said = spanishOnly(replies);
  expect(said.trim()).not.toBe('');
  expect(said).not.toMatch(ENGLISH);
}

async function speaks(store: Store, user: string, language: Language): Promise<void> {
  const key = user.includes(':') ? user : `console:${user}`;
  const profile = (await store.get<Profile>('profiles', key))!;
  await store.put<Profile>('profiles', key, { ...profile, language });
}

class FakeSender implements ProactiveSender {
  readonly sent: { userId: string; replies: Reply[] }[] = [];
  constructor(readonly channel: string) {}
  async send(userId: string, replies: Reply[]) {
    this.sent.push({ userId, replies });
  }
}

/** A counselor speaking `language` with Sam (overdue: plan drafted before the fall window) and Ana (no plan) on their list. */
async function classroom(w: World, counselor: string, language: Language) {
  const c = await w.counselor(counselor);
  await speaks(w.store, counselor, language);
  for (const s of ['sam', 'ana']) {
    await w.student(s);
    await w.assign(counselor, s);
  }
  await setChoice(w.store, 'console:sam', 'Sam Lee');
  await savePlan(w.store, 'console:sam', '2026-08-20T15:00:00.000Z');
  return c;
}

describe('a counselor who chose Spanish', () => {
  it('reads the caseload in numbers, a filtered list and one student in Spanish', async () => {
    const w = await newWorld();
    const lee = await classroom(w, 'lee', 'es');

    await lee.say('caseload');
    expect(lee.text()).toMatch(/^2 estudiantes en su lista\.\n1 sin Trayectoria, Grupo ni Ruta de Carrera todavía\.\n1 sin plan\./);
    expect(lee.text()).toMatch(/1 con la revisión atrasada\./);
    expect(lee.question()?.text).toBe('¿Le envío un recordatorio al estudiante atrasado (1)?');
    expect(lee.question()?.choices.map((c) => c.label)).toEqual(['Enviar recordatorios a los atrasados (1)', 'Ver la lista', 'Descargar CSV']);
    expectNoEnglish(lee.last);
    // Said in Spanish, read by the understanding model as the caseload.
    await lee.say('mis estudiantes');
    expect(lee.text()).toMatch(/^2 estudiantes en su lista\./);

    // Asked in Spanish: counted, and listed.
    await lee.say('¿cuántos estudiantes tienen plan?');
    expect(lee.text()).toMatch(/^1 de 2 estudiantes tienen plan\.\n¿Qué sigue\?/);
    expect(lee.question()?.choices.map((c) => c.label)).toEqual(['Verlos', 'Enviarle un recordatorio']);

    await lee.say('who is overdue');
    expect(lee.text()).toMatch(/^1 de 2 estudiantes tienen la revisión atrasada\.\n- Sam Lee, 9\.º grado: atrasado/);
    expect(lee.question()?.choices.map((c) => c.label)).toEqual(['Abrir a Sam Lee', 'Enviarle un recordatorio', 'Descargar CSV']);
    expectNoEnglish(lee.last);

    await lee.say('show student sam');
    const card = lee.last[0]!;
    expect(card).toMatchObject({ kind: 'card', title: 'Sam Lee' });
    const fields = card.kind === 'card' ? card.fields.map((f) => f.label) : [];
    expect(fields).toEqual(['Id', 'Grado', 'Trayectoria Profesional', 'Grupo de Carreras', 'Ruta de Carrera', 'Última conversación']);
    expect(lee.text()).toMatch(/Grado: 9\.º grado/);
    // The framework's official name stays, beside the Spanish one.
    expect(lee.text()).toMatch(/Ruta de Carrera: .+ \(.+\)/);
    expect(lee.text()).toMatch(/Revisiones: ninguna todavía\. Estado: atrasado \(desde el 16 de noviembre de 2026\)\./);
    expect(lee.text()).toMatch(/Todavía no hay reuniones con un consejero este año escolar\. Familia conectada: no\./);
    expect(lee.question()?.choices.map((c) => c.label)).toEqual(['Ver el plan completo', 'Nos reunimos hoy', 'Firmar el plan', 'Enviarle un recordatorio']);
    expect(lee.text()).toMatch(/Nadie ha firmado todavía la versión 1 del plan\./);
    expectNoEnglish(lee.last);

    await lee.say('met with sam today');
    expect(lee.text()).toBe(
      'Guardado: se reunió con Sam Lee el 23 de noviembre de 2026. Cuenta para el periodo de otoño. Lleva 1 reunión este año escolar. Puede agregar una nota con "add note: ..." o firmar el plan con "sign sam\'s plan".',
    );
    await lee.say('school report');
    expect(lee.text()).toMatch(/^Lincoln High, 2026-27: 2 estudiantes \(la lista de 1 consejero\)\. Con Ruta de Carrera 50% \(1\)/);
    expect(lee.text()).toMatch(/Por grado, Ruta de Carrera \/ plan \/ reunión \/ revisión:\n9\.º \(2\): /);
    expectNoEnglish(lee.last.filter((r) => r.kind === 'text'));
  });

  it('previews a reminder, and sends or cancels it, in Spanish', async () => {
    const fake = new FakeSender('console');
    const w = await newWorld({ senders: () => [fake] });
    const lee = await classroom(w, 'lee', 'es');

    await lee.say('remind sam');
    expect(lee.text()).toMatch(/^¿Le envío un recordatorio a Sam\? Recibirá un mensaje como este: "¡Hola, Sam! Tu consejero me pidió recordarte/);
    expect(lee.question()?.choices.map((c) => c.label)).toEqual(['Sí, enviar', 'No']);
    expectNoEnglish(lee.last);
    await lee.say('no');
    expect(lee.text()).toBe('Está bien, no se envió nada.');
    expect(fake.sent).toEqual([]);

    await lee.say('recordar a los atrasados');
    expect(lee.text()).toMatch(/^¿Le envío un recordatorio a Sam\?/);
    await lee.say('no');

    await lee.say('remind everyone');
    expect(lee.text()).toMatch(/^¿Les envío un recordatorio a 2 estudiantes \(todos los de su lista\): Sam, console:ana\? Cada uno recibirá/);
    await lee.say('sí');
    expect(lee.text()).toBe('Enviados: 2. Sin enviar: 0.');
    expect(fake.sent.map((s) => s.userId).sort()).toEqual(['ana', 'sam']);
  });

  it('in quiet hours is offered the next allowed time in Spanish', async () => {
    const fake = new FakeSender('console');
    // Friday 2026-11-20, 21:00 in Chicago: quiet hours, and the weekend follows.
    const w = await newWorld({ senders: () => [fake], start: '2026-11-21T03:00:00.000Z' });
    const lee = await classroom(w, 'lee', 'es');
    await lee.say('remind sam');
    expect(lee.text()).toMatch(/\nAhora estamos fuera del horario de envío/);
    expect(lee.question()?.choices.map((c) => c.label)).toEqual(['Enviar el lunes a las 7:00 a. m.', 'Cancelar']);
    await lee.press('counselor:remind-confirm', 'yes');
    expect(lee.text()).toBe('Listo: 1 recordatorio saldrá el lunes a las 7:00 a. m.; en las horas de descanso no se envía nada.');
  });
});

describe('an English-speaking counselor', () => {
  it('still reads the caseload, one student and the reminder flow in English', async () => {
    const fake = new FakeSender('console');
    const w = await newWorld({ senders: () => [fake] });
    const rivera = await classroom(w, 'rivera', 'en');
    await rivera.say('caseload');
    expect(rivera.text()).toMatch(/^2 students on your list\.\n1 with no Path, Cluster or Pathway yet\.\n1 with no plan\./);
    expect(rivera.question()?.choices.map((c) => c.label)).toEqual(['Send reminders to the overdue (1)', 'Show list', 'Download CSV']);
    await rivera.say('show student sam');
    expect(rivera.text()).toMatch(/Grade: 9th grade/);
    expect(rivera.text()).toMatch(/Reviews: none yet\. Status: overdue \(since Nov 16, 2026\)\./);
    await rivera.say('remind sam');
    expect(rivera.text()).toMatch(/^Remind Sam\? They get a message like: "Hi Sam! Your counselor asked me/);
    expect(rivera.question()?.choices.map((c) => c.label)).toEqual(['Yes, send', 'No']);
    await rivera.say('yes');
    expect(rivera.text()).toBe('1 sent, 0 failed.');
  });
});

describe("a counselor's reminder is in the student's language", () => {
  it('an English counselor reminds the student of a Spanish-speaking family: the student reads it in Spanish', async () => {
    const fake = new FakeSender('console');
    const w = await newWorld({ senders: () => [fake] });
    const rivera = await classroom(w, 'rivera', 'en');
    await speaks(w.store, 'sam', 'es');
    // Sam's mother reads Waypoint in Spanish too (the family's language).
    const sam = w.chat('sam');
    await sam.say('invite my family');
    const mom = await w.family('mom');
    await mom.say(/[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(sam.text())![0]);
    await speaks(w.store, 'mom', 'es');

    await rivera.say('remind sam');
    // The counselor's preview is in the counselor's language...
    expect(rivera.text()).toMatch(/^Remind Sam\? They get a message like: "Hi Sam!/);
    await rivera.say('yes');
    expect(rivera.text()).toBe('1 sent, 0 failed.');
    // ...and what Sam gets is in Sam's.
    const [q] = fake.sent.filter((s) => s.userId === 'sam').at(-1)!.replies as QuestionReply[];
    expect(q!.text).toBe(
      '¡Hola, Sam! Tu consejero me pidió recordarte que revises tu Plan Personal de Estudios (tu mapa de clases y actividades). Toma unos 5 minutos, y es normal cambiar tu plan.',
    );
    expect(q!.choices).toEqual([{ id: 'start-review', label: 'Empezar mi revisión' }]);
    expectNoEnglish([q!]);
  });

  it('a reminder kept for after quiet hours is kept in the student\'s language and delivered so', async () => {
    const fake = new FakeSender('console');
    const w = await newWorld({ senders: () => [fake], start: '2026-11-21T03:00:00.000Z' });
    const rivera = await classroom(w, 'rivera', 'en');
    await speaks(w.store, 'ana', 'es');
    await rivera.say('remind ana');
    await rivera.press('counselor:remind-confirm', 'yes');
    expect(rivera.text()).toBe('Okay: 1 reminder will go out at 7:00 Monday. Nothing is sent in quiet hours.');
    const kept = (await w.store.list<ScheduledSend>(SCHEDULED_SENDS)).map((r) => r.value);
    expect(kept).toHaveLength(1);

    const monday = new Date('2026-11-23T13:00:00.000Z');
    expect((await deliverScheduledSends(w.store, [fake], monday)).sent).toEqual(['console:ana']);
    const q = fake.sent[0]!.replies[0] as QuestionReply;
    expect(q.text).toMatch(/^¡Hola! Tu consejero me pidió recordarte que empieces tu Plan Personal de Estudios/);
    expect(q.choices.map((c) => c.label)).toEqual(['Empezar mi plan']);
  });
});

describe('words the counselor area shares, in both languages', () => {
  const fall: ReviewWindow = { id: '2026-27-fall', label: 'fall', firstDay: '2026-09-15', lastDay: '2026-11-15', opensAt: 0, endsAt: 0 };

  it('grade and progress labels follow the language', () => {
    expect(gradeLabel(9)).toBe('9th grade');
    expect(progressLabel({ index: 3, total: 24, atMost: true })).toBe('3 of up to 24');
    withLanguage('es', () => {
      expect(gradeLabel(9)).toBe('9.º grado');
      expect(gradeLabel(0)).toBe('kínder');
      expect(gradeLabel(13)).toBe('primer año después de la preparatoria');
      expect(progressLabel({ index: 3, total: 24, atMost: true })).toBe('3 de 24 como máximo');
      expect(progressLabel({ index: 4, total: 5 })).toBe('4 de 5');
    });
  });

  it("the sweep's reminders and the counselor's weekly digest read in Spanish when built for a Spanish speaker", () => {
    const [first] = withLanguage('es', () => studentReminderReplies('first', fall, 'Sam Lee')) as QuestionReply[];
    expect(first!.text).toBe(
      '¡Hola, Sam! Ya es hora de tu revisión de otoño de tu Plan Personal de Estudios (tu mapa de clases y actividades). Toma unos 5 minutos. Es normal cambiar tu plan. Tienes hasta el 15 de noviembre.',
    );
    expect(first!.choices.map((c) => c.label)).toEqual(['Empezar mi revisión']);
    const [english] = studentReminderReplies('first', fall, 'Sam Lee') as QuestionReply[];
    expect(english!.text).toMatch(/^Hi Sam! It's time for your fall check-in .* You have until Nov 15\.$/);

    const names = Array.from({ length: 12 }, (_, i) => `S${i + 1}`);
    const digest = withLanguage('es', () => counselorDigestReplies(names, 2));
    expect(digest.map((r) => ('text' in r ? r.text : ''))).toEqual([
      '12 de sus estudiantes tienen atrasada la reunión del plan: S1, S2, S3, S4, S5, S6, S7, S8, S9, S10 y 2 más.',
      '2 recordatorios a sus estudiantes no se pudieron entregar. Lo seguiré intentando.',
      expect.stringMatching(/^Atrasado quiere decir/),
    ]);
    expectNoEnglish(digest);
    expect((counselorDigestReplies(['Ana']) as { text: string }[])[0]!.text).toBe('1 of your students is overdue for a plan meeting: Ana.');
  });

  it("the home screen is in each person's own language", async () => {
    const w = await newWorld();
    await classroom(w, 'lee', 'es');
    await classroom(w, 'rivera', 'en');
    const data = await appData();
    const home = homeSummary({ records: new Records(w.store), framework: data.framework, reviewPolicy: await loadReviewPolicy('America/Chicago'), now: w.now });

    const lee = await home('console:lee');
    expect(lee.title).toBe('Su lista de estudiantes');
    expect(lee.fields.map((f) => f.label)).toEqual(['Estudiantes', 'Sin plan todavía', 'Sin revisión este año escolar (2026-27)', 'Con la revisión atrasada', 'Sin Trayectoria, Grupo ni Ruta de Carrera todavía']);
    expect(lee.actions?.map((a) => a.label)).toEqual(['Mi lista de estudiantes']);
    expect((await home('console:rivera')).title).toBe('Your caseload');

    await speaks(w.store, 'sam', 'es');
    const sam = await home('console:sam');
    expect(sam.title).toBe('Tu Waypoint');
    expect(sam.fields.find((f) => f.label === 'Grado')?.value).toBe('9.º grado');
    expect(sam.fields.find((f) => f.label === 'Próxima revisión del plan')?.value).toBe('Atrasada: hay que pedirle pronto al consejero una reunión corta');
  });
});
