// A thin client: find Java, start the bundled strace-ls.jar on stdio, hand it the strace.* settings.
// Everything a user sees besides the colours (the grammar) comes from the server.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  commands, ConfigurationChangeEvent, ExtensionContext, OutputChannel, StatusBarAlignment, StatusBarItem,
  window, workspace,
} from 'vscode';
import {
  LanguageClient, LanguageClientOptions, RevealOutputChannelOn, ServerOptions, State,
} from 'vscode-languageclient/node';
import { findJava, JavaNotFound, splitArgs } from './java';
import { registerCompare } from './compare';
import { registerTimeline } from './timeline';
import { registerLargeTraceEditor } from './largeTraceEditor';
import { registerLargeTraces } from './largeTraces';
import { registerViews } from './views';

let client: LanguageClient | undefined;
let output: OutputChannel;
let status: StatusBarItem;
let extensionPath: string;
/** Starts and stops run one after the other: a setting changed during a start waits for it. */
let lifecycle: Promise<void> = Promise.resolve();

/** Settings read when the server starts; a change restarts it. */
const LAUNCH_SETTINGS = ['strace.java.home', 'strace.server.path', 'strace.server.vmargs'];

export async function activate(context: ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = window.createOutputChannel('strace-ls');
  status = window.createStatusBarItem('strace.server', StatusBarAlignment.Right, 100);
  status.name = 'strace-ls';
  status.command = 'strace.showOutput';
  context.subscriptions.push(
    output,
    status,
    commands.registerCommand('strace.showOutput', () => output.show(true)),
    commands.registerCommand('strace.restartServer', () => restart()),
    workspace.onDidChangeConfiguration((e: ConfigurationChangeEvent) => {
      if (LAUNCH_SETTINGS.some(s => e.affectsConfiguration(s))) {
        output.appendLine('A launch setting changed: restarting the language server');
        void restart();
      }
    }),
  );
  registerCompare(context, () => client);
  registerTimeline(context, () => client, {
    java: async () => (await findJava(workspace.getConfiguration('strace').get<string | null>('java.home'), l => output.appendLine(l))).executable,
    jar: () => serverJar(workspace.getConfiguration('strace').get<string | null>('server.path')),
  });
  registerViews(context, runningClient);
  registerLargeTraces(context);
  registerLargeTraceEditor(context);
  // The extension also activates at startup, to notice traces too large for VS Code to give it; the server starts
  // with the first strace document, or with the first command that needs it.
  if (workspace.textDocuments.some(d => d.languageId === 'strace')) {
    await queue(start);
  } else {
    const waiting = workspace.onDidOpenTextDocument(d => {
      if (d.languageId === 'strace' && !client) {
        waiting.dispose();
        void queue(start);
      }
    });
    context.subscriptions.push(waiting);
  }
}

/** The running server, started now if it has not been. */
async function runningClient(): Promise<LanguageClient> {
  if (client) {
    await lifecycle;
  } else {
    await queue(start);
  }
  if (!client || !client.isRunning()) {
    throw new Error('the language server is not running; its log says why (strace-ls: Show the language server\'s log).');
  }
  return client;
}

export function deactivate(): Promise<void> {
  return queue(stop);
}

function restart(): Promise<void> {
  return queue(async () => {
    await stop();
    await start();
  });
}

function queue(step: () => Promise<void>): Promise<void> {
  lifecycle = lifecycle.then(step, step);
  return lifecycle;
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.dispose(5000);
    } catch (e) {
      output.appendLine(`Stopping the language server: ${String(e)}`);
    }
  }
}

async function start(): Promise<void> {
  showStatus('$(sync~spin) strace-ls', 'strace-ls: starting the language server');
  const config = workspace.getConfiguration('strace');
  let starting: LanguageClient | undefined;
  try {
    const java = await findJava(config.get<string | null>('java.home'), line => output.appendLine(line));
    const jar = serverJar(config.get<string | null>('server.path'));
    const vmargs = splitArgs(config.get<string>('server.vmargs') ?? '');
    output.appendLine(`Starting ${jar} with Java ${java.version} from ${java.source} (${java.executable})`);
    const serverOptions: ServerOptions = { command: java.executable, args: [...vmargs, '-jar', jar] };
    const clientOptions: LanguageClientOptions = {
      // traces on disk and unsaved ones; not the normalised texts that Compare with… shows (strace-normalised:)
      documentSelector: [{ language: 'strace', scheme: 'file' }, { language: 'strace', scheme: 'untitled' },
        // views of a trace (src/views.ts): traces of their own, with every feature; not compare's normalised texts
        { language: 'strace', scheme: 'strace-view' }],
      // the server reads {"strace": {...}} both at initialize and in workspace/didChangeConfiguration
      initializationOptions: () => ({ strace: settingsObject() }),
      synchronize: { configurationSection: 'strace' },
      outputChannel: output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
    };
    // the id "strace" makes the client read strace.trace.server
    starting = new LanguageClient('strace', 'strace-ls', serverOptions, clientOptions);
    const self = starting;
    self.onDidChangeState(e => {
      // a server that dies after its restarts ran out; our own stop clears `client` first
      if (e.newState === State.Stopped && client === self) {
        showStatus('$(error) strace-ls', 'strace-ls: the language server stopped; see its log');
      }
    });
    client = self;
    await self.start();
    status.hide();
  } catch (e) {
    if (client === starting) {
      client = undefined;
    }
    if (starting) {
      void starting.dispose(2000).catch(() => undefined);
    }
    report(e);
  }
}

function showStatus(text: string, tooltip: string): void {
  status.text = text;
  status.tooltip = tooltip;
  status.show();
}

/** Says why the server did not start, in the log, the status bar and a notification (not awaited). */
function report(e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  output.appendLine(`The language server did not start: ${message}`);
  showStatus('$(error) strace-ls', `strace-ls: the language server did not start. ${message}`);
  const settingToOpen = e instanceof JavaNotFound ? 'strace.java.home' : e instanceof JarNotFound ? 'strace.server.path' : undefined;
  const actions = settingToOpen ? ['Open Settings', 'Show Log'] : ['Show Log'];
  void window.showErrorMessage(`strace-ls: ${message}`, ...actions).then(choice => {
    if (choice === 'Open Settings') {
      void commands.executeCommand('workbench.action.openSettings', settingToOpen);
    } else if (choice === 'Show Log') {
      output.show(true);
    }
  });
}

class JarNotFound extends Error {
}

function serverJar(setting: string | null | undefined): string {
  const explicit = setting?.trim();
  if (explicit) {
    const jar = explicit === '~' || explicit.startsWith('~/') ? path.join(os.homedir(), explicit.slice(1)) : explicit;
    if (!fs.existsSync(jar)) {
      throw new JarNotFound(`The setting strace.server.path is "${explicit}", which does not exist. `
        + 'Set it to a strace-ls.jar, or clear it to use the one in the extension.');
    }
    return jar;
  }
  const bundled = path.join(extensionPath, 'server', 'strace-ls.jar');
  if (!fs.existsSync(bundled)) {
    throw new JarNotFound(`The extension has no server jar (${bundled}); reinstall it, or set strace.server.path.`);
  }
  return bundled;
}

/** The strace section as a plain object, the shape the server reads. */
function settingsObject(): unknown {
  return JSON.parse(JSON.stringify(workspace.getConfiguration('strace')));
}
