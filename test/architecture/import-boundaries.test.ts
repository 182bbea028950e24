/**
 * The layers of DESIGN.md, checked on every import in src/ and flows/: pure code stays pure, only a
 * channel imports its platform's SDK, only the store imports the database library, and nothing
 * reaches up into the wiring.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

interface Import {
  file: string;
  /** Relative imports as a project path ("src/domain/grade.ts"); packages by name ("@slack/bolt", "node:fs"). */
  target: string;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = (m[1] ?? m[2])!;
    if (!spec.startsWith('.')) return { file, target: spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]! };
    return { file, target: path.normalize(path.join(path.dirname(file), spec)).replace(/\.js$/, '.ts') };
  });
}

const all = [...sourceFiles('src'), ...sourceFiles('flows')].flatMap(importsOf);
const within = (dir: string) => (i: Import) => i.file.startsWith(`${dir}/`);
const to = (...prefixes: string[]) => (i: Import) => prefixes.some((p) => i.target === p || i.target.startsWith(`${p}/`));
const show = (found: Import[]) => found.map((i) => `${i.file} imports ${i.target}`);

/** Libraries with no I/O that pure code may use. */
const PURE_PACKAGES = ['xstate', 'zod', 'minisearch', '@nlpjs/core', '@nlpjs/nlp', '@nlpjs/lang-en', '@nlpjs/lang-es', 'node:crypto'];

describe('imports follow the layers of the design', () => {
  it('reads the imports of every source file (the check itself works)', () => {
    expect(all.length).toBeGreaterThan(500);
    expect(all.some((i) => i.file === 'src/engine/engine.ts' && i.target === 'src/engine/flow-turns.ts')).toBe(true);
  });

  it('src/domain and flows/ are pure: no I/O modules, and nothing from the layers that do I/O', () => {
    const pure = all.filter((i) => within('src/domain')(i) || within('flows')(i));
    const packages = pure.filter((i) => !i.target.startsWith('src/') && !i.target.startsWith('flows/') && !PURE_PACKAGES.includes(i.target));
    expect(show(packages)).toEqual([]);
    const up = pure.filter(to('src/features', 'src/engine', 'src/store', 'src/channels', 'src/app', 'src/scheduler', 'src/data-files', 'src/export', 'src/main.ts', 'src/config.ts', 'src/logger.ts'));
    expect(show(up)).toEqual([]);
    expect(show(all.filter((i) => within('src/domain')(i) && to('flows')(i)))).toEqual([]);
  });

  it('only src/channels/slack imports the Slack SDK, and only src/channels/teams imports botbuilder', () => {
    const slack = all.filter(to('@slack/bolt', '@slack/web-api', '@slack/socket-mode')).filter((i) => !within('src/channels/slack')(i));
    const teams = all.filter(to('botbuilder', 'botframework-connector', 'botframework-schema', 'botbuilder-core')).filter((i) => !within('src/channels/teams')(i));
    expect(show([...slack, ...teams])).toEqual([]);
  });

  it('only src/store imports the database libraries', () => {
    expect(show(all.filter(to('lowdb', 'pg', 'pg-boss')).filter((i) => !within('src/store')(i)))).toEqual([]);
  });

  it('features, the engine and the store never reach up into channels or the wiring', () => {
    const lower = all.filter((i) => within('src/features')(i) || within('src/engine')(i) || within('src/store')(i));
    expect(show(lower.filter(to('src/channels', 'src/app', 'src/main.ts')))).toEqual([]);
    expect(show(all.filter((i) => within('src/engine')(i) && to('src/features')(i)))).toEqual([]);
    expect(show(all.filter((i) => within('src/store')(i) && to('src/features', 'src/scheduler')(i)))).toEqual([]);
  });

  it('src/i18n (the words of every language) reaches nothing above it: pure code may ask it for words', () => {
    const words = all.filter(within('src/i18n'));
    expect(words.length).toBeGreaterThan(3);
    expect(show(words.filter(to('src/features', 'src/engine', 'src/store', 'src/channels', 'src/app', 'src/scheduler', 'src/export', 'flows')))).toEqual([]);
  });

  it('only src/main.ts wires: nothing else imports src/app', () => {
    expect(show(all.filter(to('src/app')).filter((i) => !within('src/app')(i) && i.file !== 'src/main.ts'))).toEqual([]);
  });
});
