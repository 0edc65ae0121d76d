/** The evaluation workbook states its method in words a reader without the repository can follow. */
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
});
