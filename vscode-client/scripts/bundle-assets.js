#!/usr/bin/env node
// Copies what the extension ships but does not own into this folder, where vsce can pack it: the server
// jar (built with Maven when it is missing or older than the server's sources) and the grammar and
// language configuration from ../syntax, and ../LICENSE. The copies are git-ignored: syntax/ and server/ stay the only
// committed versions.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const client = path.resolve(__dirname, '..');
const root = path.resolve(client, '..');
const jar = path.join(root, 'server', 'target', 'strace-ls.jar');

function newestMtime(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) {
    return st.mtimeMs;
  }
  return fs.readdirSync(p).reduce((m, e) => Math.max(m, newestMtime(path.join(p, e))), 0);
}

function jarIsStale() {
  if (!fs.existsSync(jar)) {
    return 'missing';
  }
  const sources = [path.join(root, 'pom.xml'), path.join(root, 'server', 'pom.xml'), path.join(root, 'server', 'src', 'main')];
  const newest = Math.max(...sources.filter(fs.existsSync).map(newestMtime));
  return newest > fs.statSync(jar).mtimeMs ? 'older than the server sources' : null;
}

const stale = jarIsStale();
if (stale) {
  console.log(`bundle-assets: ${path.relative(root, jar)} is ${stale}; building it with Maven`);
  execFileSync('mvn', ['-q', '-B', '-ntp', 'package', '-DskipTests'], { cwd: root, stdio: 'inherit' });
}

const copies = [
  [jar, path.join(client, 'server', 'strace-ls.jar')],
  [path.join(root, 'syntax', 'strace.tmLanguage.json'), path.join(client, 'syntaxes', 'strace.tmLanguage.json')],
  [path.join(root, 'syntax', 'language-configuration.json'), path.join(client, 'language-configuration.json')],
  [path.join(root, 'LICENSE'), path.join(client, 'LICENSE')],
];
for (const [from, to] of copies) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  console.log(`bundle-assets: ${path.relative(root, from)} -> ${path.relative(root, to)}`);
}
