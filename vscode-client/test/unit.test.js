// Unit tests of what the client decides by itself: which Java runs the server, the VM arguments, and
// which files are traces by their first line. Run with `npm test` (after tsc); no VS Code needed.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { findJava, JavaNotFound, parseJavaVersion, splitArgs } = require('../out/java');

const root = path.resolve(__dirname, '..', '..');

test('parseJavaVersion reads the major version of every java -version style', () => {
  assert.strictEqual(parseJavaVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment'), 17);
  assert.strictEqual(parseJavaVersion('java version "1.8.0_392"'), 8);
  assert.strictEqual(parseJavaVersion('openjdk version "21-ea" 2023-09-19'), 21);
  assert.strictEqual(parseJavaVersion('openjdk version "11.0.2" 2019-01-15'), 11);
  assert.strictEqual(parseJavaVersion('Error: could not open `jvm.cfg`'), undefined);
});

test('splitArgs splits on spaces and keeps double-quoted spaces', () => {
  assert.deepStrictEqual(splitArgs('-Xmx1g  -Dx="a b" -Dy=2'), ['-Xmx1g', '-Dx=a b', '-Dy=2']);
  assert.deepStrictEqual(splitArgs('  '), []);
  assert.deepStrictEqual(splitArgs('"-Dpath=/tmp/with space"'), ['-Dpath=/tmp/with space']);
});

/** A Java home whose bin/java prints the given version the way java -version does (on stderr). */
function fakeJavaHome(version) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), `fake-java-${version}-`));
  fs.mkdirSync(path.join(home, 'bin'));
  const java = path.join(home, 'bin', 'java');
  fs.writeFileSync(java, `#!/bin/sh\necho 'openjdk version "${version}" 2024-01-16' >&2\n`, { mode: 0o755 });
  return home;
}

function withEnv(vars, fn) {
  const saved = {};
  for (const k of Object.keys(vars)) {
    saved[k] = process.env[k];
    if (vars[k] === undefined) {
      delete process.env[k];
    } else {
      process.env[k] = vars[k];
    }
  }
  return fn().finally(() => {
    for (const k of Object.keys(saved)) {
      if (saved[k] === undefined) {
        delete process.env[k];
      } else {
        process.env[k] = saved[k];
      }
    }
  });
}

const java17 = fakeJavaHome('17.0.9');
const java11 = fakeJavaHome('11.0.2');
const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-java-'));

test('the setting strace.java.home comes first', () => withEnv({ JAVA_HOME: java11, PATH: emptyDir }, async () => {
  const java = await findJava(java17, () => undefined);
  assert.strictEqual(java.source, 'strace.java.home');
  assert.strictEqual(java.version, 17);
  assert.strictEqual(java.executable, path.join(java17, 'bin', 'java'));
}));

test('the setting may name the java executable itself', () => withEnv({ PATH: emptyDir }, async () => {
  const java = await findJava(path.join(java17, 'bin', 'java'), () => undefined);
  assert.strictEqual(java.version, 17);
}));

test('a setting without bin/java is an error naming the setting, not replaced by another Java', () =>
  withEnv({ JAVA_HOME: java17 }, async () => {
    await assert.rejects(findJava(emptyDir, () => undefined), e => e instanceof JavaNotFound && e.fromSetting
      && /strace\.java\.home/.test(e.message) && /holds no bin\/java/.test(e.message));
  }));

test('a setting pointing to Java 11 is an error that says 17 is needed', () => withEnv({ JAVA_HOME: java17 }, async () => {
  await assert.rejects(findJava(java11, () => undefined), e => e instanceof JavaNotFound && e.fromSetting
    && /Java 11/.test(e.message) && /Java 17 or newer/.test(e.message));
}));

test('JAVA_HOME comes next, then PATH; an old JAVA_HOME is logged and PATH is used', () => {
  const logged = [];
  return withEnv({ JAVA_HOME: java11, PATH: path.join(java17, 'bin') }, async () => {
    const java = await findJava(undefined, line => logged.push(line));
    assert.strictEqual(java.source, 'PATH');
    assert.strictEqual(java.version, 17);
    assert.match(logged.join('\n'), /JAVA_HOME=.* is Java 11/);
  });
});

