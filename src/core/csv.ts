/**
 * CSV as spreadsheets read it: UTF-8 with a byte-order mark (so Excel reads the Chinese),
 * CRLF lines, quoted where needed, and a cell that would run as a formula (= + - @ first)
 * kept as text.
 */
export function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvText(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
