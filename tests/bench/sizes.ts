/** Bytes the extension ships: each entry point raw and gzipped, and the whole package. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  raw: number;
  gzip: number;
}

export const sizeOf = (path: string): FileSize => {
  const bytes = readFileSync(path);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The JS and CSS each HTML entry point loads (its own chunk plus shared chunks), summed. */
function pageAssets(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), 'utf8');
  return [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

export function packageSizes(dir: string) {
  const files = filesUnder(dir);
  const entries: Record<string, FileSize & { files: number }> = {};
  const add = (name: string, paths: string[]) => {
    const sizes = paths.map((p) => sizeOf(join(dir, p)));
    entries[name] = {
      raw: sizes.reduce((n, s) => n + s.raw, 0),
      gzip: sizes.reduce((n, s) => n + s.gzip, 0),
      files: paths.length,
    };
  };
  // Scripts at the package root are entry points (background, the injected card); chunks/ are shared parts.
  for (const file of files.filter((f) => f.endsWith('.js') && relative(dir, f).split('/').length === 1)) {
    add(relative(dir, file), [relative(dir, file)]);
  }
  for (const html of files.filter((f) => f.endsWith('.html'))) add(relative(dir, html), [relative(dir, html), ...pageAssets(dir, relative(dir, html))]);
  const total = files.map((f) => statSync(f).size).reduce((a, b) => a + b, 0);
  return { entries, totalBytes: total, files: files.length };
}
