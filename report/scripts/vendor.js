// Copies the pinned uPlot build (package.json, package-lock.json) into the server's resources, where the report
// writer inlines it into every report. Run after changing uPlot's version: `cd report && npm ci && npm run vendor`,
// then commit the copied files. The jar build itself needs no npm.
const fs = require('fs');
const path = require('path');

const dist = path.join(__dirname, '..', 'node_modules', 'uplot', 'dist');
const target = path.join(__dirname, '..', '..', 'server', 'src', 'main', 'resources', 'org', 'stracels', 'report');
const version = require('uplot/package.json').version;
fs.mkdirSync(target, { recursive: true });
for (const [from, to] of [['uPlot.iife.min.js', 'uPlot.iife.min.js'], ['uPlot.min.css', 'uPlot.min.css']]) {
  fs.copyFileSync(path.join(dist, from), path.join(target, to));
}
fs.copyFileSync(path.join(dist, '..', 'LICENSE'), path.join(target, 'uPlot.LICENSE'));
fs.writeFileSync(path.join(target, 'uPlot.version'), version + '\n');
console.log(`uPlot ${version} -> ${path.relative(process.cwd(), target)}`);
