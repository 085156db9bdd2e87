// Summaries and views of a trace (issue 11), as read-only virtual documents. The server makes them
// (`strace.summary`, `strace.view`); this file asks for them, names the documents, and jumps back to the original.
// - a view is `strace-view:/NAME (FILTER).strace?ARGS`, in language strace: every feature of the server works on it
//   (it knows the text it answered), and its document links lead to the original's lines;
// - a summary is `strace-summary:/NAME summary?ARGS`, plain text, with document links from the answer's `links`.
// ARGS is the command's argument as JSON, so a document reopened after a reload asks the server again.
import * as path from 'path';
import {
  CancellationToken, commands, DocumentLink, EventEmitter, ExtensionContext, languages, ProgressLocation, QuickPickItem,
  Range, SemanticTokens, SemanticTokensLegend, TabInputCustom, TabInputText, TextDocument, TextEditor, Uri, window,
  workspace,
} from 'vscode';
import { ExecuteCommandRequest, LanguageClient } from 'vscode-languageclient/node';
import { isTraceName } from './limits';
import { decodeTokens, pidAndFd } from './tokens';
import { FILTER_SYNTAX, formatFilter, parseFilter, ViewFilter } from './viewFilter';

export const VIEW_SCHEME = 'strace-view';
export const SUMMARY_SCHEME = 'strace-summary';

interface ViewAnswer {
  title: string;
  uri: string;
  text: string;
  lines: number[];
  total: number;
  truncated: boolean;
}

export interface SummaryAnswer {
  title: string;
  uri: string;
  text: string;
  links: { line: number; start: number; end: number; target: number }[];
}

/** The running language server, started if it is not yet (the lazy start of extension.ts). */
export type ServerAccess = () => Promise<LanguageClient>;

/** A trace and, when an editor shows it, the 0-based line of the cursor (in the original) and the pid/fd there. */
interface Target {
  uri: Uri;
  line?: number;
  pid?: number;
  fd?: number;
}

const answers = new Map<string, ViewAnswer | SummaryAnswer>();
let server: ServerAccess;

export function registerViews(context: ExtensionContext, access: ServerAccess): void {
  server = access;
  const changed = new EventEmitter<Uri>();
  const provider = {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri: Uri, token: CancellationToken) => content(uri, token),
  };
  context.subscriptions.push(
    changed,
    workspace.registerTextDocumentContentProvider(VIEW_SCHEME, provider),
    workspace.registerTextDocumentContentProvider(SUMMARY_SCHEME, provider),
    languages.registerDocumentLinkProvider({ scheme: SUMMARY_SCHEME }, { provideDocumentLinks: summaryLinks }),
    workspace.onDidCloseTextDocument(d => answers.delete(d.uri.toString())),
    // menus pass the resource (and more: the editor group, the Explorer's selection); a test may pass a filter text
    commands.registerCommand('strace.openSummary', (uri?: unknown) => openSummary(uri instanceof Uri ? uri : undefined)),
    commands.registerCommand('strace.openView', (uri?: unknown, filterText?: unknown) =>
      openView(uri instanceof Uri ? uri : undefined, typeof filterText === 'string' ? filterText : undefined)),
    commands.registerCommand('strace.openOriginal', () => openOriginal()),
  );
}

// ---- the commands ------------------------------------------------------------------------------------------------

async function openSummary(uri?: Uri): Promise<void> {
  const target = await resolveTarget(uri);
  if (!target) {
    return;
  }
  const args = { uri: target.uri.toString() };
  const doc = Uri.from({ scheme: SUMMARY_SCHEME, path: `/${baseName(target.uri)} summary`, query: JSON.stringify(args) });
  const answer = await ask<SummaryAnswer>('strace.summary', args, `Summing up ${baseName(target.uri)}`);
  if (answer) {
    answers.set(doc.toString(), answer);
    await show(doc, 'plaintext');
  }
}

