import type { Profile } from '../../src/domain/profile.js';
import { chooseLanguage, languageAsked } from '../../src/domain/language-choice.js';
import { languageFeature } from '../../src/features/language/index.js';
import { newChat, studentWithNothingPending } from '../helpers/test-app.js';

const words = languageFeature().words;
const profileOf = async (chat: Awaited<ReturnType<typeof newChat>>) => chat.store.get<Profile>('profiles', `console:${chat.user}`);

describe('the language Waypoint speaks', () => {
  it('a parent who says "hola" is answered in Spanish, told once how to switch back', async () => {
    const chat = await newChat({ user: 'maria' });
    await chat.say('hola');
    expect(chat.text()).toMatch(/^¿Prefiere español\?/);
    expect(chat.text()).toMatch(/"english"/);
    expect(chat.question()?.text).toMatch(/¿Quién es usted\?/);
    await chat.press('onboarding:role', 'family');
    expect(chat.text()).not.toMatch(/Prefiere español/);
  });

  it('a pasted code whose letters spell Spanish words ("HACE-7M4K") is no reason to switch to Spanish', async () => {
    const chat = await studentWithNothingPending('9th');
    await chat.say('HACE-7M4K');
    expect(chat.text()).not.toMatch(/Prefiere español|Le voy a escribir/);
  });

  it('who goes on in Spanish keeps Spanish in their profile', async () => {
    const chat = await newChat({ user: 'maria' });
    await chat.say('hola');
    await chat.press('onboarding:role', 'family');
    await chat.press('onboarding:family-code', 'no-code');
    expect((await profileOf(chat))?.language).toBe('es');
  });

  it('"english" switches back at any time, says so in English, and is kept', async () => {
    const chat = await newChat({ user: 'maria' });
    await chat.say('hola');
    await chat.press('onboarding:role', 'family');
    await chat.press('onboarding:family-code', 'no-code');
    await chat.say('english');
    expect(chat.text()).toMatch(/^Okay, I'll write in English\./);
    expect((await profileOf(chat))?.language).toBe('en');
    // A chosen language is not changed by guessing: a Spanish word now is just a word.
    await chat.say('gracias');
    expect(chat.text()).not.toMatch(/Prefiere español/);
  });

  it('"español" in the middle of the interest questions asks the same question again in Spanish, with its number; "english" switches it back', async () => {
    const chat = await newChat({ user: 'maya' });
    await chat.say('hi');
    await chat.press('onboarding:role', 'student');
    await chat.say('10');
    const first = chat.question()!;
    expect(first.text).toMatch(/^Would you/);
    await chat.say('español');
    expect(chat.question()).toMatchObject({ questionId: first.questionId, progress: first.progress });
    expect(chat.question()!.text).toMatch(/^¿/);
    expect(chat.question()!.choices.map((c) => c.label)).toEqual(['Sí', 'Tal vez', 'No']);
    await chat.say('1');
    const second = chat.question()!;
    await chat.say('english');
    expect(chat.question()).toMatchObject({ questionId: second.questionId, progress: second.progress });
    expect(chat.question()!.text).not.toMatch(/¿/);
  });

  it('"español" while Waypoint asks who you are asks it again in Spanish', async () => {
    const chat = await newChat({ user: 'ana' });
    await chat.say('hi');
    await chat.say('español');
    expect(chat.question()).toMatchObject({ questionId: 'onboarding:role', text: '¿Quién es usted?' });
  });

  it('an English-speaking student who types "ok", "yes" or "no" stays in English', async () => {
    const chat = await newChat({ user: 'sam' });
    await chat.say('hi');
    expect(chat.text()).toMatch(/Who are you\?/);
    for (const said of ['ok', 'yes', 'no', 'idk']) {
      await chat.say(said);
      expect(chat.text()).not.toMatch(/español/);
    }
  });

  it('"español por favor" as a first message: the whole first screen is in Spanish', async () => {
    const chat = await newChat({ user: 'rosa' });
    await chat.say('español por favor');
    expect(chat.text()).toMatch(/^De acuerdo, le escribo en español\./);
    expect(chat.question()?.text).toMatch(/¿Quién es usted\?/);
  });

  it('a platform locale of Spanish starts in Spanish before any word is read', async () => {
    const chat = await newChat({ user: 'luis' });
    const replies = (await chat.engine.handle(chat.turn({ text: 'ok', locale: 'es-MX' }))).replies;
    expect(chat.text(replies)).toMatch(/¿Quién es usted\?/);
  });
});

describe('choosing a language (pure rules)', () => {
  it('Spanish speakers typing "ok" or "yes" do not flip back to English; a longer English message does', () => {
    const session = { current: 'es' as const, told: true };
    expect(chooseLanguage({ session, guess: { language: 'en', sureness: 1, words: 1 } }).language).toBe('es');
    expect(chooseLanguage({ session, guess: { language: 'en', sureness: 1, words: 5 } }).language).toBe('en');
  });

  it('a chosen language is never changed by a guess', () => {
    expect(chooseLanguage({ chosen: 'en', guess: { language: 'es', sureness: 1, words: 4 } }).language).toBe('en');
  });

  it('the ways of asking for a language, with or without accents and punctuation', () => {
    expect(languageAsked('¡Español, por favor!', words, 'en')).toBe('es');
    expect(languageAsked('ingles', words, 'es')).toBe('en');
    expect(languageAsked('cambiar idioma', words, 'es')).toBe('en');
    expect(languageAsked('cambiar idioma', words, 'en')).toBe('es');
    expect(languageAsked('i speak english at home', words, 'en')).toBeUndefined();
  });
});
