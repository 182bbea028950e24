/**
 * The message catalogs agree: every key English has, Spanish has, with the same placeholders, and
 * plural keys come in whole sets. A missing key or a placeholder spelled differently fails here,
 * not in front of a parent.
 */
import { flattenCatalog, loadCatalogs } from '../../src/i18n/load-catalogs.js';
import { t, tIn } from '../../src/i18n/t.js';
import { withLanguage } from '../../src/i18n/language.js';

const catalogs = loadCatalogs();
const en = flattenCatalog(catalogs.en);
const es = flattenCatalog(catalogs.es);

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** Spanish says some messages formally ("usted") to anyone but a student: `key_formal`, read in place of `key`. */
const FORMAL = /_formal$/;
const base = (key: string) => key.replace(PLURAL, '').replace(FORMAL, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();
const unique = (list: string[]) => [...new Set(list)].sort();

/** Placeholders of a message, counting every plural form of it. */
function placeholdersOf(catalog: Map<string, string>, key: string): string[] {
  return unique([...catalog].filter(([k]) => base(k) === key).flatMap(([, v]) => placeholders(v)));
}

describe('message catalogs', () => {
  it('hold messages (the check itself works)', () => {
    expect(en.size).toBeGreaterThan(20);
    expect(en.get('codes.unknown')).toMatch(/couldn't find that code/);
  });

  it('every English message has a Spanish one, and Spanish has none English lacks', () => {
    const enKeys = unique([...en.keys()].map(base));
    const esKeys = unique([...es.keys()].map(base));
    expect(enKeys.filter((k) => !esKeys.includes(k))).toEqual([]);
    expect(esKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it('a message has the same placeholders in both languages', () => {
    const differ = unique([...en.keys()].map(base)).filter((k) => placeholdersOf(en, k).join() !== placeholdersOf(es, k).join());
    expect(differ.map((k) => `${k}: en {${placeholdersOf(en, k)}} es {${placeholdersOf(es, k)}}`)).toEqual([]);
  });

  it('a plural message has its "one" and "other" forms in both languages, and uses {{count}}', () => {
    const plurals = unique([...en.keys(), ...es.keys()].filter((k) => PLURAL.test(k)).map(base));
    const broken = plurals.filter((k) => !(en.has(`${k}_one`) && en.has(`${k}_other`) && es.has(`${k}_one`) && es.has(`${k}_other`)));
    expect(broken).toEqual([]);
    expect(plurals.filter((k) => !placeholdersOf(en, k).includes('count') && ![...en].some(([key]) => base(key) === k && !key.endsWith('_one')))).toEqual([]);
  });

  it('a formal Spanish message ("usted") stands beside its plain one, and only Spanish has them', () => {
    const formal = [...es.keys()].filter((k) => FORMAL.test(k));
    expect(formal.length).toBeGreaterThan(5);
    expect(formal.filter((k) => !es.has(k.replace(FORMAL, '')))).toEqual([]);
    expect([...en.keys()].filter((k) => FORMAL.test(k))).toEqual([]);
    expect(formal.filter((k) => /\b(quieres|puedes|escribe|pregúntame|dijiste|vives|tienes)\b/i.test(es.get(k)!))).toEqual([]);
  });

  it('no message is empty or left with a TODO', () => {
    const bad = [...en, ...es].filter(([, v]) => !v.trim() || /\b(TODO|FIXME|XXX)\b/.test(v));
    expect(bad).toEqual([]);
  });

  it('a turn in Spanish gets Spanish, with plurals by Spanish rules; English stays as written', () => {
    expect(withLanguage('es', () => t('codes.locked', { count: 1 }))).toMatch(/1 minuto\.$/);
    expect(withLanguage('es', () => t('codes.locked', { count: 5 }))).toMatch(/5 minutos\.$/);
    expect(t('codes.locked', { count: 1 })).toMatch(/1 minute\.$/);
    expect(tIn('es')('codes.unknown')).toMatch(/^No encontré ese código/);
  });

  it('a key missing in English is a bug and says which key', () => {
    expect(() => t('codes.noSuchMessage')).toThrow(/codes\.noSuchMessage/);
  });
});
