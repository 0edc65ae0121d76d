/** calendar.txt and calendar_dates.txt → services with their weekdays, range and exceptions. */
import { type Problems, gtfsDate, gtfsEnum } from "./gtfs-fields.ts";
import { type FeedTables, eachRow } from "./gtfs-tables.ts";
import type { FeedService } from "./feed.ts";

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

/** Every service either file names, with problems for bad days, dates and ranges. */
export function readServices(tables: FeedTables, problems: Problems): FeedService[] {
  const services = new Map<string, FeedService>();
  eachRow(tables.get("calendar.txt"), problems, (cell, line) => {
    const f = "calendar.txt";
    const id = problems.required(cell("service_id"), f, line, "service_id");
    if (id === undefined) return;
    if (services.has(id)) return problems.add(f, line, "service_id", `服务编号“${id.slice(0, 40)}”重复`, `duplicate service_id "${id.slice(0, 40)}"`);
    let weekdays = 0;
    DAYS.forEach((day, i) => {
      const v = problems.take(gtfsEnum(cell(day), [0, 1], -1), f, line, day);
      if (v === -1) problems.add(f, line, day, "必填项为空", "required value is empty");
      if (v === 1) weekdays |= 1 << i;
    });
    const start = problems.take(gtfsDate(cell("start_date")), f, line, "start_date");
    const end = problems.take(gtfsDate(cell("end_date")), f, line, "end_date");
    if (start !== undefined && end !== undefined && end < start) problems.add(f, line, "end_date", "结束日期早于开始日期", "end_date is before start_date");
    services.set(id, { id, weekdays, start: start ?? 0, end: end ?? 0, added: [], removed: [] });
  });
  eachRow(tables.get("calendar_dates.txt"), problems, (cell, line) => {
    const f = "calendar_dates.txt";
    const id = problems.required(cell("service_id"), f, line, "service_id");
    const date = problems.take(gtfsDate(cell("date")), f, line, "date");
    const type = problems.take(gtfsEnum(cell("exception_type"), [1, 2], 0), f, line, "exception_type");
    if (type === 0) problems.add(f, line, "exception_type", "必填项为空", "required value is empty");
    if (id === undefined || date === undefined || !type) return;
    let service = services.get(id);
    if (!service) {
      service = { id, weekdays: 0, start: 0, end: 0, added: [], removed: [] };
      services.set(id, service);
    }
    (type === 1 ? service.added : service.removed).push(date);
  });
  return [...services.values()];
}
