// The pid and fd under the cursor, read from the server's semantic tokens (its legend names a line's pid
// `namespace` and an fd `variable`): the client does not parse trace lines itself. Pure logic, unit-tested.

export interface Token {
  line: number;
  start: number;
  length: number;
  type: string;
}

/** Decodes LSP/VS Code semantic token data (5 integers a token, relative positions) with the legend's type names. */
export function decodeTokens(data: ArrayLike<number>, types: readonly string[]): Token[] {
  const tokens: Token[] = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    const deltaLine = data[i];
    line += deltaLine;
    start = deltaLine === 0 ? start + data[i + 1] : data[i + 1];
    tokens.push({ line, start, length: data[i + 2], type: types[data[i + 3]] ?? String(data[i + 3]) });
  }
  return tokens;
}

export interface AtCursor {
  /** The process of the line: its prefix, a `namespace` token that is the line's first token. */
  pid?: number;
  /** The fd under the cursor (a numeric `variable` token), else the line's first numeric one. */
  fd?: number;
}

/** The pid and fd of a line, given the tokens of that line (others are ignored) and its text. */
export function pidAndFd(tokens: Token[], line: number, character: number, text: string): AtCursor {
  const onLine = tokens.filter(t => t.line === line).sort((a, b) => a.start - b.start);
  const word = (t: Token) => text.slice(t.start, t.start + t.length);
  const result: AtCursor = {};
  const first = onLine[0];
  if (first && first.type === 'namespace' && /^\d+$/.test(word(first))) {
    result.pid = Number(word(first));
  }
  const fds = onLine.filter(t => t.type === 'variable' && /^\d+$/.test(word(t)));
  const under = fds.find(t => t.start <= character && character <= t.start + t.length);
  const fd = under ?? fds[0];
  if (fd) {
    result.fd = Number(word(fd));
  }
  return result;
}
