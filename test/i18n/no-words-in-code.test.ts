/**
 * Every word Waypoint says lives in the message catalogs (data/messages). This scans the source for
 * string literals that read like words said to a person: two or more words of letters starting
 * with a capital, or a sentence ending in . ! ? :. Logs, thrown errors, comments, imports and
 * test-only text are not said to anyone and are skipped. Files that still hold such words are
 * listed in STILL_IN_CODE with how many: the list may only shrink (a file cleaned must come off it;
 * a new literal anywhere fails).
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

/** How many word literals each file holds. */
function wordLiterals(file: string): string[] {
  const found: string[] = [];
  for (const line of readFileSync(path.join(ROOT, file), 'utf8').split('\n')) {
    if (NOT_SAID.test(line)) continue;
    for (const m of line.matchAll(LITERAL)) {
      const literal = m[1] ?? m[2] ?? m[3] ?? '';
      if (readsAsWords(literal)) found.push(literal);
    }
  }
  return found;
}

/** Files not yet moved to the catalogs, with how many word literals they hold (may only go down). */
const STILL_IN_CODE: Record<string, number> = {
  'src/channels/console/console-channel.ts': 1,
  'src/channels/slack/slack-settings.ts': 1,
  'src/channels/teams/check-request.ts': 3,
  'src/channels/teams/start-teams.ts': 4,
  'src/channels/teams/teams-sender.ts': 2,
  'src/channels/teams/teams-settings.ts': 1,
  'src/data-files/import-onet.ts': 21,
  'src/data-files/read-eval-csv.ts': 4,
  'src/domain/access.ts': 1,
  'src/domain/interest-items.ts': 1,
  'src/domain/occupations/typical-pay.ts': 1,
  'src/domain/plan-signatures.ts': 2,
  'src/engine/engine.ts': 2,
  'src/export/icap-csv.ts': 10,
  'src/features/people/admin-cli.ts': 12,
  'src/features/people/admin-ids.ts': 2,
  'src/features/people/caseload-admin.ts': 16,
  'src/features/understand/role-fallback.ts': 1,
  'src/features/understand/understand-text.ts': 1,
  'src/features/understand/waypoint-questions.ts': 1,
  'src/scheduler/reminders-cli.ts': 10,
  'src/store/store.ts': 1,
};

const scanned = ['src', 'flows'].flatMap(sourceFiles).filter((f) => !f.startsWith('src/i18n/'));
const counts = Object.fromEntries(scanned.map((f) => [f, wordLiterals(f).length] as const).filter(([, n]) => n > 0));

// `PRINT_WORDS_IN_CODE=1 npm test -- test/i18n/no-words-in-code` prints the table as it is now.
if (process.env.PRINT_WORDS_IN_CODE) process.stdout.write(`${JSON.stringify(counts, null, 2)}\n`);

describe('no words for people in the code', () => {
  it('the scan finds words where they are (the check itself works)', () => {
    expect(readsAsWords("That code has expired. Ask your counselor for a new one.")).toBe(true);
    expect(readsAsWords('Your top paths:')).toBe(true);
    expect(readsAsWords('codes.unknown')).toBe(false);
    expect(readsAsWords('onboarding:role')).toBe(false);
  });

  it('files moved to the catalogs hold no words, and the others hold no more than before', () => {
    const grew = Object.entries(counts)
      .filter(([f, n]) => n > (STILL_IN_CODE[f] ?? 0))
      .map(([f, n]) => `${f}: ${n} (allowed ${STILL_IN_CODE[f] ?? 0}): ${wordLiterals(f).slice(0, 3).join(' | ')}`);
    expect(grew).toEqual([]);
  });

  it('the list of files still holding words is up to date (cleaned files come off it)', () => {
    const stale = Object.entries(STILL_IN_CODE).filter(([f, n]) => (counts[f] ?? 0) < n).map(([f, n]) => `${f}: ${counts[f] ?? 0} < ${n}`);
    expect(stale).toEqual([]);
  });
});
