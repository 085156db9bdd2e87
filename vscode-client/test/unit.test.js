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