test('JAVA_HOME is used when the setting is empty', () => withEnv({ JAVA_HOME: java17, PATH: emptyDir }, async () => {
  const java = await findJava('  ', () => undefined);
  assert.strictEqual(java.source, 'JAVA_HOME');
}));

test('no Java anywhere: one error listing what was tried and what to do', () =>
  withEnv({ JAVA_HOME: undefined, PATH: emptyDir }, async () => {
    await assert.rejects(findJava(null, () => undefined), e => e instanceof JavaNotFound && !e.fromSetting
      && /JAVA_HOME is not set/.test(e.message) && /no java on PATH/.test(e.message) && /Install a JDK/.test(e.message));
  }));

test('an old java on PATH is named in the error', () => withEnv({ JAVA_HOME: undefined, PATH: path.join(java11, 'bin') }, async () => {
  await assert.rejects(findJava(undefined, () => undefined), e => /the java on PATH \(.*\) is Java 11/.test(e.message));
}));

// ---- the firstLine pattern of package.json ----------------------------------------------------------

const language = require('../package.json').contributes.languages.find(l => l.id === 'strace');
const firstLine = new RegExp(language.firstLine);

function traceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      return e.name === 'src' ? [] : traceFiles(p);
    }
    return /\.(md|sh)$/.test(e.name) ? [] : [p];
  });
}

test('the first line of every trace in testdata is recognised', () => {
  const files = traceFiles(path.join(root, 'testdata'));
  assert.ok(files.length > 50, `only ${files.length} traces found`);
  const missed = files.filter(f => !firstLine.test(fs.readFileSync(f, 'utf8').split('\n')[0]))
    .map(f => `${path.relative(root, f)}: ${fs.readFileSync(f, 'utf8').split('\n')[0].slice(0, 100)}`);
  assert.deepStrictEqual(missed, []);
});

test('first lines of other kinds of files are not taken for traces', () => {
  for (const line of ['#!/bin/sh', '{', '<?xml version="1.0" encoding="UTF-8"?>', '# strace test corpus',
    'package org.stracels;', 'int main(int argc, char **argv) {', 'printf("hello");', 'Hello, world',
    'diff --git a/x b/x', 'commit 8c94df6 (HEAD -> vscode)', '2026-11-27 05:02:34.056 [info] Extension host started']) {
    assert.ok(!firstLine.test(line), line);
  }
});

test.after(() => {
  for (const d of [java17, java11, emptyDir]) {
    fs.rmSync(d, { recursive: true, force: true });
  }
});

// ---- large traces, view filters, tokens under the cursor (issue 11) --------------------------------------------

const { largeTrace, isTraceName, formatSize, SYNC_LIMIT_BYTES, COLOUR_LIMIT_BYTES, COLOUR_LIMIT_LINES } = require('../out/limits');
const { parseFilter, formatFilter } = require('../out/viewFilter');
const { decodeTokens, pidAndFd } = require('../out/tokens');

const MB = 1024 * 1024;

test('the limits are VS Code\'s: 50 MB sync, 20 MB or 300,000 lines colouring', () => {
  assert.strictEqual(SYNC_LIMIT_BYTES, 50 * MB);
  assert.strictEqual(COLOUR_LIMIT_BYTES, 20 * MB);
  assert.strictEqual(COLOUR_LIMIT_LINES, 300000);
});

test('a trace VS Code does not hold is not synced, and over 50 MB the reason says so', () => {
  const big = largeTrace({ size: 60 * MB, synced: false });
  assert.strictEqual(big.kind, 'notSynced');
  assert.match(big.reason, /60\.0 MB/);
  assert.match(big.reason, /50 MB/);
  const placeholder = largeTrace({ size: 12 * MB, synced: false });
  assert.strictEqual(placeholder.kind, 'notSynced');
  assert.doesNotMatch(placeholder.reason, /50 MB/);
  assert.match(placeholder.reason, /12\.0 MB/);
  assert.strictEqual(largeTrace({ synced: false }).kind, 'notSynced');
});

