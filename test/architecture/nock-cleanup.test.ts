/**
 * nock patches node:http for the whole Jest worker, while each test file gets its own copy of nock.
 * A file that loads nock and does not take it out leaves the next file in that worker talking to a
 * torn-down copy ("interceptorsFor is not a function"), which fails only in some test orders. So every
 * test file that loads nock, directly or through a test kit, must reach a `nock.restore()`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TEST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

const RELATIVE_IMPORT = /from\s+['"](\.{1,2}\/[^'"]+)['"]/g;

function localImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(RELATIVE_IMPORT)]
    .map((m) => path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, '.ts')))
    .filter((f) => f.startsWith(TEST) && existsSync(f));
}

/** Test-folder files this one loads, itself included (source files under src/ never load nock). */
function loaded(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const f of localImports(file)) loaded(f, seen);
  return seen;
}

const loadsNock = (file: string) => /from\s+['"]nock['"]/.test(readFileSync(file, 'utf8'));
const restoresNock = (file: string) => /nock\.restore\(\)/.test(readFileSync(file, 'utf8'));

test('every test file that loads nock takes it out of node:http when the file is done', () => {
  const specs = testFiles(TEST).filter((f) => f.endsWith('.test.ts'));
  const leaking = specs.filter((spec) => {
    const files = [...loaded(spec)];
    return files.some(loadsNock) && !files.some(restoresNock);
  });
  expect(leaking.map((f) => path.relative(TEST, f))).toEqual([]);
  expect(specs.filter((spec) => [...loaded(spec)].some(loadsNock)).length).toBeGreaterThan(5);
});

test('renderer tests do not load nock at all', () => {
  for (const spec of ['channels/slack/slack-renderer.test.ts', 'channels/teams/teams-renderer.test.ts']) {
    expect([...loaded(path.join(TEST, spec))].some(loadsNock)).toBe(false);
  }
});
