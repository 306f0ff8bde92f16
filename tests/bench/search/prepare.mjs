// Prepares the other engines' inputs from a built dataset (DATASET): titles.json for MiniSearch,
// FlexSearch and Fuse.js (built in the page, as those libraries are used), and a Pagefind index
// over every post as a page (title + body), written to OUT/pagefind/.
import { readFileSync, writeFileSync, readdirSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

const DATASET = process.env.DATASET;
const OUT = process.env.OUT;
mkdirSync(OUT, { recursive: true });

// A body's text, one line per paragraph: schema 1 has `paragraphs`, schema 2 `blocks`. The
// synthetic board's bodies are paragraphs of plain text; anything else is refused rather than
// guessed at (the comparison would not be of the same text).
function bodyText(b) {
  if (b.paragraphs?.length) return b.paragraphs.join('\n');
  return (b.blocks ?? []).map((block) => {
    if (!block.p || block.p.some((run) => typeof run.text !== 'string')) {
      throw new Error(`post ${b.no}: a body block other than a paragraph of text: ${JSON.stringify(block).slice(0, 80)}`);
    }
    return block.p.map((run) => run.text).join('');
  }).join('\n');
}

const manifest = JSON.parse(readFileSync(join(DATASET, 'board.json'), 'utf8'));
const posts = manifest.shards.flatMap((s) => JSON.parse(readFileSync(join(DATASET, s), 'utf8')).posts);
const bodies = new Map();
for (const folder of readdirSync(join(DATASET, 'posts'))) {
  for (const file of readdirSync(join(DATASET, 'posts', folder))) {
    for (const b of JSON.parse(readFileSync(join(DATASET, 'posts', folder, file), 'utf8')).bodies) {
      bodies.set(b.no, bodyText(b));
    }
  }
}
writeFileSync(join(OUT, 'titles.json'), JSON.stringify(posts.map((p) => [p.no, p.title])));
// One body a line: at 1M posts one JSON text of them all is longer than a JavaScript string.
writeFileSync(join(OUT, 'bodies.ndjson'), [...bodies.entries()].map((e) => JSON.stringify(e)).join('\n'));

// Pagefind takes minutes over 100k pages: the index is kept while the dataset is the same, and
// above 100k posts it is built only when asked (BENCH_PAGEFIND=1).
if (manifest.count > 100000 && process.env.BENCH_PAGEFIND !== '1') process.exit(0);
const stamp = `${readFileSync(join(DATASET, 'board.json'), 'utf8')} ${bodies.size}`;
const stampFile = join(OUT, 'pagefind.stamp');
if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
  rmSync(join(OUT, 'pagefind'), { recursive: true, force: true });
  const t0 = performance.now();
  const { index } = await pagefind.createIndex({ forceLanguage: 'ko' });
  // The bodies, as Pagefind would index the article pages' text (the body search compared).
  for (const p of posts) {
    if (!bodies.has(p.no)) continue;
    await index.addCustomRecord({
      url: `/post/${p.no}`,
      content: bodies.get(p.no),
      language: 'ko',
      meta: { title: p.title, no: String(p.no) },
    });
  }
  await index.writeFiles({ outputPath: join(OUT, 'pagefind') });
  await pagefind.close();
  writeFileSync(stampFile, stamp);
  console.log(`pagefind: ${posts.length} pages indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
