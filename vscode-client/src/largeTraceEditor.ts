// "strace-ls: Summary and views" — a read-only editor for a trace of any size, offered for *.strace as an
// alternative to the text editor (Reopen Editor With…, or the notification about a large trace). It shows the
// server's summary of the file, each item a link to its line, and buttons for the views. The text editor is one
// click away. Nothing here reads the trace: the server does, from the file.
import * as fs from 'fs';
import {
  CancellationToken, commands, CustomDocument, CustomReadonlyEditorProvider, ExtensionContext, Uri, WebviewPanel, window,
} from 'vscode';
import { formatSize } from './limits';
import { escapeHtml, linkedSummary } from './summaryHtml';
import { openAt, SummaryAnswer, summaryOf } from './views';

export const LARGE_TRACE_EDITOR = 'strace.largeTrace';

export function registerLargeTraceEditor(context: ExtensionContext): void {
  context.subscriptions.push(window.registerCustomEditorProvider(LARGE_TRACE_EDITOR, new LargeTraceEditor(), {
    supportsMultipleEditorsPerDocument: true,
    webviewOptions: { retainContextWhenHidden: true },
  }));
}

class LargeTraceEditor implements CustomReadonlyEditorProvider {
  openCustomDocument(uri: Uri): CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: CustomDocument, panel: WebviewPanel, token: CancellationToken): Promise<void> {
    const uri = document.uri;
    panel.webview.options = { enableScripts: true, enableCommandUris: false };
    panel.webview.onDidReceiveMessage((m: { command?: string; filter?: string; target?: number }) => {
      switch (m.command) {
        case 'jump':
          if (typeof m.target === 'number') {
            void openAt(uri, m.target);
          }
          break;
        case 'view':
          void commands.executeCommand('strace.openView', uri, typeof m.filter === 'string' ? m.filter : undefined);
          break;
        case 'summary':
          void commands.executeCommand('strace.openSummary', uri);
          break;
        case 'timeline':
          void commands.executeCommand('strace.showTimeline', uri);
          break;
        case 'text':
          void commands.executeCommand('vscode.openWith', uri, 'default');
          break;
      }
    });
    panel.webview.html = page(uri, undefined, 'Reading the trace…');
    const answer = await summaryOf(uri, token);
    if (!token.isCancellationRequested) {
      panel.webview.html = page(uri, answer, answer ? undefined : 'The server made no summary of this file (see the message).');
    }
  }
}

function page(uri: Uri, answer: SummaryAnswer | undefined, note: string | undefined): string {
  let size = '';
  try {
    size = formatSize(fs.statSync(uri.fsPath).size);
  } catch {
    // not a local file: no size
  }
  const name = uri.path.replace(/^.*\//, '');
  const nonce = Math.random().toString(36).slice(2);
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">
<style>
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 16px; }
  pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
  a { color: var(--vscode-textLink-foreground); cursor: pointer; text-decoration: none; }
  a:hover { text-decoration: underline; }
  button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none;
           padding: 4px 10px; margin: 0 6px 6px 0; cursor: pointer; }
  button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
  .muted { color: var(--vscode-descriptionForeground); }
</style></head>
<body>
<h2>${escapeHtml(name)} <span class="muted">${escapeHtml(size)}</span></h2>
<p class="muted">A read-only page of strace-ls for traces of any size: the server reads the file itself. Views are
smaller traces, opened as documents with every feature (diagnostics, hover, outline, colours).</p>
<div>
  <button data-command="view">Open a view…</button>
  <button data-command="view" data-filter="failed">Failures only</button>
  <button data-command="timeline">Timeline</button>
  <button class="secondary" data-command="summary">Summary as a document</button>
  <button class="secondary" data-command="text">Open in the text editor</button>
</div>
${note ? `<p>${escapeHtml(note)}</p>` : ''}
${answer ? `<pre id="summary">${linkedSummary(answer.text, answer.links)}</pre>` : ''}
<script nonce="${nonce}">
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', e => {
    const el = e.target.closest('[data-command], [data-target]');
    if (!el) { return; }
    if (el.dataset.target !== undefined) {
      vscode.postMessage({ command: 'jump', target: Number(el.dataset.target) });
    } else {
      vscode.postMessage({ command: el.dataset.command, filter: el.dataset.filter });
    }
  });
</script>
</body></html>`;
}