test('a synced trace over 20 MB or 300,000 lines has no colours; at the limits it is fine', () => {
  assert.strictEqual(largeTrace({ size: 20 * MB, lines: 300000, synced: true }), undefined);
  assert.strictEqual(largeTrace({ size: 1000, lines: 12, synced: true }), undefined);
  const bySize = largeTrace({ size: 20 * MB + 1, lines: 10, synced: true });
  assert.strictEqual(bySize.kind, 'noColours');
  assert.match(bySize.reason, /20\.0 MB/);
  const byLines = largeTrace({ size: 5 * MB, lines: 300001, synced: true });
  assert.strictEqual(byLines.kind, 'noColours');
  assert.match(byLines.reason, /300,001 lines/);
  assert.strictEqual(largeTrace({ lines: 400000, synced: true }).kind, 'noColours');
});

test('trace names: *.strace and -ff files of a .strace prefix', () => {
  for (const name of ['/a/b/x.strace', 'x.strace.1234', 'C:\\t\\run.strace']) {
    assert.ok(isTraceName(name), name);
  }
  for (const name of ['/a/x.strace.txt', 'trace.1234', 'strace', '/a/strace/x.log', 'x.strace.']) {
    assert.ok(!isTraceName(name), name);
  }
});

test('formatSize', () => {
  assert.strictEqual(formatSize(512), '512 bytes');
  assert.strictEqual(formatSize(1536), '1.5 KB');
  assert.strictEqual(formatSize(59.14 * MB), '59.1 MB');
  assert.strictEqual(formatSize(4.2 * 1024 * MB), '4.2 GB');
});

test('parseFilter reads every filter into strace.view\'s argument, lines 1-based in, 0-based out', () => {
  assert.deepStrictEqual(parseFilter('pid=123 failed syscall=openat path=/etc context=3').filter,
    { pid: 123, failed: true, syscalls: ['openat'], path: '/etc', context: 3 });
  assert.deepStrictEqual(parseFilter('  pid=1,2  tree noise class=file,network  ').filter,
    { pid: [1, 2], tree: true, noise: true, classes: ['file', 'network'] });
  assert.deepStrictEqual(parseFilter('fd=4110:3@12').filter, { fd: { pid: 4110, fd: 3, line: 11 } });
  assert.deepStrictEqual(parseFilter('lines=100-200').filter, { fromLine: 99, toLine: 199 });
  assert.deepStrictEqual(parseFilter('lines=100-').filter, { fromLine: 99 });
  assert.deepStrictEqual(parseFilter('lines=-200').filter, { toLine: 199 });
  assert.deepStrictEqual(parseFilter('line=7').filter, { fromLine: 6, toLine: 6 });
  assert.deepStrictEqual(parseFilter('time=10:22:31.5-10:22:40').filter, { fromTime: '10:22:31.5', toTime: '10:22:40' });
  assert.deepStrictEqual(parseFilter('time=1700000000.1-').filter, { fromTime: '1700000000.1' });
  assert.deepStrictEqual(parseFilter('path="/tmp/a b" syscalls=read,write').filter,
    { path: '/tmp/a b', syscalls: ['read', 'write'] });
  assert.deepStrictEqual(parseFilter('path="say \\"hi\\""').filter, { path: 'say "hi"' });
  assert.deepStrictEqual(parseFilter('PID=5 Failed').filter, { pid: 5, failed: true });
});

test('parseFilter refuses what is not a filter, with one line naming the word', () => {
  const cases = {
    '': /at least one filter/,
    '   ': /at least one filter/,
    'pid=abc': /"pid=abc": a pid is a number/,
    'pid=': /"pid=": pid needs a value/,
    'pid': /"pid": pid needs a value/,
    'failed=no': /failed takes no value/,
    'colour=red': /"colour=red" is not a filter/,
    'bogus': /"bogus" is not a filter/,
    'fd=3': /PID:FD@LINE/,
    'fd=1:3@0': /PID:FD@LINE/,
    'lines=200-100': /A ≤ B/,
    'lines=0-5': /1-based/,
    'lines=x': /lines are A-B/,
    'time=-': /time range/,
    'context=-1': /context is a number/,
    'path="/unclosed': /quote is not closed/,
  };
  for (const [text, re] of Object.entries(cases)) {
    const r = parseFilter(text);
    assert.strictEqual(r.filter, undefined, text);
    assert.match(r.error, re, text);
    assert.ok(!r.error.includes('\n'), text);
  }
});

