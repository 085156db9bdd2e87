// The filter a user types for "strace-ls: Open a view…" (`pid=123 tree failed path=/etc context=3`), read into
// the argument object of the server's `strace.view` command, and written back (for titles and presets).
// The words are the CLI's options (`strace-ls view --help`): lines are 1-based here, as on the CLI and on screen,
// 0-based in the command. The client checks only the shape; the server says what a value means or why it is wrong.
// Pure logic (no vscode import), tested by test/unit.test.js.

/** The filter part of `strace.view`'s argument (everything but `uri`). */
export interface ViewFilter {
  pid?: number | number[];
  tree?: boolean;
  failed?: boolean;
  noise?: boolean;
  syscalls?: string[];
  classes?: string[];
  path?: string;
  fd?: { pid: number; fd: number; line: number };
  fromLine?: number;
  toLine?: number;
  fromTime?: string;
  toTime?: string;
  context?: number;
}

export type ParseResult = { filter: ViewFilter; error?: undefined } | { filter?: undefined; error: string };

/** One line of help: the words the filter understands. */
export const FILTER_SYNTAX = 'pid=N[,N…] tree failed noise syscall=a,b class=file,network path=TEXT fd=PID:FD@LINE '
  + 'lines=A-B time=T1-T2 context=N';

const FLAGS = new Set(['tree', 'failed', 'noise']);

/** Reads a filter; an empty text is an error (a view of everything is the trace itself). */
export function parseFilter(text: string): ParseResult {
  const words = splitWords(text);
  if (typeof words === 'string') {
    return { error: words };
  }
  if (words.length === 0) {
    return { error: `Type at least one filter: ${FILTER_SYNTAX}` };
  }
  const filter: ViewFilter = {};
  for (const word of words) {
    const eq = word.indexOf('=');
    const key = (eq < 0 ? word : word.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? undefined : word.slice(eq + 1);
    if (FLAGS.has(key)) {
      if (value !== undefined && !/^(true|yes|1)$/i.test(value)) {
        return { error: `"${word}": ${key} takes no value` };
      }
      filter[key as 'tree' | 'failed' | 'noise'] = true;
      continue;
    }
    if (value === undefined || value === '') {
      return { error: KEYS.has(key) ? `"${word}": ${key} needs a value (${key}=…)`
        : `"${word}" is not a filter; the filters: ${FILTER_SYNTAX}` };
    }
    const error = setKey(filter, key, value, word);
    if (error) {
      return { error };
    }
  }
  return { filter };
}

const KEYS = new Set(['pid', 'pids', 'syscall', 'syscalls', 'class', 'classes', 'path', 'fd', 'lines', 'line', 'time',
  'context']);

function setKey(filter: ViewFilter, key: string, value: string, word: string): string | undefined {
  switch (key) {
    case 'pid':
    case 'pids': {
      const pids = list(value).map(Number);
      if (pids.length === 0 || pids.some(p => !Number.isSafeInteger(p) || p < 0)) {
        return `"${word}": a pid is a number (pid=123 or pid=123,456)`;
      }
      filter.pid = pids.length === 1 ? pids[0] : pids;
      return undefined;
    }
    case 'syscall':
    case 'syscalls':
      filter.syscalls = list(value);
      return undefined;
    case 'class':
    case 'classes':
      filter.classes = list(value);
      return undefined;
    case 'path':
      filter.path = value;
      return undefined;
    case 'fd': {
      const m = /^(\d+):(\d+)@(\d+)$/.exec(value);
      if (!m || Number(m[3]) < 1) {
        return `"${word}": an fd is PID:FD@LINE, the process, the fd number and a line where it is used (fd=4110:3@12)`;
      }
      filter.fd = { pid: Number(m[1]), fd: Number(m[2]), line: Number(m[3]) - 1 };
      return undefined;
    }
    case 'line':
    case 'lines': {
      const m = /^(\d*)(?:(-)(\d*))?$/.exec(value);
      const from = m?.[1] ? Number(m[1]) : undefined;
      const to = m?.[2] ? (m[3] ? Number(m[3]) : undefined) : from;
      if (!m || (from === undefined && to === undefined) || from === 0 || to === 0
          || (from !== undefined && to !== undefined && from > to)) {
        return `"${word}": lines are A-B, 1-based and A ≤ B (lines=100-200, lines=100-, lines=-200)`;
      }
      if (from !== undefined) {
        filter.fromLine = from - 1;
      }
      if (to !== undefined) {
        filter.toLine = to - 1;
      }
      return undefined;
    }
    case 'time': {
      const m = /^([^-]*)-([^-]*)$/.exec(value);
      if (!m || (!m[1] && !m[2])) {
        return `"${word}": a time range is T1-T2 as the trace prints times, or seconds (time=10:22:31-10:22:40)`;
      }
      if (m[1]) {
        filter.fromTime = m[1];
      }
      if (m[2]) {
        filter.toTime = m[2];
      }
      return undefined;
    }
    case 'context': {
      const n = Number(value);
      if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) {
        return `"${word}": context is a number of lines (context=3)`;
      }
      filter.context = n;
      return undefined;
    }
    default:
      return `"${word}" is not a filter; the filters: ${FILTER_SYNTAX}`;
  }
}

/** Writes a filter in the syntax parseFilter reads (parseFilter(formatFilter(f)) gives f back). */
export function formatFilter(filter: ViewFilter): string {
  const words: string[] = [];
  if (filter.pid !== undefined) {
    words.push(`pid=${([] as number[]).concat(filter.pid).join(',')}`);
  }
  if (filter.tree) {
    words.push('tree');
  }
  if (filter.failed) {
    words.push('failed');
  }
  if (filter.noise) {
    words.push('noise');
  }
  if (filter.syscalls?.length) {
    words.push(`syscall=${filter.syscalls.join(',')}`);
  }
  if (filter.classes?.length) {
    words.push(`class=${filter.classes.join(',')}`);
  }
  if (filter.path !== undefined) {
    words.push(`path=${quote(filter.path)}`);
  }
  if (filter.fd) {
    words.push(`fd=${filter.fd.pid}:${filter.fd.fd}@${filter.fd.line + 1}`);
  }
  if (filter.fromLine !== undefined || filter.toLine !== undefined) {
    words.push(`lines=${filter.fromLine !== undefined ? filter.fromLine + 1 : ''}-${filter.toLine !== undefined ? filter.toLine + 1 : ''}`);
  }
  if (filter.fromTime !== undefined || filter.toTime !== undefined) {
    words.push(`time=${filter.fromTime ?? ''}-${filter.toTime ?? ''}`);
  }
  if (filter.context !== undefined) {
    words.push(`context=${filter.context}`);
  }
  return words.join(' ');
}

function list(value: string): string[] {
  return value.split(',').map(s => s.trim()).filter(s => s);
}

function quote(value: string): string {
  return /[\s"]/.test(value) || value === '' ? `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : value;
}

/** Splits on blanks; a double-quoted part (with \" and \\) may hold blanks: path="/tmp/a b". */
function splitWords(text: string): string[] | string {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) {
      i++;
    }
    if (i >= text.length) {
      break;
    }
    let word = '';
    while (i < text.length && !/\s/.test(text[i])) {
      if (text[i] === '"') {
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < text.length) {
            i++;
          }
          word += text[i++];
        }
        if (i >= text.length) {
          return 'A quote is not closed';
        }
        i++;
      } else {
        word += text[i++];
      }
    }
    words.push(word);
  }
  return words;
}