/** The summary of a trace for another view of it (the large-trace editor); errors are shown, and give undefined. */
export function summaryOf(uri: Uri, token?: CancellationToken): Promise<SummaryAnswer | undefined> {
  return ask<SummaryAnswer>('strace.summary', { uri: uri.toString() }, `Summing up ${baseName(uri)}`, token);
}

async function openView(uri?: Uri, filterText?: string): Promise<void> {
  const target = await resolveTarget(uri);
  if (!target) {
    return;
  }
  const filter = filterText !== undefined ? checked(filterText) : await pickFilter(target);
  if (!filter) {
    return;
  }
  const args = { uri: target.uri.toString(), ...filter };
  const name = `${baseName(target.uri).replace(/\.strace$/, '')} (${formatFilter(filter).replace(/[\\/]/g, '∕')}).strace`;
  const doc = Uri.from({ scheme: VIEW_SCHEME, path: `/${name}`, query: JSON.stringify(args) });
  const answer = await ask<ViewAnswer>('strace.view', args, `Making the view ${formatFilter(filter)} of ${baseName(target.uri)}`);
  if (!answer) {
    return;
  }
  if (answer.total === 0) {
    void window.showInformationMessage(`strace-ls: no line of ${baseName(target.uri)} matches ${formatFilter(filter)}.`);
    return;
  }
  answers.set(doc.toString(), answer);
  await show(doc, 'strace');
  if (answer.truncated) {
    void window.showInformationMessage(`strace-ls: ${answer.total.toLocaleString('en-US')} lines match; the view holds `
      + `the first ${answer.lines.length.toLocaleString('en-US')}. Narrow the filter to see the rest.`);
  }
}

/** From a view or summary line to its line in the original trace. */
async function openOriginal(): Promise<void> {
  const editor = window.activeTextEditor;
  const answer = editor && answers.get(editor.document.uri.toString());
  if (!editor || !answer) {
    void window.showInformationMessage('strace-ls: this works in a view or a summary of a trace.');
    return;
  }
  const line = editor.selection.active.line;
  let target: number | undefined;
  if ('lines' in answer) {
    target = answer.lines[line];
  } else {
    const character = editor.selection.active.character;
    const links = answer.links.filter(l => l.line === line);
    target = (links.find(l => l.start <= character && character <= l.end) ?? links[0])?.target;
  }
  if (target === undefined) {
    void window.showInformationMessage('strace-ls: this line points at no line of the trace.');
    return;
  }
  await openAt(Uri.parse(answer.uri), target);
}

/** Opens a trace at a 0-based line; a file too large for VS Code's editor keeps the line through "Open Anyway". */
export async function openAt(uri: Uri, line: number): Promise<void> {
  await commands.executeCommand('vscode.open', uri, { selection: new Range(line, 0, line, 0), preview: false });
}

// ---- the documents -----------------------------------------------------------------------------------------------

async function content(uri: Uri, token: CancellationToken): Promise<string> {
  let answer = answers.get(uri.toString());
  if (!answer) {
    // reopened after a reload, or by a link: ask again with the arguments the URI carries
    let args: { uri: string };
    try {
      args = JSON.parse(uri.query);
    } catch {
      return '';
    }
    const command = uri.scheme === VIEW_SCHEME ? 'strace.view' : 'strace.summary';
    answer = await ask<ViewAnswer | SummaryAnswer>(command, args, `Reading ${baseName(Uri.parse(args.uri))}`, token);
    if (!answer) {
      return '';
    }
    answers.set(uri.toString(), answer);
  }
  return answer.text;
}

function summaryLinks(doc: TextDocument): DocumentLink[] {
  const answer = answers.get(doc.uri.toString());
  if (!answer || !('links' in answer)) {
    return [];
  }
  const original = Uri.parse(answer.uri);
  return answer.links.map(l => {
    const link = new DocumentLink(new Range(l.line, l.start, l.line, l.end), original.with({ fragment: `L${l.target + 1}` }));
    link.tooltip = `Line ${(l.target + 1).toLocaleString('en-US')} of ${baseName(original)}`;
    return link;
  });
}

