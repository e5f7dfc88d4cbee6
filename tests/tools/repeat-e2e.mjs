// Runs the whole end-to-end suite N times against one build, to catch what fails only now and then:
//   npm run test:e2e:repeat -- 5                                   (5 runs of every e2e file)
//   npm run test:e2e:repeat -- 5 tests/e2e/lifecycle-session.e2e.ts (more arguments go to vitest)
// Builds both browsers' extensions once, runs `vitest run --project e2e` N times with vitest's JSON reporter, then
// lists every failure (run, file, test, the error's first line) and a summary per test. Exits 1 if anything
// failed in any run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '../..');
const [countArgument = '1', ...vitestArguments] = process.argv.slice(2);
const runs = Number(countArgument);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`Usage: npm run test:e2e:repeat -- <runs> [vitest arguments]; "${countArgument}" is not a number of runs`);
  process.exit(2);
}

const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status;

// Once for all runs: the suites load .output/chrome-mv3 and .output/firefox-mv2.
for (const script of ['build', 'build:firefox']) {
  if (run('npm', ['run', script]) !== 0) {
    console.error(`npm run ${script} failed: nothing was tested`);
    process.exit(1);
  }
}

const reports = mkdtempSync(join(tmpdir(), 'python-inside-e2e-repeat-'));
/** @type {{ run: number, file: string, test: string, error: string, iterations: string[] }[]} */
const failures = [];
/** @type {Map<string, { failed: number, ran: number }>} */
const perTest = new Map();
/** @type {Map<string, number[]>} seconds each file took, per run */
const fileSeconds = new Map();
const started = Date.now();

for (let index = 1; index <= runs; index++) {
  console.log(`\n=== e2e run ${index} of ${runs} ===`);
  const reportFile = join(reports, `run-${index}.json`);
  const exitCode = run('npx', ['vitest', 'run', '--project', 'e2e', '--reporter=dot', '--reporter=json', `--outputFile.json=${reportFile}`, ...vitestArguments]);
  if (!existsSync(reportFile)) {
    failures.push({ run: index, file: '(vitest)', test: '(the run itself)', error: `vitest exited with ${exitCode} and wrote no report`, iterations: [] });
    continue;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  for (const file of report.testResults) {
    const name = relative(root, file.name);
    fileSeconds.set(name, [...(fileSeconds.get(name) ?? []), (file.endTime - file.startTime) / 1_000]);
    // A failed hook (a browser that did not start, the privacy check after all tests) fails the file itself.
    if (file.message) failures.push({ run: index, file: name, test: '(file: hooks or import)', ...firstLines(file.message) });
    for (const test of file.assertionResults) {
      if (test.status !== 'passed' && test.status !== 'failed') continue;
      const key = `${name} > ${test.fullName}`;
      const tally = perTest.get(key) ?? { failed: 0, ran: 0 };
      tally.ran++;
      if (test.status === 'failed') {
        tally.failed++;
        failures.push({ run: index, file: name, test: test.fullName, ...firstLines(test.failureMessages[0] ?? '(no message)') });
      }
      perTest.set(key, tally);
    }
  }
}
rmSync(reports, { recursive: true, force: true });

/** The error's first line, and the "iteration n: ..." lines a repeated lifecycle moment lists under it. */
function firstLines(message) {
  // eslint-disable-next-line no-control-regex
  const lines = message.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  return { error: lines[0] ?? '', iterations: lines.filter((line) => /^iteration \d+: /.test(line)) };
}

const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`\n=== ${runs} e2e runs in ${minutes} min ===`);
console.log('Seconds per file (its tests, per run):');
for (const [file, seconds] of [...fileSeconds].sort(([a], [b]) => a.localeCompare(b))) console.log(`  ${file}: ${seconds.map((s) => s.toFixed(0)).join(', ')}`);
if (!failures.length) {
  console.log(`No failures: ${perTest.size} tests passed in every run.`);
  process.exit(0);
}
console.log(`\n${failures.length} failures:`);
for (const f of failures) {
  console.log(`run ${f.run} | ${f.file} | ${f.test} | ${f.error}`);
  for (const line of f.iterations) console.log(`    ${line}`);
}
console.log('\nFailed tests, failed/ran:');
for (const [test, { failed, ran }] of perTest) if (failed) console.log(`  ${failed}/${ran}  ${test}`);
const cleanRuns = runs - new Set(failures.map((f) => f.run)).size;
console.log(`\n${cleanRuns} of ${runs} runs passed entirely.`);
process.exit(1);
