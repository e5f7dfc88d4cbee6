// Re-renders bench/results.md from bench/results.json (after changing the report, without re-running).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderReport } from './report';

const dir = resolve(import.meta.dirname, '../../bench');
const report = renderReport(JSON.parse(readFileSync(resolve(dir, 'results.json'), 'utf8')));
writeFileSync(resolve(dir, 'results.md'), report);
console.log(report);