async function show(uri: Uri, languageId: string): Promise<void> {
  let doc = await workspace.openTextDocument(uri);
  if (doc.languageId !== languageId) {
    doc = await languages.setTextDocumentLanguage(doc, languageId);
  }
  await window.showTextDocument(doc, { preview: false });
}

/** Runs a server command with a cancellable progress notification; a refusal is shown as the server worded it. */
async function ask<T>(command: string, args: object, title: string, outer?: CancellationToken): Promise<T | undefined> {
  try {
    const client = await server();
    const answer = await window.withProgress({ location: ProgressLocation.Notification, title: `strace-ls: ${title}…`, cancellable: true },
      (_progress, token) => client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] }, outer ?? token));
    if (answer === null || typeof answer !== 'object' || typeof (answer as { text?: unknown }).text !== 'string') {
      throw new Error(`the language server gave no answer to ${command}: is strace.server.path a server older than this extension?`);
    }
    return answer as T;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (!/cancel/i.test(message)) {
      void window.showErrorMessage(`strace-ls: ${message}`);
    }
    return undefined;
  }
}

// ---- which trace, and what is under the cursor --------------------------------------------------------------------

/**
 * The trace a command is about: the URI a menu passed, else the active editor's document, else the active tab's
 * file (a trace VS Code shows no editor for). A view or summary stands for its original.
 */
async function resolveTarget(uri?: Uri): Promise<Target | undefined> {
  const editor = window.activeTextEditor;
  const candidate = uri ?? editor?.document.uri ?? activeTabUri();
  if (!candidate) {
    void window.showInformationMessage('strace-ls: open a trace (or select one in the Explorer) first.');
    return undefined;
  }
  const answer = answers.get(candidate.toString());
  if (answer) {
    const target: Target = { uri: Uri.parse(answer.uri) };
    if (editor && editor.document.uri.toString() === candidate.toString() && 'lines' in answer) {
      Object.assign(target, await atCursor(editor));
      target.line = answer.lines[editor.selection.active.line];
    }
    return target;
  }
  if (candidate.scheme === VIEW_SCHEME || candidate.scheme === SUMMARY_SCHEME) {
    return { uri: Uri.parse((JSON.parse(candidate.query) as { uri: string }).uri) };
  }
  const target: Target = { uri: candidate };
  if (editor && editor.document.uri.toString() === candidate.toString()) {
    Object.assign(target, await atCursor(editor));
    target.line = editor.selection.active.line;
  }
  return target;
}

/** The trace of the active tab, text or custom editor (a trace VS Code shows no text editor for has a tab too). */
export function activeTabUri(): Uri | undefined {
  const input = window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof TabInputText || input instanceof TabInputCustom) {
    return isTraceName(input.uri.path) ? input.uri : undefined;
  }
  return undefined;
}

/** The pid and fd at the cursor, from the server's semantic tokens of that line. */
async function atCursor(editor: TextEditor): Promise<{ pid?: number; fd?: number }> {
  const position = editor.selection.active;
  const line = editor.document.lineAt(position.line);
  try {
    const legend = await commands.executeCommand<SemanticTokensLegend | undefined>(
      'vscode.provideDocumentRangeSemanticTokensLegend', editor.document.uri, line.range);
    const tokens = await commands.executeCommand<SemanticTokens | undefined>(
      'vscode.provideDocumentRangeSemanticTokens', editor.document.uri, line.range);
    if (!legend || !tokens) {
      return {};
    }
    return pidAndFd(decodeTokens(tokens.data, legend.tokenTypes), position.line, position.character, line.text);
  } catch {
    return {};
  }
}

// ---- the quick pick ----------------------------------------------------------------------------------------------

interface FilterItem extends QuickPickItem {
  make: () => Promise<ViewFilter | undefined>;
}

