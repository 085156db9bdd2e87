// The server's summary (plain text and links by line and UTF-16 column) as HTML for the large-trace editor's
// webview: escaped text, each link an anchor carrying its target line. Pure logic, unit-tested.

/** One link of a `strace.summary` answer: 0-based line of the text, columns start..end, 0-based target line. */
export interface SummaryLink {
  line: number;
  start: number;
  end: number;
  target: number;
}

/** The summary's text as HTML, each link of the answer an anchor that jumps to its line. */
export function linkedSummary(text: string, links: SummaryLink[]): string {
  const byLine = new Map<number, SummaryLink[]>();
  for (const l of links) {
    const onLine = byLine.get(l.line);
    if (onLine) {
      onLine.push(l);
    } else {
      byLine.set(l.line, [l]);
    }
  }
  return text.split(/\r?\n/).map((line, i) => {
    const onLine = (byLine.get(i) ?? []).slice().sort((a, b) => a.start - b.start);
    let out = '';
    let at = 0;
    for (const l of onLine) {
      if (l.start < at || l.end > line.length || l.end < l.start) {
        continue;
      }
      out += escapeHtml(line.slice(at, l.start));
      out += `<a data-target="${Number(l.target)}" title="line ${Number(l.target) + 1}">${escapeHtml(line.slice(l.start, l.end))}</a>`;
      at = l.end;
    }
    return out + escapeHtml(line.slice(at));
  }).join('\n');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
