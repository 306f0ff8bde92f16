// Lighthouse 12, mobile preset (its default: a mid-range phone, simulated slow 4G, CPU slowed
// 4×), performance only, against Debian's Chromium, on every kind of shared link of the seed
// board served with its pre-compressed files (as a CDN sends them). Writes its own section of
// BENCHMARKS.md. Numbers, not pass/fail: the budgets are written beside them.
//
// Run by `cargo xtask bench` with SERVER_ORIGIN (the xtask server, `dist/` at /app/) and
// CHROMIUM set; RUNS (default 3) runs per link, the median of each metric reported. Alone,
// against `cargo xtask serve`: BOARD_URL=http://127.0.0.1:8080/ CHROMIUM=/usr/bin/chromium.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { writeSection } from '../sections.mjs';

const origin = process.env.SERVER_ORIGIN;
const chromium = process.env.CHROMIUM;
const board = process.env.BOARD_URL || (origin && `${origin}/app/`);
if (!board || !chromium) throw new Error('SERVER_ORIGIN (or BOARD_URL) and CHROMIUM are set by cargo xtask bench');
const runs = Number(process.env.RUNS || 3);

/// [what the link is, its path under /app/]: each state a reader can be sent to.
const links = [
  ['list page 1', ''],
  ['list page 2', '?page=2'],
  ['search `?q=에너지`', `?q=${encodeURIComponent('에너지')}`],
  ['department `?dept=고용노동부`', `?dept=${encodeURIComponent('고용노동부')}`],
  ['article `?post=3409`', '?post=3409'],
  ['article page `post/3409.html`', 'post/3409.html'],
];

const longTasks = (lhr) => {
  const items = lhr.audits['long-tasks']?.details?.items ?? [];
  const sum = (xs) => xs.reduce((t, i) => t + i.duration, 0);
  return { tasks: sum(items), app: sum(items.filter((i) => /esg-board\.js$/.test(i.url))) };
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const chrome = await chromeLauncher.launch({
  chromePath: chromium,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
const rows = [];
let browser = chromium;
try {
  for (const [what, path] of links) {
    const url = `${board}${path}`;
    const got = [];
    for (let i = 0; i < runs; i++) {
      const { lhr } = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      });
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
      browser = lhr.environment?.hostUserAgent?.match(/Chrome\/[\d.]+/)?.[0] ?? browser;
      const a = (id) => lhr.audits[id]?.numericValue ?? NaN;
      got.push({
        score: Math.round((lhr.categories.performance.score ?? 0) * 100),
        fcp: a('first-contentful-paint'),
        lcp: a('largest-contentful-paint'),
        tti: a('interactive'),
        tbt: a('total-blocking-time'),
        si: a('speed-index'),
        // The main-thread tasks over 50 ms in Lighthouse's simulation, and how much of them the
        // app's start (its glue calling into the wasm) takes: what total blocking time is made of.
        ...longTasks(lhr),
      });
    }
    const m = (k) => median(got.map((g) => g[k]));
    rows.push({ what, score: m('score'), fcp: m('fcp'), lcp: m('lcp'), tti: m('tti'), tbt: m('tbt'), si: m('si'), tasks: m('tasks'), app: m('app'), scores: got.map((g) => g.score) });
    console.log(what, rows.at(-1));
  }
} finally {
  await chrome.kill();
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const md = `<!-- lighthouse benchmark: written by \`cargo xtask bench\` (tests/bench/lighthouse/run.mjs) -->
## Lighthouse 12, mobile preset, every kind of shared link

Lighthouse 12.2.3, its default mobile preset (simulated slow 4G and a CPU slowed 4×),
performance only, against Debian's Chromium (${browser}), headless; the seed board from the xtask server with
its pre-compressed files. Median of ${runs} runs per link (a fresh cache each run). Budgets:
performance 100, LCP ≤ 1.5 s, time to interactive ≤ 2.0 s. "Long tasks": the simulated
main-thread tasks over 50 ms, all of them and those of the app's start (\`esg-board.js\`, the
wasm's glue), in ms.

| link | performance | LCP | time to interactive | FCP | total blocking time | speed index | long tasks (the app's) | scores of the runs |
|---|---:|---:|---:|---:|---:|---:|---:|---|
${rows.map((r) => `| ${r.what} | ${r.score} | ${s(r.lcp)} | ${s(r.tti)} | ${s(r.fcp)} | ${Math.round(r.tbt)} ms | ${s(r.si)} | ${Math.round(r.tasks)} (${Math.round(r.app)}) | ${r.scores.join(', ')} |`).join('\n')}
`;
writeSection('<!-- lighthouse benchmark', md);
