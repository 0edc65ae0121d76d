/** The CSV files of a GTFS feed, each with its header checked against the columns it must have. */
import { type CsvTable, parseCsv } from "./gtfs-csv.ts";
import type { Problems } from "./gtfs-fields.ts";

/** Columns each file must have. */
export const REQUIRED: Record<string, string[]> = {
  "agency.txt": ["agency_name", "agency_timezone"],
  "stops.txt": ["stop_id"],
  "routes.txt": ["route_id", "route_type"],
  "trips.txt": ["route_id", "service_id", "trip_id"],
  "stop_times.txt": ["trip_id", "stop_id", "stop_sequence"],
  "calendar.txt": ["service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "start_date", "end_date"],
  "calendar_dates.txt": ["service_id", "date", "exception_type"],
  "frequencies.txt": ["trip_id", "start_time", "end_time", "headway_secs"],
  "shapes.txt": ["shape_id", "shape_pt_lat", "shape_pt_lon", "shape_pt_sequence"],
  "transfers.txt": ["from_stop_id", "to_stop_id", "transfer_type"],
  "school_lines.txt": ["route_id"],
};

/** The tables read from a feed's files, each with its header checked. */
export type FeedTables = Map<string, CsvTable>;

/** Reads the feed's CSV files; problems for missing files or columns. */
export function readTables(files: Map<string, () => Buffer>, problems: Problems): FeedTables {
  const tables: FeedTables = new Map();
  for (const [name, columns] of Object.entries(REQUIRED)) {
    const file = files.get(name);
    if (!file) continue;
    const table = parseCsv(name, file().toString("utf8"));
    for (const column of columns) if (!table.header.includes(column)) problems.add(name, 1, column, "缺少这一列", "column is missing");
    tables.set(name, table);
  }
  for (const name of ["agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt"]) {
    if (!files.has(name)) problems.add(name, 0, null, "缺少这个文件", "file is missing");
  }
  if (!files.has("calendar.txt") && !files.has("calendar_dates.txt")) problems.add("calendar.txt", 0, null, "calendar.txt 和 calendar_dates.txt 至少要有一个", "calendar.txt or calendar_dates.txt is required");
  return tables;
}

/** Runs a table's rows; a broken CSV is a problem. */
export function eachRow(table: CsvTable | undefined, problems: Problems, each: (cell: (c: string) => string, line: number) => void): void {
  if (!table) return;
  const broken = table.rows(each);
  if (broken) problems.add(broken.file, broken.line, broken.column, broken.zh, broken.en);
}

