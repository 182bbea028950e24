/**
 * The people area in Spanish: onboarding (the first thing a Spanish-speaking parent reads), codes,
 * family links, "who is my counselor", "who looked at my plan", small talk and the safety answer.
 * Every reply is checked for English sentences left behind (what is quoted is what people type:
 * Spanish where Spanish is understood, like "invitar a mi familia", and the counselors' English
 * commands, like "new class code"; quotes are left out of the check). The Spanish commands the
 * replies name are typed here too, so what we tell people to type works.
 */
import { createActor } from 'xstate';
import { onboardingMachine } from '../../flows/onboarding.js';
import type { FlowEmitted } from '../../flows/flow-protocol.js';
import type { QuestionReply, Reply } from '../../src/domain/messages.js';
import type { Profile } from '../../src/domain/profile.js';
import { withLanguage, type Language } from '../../src/i18n/language.js';
import { flattenCatalog, loadCatalogs } from '../../src/i18n/load-catalogs.js';
import { t } from '../../src/i18n/t.js';
import type { Store } from '../../src/store/store.js';
import { newWorld } from '../features/people/people-world.js';

/** English words that never belong in a Spanish sentence. */
const ENGLISH = /\b(the|your|you|they|their|with|and|to|of|is|are|can|code|please|student|counselor)\b/i;

/** The text of replies, without what is quoted (commands people type stay in English) or codes. */
function spanishOnly(replies: Reply[]): string {
  return replies
    .map((r) => ('text' in r ? r.text : '') + (r.kind === 'question' ? ` ${r.choices.map((c) => c.label).join(' ')}` : ''))
    .join('\n')
    .replace(/"[^"]*"/g, ' ')
    .replace(/\b[A-Z0-9]{4}-[A-Z0-9]{4}\b/g, ' ')
    .replace(/console:\w+/g, ' ');
}

function expectNoEnglish(replies: Reply[]): void {
  const said = spanishOnly(replies);
  expect(said.trim()).not.toBe('');
  expect(said).not.toMatch(ENGLISH);
}

/** Runs the onboarding machine in a language and collects what it says. */
function onboarding(language: Language, input: { firstContact?: boolean; gradeOnly?: boolean }) {
  const said: Reply[][] = [];
  return withLanguage(language, () => {
    const actor = createActor(onboardingMachine, { input });
    actor.on('reply', (e) => void said.push((e as Extract<FlowEmitted, { type: 'reply' }>).replies));
    actor.start();
    return {
      said,
      send: (event: Parameters<typeof actor.send>[0]) => withLanguage(language, () => actor.send(event)),
    };
  });
}

async function speaks(store: Store, user: string, language: Language): Promise<void> {
  const key = `console:${user}`;
  const profile = (await store.get<Profile>('profiles', key))!;
  await store.put<Profile>('profiles', key, { ...profile, language });
}