test('formatFilter writes what parseFilter reads back', () => {
  const filters = [
    { pid: 123 }, { pid: [1, 2], tree: true }, { failed: true, noise: true }, { syscalls: ['openat', 'read'] },
    { classes: ['file'] }, { path: '/etc' }, { path: '/tmp/a b' }, { path: 'say "hi"' }, { fd: { pid: 4110, fd: 3, line: 0 } },
    { fromLine: 0, toLine: 9 }, { fromLine: 5 }, { toLine: 5 }, { fromTime: '10:00:00', toTime: '10:00:01' },
    { toTime: '5.5' }, { context: 0 }, { pid: 7, failed: true, path: '/etc', context: 3 },
  ];
  for (const f of filters) {
    assert.deepStrictEqual(parseFilter(formatFilter(f)).filter, f, formatFilter(f));
  }
  assert.strictEqual(formatFilter({ pid: 123, failed: true, syscalls: ['openat'], path: '/etc', context: 3 }),
    'pid=123 failed syscall=openat path=/etc context=3');
});

test('decodeTokens reads relative positions; pidAndFd takes the prefix pid and the fd under the cursor', () => {
  const types = ['function', 'enumMember', 'macro', 'event', 'string', 'number', 'variable', 'namespace'];
  // line 3 of a trace: the pid at 6, dup2 at 12, the fds 3 and 1 at 17 and 20
  const text = '[pid  4112] dup2(3, 1) = 1';
  const data = [
    3, 6, 4, 7, 0,    // 4112 namespace
    0, 6, 4, 0, 0,    // dup2 function (start 12)
    0, 5, 1, 6, 0,    // 3 variable (start 17)
    0, 3, 1, 6, 0,    // 1 variable (start 20)
    1, 0, 4, 0, 0,    // next line, start 0
  ];
  const tokens = decodeTokens(data, types);
  assert.deepStrictEqual(tokens.slice(0, 4).map(t => [t.line, t.start, t.length, t.type]),
    [[3, 6, 4, 'namespace'], [3, 12, 4, 'function'], [3, 17, 1, 'variable'], [3, 20, 1, 'variable']]);
  assert.deepStrictEqual([tokens[4].line, tokens[4].start], [4, 0]);
  assert.deepStrictEqual(pidAndFd(tokens, 3, 20, text), { pid: 4112, fd: 1 });
  assert.deepStrictEqual(pidAndFd(tokens, 3, 0, text), { pid: 4112, fd: 3 });
  // a line whose first token is not a pid (a trace without -f): no pid
  const noPrefix = decodeTokens([0, 0, 5, 0, 0, 0, 6, 1, 6, 0], types);
  assert.deepStrictEqual(pidAndFd(noPrefix, 0, 6, 'close(3) = 0'), { fd: 3 });
  assert.deepStrictEqual(pidAndFd([], 0, 0, ''), {});
});

test('linkedSummary escapes the text and makes each link an anchor at its UTF-16 columns', () => {
  const { linkedSummary } = require('../out/summaryHtml');
  const text = 'pid 4110 <sh> exited with 1\nopenat "/tmp/é" ENOENT x2: line 12, line 40\n';
  const html = linkedSummary(text, [
    { line: 0, start: 0, end: 8, target: 3 },
    { line: 1, start: 27, end: 34, target: 11 },
    { line: 1, start: 36, end: 43, target: 39 },
    { line: 1, start: 30, end: 38, target: 1 },   // overlaps the one before it: left out
    { line: 5, start: 0, end: 2, target: 1 },     // past the text: left out
  ]);
  const lines = html.split('\n');
  assert.strictEqual(lines[0], '<a data-target="3" title="line 4">pid 4110</a> &lt;sh&gt; exited with 1');
  assert.strictEqual(lines[1], 'openat &quot;/tmp/é&quot; ENOENT x2: <a data-target="11" title="line 12">line 12</a>, '
    + '<a data-target="39" title="line 40">line 40</a>');
  assert.strictEqual(lines.length, 3);
});
