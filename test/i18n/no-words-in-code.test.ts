/**
 * Every word Waypoint says lives in the message catalogs (data/messages). This scans the source for
 * string literals that read like words said to a person: two or more words of letters starting
 * with a capital, or a sentence ending in . ! ? :. Not said to anyone, so skipped: logs, comments,
 * imports, the message of an exception (`throw new …(…)`, `new …Error(…)` and an Error class's
 * `super(…)`, over as many lines as they take: an operator reads those in a log or at start-up,
 * never a student, family or counselor), and the few texts listed in FOR_MACHINES. Every file must
 * hold none: a new literal anywhere fails, naming the file and the words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : [],
  );
}

const LITERAL = /'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
/** Lines that never hold words for people. */
const NOT_SAID = /^\s*(\/\/|\*|\/\*|import |export \* from)|logger?\??\.(debug|info|warn|error)\(|\blog\??\.(info|warn|error)\(|console\.(log|error|warn)\(|throw new \w*Error\(|new (DataFileError|Error|TypeError|RangeError)\(|process\.(stdout|stderr)\.write\(/;

/** Words said to a person: starts with a capital and has another word, or ends like a sentence. */
function readsAsWords(literal: string): boolean {
  const text = literal.replace(/\$\{[^}]*\}/g, 'X').trim();
  if (text.length < 6 || !/[a-z]{2}/.test(text)) return false;
  if (/^[a-z0-9:_\-./#@]+$/i.test(text)) return false; // ids, keys, paths
  if (/^(\^|\\b|\(\?)/.test(text)) return false; // regular expressions
  const twoWords = /^[A-Z][a-z']+[,]? [a-zA-Z]/.test(text);
  const sentence = / [a-z']+[.!?:]$/.test(text) && text.includes(' ');
  return twoWords || sentence;
}

/**
 * Texts that go to a machine, never to a person, by file: the plain bodies of the HTTP answers the
 * Teams server gives the Bot Connector when it refuses a request. Listed one by one, so any other
 * literal in these files is still checked.
 */
const FOR_MACHINES: Record<string, readonly string[]> = {
  'src/channels/teams/check-request.ts': ['Bad request', 'Try again later', 'Server error'],
  'src/channels/teams/start-teams.ts': ['Not found', 'Use POST', 'Too large', 'Body must be JSON'],
};

/** Where the string or template starting at `start` (its quote) ends. */
function endOfString(source: string, start: number): number {
  const quote = source[start];
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (quote === '`' && source[i] === '$' && source[i + 1] === '{') i = closing(source, i + 1, '{', '}');
    else if (source[i] === quote) return i;
  }
  return source.length;
}

/** The index of the bracket closing the one at `open`, skipping strings and comments. */
function closing(source: string, open: number, opener: string, closer: string): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "'" || c === '"' || c === '`') i = endOfString(source, i);
    else if (c === '/' && source[i + 1] === '/') i = source.indexOf('\n', i) < 0 ? source.length : source.indexOf('\n', i);
    else if (c === '/' && source[i + 1] === '*') i = source.indexOf('*/', i) < 0 ? source.length : source.indexOf('*/', i) + 1;
    else if (c === opener) depth++;
    else if (c === closer && --depth === 0) return i;
  }
  return source.length;
}

/** The source with the message of every exception blanked out (lines kept, so line rules still work). */
function withoutExceptionTexts(source: string): string {
  const calls = /\bthrow new \w+\(|\bnew \w*Error\(/g;
  const errorClass = /class \w+ extends \w*Error\b/.test(source);
  const starts = [...source.matchAll(calls)].map((m) => m.index! + m[0].length - 1);
  if (errorClass) starts.push(...[...source.matchAll(/\bsuper\(/g)].map((m) => m.index! + m[0].length - 1));
  const chars = source.split(''); // UTF-16 units, as the match indexes count
  for (const open of starts) {
    const end = closing(source, open, '(', ')');
    for (let i = open + 1; i < end && i < chars.length; i++) if (chars[i] !== '\n') chars[i] = ' ';
  }
  return chars.join('');
}

/** The word literals in a source text, skipping the lines and texts said to no one. */
function wordLiteralsIn(source: string, machineTexts: readonly string[] = []): string[] {
  const found: string[] = [];
  for (const line of withoutExceptionTexts(source).split('\n')) {
    if (NOT_SAID.test(line)) continue;
    for (const m of line.matchAll(LITERAL)) {
      const literal = m[1] ?? m[2] ?? m[3] ?? '';
      if (readsAsWords(literal) && !machineTexts.includes(literal)) found.push(literal);
    }
  }
  return found;
}

const wordLiterals = (file: string): string[] => wordLiteralsIn(readFileSync(path.join(ROOT, file), 'utf8'), FOR_MACHINES[file]);

const scanned = ['src', 'flows'].flatMap(sourceFiles).filter((f) => !f.startsWith('src/i18n/'));
const found = Object.fromEntries(scanned.map((f) => [f, wordLiterals(f)] as const).filter(([, words]) => words.length > 0));

// `PRINT_WORDS_IN_CODE=1 npm test -- test/i18n/no-words-in-code` prints what the scan finds.
if (process.env.PRINT_WORDS_IN_CODE) process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);

describe('no words for people in the code', () => {
  it('the scan finds words where they are (the check itself works)', () => {
    expect(readsAsWords("That code has expired. Ask your counselor for a new one.")).toBe(true);
    expect(readsAsWords('Your top paths:')).toBe(true);
    expect(readsAsWords('codes.unknown')).toBe(false);
    expect(readsAsWords('onboarding:role')).toBe(false);
    expect(wordLiteralsIn("ctx.say(text('While you were away:'));\nreturn 'Sorry, I can\\'t do that here.';")).toHaveLength(2);
  });

  it("skips an exception's message, over several lines too, but not words said next to it", () => {
    const source = [
      'class StoreDown extends Error {',
      '  constructor(file: string) {',
      '    super(`The data file ${file} is damaged (${detail}). Fix it, then start again.`);',
      '  }',
      '}',
      'if (bad) {',
      '  throw new Error(',
      "    'Slack settings are not usable: ' +",
      '      \'copy the Signing Secret from the app\\\'s "Basic Information" page\',',
      '  );',
      '}',
      "ctx.say(text('Sorry, I did not catch that.'));",
    ].join('\n');
    expect(wordLiteralsIn(source)).toEqual(['Sorry, I did not catch that.']);
  });

  it('a text for machines is skipped only where it is listed, and only that text', () => {
    expect(wordLiteralsIn("return reply(res, 404, 'Not found');", FOR_MACHINES['src/channels/teams/start-teams.ts'])).toEqual([]);
    expect(wordLiteralsIn("say('Not found. Try again.');", FOR_MACHINES['src/channels/teams/start-teams.ts'])).toEqual(['Not found. Try again.']);
  });

  it('no file holds words for people: they are all in data/messages', () => {
    const shown = Object.entries(found).map(([f, words]) => `${f}: ${words.slice(0, 3).join(' | ')}`);
    expect(shown).toEqual([]);
  });
});
