// "strace-ls: Compare with…": the current trace against another run of the same command. The server does the
// comparison (workspace/executeCommand strace.compare); this file shows its answer: the ranked differences in
// a tree view (a click reveals the line in both runs, side by side), and each process pair in VS Code's diff
// editor on the two normalised texts.
import * as path from 'path';
import {
  commands, Disposable, EventEmitter, ExtensionContext, Range, Selection, TextDocumentContentProvider,
  TextEditorRevealType, ThemeIcon, TreeDataProvider, TreeItem, TreeItemCollapsibleState, Uri, ViewColumn, window,
  workspace,
} from 'vscode';
import { ExecuteCommandRequest, LanguageClient } from 'vscode-languageclient/node';

interface Place {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

interface Difference {
  kind: string;
  why: string;
  score: number;
  ranked: boolean;
  pair: number;
  good: Place | null;
  bad: Place | null;
}

interface Pair {
  id: number;
  good: string | null;
  bad: string | null;
  goodCalls: number;
  badCalls: number;
}

interface Answer {
  failures: string[];
  explainsFailure: boolean;
  differences: Difference[];
  pairs: Pair[];
  pair: number;
  texts: { good: string; bad: string };
}

const SCHEME = 'strace-normalised';

type Node = { difference: Difference; index: number } | { pair: Pair } | { group: 'pairs' } | { failure: string };

/** Registers the command, the tree view and the provider of normalised texts; called once from activate. */
export function registerCompare(context: ExtensionContext, client: () => LanguageClient | undefined): void {
  const texts = new Texts();
  const tree = new Differences();
  let last: { good: string; bad: string } | undefined;

  const pairTexts = async (pair: Pair): Promise<void> => {
    const c = client();
    if (!c || !last) {
      return;
    }
    const answer: Answer = await c.sendRequest(ExecuteCommandRequest.type,
      { command: 'strace.compare', arguments: [{ ...last, pair: pair.id }] });
    await showPair(texts, pair, answer.texts);
  };

  context.subscriptions.push(
    workspace.registerTextDocumentContentProvider(SCHEME, texts),
    window.registerTreeDataProvider('strace.differences', tree),
    commands.registerCommand('strace.compareWith', async (target?: Uri) => {
      const c = client();
      const current = target ?? window.activeTextEditor?.document.uri;
      if (!c || !current) {
        void window.showErrorMessage('strace-ls: open a trace first; the language server must be running to compare.');
        return;
      }
      const other = await pickOther(current);
      if (!other) {
        return;
      }
      const failed = await window.showQuickPick([
        { label: `${base(current)} failed`, description: `${base(other)} worked`, bad: current, good: other },
        { label: `${base(other)} failed`, description: `${base(current)} worked`, bad: other, good: current },
      ], { title: 'strace-ls: which run failed?' });
      if (!failed) {
        return;
      }
      last = { good: failed.good.toString(), bad: failed.bad.toString() };
      try {
        const answer: Answer = await window.withProgress({ location: { viewId: 'strace.differences' } },
          () => c.sendRequest(ExecuteCommandRequest.type, { command: 'strace.compare', arguments: [last] }));
        tree.show(answer, base(failed.good), base(failed.bad));
        await commands.executeCommand('setContext', 'strace.compared', true);
        await commands.executeCommand('strace.differences.focus');
      } catch (e) {
        void window.showErrorMessage(`strace-ls: the comparison failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }),
    commands.registerCommand('strace.revealDifference', (d: Difference) => reveal(d)),
    commands.registerCommand('strace.showPair', (pair: Pair) => pairTexts(pair)),
  );
}

/** The other run: a trace of the workspace, or any file or -ff folder from a dialog. */
async function pickOther(current: Uri): Promise<Uri | undefined> {
  const files = (await workspace.findFiles('**/*', '**/node_modules/**', 2000))
    .filter(u => u.toString() !== current.toString() && /\.strace(\.\d+)?$|\.\d+$/.test(u.path))
    .sort((a, b) => a.path.localeCompare(b.path));
  const browse = { label: '$(folder-opened) Browse…', description: 'a trace file, or the folder of an -ff run', uri: undefined as Uri | undefined };
  const items = [...files.map(u => ({ label: base(u), description: workspace.asRelativePath(u), uri: u as Uri | undefined })), browse];
  const picked = await window.showQuickPick(items, { title: `strace-ls: compare ${base(current)} with…`, matchOnDescription: true });
  if (!picked) {
    return undefined;
  }
  if (picked.uri) {
    return picked.uri;
  }
  const chosen = await window.showOpenDialog({ canSelectFiles: true, canSelectFolders: true, canSelectMany: false,
    title: 'The other run: a trace, or the folder of an -ff run' });
  return chosen?.[0];
}

/** Opens GOOD's line on the left and BAD's on the right, each selected and centred. */
async function reveal(d: Difference): Promise<void> {
  if (d.good) {
    await showAt(d.good, ViewColumn.One, d.bad !== null);
  }
  if (d.bad) {
    await showAt(d.bad, d.good ? ViewColumn.Two : ViewColumn.One, false);
  }
}

async function showAt(place: Place, column: ViewColumn, preserveFocus: boolean): Promise<void> {
  const doc = await workspace.openTextDocument(Uri.parse(place.uri));
  const line = Math.min(place.range.start.line, doc.lineCount - 1);
  const range = new Range(line, 0, line, doc.lineAt(line).text.length);
  const editor = await window.showTextDocument(doc, { viewColumn: column, preserveFocus, preview: false });
  editor.selection = new Selection(range.start, range.end);
  editor.revealRange(range, TextEditorRevealType.InCenter);
}

async function showPair(texts: Texts, pair: Pair, t: { good: string; bad: string }): Promise<void> {
  const left = texts.put(`good/pair-${pair.id}.strace`, t.good);
  const right = texts.put(`bad/pair-${pair.id}.strace`, t.bad);
  const title = `GOOD ↔ BAD (normalised): ${pair.bad ?? pair.good ?? 'process'}`;
  await commands.executeCommand('vscode.diff', left, right, title);
}

function base(u: Uri): string {
  return path.posix.basename(u.path);
}

/** The normalised texts, in memory, under strace-normalised: URIs. */
class Texts implements TextDocumentContentProvider {
  private readonly byPath = new Map<string, string>();
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;

  put(name: string, text: string): Uri {
    const uri = Uri.from({ scheme: SCHEME, path: `/${name}` });
    this.byPath.set(uri.path, text);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: Uri): string {
    return this.byPath.get(uri.path) ?? '';
  }
}

/** The tree view: how BAD failed, the ranked differences (most likely first), then the process pairs. */
class Differences implements TreeDataProvider<Node>, Disposable {
  private answer: Answer | undefined;
  private names = { good: 'GOOD', bad: 'BAD' };
  private readonly changed = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  show(answer: Answer, good: string, bad: string): void {
    this.answer = answer;
    this.names = { good, bad };
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!this.answer) {
      return [];
    }
    if (!node) {
      const ranked = this.answer.differences.filter(d => d.ranked);
      return [
        ...this.answer.failures.map(f => ({ failure: f })),
        ...ranked.map((d, i) => ({ difference: d, index: i })),
        { group: 'pairs' as const },
      ];
    }
    if ('group' in node) {
      return this.answer.pairs.map(p => ({ pair: p }));
    }
    return [];
  }

  getTreeItem(node: Node): TreeItem {
    if ('failure' in node) {
      const item = new TreeItem(`${this.names.bad} failed: ${node.failure}`);
      item.iconPath = new ThemeIcon('error');
      return item;
    }
    if ('group' in node) {
      const item = new TreeItem(`Process pairs (${this.answer?.pairs.length ?? 0})`, TreeItemCollapsibleState.Collapsed);
      item.iconPath = new ThemeIcon('split-horizontal');
      return item;
    }
    if ('pair' in node) {
      const p = node.pair;
      const item = new TreeItem(p.bad ?? p.good ?? `pair ${p.id}`);
      item.description = p.good === null ? `only in ${this.names.bad}` : p.bad === null ? `only in ${this.names.good}`
        : `${p.goodCalls} ↔ ${p.badCalls} calls`;
      item.tooltip = `${this.names.good}: ${p.good ?? '(none)'}\n${this.names.bad}: ${p.bad ?? '(none)'}`;
      item.command = { command: 'strace.showPair', title: 'Show the pair side by side', arguments: [p] };
      item.iconPath = new ThemeIcon('diff');
      return item;
    }
    const d = node.difference;
    const item = new TreeItem(`${node.index + 1}. ${d.kind}`);
    item.description = d.why;
    const where = (p: Place | null, name: string) => (p ? `${name} line ${p.range.start.line + 1}` : `not in ${name}`);
    item.tooltip = `${d.why}\n\n${where(d.good, this.names.good)} · ${where(d.bad, this.names.bad)}`;
    item.command = { command: 'strace.revealDifference', title: 'Reveal in both runs', arguments: [d] };
    item.iconPath = new ThemeIcon(node.index === 0 ? 'star-full' : 'circle-small-filled');
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
