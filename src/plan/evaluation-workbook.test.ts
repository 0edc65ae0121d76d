/** The evaluation workbook states its method in words a reader without the repository can follow, and carries task 12's activities when there are any. */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { planSchema } from "../core/plan.ts";
import { REPO_ROOT } from "../platform/config.ts";
import { buildEvaluation } from "./evaluation.ts";
import { evaluationWorkbook } from "./evaluation-workbook.ts";
import { PlanBook } from "./plan-book.ts";

const book = new PlanBook(planSchema.parse(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "data/plans/hengyang/plan.json"), "utf8"))));

describe("evaluationWorkbook", () => {
  it("writes the method in words in its 计算方法 cell, not a path in the repository", async () => {
    const evaluation = buildEvaluation(book, [], { stage: "mid-term", today: "2026-12-02", periodKind: "quarter", reportingStarts: "2026-12-02" });
    const workbook = new ExcelJS.Workbook();
    const bytes = await evaluationWorkbook(book, evaluation);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    let method = "";
    workbook.getWorksheet("概览")!.eachRow((row) => {
      if (row.getCell(1).value === "计算方法") method = String(row.getCell(2).value);
    });
    expect(method).not.toMatch(/docs\/|\.md\b/);
    expect(method).toContain("只计已审核通过的数据");
    expect(method).toMatch(/95%.*正常.*50%.*预警/);
    expect(method).toContain("记为无数据，不算逾期");
  });

  it("lists task 12's activities by district with their total, and leaves the sheet out when the events domain gave none", async () => {
    const base = buildEvaluation(book, [], { stage: "mid-term", today: "2026-12-02", periodKind: "quarter", reportingStarts: "2026-12-02" });
    const figures = {
      from: "2024-01-01", to: "2026-12-02", lowCostMaxYuan: 20,
      districts: [{ district: "雁峰区", free: 4, low: 1, total: 5, events: 2 }, { district: null, free: 1, low: 0, total: 1, events: 1 }],
      total: { district: null, free: 5, low: 1, total: 6, events: 3 },
    };
    const read = async (evaluation: typeof base) => {
      const workbook = new ExcelJS.Workbook();
      const bytes = await evaluationWorkbook(book, evaluation);
      await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      return workbook;
    };
    const without = await read(base);
    expect(without.getWorksheet("儿童文体活动")).toBeUndefined();
    const withActivities = await read({ ...base, activities: { taskNumber: 12, figures } });
    const sheet = withActivities.getWorksheet("儿童文体活动")!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([["区县", "免费场次", "低收费场次", "合计", "活动数"], ["雁峰区", 4, 1, 5, 2], ["未能确定区县", 1, 0, 1, 1], ["合计", 5, 1, 6, 3]]);
    let line = "";
    withActivities.getWorksheet("概览")!.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith("儿童文体活动")) line = String(row.getCell(2).value);
    });
    expect(line).toBe("2024-01-01 至 2026-12-02：免费或低收费（不超过 20 元）活动 6 场次（免费 5，低收费 1），3 项活动");
  });
});
