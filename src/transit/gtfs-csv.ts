/**
 * The CSV of GTFS files (RFC 4180: quoted fields, doubled quotes, newlines inside quotes,
 * a byte-order mark, CRLF or LF), read fast enough for millions of stop times: each row
 * comes with its line number so a problem can name it. Columns are found by header name.
 */

/** A GTFS problem a person can fix: the file, line and column, and why, in both languages. */
export interface FeedProblem {
  file: string;
  line: number;
  column: string | null;
  zh: string;
  en: string;
}

/** One file's rows: the header and a reader of each row's cells by column name. */
export interface CsvTable {
  file: string;
  header: string[];
  /** Calls `each` with a cell getter per data row and its line number (the header is line 1); a problem when the CSV itself is broken. */
  rows(each: (cell: (column: string) => string, line: number) => void): FeedProblem | null;
}

/** Reads `text` as CSV: the header now, the rows when asked (streamed, never all kept). */
export function parseCsv(file: string, text: string): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const headerEnd = text.search(/\r?\n|$/);
  const header = text.slice(0, headerEnd).split(",").map((h) => h.trim().replace(/^"|"$/g, ""));
  return {
    file,
    header,
    rows(each) {
      const index = new Map(header.map((h, k) => [h, k]));
      let current: string[] = [];
      const cell = (column: string) => {
        const k = index.get(column);
        return k === undefined ? "" : (current[k] ?? "");
      };
      let first = true;
      return scan(file, text, (row, line) => {
        if (first) {
          first = false;
          return;
        }
        current = row;
        each(cell, line);
      });
    },
  };
}

/** Calls `onRow` per non-empty record with its first line; a problem when a quote never closes. */
function scan(file: string, text: string, onRow: (row: string[], line: number) => void): FeedProblem | null {
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const row: string[] = [];
    const startLine = line;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === 34) {
        let j = i + 1;
        let out = "";
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) return { file, line: startLine, column: null, zh: "引号没有闭合", en: "a quoted field is never closed" };
          out += text.slice(j, q);
          if (text.charCodeAt(q + 1) === 34) {
            out += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        for (const ch of out) if (ch === "\n") line++;
        value = out;
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          j++;
        }
        value = text.slice(i, j);
        i = j;
      }
      row.push(value.trim());
      const c = text.charCodeAt(i);
      if (c === 44) {
        i++;
        continue;
      }
      if (c === 13) i++;
      if (text.charCodeAt(i) === 10) i++;
      line++;
      break;
    }
    if (row.length === 1 && row[0] === "") continue;
    onRow(row, startLine);
  }
  return null;
}