describe('onboarding in Spanish', () => {
  it('greets a newcomer with usted and asks who they are, with the same choice ids', () => {
    const o = onboarding('es', { firstContact: true });
    const [first] = o.said;
    expect(first![0]).toMatchObject({ kind: 'text', text: expect.stringMatching(/^¡Hola! Soy Waypoint\./) });
    const q = first![1] as QuestionReply;
    expect(q.text).toBe('¿Quién es usted?');
    expect(q.choices.map((c) => c.id)).toEqual(['student', 'family', 'counselor']);
    expect(q.choices.map((c) => c.label)).toEqual(['Soy estudiante', 'Soy mamá, papá u otro familiar', 'Soy consejero escolar']);
    expectNoEnglish(first!);
  });

  it('a family member hears what a family can do here before being asked for the code', () => {
    const o = onboarding('es', { firstContact: true });
    o.send({ type: 'ANSWER', questionId: 'onboarding:role', choiceId: 'family' });
    const family = o.said.at(-1)!;
    const intro = (family[0] as { text: string }).text;
    expect(intro).toMatch(/plan de su estudiante/);
    expect(intro).toMatch(/lo que le toca hacer este año/);
    expect(intro).toMatch(/consejero escolar/);
    expect((family[1] as QuestionReply).text).toMatch(/^¿Tiene un código de su estudiante\?/);
    expectNoEnglish(family);
    o.send({ type: 'ANSWER', questionId: 'onboarding:family-code', choiceId: 'no-code' });
    expect(o.said.at(-1)![0]).toMatchObject({ text: expect.stringMatching(/^No se preocupe\. Pídale a su estudiante que me escriba "invitar a mi familia"/) });
    expectNoEnglish(o.said.at(-1)!);
  });

  it('the English family member is told the same, family first', () => {
    const o = onboarding('en', { firstContact: false });
    o.send({ type: 'ANSWER', questionId: 'onboarding:role', choiceId: 'family' });
    const intro = (o.said.at(-1)![0] as { text: string }).text;
    expect(intro).toMatch(/follow your student's plan/);
    expect(intro).toMatch(/what's due this year/);
    expect(intro).toMatch(/who their school counselor is/);
  });

  it('a student is asked their grade with tú, can type it in Spanish, and hears it back in Spanish', () => {
    const o = onboarding('es', { firstContact: false });
    o.send({ type: 'ANSWER', questionId: 'onboarding:role', choiceId: 'student' });
    const q = o.said.at(-1)![0] as QuestionReply;
    expect(q.text).toMatch(/^¿En qué grado estás\?/);
    expect(q.choices.map((c) => c.label)).toContain('8.º');
    expectNoEnglish([q]);
    o.send({ type: 'TEXT', text: 'octavo grado' });
    expect(o.said.at(-1)).toEqual([{ kind: 'text', text: 'Entendido: 8.º grado.' }]);
  });

  it('"back" at the first question, and a counselor, in Spanish', () => {
    const o = onboarding('es', { firstContact: true });
    o.send({ type: 'BACK' });
    expect(o.said.at(-1)![0]).toMatchObject({ text: 'Esta es la primera pregunta, así que no hay nada antes.' });
    o.send({ type: 'ANSWER', questionId: 'onboarding:role', choiceId: 'counselor' });
    expectNoEnglish(o.said.at(-1)!);
  });
});

describe('the people features in Spanish', () => {
  it('codes, links, the counselor, who looked, small talk and the safety answer speak Spanish to Spanish speakers', async () => {
    const w = await newWorld({ safetyAlerts: true });
    // An English-speaking counselor and a Spanish-speaking student and parent.
    const rivera = await w.counselor('rivera');
    await speaks(w.store, 'rivera', 'en');
    await rivera.say('new class code');
    const classCode = /code: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(rivera.text())![1]!;

    const sam = await w.student('sam');
    await speaks(w.store, 'sam', 'es');
    await sam.say(classCode);
    await sam.say('invitar a mi familia');
    expect(sam.text()).toMatch(/^Tu código para la familia: [A-Z0-9]{4}-[A-Z0-9]{4}\nDáselo a tu mamá/m);
    expectNoEnglish(sam.last);
    const familyCode = /: ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(sam.text())![1]!;

    const mom = await w.family('mom');
    await speaks(w.store, 'mom', 'es');
    await mom.say(familyCode);
    expect(mom.text()).toMatch(/^¡Listo!/);

    await sam.say('¿quién es mi consejero?');
    expect(sam.text()).toMatch(/^Tu consejero en Waypoint: un consejero de Lincoln High\./);
    expect(sam.text()).toMatch(/dos veces este año escolar: otoño \(del 15 sept\.? al 15 nov\.?\) y primavera/);
    expectNoEnglish(sam.last);

    await mom.say('¿quién vio el plan de mi hija?');
    expect(mom.text()).toMatch(/^Nadie más abrió el expediente de su estudiante en los últimos 90 días\./);
    expectNoEnglish(mom.last);

    await sam.say('mi familia');
    expect(sam.question()?.text).toBe('Este familiar puede ver tu plan: Familiar 1. ¿Quieres quitar a alguno?');
    expect(sam.question()?.choices.map((c) => c.label)).toEqual(['Quitar a Familiar 1', 'Dejarlos a todos']);
    await sam.press('people:my-family', 'keep');
    expect(sam.text()).toBe('Está bien, no cambió nada.');

    await sam.say('¡gracias!');
    expect(sam.text()).toMatch(/^¡De nada!\n¿Algo más\? Puedes escribir/);
    expectNoEnglish(sam.last);

    await sam.say('me quiero morir');
    expect(sam.text()).toMatch(/Línea 988 de Prevención del Suicidio y Crisis/);
    expect(sam.text()).toMatch(/para español, marca 988 y oprime 2, o envía AYUDA por texto al 988/);
    expect(sam.text()).toMatch(/llama al 911/);
    expectNoEnglish(sam.last);
    // The counselor is told in their own language (English), never the student's words.
    const told = (await w.outbox('rivera')).map((r) => ('text' in r ? r.text : '')).join('\n');
    expect(told).toMatch(/Safety alert: .* may be about their safety/);
    expect(told).not.toMatch(/die/);

    await mom.say('someone is hurting me');
    expect(mom.text()).toMatch(/llame o envíe un mensaje de texto al 988 \(para español, marque 988 y oprima 2, o envíe AYUDA por texto al 988\)/);
    expectNoEnglish(mom.last);
  });

  it('a Spanish-speaking counselor reads their class codes in Spanish; an English one in English', async () => {
    const w = await newWorld();
    const lee = await w.counselor('lee');
    await speaks(w.store, 'lee', 'es');
    await lee.say('new class code');
    expect(lee.text()).toMatch(/^Su código de clase: [A-Z0-9]{4}-[A-Z0-9]{4}\nLos estudiantes me lo escriben/);
    await lee.say('my class codes');
    expect(lee.text()).toMatch(/^1 código de clase: 1 funcionando, 0 detenidos o vencidos\.\n- [A-Z0-9]{4}-[A-Z0-9]{4}: creado el 23 de noviembre de 2026, funciona hasta el 23 de diciembre de 2026, 0 se unieron/);
    expectNoEnglish(lee.last);
    const code = /- ([A-Z0-9]{4}-[A-Z0-9]{4}):/.exec(lee.text())![1]!;
    await lee.say(`cancelar el código ${code}`);
    expect(lee.text()).toBe(`Listo: ${code} ya no funciona. 0 estudiantes se unieron con ese código y se quedan en su lista. Escriba "new class code" para crear uno nuevo.`);

    const rivera = await w.counselor('rivera');
    await speaks(w.store, 'rivera', 'en');
    await rivera.say('my class codes');
    expect(rivera.text()).toBe('You have no class codes yet. Say "new class code" to make one.');
  });
});

describe('the people catalogs', () => {
  const areas = ['people', 'onboarding', 'about', 'smalltalk', 'care'];
  const catalogs = loadCatalogs();
  const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

  it.each(areas)('every English "%s" message has a Spanish one with the same placeholders', (area) => {
    const en = flattenCatalog(catalogs.en[area] as never, area);
    const es = flattenCatalog(catalogs.es[area] as never, area);
    expect(en.size).toBeGreaterThan(0);
    for (const [key, english] of en) {
      expect([key, es.has(key)]).toEqual([key, true]);
      expect([key, placeholders(es.get(key)!)]).toEqual([key, placeholders(english)]);
    }
  });

  it('the about answer and the help lines read in Spanish', () => {
    withLanguage('es', () => {
      expect(t('about.intro')).toMatch(/^Soy Waypoint\./);
      expect(t('about.onetAttribution')).toMatch(/licencia CC BY 4\.0/);
    });
  });
});
