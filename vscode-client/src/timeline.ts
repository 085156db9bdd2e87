// "strace-ls: Show timeline": the server's HTML report of a trace (strace.report), in a web view beside the
// trace. A click on a span or mark in the report reveals its line in the editor; moving the cursor in the editor
// highlights the line's process in the report. The report is made by the server from the open document, or from
// the file when VS Code did not hand the document over (a file too large to sync, read by the server window by
// window whatever its size); without a running server, by
// the CLI of the same jar. The report carries its own Content-Security-Policy (its scripts by hash, nothing remote,
// no eval); the web view gets no local resources.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  commands, Disposable, ExtensionContext, Range, Selection, TextEditorRevealType, Uri, ViewColumn, WebviewPanel,
  window,
} from 'vscode';
import { ExecuteCommandRequest, LanguageClient, State } from 'vscode-languageclient/node';
import { activeTabUri } from './views';

/** How to run the jar's CLI when the server is not running. */
export interface Cli {
  java(): Promise<string>;
  jar(): string;
}

const panels = new Map<string, WebviewPanel>();

export function registerTimeline(context: ExtensionContext, client: () => LanguageClient | undefined, cli: Cli): void {
  context.subscriptions.push(
    commands.registerCommand('strace.showTimeline', (target?: Uri) => showTimeline(client, cli, target)),
    window.onDidChangeTextEditorSelection(e => {
      const panel = panels.get(e.textEditor.document.uri.toString());
      if (!panel) {
        return;
      }
      const line = e.selections[0].active.line;
      void panel.webview.postMessage({ type: 'cursor', line: line + 1, text: e.textEditor.document.lineAt(line).text });
    }),
  );
}

async function showTimeline(client: () => LanguageClient | undefined, cli: Cli, target?: Uri): Promise<void> {
  // the active tab when no text editor is active: a trace over 50 MB, or the large-trace page
  let uri = target instanceof Uri ? target : window.activeTextEditor?.document.uri ?? activeTabUri();
  if (!uri) {
    const picked = await window.showOpenDialog({ canSelectMany: false, openLabel: 'Show timeline',
      title: 'strace-ls: the trace to show as a timeline' });
    uri = picked?.[0];
  }
  if (!uri) {
    return;
  }
  const trace = uri;
  const column = window.activeTextEditor?.document.uri.toString() === trace.toString()
    ? window.activeTextEditor.viewColumn ?? ViewColumn.One : ViewColumn.One;
  let file: string;
  try {
    file = await window.withProgress({ location: { viewId: 'workbench.view.explorer' }, title: 'strace-ls: making the report' },
      () => report(client(), cli, trace));
  } catch (e) {
    void window.showErrorMessage(`strace-ls: no timeline for ${path.basename(trace.fsPath)}: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const key = trace.toString();
  let panel = panels.get(key);
  if (!panel) {
    panel = window.createWebviewPanel('strace.timeline', `Timeline: ${path.basename(trace.fsPath)}`,
      { viewColumn: ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [], retainContextWhenHidden: true, enableFindWidget: true });
    panels.set(key, panel);
    const subscriptions: Disposable[] = [];
    panel.onDidDispose(() => {
      panels.delete(key);
      subscriptions.forEach(s => s.dispose());
    });
    panel.webview.onDidReceiveMessage(msg => {
      if (msg && msg.type === 'reveal' && Number.isInteger(msg.line) && msg.line > 0) {
        void reveal(trace, msg.line - 1, column);
      }
    }, undefined, subscriptions);
  }
  panel.webview.html = fs.readFileSync(file, 'utf8');
  panel.reveal(ViewColumn.Beside, true);
}

/** The path of the report: written by the server when it runs, else by the CLI into a temp folder. */
async function report(client: LanguageClient | undefined, cli: Cli, trace: Uri): Promise<string> {
  if (client && client.state === State.Running) {
    const result = await client.sendRequest(ExecuteCommandRequest.type,
      { command: 'strace.report', arguments: [{ uri: trace.toString() }] });
    if (typeof result === 'string') {
      return result;
    }
  }
  if (trace.scheme !== 'file') {
    throw new Error('the language server is not running, and the trace is not a file');
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strace-ls-timeline-'));
  const out = path.join(dir, path.basename(trace.fsPath) + '.html');
  const java = await cli.java();
  await new Promise<void>((resolve, reject) => {
    execFile(java, ['-jar', cli.jar(), 'report', trace.fsPath, '-o', out], { timeout: 300_000 }, (error, _stdout, stderr) => {
      if (error) {
        reject(new Error(stderr.trim() || error.message));
      } else {
        resolve();
      }
    });
  });
  return out;
}

async function reveal(trace: Uri, line: number, column: ViewColumn): Promise<void> {
  try {
    const visible = window.visibleTextEditors.find(e => e.document.uri.toString() === trace.toString());
    const editor = visible ?? await window.showTextDocument(trace, { viewColumn: column, preserveFocus: false });
    const range = new Range(line, 0, line, 0);
    editor.selection = new Selection(range.start, range.start);
    editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
    if (visible) {
      await window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    }
  } catch (e) {
    void window.showWarningMessage(`strace-ls: cannot show line ${line + 1} of ${path.basename(trace.fsPath)}: ${String(e)}`);
  }
}
