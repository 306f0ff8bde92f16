// BENCHMARKS.md is written in sections, each by its own benchmark command and each starting with
// its `<!-- … benchmark` marker: a command replaces its own section (up to the next marker) and
// keeps every other.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function writeSection(marker, md, path = 'BENCHMARKS.md') {
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const at = previous.indexOf(marker);
  let kept = previous;
  if (at >= 0) {
    const next = previous.indexOf('<!-- ', at + marker.length);
    kept = previous.slice(0, at) + (next >= 0 ? previous.slice(next) : '');
  }
  writeFileSync(path, kept.trimEnd() + '\n\n' + md);
}
