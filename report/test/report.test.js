// The report in a real browser: reports of testdata traces (made by the built jar) loaded from file:// in headless
// Chromium. Checks what a user sees: no console or page error, no request leaves the file, nothing from the trace
// runs; the rows and marks the trace implies (counted by `strace-ls stats --json`); a click on a mark or span shows
// its line number; the threads of a process unfold; a hover shows the likely cause. Prints "N passed, N failed".
//   cd report && npm ci && npm test        (after mvn package: needs server/target/strace-ls.jar)
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { launch } = require('./chromium');

const root = path.resolve(__dirname, '..', '..');
const jar = process.env.STRACE_LS_JAR || path.join(root, 'server', 'target', 'strace-ls.jar');
const testdata = path.join(root, 'testdata');
const shots = path.join(__dirname, 'screenshots');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'strace-ls-report-'));

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed++;
    console.log(`ok   ${name}`);
  } else {
    failed++;
    console.log(`FAIL ${name}${detail !== undefined ? ': ' + detail : ''}`);
  }
}

function cli(...args) {
  return execFileSync('java', ['-jar', jar, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** What the trace implies, from the CLI's own counts: processes, threads, failed calls, kills, non-zero exits. */
function expected(trace) {
  const stats = JSON.parse(cli('stats', '--json', trace));
  const processes = stats.processes.filter(p => !p.thread);
  return {
    processes: processes.length,
    threads: stats.processes.length - processes.length,
    failedCalls: Object.values(stats.failedCalls).reduce((a, b) => a + b, 0),
    killed: stats.processes.filter(p => p.ending === 'killed').length,
    nonzero: stats.processes.filter(p => p.ending === 'exited' && p.exitStatus !== 0).length,
  };
}

/** The line of the first failed call that is not routine (check --json: a warning whose code is an errno), or 0. */
function firstFailureLine(trace) {
  let findings;
  try {
    findings = JSON.parse(cli('check', '--json', trace));
  } catch (e) {
    findings = JSON.parse(e.stdout); // exit 1: an error was found
  }
  const f = findings.find(x => x.severity === 'warning' && /^E[A-Z0-9]+$/.test(x.code));
  return f ? f.line : 0;
}

const CASES = [
  { file: 'tt-T.strace', what: '-f -tt -T, ls fails', time: true, screenshot: 'report.png' },
  { file: 'plain.strace', what: 'one process, no timestamps, exits 2', time: false },
  { file: 'ff/' + fs.readdirSync(path.join(testdata, 'ff')).sort()[0], what: 'one file of an -ff trace', time: false },
  { file: 'follow.strace', what: '-f without timestamps', time: false },
  { file: 'killed.strace', what: 'processes killed by SIGKILL', time: false },
  { file: 'xauth-lock.strace', what: 'a failing program and its cause', time: true, hoverCause: true },
  { file: 'busy.strace', what: 'threads folded under their process', time: true, threads: true },
  { file: 'c-f.strace', what: 'a -c table only', time: false, table: true },
  { file: 'hostile.strace', what: 'file names and output that look like HTML and script', time: true, hostile: true },
];

async function testCase(browser, c) {
  const trace = path.join(testdata, c.file);
  const html = path.join(out, c.file.replace(/\//g, '_') + '.html');
  cli('report', trace, '-o', html);
  const want = expected(trace);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems = [];
  const requests = [];
  const dialogs = [];
  page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', e => problems.push(`page error: ${e.message}`));
  page.on('request', r => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  page.on('dialog', d => { dialogs.push(d.message()); void d.dismiss(); });
  await page.goto('file://' + html);
  await page.waitForFunction(() => window.straceReport && window.straceReport.ready, null, { timeout: 15000 });
  const name = `${c.file} (${c.what})`;
  const got = await page.evaluate(() => ({
    rows: straceReport.rows(), processes: straceReport.processes, threads: straceReport.threads,
    marks: straceReport.marks(), time: straceReport.time, axis: document.getElementById('axis').textContent,
    summary: document.getElementById('summary').textContent,
    treeItems: document.querySelectorAll('.tree li').length,
  }));
  check(`${name}: one row per process (${want.processes}), threads folded`, got.rows === want.processes
    && got.processes === want.processes && got.threads === want.threads, JSON.stringify(got));
  check(`${name}: the process tree lists every process (${want.processes})`, got.treeItems === want.processes, got.treeItems);
  check(`${name}: a mark per failed call (${want.failedCalls})`,
    got.marks['failed call'] + got.marks['routine failure'] === want.failedCalls, JSON.stringify(got.marks));
  check(`${name}: a mark per kill (${want.killed}) and non-zero exit (${want.nonzero})`,
    got.marks.killed === want.killed && got.marks['non-zero exit'] === want.nonzero, JSON.stringify(got.marks));
  check(`${name}: the axis says it is ${c.time ? 'time' : 'the line number'}`,
    got.time === c.time && (c.time ? /seconds/.test(got.axis) : /line number/.test(got.axis)), got.axis);

  // a click on a mark (the first real failure) or else the first span: the details name its line
  const line = firstFailureLine(trace) || (want.processes ? 1 : 0);
  if (line) {
    const at = await page.evaluate(l => straceReport.locate(l, true), line);
    if (!at) {
      check(`${name}: line ${line} is drawn`, false, 'locate() found nothing');
    } else {
      await page.mouse.click(at.x, at.y);
      const text = await page.locator('#details').innerText();
      check(`${name}: a click on the mark or span of line ${line} shows "line ${line}"`,
        new RegExp(`\\bline ${line}\\b`).test(text), text.slice(0, 200));
      if (c.hoverCause) {
        // the call check --explain ranks first for the program's message
        let explained;
        try {
          explained = JSON.parse(cli('check', '--explain', '--json', trace));
        } catch (e) {
          explained = JSON.parse(e.stdout);
        }
        const cause = explained[0].causes[0];
        const there = await page.evaluate(l => straceReport.locate(l, true), cause.line);
        await page.mouse.move(there.x, there.y);
        const tip = await page.locator('#tooltip').innerText();
        check(`${name}: a hover on line ${cause.line} (${cause.call}) says it is the likely cause of the message`,
          /likely cause 1/.test(tip) && tip.includes(`line ${cause.line}`), tip.slice(0, 300));
      }
    }
  }
  if (c.threads) {
    await page.click('#expand');
    const rows = await page.evaluate(() => straceReport.rows());
    check(`${name}: "Expand threads" shows a row per thread too (${want.processes + want.threads})`,
      rows === want.processes + want.threads, rows);
  }
  if (c.table) {
    check(`${name}: strace's -c table is shown`, await page.locator('pre.summary').count() === 1);
  }
  if (c.hostile) {
    const dom = await page.evaluate(() => ({
      text: document.body.innerText,
      imgs: document.querySelectorAll('img').length,
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      scripts: document.querySelectorAll('script').length,
      jsLinks: Array.from(document.querySelectorAll('a[href]')).filter(a => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
    }));
    check(`${name}: the names show as text`, dom.text.includes('</script><script>alert(1)</script>')
      && dom.text.includes('<img src=x onerror=alert(2)>') && dom.text.includes('javascript:alert(3)'), '');
    check(`${name}: no element made from trace text (img, handlers, scripts, javascript: links)`,
      dom.imgs === 0 && dom.handlers === 0 && dom.scripts === 3 && dom.jsLinks === 0, JSON.stringify({ ...dom, text: undefined }));
    // hover over the failed openat of "</script>…": the tooltip shows the text, nothing runs
    const hostileLine = fs.readFileSync(trace, 'utf8').split('\n')
      .findIndex(l => l.includes('openat(') && l.includes('</script><script>alert(1)') && l.includes('ENOENT')) + 1;
    const at = await page.evaluate(l => straceReport.locate(l, true), hostileLine);
    await page.mouse.move(at.x, at.y);
    const tip = await page.locator('#tooltip').innerText();
    check(`${name}: a hover shows the cause's text as text`, tip.includes('alert(1)'), tip.slice(0, 200));
    await page.mouse.click(at.x, at.y);
    check(`${name}: no dialog opened (no script from the trace ran)`, dialogs.length === 0, dialogs.join(', '));
  }
  check(`${name}: no console or page errors`, problems.length === 0, problems.join(' | '));
  check(`${name}: no request left the file`, requests.length === 0, requests.join(', '));
  if (c.screenshot) {
    fs.mkdirSync(shots, { recursive: true });
    await page.evaluate(() => straceReport.reset());
    await page.mouse.move(0, 0);
    await page.evaluate(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.locator('#timeline').screenshot({ path: path.join(shots, c.screenshot) });
  }
  await page.close();
}

(async () => {
  if (!fs.existsSync(jar)) {
    console.error(`report test: ${jar} is missing; build it with mvn -B package -DskipTests`);
    process.exit(2);
  }
  const browser = await launch();
  try {
    for (const c of CASES) {
      try {
        await testCase(browser, c);
      } catch (e) {
        check(`${c.file}: ran to the end`, false, e && e.stack || String(e));
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
})();
