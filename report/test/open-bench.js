// How long a report takes to open in Chromium (navigation to the timeline drawn) and to redraw while zooming.
//   node test/open-bench.js REPORT.html [runs]
// Prints the median and worst of the runs, and the slowest of 40 zoom steps (in and out) and 20 pans.
const path = require('path');
const { launch } = require('./chromium');

(async () => {
  const file = path.resolve(process.argv[2] || '/tmp/bench-report-1M.strace.html');
  const runs = parseInt(process.argv[3] || '5', 10);
  const browser = await launch();
  const opens = [];
  const inPage = [];
  let steps = null;
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = [];
    page.on('pageerror', e => errors.push(e.message));
    const t0 = Date.now();
    await page.goto('file://' + file, { waitUntil: 'load' });
    await page.waitForFunction(() => window.straceReport && window.straceReport.ready);
    await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
    opens.push(Date.now() - t0);
    inPage.push(await page.evaluate(() => straceReport.timing.drawn));
    if (errors.length) console.log('page errors:', errors);
    if (run === 0) {
      steps = await page.evaluate(async () => {
        const frame = () => new Promise(r => requestAnimationFrame(r));
        const times = [];
        async function step(f) {
          const t = performance.now();
          f();
          await frame();
          times.push(performance.now() - t);
        }
        for (let i = 0; i < 20; i++) await step(() => straceReport.zoom(0.7));
        for (let i = 0; i < 20; i++) await step(() => straceReport.pan(0.1));
        for (let i = 0; i < 20; i++) await step(() => straceReport.zoom(1 / 0.7));
        return { rows: straceReport.rows(), marks: straceReport.marks(), worst: Math.max(...times),
          median: times.sort((a, b) => a - b)[times.length >> 1] };
      });
    }
    await page.close();
  }
  await browser.close();
  opens.sort((a, b) => a - b);
  inPage.sort((a, b) => a - b);
  console.log(`from the start of navigation to the timeline drawn (the page's clock): median ${Math.round(inPage[inPage.length >> 1])} ms, worst ${Math.round(inPage[inPage.length - 1])} ms`);
  console.log(`${path.basename(file)}: new tab to drawn, wall clock: ${opens[opens.length >> 1]} ms (median of ${runs}, worst ${opens[opens.length - 1]} ms)`);
  console.log(`zoom/pan steps (draw + next frame): median ${steps.median.toFixed(1)} ms, worst ${steps.worst.toFixed(1)} ms; `
    + `${steps.rows} rows, marks ${JSON.stringify(steps.marks)}`);
})().catch(e => { console.error(e); process.exit(1); });
