// Datasets the end-to-end tests build themselves: export files written by the test, turned into
// a dataset by the release board-build, and served in place of the page's data/ folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

export const BUILDER = join(process.cwd(), 'target/release/board-build');

/// A fresh folder for one test's files.
export const scratch = () => mkdtempSync(join(tmpdir(), 'esg-e2e-'));

/// Bytes of `text` in CP949, as Korean Excel saves a CSV (Python's codec: an independent encoder).
export function cp949(text) {
  return execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode("cp949"))'], { input: text });
}

/// Runs `board-build build …`; returns its stderr, failing the test when it fails.
export function build(args) {
  const run = spawnSync(BUILDER, ['build', ...args]);
  const stderr = run.stderr.toString();
  assert.equal(run.status, 0, stderr);
  return stderr;
}

/// Serves the dataset in `dir` for every request under data/ (a `beforeLoad` of openPage); a
/// file the dataset does not have is a 404, as a static host answers, never a request left
/// hanging.
export const serve = (dir) => (p) => p.route('**/data/**', (r) => {
  const file = join(dir, new URL(r.request().url()).pathname.split('/data/')[1]);
  return existsSync(file) && statSync(file).isFile()
    ? r.fulfill({ path: file })
    : r.fulfill({ status: 404, body: 'Not Found' });
});