async function pickFilter(target: Target): Promise<ViewFilter | undefined> {
  const line = target.line;
  const pidText = target.pid !== undefined ? `pid ${target.pid}` : 'asks for a pid';
  const items: FilterItem[] = [
    {
      label: '$(person) This process', description: pidText, detail: 'Its lines and its threads\'',
      make: async () => pidFilter(target.pid, false),
    },
    {
      label: '$(type-hierarchy) This process tree', description: pidText, detail: 'Its lines, its threads\' and all its descendants\'',
      make: async () => pidFilter(target.pid, true),
    },
    {
      label: '$(error) Failures only', description: 'failed',
      detail: 'Failed calls (routine ones left out), kills, non-zero exits, calls that never came back',
      make: async () => ({ failed: true }),
    },
    {
      label: '$(symbol-variable) This fd\'s life',
      description: target.pid !== undefined && target.fd !== undefined && line !== undefined
        ? `fd ${target.fd} of pid ${target.pid}` : 'asks for PID:FD@LINE',
      detail: 'From the call that made the fd to the one that closed it, in every process that shares it',
      make: async () => fdFilter(target),
    },
    {
      label: '$(list-selection) Lines around here',
      description: line !== undefined ? `lines ${Math.max(1, line + 1 - 100)}-${line + 1 + 100}` : 'asks for a line',
      detail: 'The 100 lines before and after, as a trace of their own',
      make: async () => aroundFilter(line),
    },
    {
      label: '$(filter) Custom filter…', description: 'pid=123 failed syscall=openat path=/etc context=3',
      detail: FILTER_SYNTAX,
      make: async () => customFilter(target),
    },
  ];
  const picked = await window.showQuickPick(items, { title: `strace-ls: a view of ${baseName(target.uri)}`, matchOnDescription: true });
  return picked?.make();
}

async function pidFilter(pid: number | undefined, tree: boolean): Promise<ViewFilter | undefined> {
  const chosen = pid ?? await askNumber('The pid of the process', 'pid=');
  return chosen === undefined ? undefined : tree ? { pid: chosen, tree: true } : { pid: chosen };
}

async function fdFilter(target: Target): Promise<ViewFilter | undefined> {
  if (target.pid !== undefined && target.fd !== undefined && target.line !== undefined) {
    return { fd: { pid: target.pid, fd: target.fd, line: target.line } };
  }
  const text = await window.showInputBox({
    title: 'strace-ls: an fd\'s life', prompt: 'PID:FD@LINE: the process, the fd and a line (1-based) where it is used',
    placeHolder: '4110:3@12', validateInput: v => parseFilter(`fd=${v.trim()}`).error,
  });
  return text === undefined ? undefined : parseFilter(`fd=${text.trim()}`).filter;
}

async function aroundFilter(line: number | undefined): Promise<ViewFilter | undefined> {
  const asked = line === undefined ? await askNumber('A line of the trace (1-based)', 'line=') : undefined;
  const chosen = line ?? (asked !== undefined ? Math.max(0, asked - 1) : undefined);
  if (chosen === undefined) {
    return undefined;
  }
  return { fromLine: Math.max(0, chosen - 100), toLine: chosen + 100 };
}

async function customFilter(target: Target): Promise<ViewFilter | undefined> {
  const suggestion = target.pid !== undefined ? `pid=${target.pid} failed` : 'failed';
  const text = await window.showInputBox({
    title: `strace-ls: a view of ${baseName(target.uri)}`,
    prompt: FILTER_SYNTAX,
    value: suggestion,
    validateInput: v => parseFilter(v).error,
  });
  return text === undefined ? undefined : parseFilter(text).filter;
}

async function askNumber(prompt: string, word: string): Promise<number | undefined> {
  const text = await window.showInputBox({
    title: 'strace-ls', prompt,
    validateInput: v => (/^\s*\d+\s*$/.test(v) ? undefined : `A number, as in ${word}123`),
  });
  return text === undefined ? undefined : Number(text.trim());
}

function checked(filterText: string): ViewFilter | undefined {
  const parsed = parseFilter(filterText);
  if (parsed.error !== undefined) {
    void window.showErrorMessage(`strace-ls: ${parsed.error}`);
    return undefined;
  }
  return parsed.filter;
}

function baseName(uri: Uri): string {
  return path.posix.basename(uri.path) || uri.toString();
}
