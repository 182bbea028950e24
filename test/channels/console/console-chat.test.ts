import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { PROJECT_DIR } from '../../../src/config.js';

/** Runs `npm start --silent` with the given lines on standard input, as a newcomer would script it. */
function npmStart(lines: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('npm', ['start', '--silent'], { cwd: PROJECT_DIR, env: { ...process.env, ...env }, timeout: 60_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    );
    child.stdin!.end(lines.map((l) => `${l}\n`).join(''));
  });
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'waypoint-console-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the terminal chat (npm start --silent with piped input)', () => {
  it('scripts a whole conversation, and a second run remembers the chosen pathway', async () => {
    const env = { WAYPOINT_DATA_DIR: dataDir, WAYPOINT_USER: 'jordan' };
    const answers = Array.from({ length: 24 }, () => '1');
    const first = await npmStart(['hi', 'student', '8', ...answers, 'see all 16 clusters', 'Health Science', 'Therapeutic Services'], env);
    expect(first).toMatch(/^1\) I'm a student$/m);
    expect(first).toMatch(/Your top Career Clusters/);
    expect(first).toMatch(/Saved! You chose the Therapeutic Services pathway in Health Science/);

    const second = await npmStart(['my pathway'], env);
    expect(second).toMatch(/Pathway: Therapeutic Services/);
    expect(second).toMatch(/Cluster: Health Science/);

    const someoneElse = await npmStart(['hi'], { WAYPOINT_DATA_DIR: dataDir, WAYPOINT_USER: 'sam' });
    expect(someoneElse).toMatch(/Who are you\?/);
  }, 120_000);

  it('answers each line as it is read, not at the end of input', async () => {
    const child = spawn('npm', ['start', '--silent'], {
      cwd: PROJECT_DIR,
      env: { ...process.env, WAYPOINT_DATA_DIR: dataDir, WAYPOINT_USER: 'lee' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.write('hi\n');
    const deadline = Date.now() + 60_000;
    while (!/Who are you\?/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(out).toMatch(/Who are you\?/);
    child.stdin.end();
    await new Promise((r) => child.on('close', r));
  }, 90_000);

  it('a damaged data file stops that turn with a kind line, its name goes to the log, and it is left alone', async () => {
    const { mkdir, writeFile, readFile } = await import('node:fs/promises');
    const dir = await mkdtemp(path.join(tmpdir(), 'waypoint-damaged-'));
    await npmStart(['hi'], { WAYPOINT_DATA_DIR: dir, WAYPOINT_USER: 'ann' }); // a folder in use
    await mkdir(path.join(dir, 'profiles'), { recursive: true });
    const file = path.join(dir, 'profiles', 'console%3Ajo.json');
    await writeFile(file, '{"role": "stud');
    // Start-up reads no record (a million students would take too long); the turn that reads it stops.
    const out = await npmStart(['hi'], { WAYPOINT_DATA_DIR: dir, WAYPOINT_USER: 'jo' });
    expect(out).toMatch(/trouble with my saved notes right now, so I didn't change anything/);
    expect(await readFile(path.join(dir, 'waypoint.log'), 'utf8')).toContain(file);
    expect(await readFile(file, 'utf8')).toBe('{"role": "stud');
    await rm(dir, { recursive: true, force: true });
  }, 60_000);
});
