/**
 * The moderator sees what the guard found inside the text: the text cut into plain and
 * marked pieces, overlapping spans merged into one mark that names every rule behind it.
 * Pure, so it is tested without a DOM.
 */
export interface GuardSpan {
  readonly kind: string;
  readonly rule: string | null;
  readonly category: string | null;
  readonly start: number;
  readonly end: number;
}

export interface TextPiece {
  readonly text: string;
  /** The rules behind a marked piece; absent for plain text. */
  readonly rules?: readonly string[];
}

export function markPieces(text: string, spans: readonly GuardSpan[]): TextPiece[] {
  const merged: Array<{ start: number; end: number; rules: Set<string> }> = [];
  const valid = spans.filter((s) => s.end > s.start && s.start >= 0 && s.end <= text.length).toSorted((a, b) => a.start - b.start);
  for (const span of valid) {
    const rule = span.rule ?? span.category ?? span.kind;
    const last = merged.at(-1);
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.rules.add(rule);
    } else {
      merged.push({ start: span.start, end: span.end, rules: new Set([rule]) });
    }
  }
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) pieces.push({ text: text.slice(at, m.start) });
    pieces.push({ text: text.slice(m.start, m.end), rules: [...m.rules] });
    at = m.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}
