// Traces past VS Code's limits (issue 11). Over 50 MB VS Code gives a file to no extension (and code-server shows
// no editor for a remote file over 10 MB until "Open Anyway"): the server never sees it. Over 20 MB or 300,000
// lines VS Code colours nothing. When such a trace is open, a notification and a status bar item say which
// features are off and why, and offer the summary and the views (which the server makes from the file itself).
import * as fs from 'fs';
import {
  commands, Disposable, ExtensionContext, QuickPickItem, StatusBarAlignment, StatusBarItem, Tab, TabInputText, TextDocument,
  Uri, window, workspace,
} from 'vscode';
import { LARGE_TRACE_EDITOR } from './largeTraceEditor';
import { isTraceName, LargeTrace, largeTrace, SYNC_LIMIT_BYTES } from './limits';

/** How long a tab may wait for its document before the file counts as one VS Code did not load. */
const LOAD_GRACE_MS = 2500;

let status: StatusBarItem;
let firstLine: RegExp | undefined;
/** The large traces seen, by URI; each is announced once per kind. */
const known = new Map<string, LargeTrace>();
const announced = new Set<string>();
const pending = new Map<string, NodeJS.Timeout>();

export function registerLargeTraces(context: ExtensionContext): void {
  const pattern = (context.extension.packageJSON.contributes?.languages ?? [])
    .find((l: { id: string }) => l.id === 'strace')?.firstLine;
  firstLine = pattern ? new RegExp(pattern) : undefined;
  status = window.createStatusBarItem('strace.largeTrace', StatusBarAlignment.Left, 50);
  status.name = 'strace-ls: large trace';
  context.subscriptions.push(
    status,
    commands.registerCommand('strace.largeTraceActions', (uri?: Uri) => actions(uri)),
    window.tabGroups.onDidChangeTabs(e => {
      for (const tab of [...e.opened, ...e.changed]) {
        void checkTab(tab);
      }
      updateStatus();
    }),
    window.tabGroups.onDidChangeTabGroups(() => updateStatus()),
    workspace.onDidOpenTextDocument(doc => void checkDocument(doc)),
    window.onDidChangeActiveTextEditor(() => updateStatus()),
    new Disposable(() => pending.forEach(t => clearTimeout(t))),
  );
  for (const tab of window.tabGroups.all.flatMap(g => g.tabs)) {
    void checkTab(tab);
  }
  for (const doc of workspace.textDocuments) {
    void checkDocument(doc);
  }
}

async function checkTab(tab: Tab): Promise<void> {
  if (!(tab.input instanceof TabInputText) || tab.input.uri.scheme !== 'file') {
    return;
  }
  const uri = tab.input.uri;
  const key = uri.toString();
  const doc = documentOf(uri);
  if (doc) {
    return checkDocument(doc);
  }
  const size = sizeOf(uri);
  if (size === undefined || !(await isTraceFile(uri))) {
    return;
  }
  if (size > SYNC_LIMIT_BYTES) {
    found(uri, largeTrace({ size, synced: false })!);
    return;
  }
  // a smaller file may just be loading: look again a moment later
  clearTimeout(pending.get(key));
  pending.set(key, setTimeout(() => {
    pending.delete(key);
    if (!documentOf(uri) && isOpenInTab(uri)) {
      found(uri, largeTrace({ size, synced: false })!);
    }
  }, LOAD_GRACE_MS));
}

async function checkDocument(doc: TextDocument): Promise<void> {
  if (doc.uri.scheme !== 'file' || (doc.languageId !== 'strace' && !isTraceName(doc.uri.path))) {
    return;
  }
  const large = largeTrace({ size: sizeOf(doc.uri), lines: doc.lineCount, synced: true });
  if (large) {
    found(doc.uri, large);
  } else if (known.delete(doc.uri.toString())) {
    updateStatus();
  }
}

function found(uri: Uri, large: LargeTrace): void {
  known.set(uri.toString(), large);
  updateStatus();
  const key = `${large.kind} ${uri.toString()}`;
  if (announced.has(key)) {
    return;
  }
  announced.add(key);
  const message = `strace-ls: ${large.reason}`;
  const shown = large.kind === 'notSynced' ? window.showWarningMessage(message, 'Summary', 'Open a View…')
    : window.showInformationMessage(message, 'Summary', 'Open a View…');
  void shown.then(choice => {
    if (choice === 'Summary') {
      void commands.executeCommand('strace.openSummary', uri);
    } else if (choice === 'Open a View…') {
      void commands.executeCommand('strace.openView', uri);
    }
  });
}

/** The status bar item shows while the active tab is a large trace. */
function updateStatus(): void {
  const uri = activeFileUri();
  const large = uri && known.get(uri.toString());
  if (!uri || !large || !isOpenInTab(uri)) {
    status.hide();
    return;
  }
  status.text = large.kind === 'notSynced' ? '$(warning) strace-ls: large trace' : '$(info) strace-ls: large trace';
  status.tooltip = `${large.reason}\nClick for the summary and the views.`;
  status.command = { title: 'Summary and views', command: 'strace.largeTraceActions', arguments: [uri] };
  status.show();
}

async function actions(uri?: Uri): Promise<void> {
  const target = uri ?? activeFileUri();
  if (!target) {
    return;
  }
  const large = known.get(target.toString());
  const items: (QuickPickItem & { args: unknown[] })[] = [
    { label: '$(book) Summary of this trace', detail: 'Options, processes, failures and their causes, slowest calls, syscalls',
      args: ['strace.openSummary', target] },
    { label: '$(filter) Open a view…', detail: 'A smaller trace of some of its lines, with every feature', args: ['strace.openView', target] },
    { label: '$(graph) Timeline', detail: 'The HTML report of the whole trace: processes on a time axis, failures and their causes',
      args: ['strace.showTimeline', target] },
    { label: '$(preview) Summary and views page', detail: 'Reopen this trace in strace-ls\'s read-only editor for traces of any size',
      args: ['vscode.openWith', target, LARGE_TRACE_EDITOR] },
  ];
  const picked = await window.showQuickPick(items, { title: 'strace-ls: a large trace', placeHolder: large?.reason });
  if (picked) {
    await commands.executeCommand(...(picked.args as [string, ...unknown[]]));
  }
}

function activeFileUri(): Uri | undefined {
  const input = window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof TabInputText && input.uri.scheme === 'file' ? input.uri : undefined;
}

function documentOf(uri: Uri): TextDocument | undefined {
  return workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
}

function isOpenInTab(uri: Uri): boolean {
  return window.tabGroups.all.some(g => g.tabs.some(t => t.input instanceof TabInputText && t.input.uri.toString() === uri.toString()));
}

function sizeOf(uri: Uri): number | undefined {
  try {
    return fs.statSync(uri.fsPath).size;
  } catch {
    return undefined;
  }
}

/** A trace by its name, else by its first line (the language's firstLine pattern), read from the file's first 4 KB. */
async function isTraceFile(uri: Uri): Promise<boolean> {
  if (isTraceName(uri.path)) {
    return true;
  }
  if (!firstLine) {
    return false;
  }
  try {
    const handle = await fs.promises.open(uri.fsPath, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
      return firstLine.test(buffer.subarray(0, bytesRead).toString('utf8').split('\n')[0]);
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}
