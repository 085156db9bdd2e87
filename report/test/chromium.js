// Debian's Chromium, headless, driven by playwright-core (as vscode-client/test/e2e.js runs it; see
// ../shared/notes/editor-testing.md): never a downloaded browser.
const { chromium } = require('playwright-core');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
}

module.exports = { launch };
