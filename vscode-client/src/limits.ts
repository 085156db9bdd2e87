// Which files are traces, and which traces are past what VS Code shows, colours or gives to extensions.
// Pure logic (no vscode import), so that the unit tests run it in plain node.

/** VS Code gives extensions (and so the language server) no document over this size (`_MODEL_SYNC_LIMIT`). */
export const SYNC_LIMIT_BYTES = 50 * 1024 * 1024;
/** Over this size or line count VS Code turns the grammar's colouring and folding off (`editor.largeFileOptimizations`). */
export const COLOUR_LIMIT_BYTES = 20 * 1024 * 1024;
export const COLOUR_LIMIT_LINES = 300_000;

/** A trace's name: `*.strace`, `-ff` files of such a prefix (`x.strace.1234`). Others are told by their first line. */
export function isTraceName(fileName: string): boolean {
  const base = fileName.replace(/^.*[\\/]/, '');
  return /\.strace$/.test(base) || /\.strace\.\d+$/.test(base);
}

export type LargeKind =
  /** VS Code does not load the file into an editor or does not give it to extensions: no server features. */
  | 'notSynced'
  /** Loaded and given to the server, but VS Code's own colouring (the grammar) and folding are off. */
  | 'noColours';

export interface LargeTrace {
  kind: LargeKind;
  /** One sentence for the notification and the status bar's tooltip. */
  reason: string;
}

export interface TraceFacts {
  /** Bytes on disk, when known. */
  size?: number;
  /** Lines, when VS Code holds the document. */
  lines?: number;
  /** Whether the extension host holds the document (it is in `workspace.textDocuments`). */
  synced: boolean;
}

/** Whether a trace is past one of VS Code's limits, and which; undefined for a trace VS Code handles fully. */
export function largeTrace(facts: TraceFacts): LargeTrace | undefined {
  const size = facts.size;
  if (!facts.synced) {
    if (size !== undefined && size > SYNC_LIMIT_BYTES) {
      return {
        kind: 'notSynced',
        reason: `This trace is ${formatSize(size)}: VS Code gives no file over 50 MB to extensions, so the language `
          + 'server cannot check it here (no diagnostics, hover, outline or colours).',
      };
    }
    return {
      kind: 'notSynced',
      reason: `This trace${size !== undefined ? ` (${formatSize(size)})` : ''} is too large for VS Code to open in `
        + 'an editor: the language server does not see it (no diagnostics, hover, outline or colours).',
    };
  }
  const tooBig = size !== undefined && size > COLOUR_LIMIT_BYTES;
  const tooLong = facts.lines !== undefined && facts.lines > COLOUR_LIMIT_LINES;
  if (tooBig || tooLong) {
    const what = [tooBig ? formatSize(size!) : '', tooLong ? `${facts.lines!.toLocaleString('en-US')} lines` : '']
      .filter(s => s).join(', ');
    return {
      kind: 'noColours',
      reason: `This trace is large (${what}): over 20 MB or 300,000 lines VS Code turns off the grammar's colours, `
        + 'folding and code lenses (the server\'s diagnostics and colours remain). The summary and views are smaller traces '
        + 'with every feature.',
    };
  }
  return undefined;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) {
    return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`;
  }
  if (bytes >= 1024 * 1024) {
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  }
  if (bytes >= 1024) {
    return `${(bytes / 1024).toFixed(1)} KB`;
  }
  return `${bytes} bytes`;
}
