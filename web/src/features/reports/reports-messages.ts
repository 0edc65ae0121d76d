/**
 * The words of the reports feature, Chinese first and English second. `t` looks a key up here and
 * falls back to the words every page shares (shared/messages.ts).
 */
import { lookup } from "../../shared/i18n.ts";
import type { MessageKey } from "../../shared/messages.ts";

const zh = {
  unitTasksTitle: "{unit} · 承担的任务",
  startReport: "开始填报",
  continueReport: "继续填报",
  openReport: "查看",
  back: "← 返回",
  revision: "第 {n} 版",
  submittedAt: "提交于 {time}",
  taskStatus: "任务进展",
  narrative: "进展说明",
  narrativeHint: "写明本期完成了什么、遇到什么问题、下一步怎么做。",
  narrativeNeeded: "提交前请先写进展说明。",
  noNarrative: "（未填写）",
  indicatorValues: "指标数据",
  valuesHint: "填写本期测得的数值和测量日期；没有新数据的指标可以留空。",
  valueIn: "数值（{unit}）",
  measuredOn: "测量日期",
  noValues: "没有填报指标数据。",
  cityWide: "全市",
  evidence: "佐证材料",
  addEvidence: "上传佐证材料",
  evidenceHint: "PDF、图片（PNG/JPG）、Excel 或 Word 文件，每个不超过 10 MB。",
  noAttachments: "还没有佐证材料。",
  uploading: "正在上传…",
  uploaded: "已上传 {n} 个文件。",
  saveDraft: "保存草稿",
  submitReport: "提交审核",
  saving: "正在保存…",
  draftSaved: "草稿已保存。",
  reportSubmitted: "已提交，等待审核。",
  returnedComment: "审核意见（已退回，请修改后重新提交）",
  reviewerComment: "审核意见",
  history: "办理记录",
  noHistory: "还没有提交记录。",
  decision: "审核",
  reviewComment: "审核意见",
  reviewHint: "退回时必须写明需要修改什么；通过时可以不写。",
  commentNeeded: "退回前请写明需要修改的地方。",
  returnReport: "退回修改",
  approveReport: "审核通过",
  reportApproved: "报告已审核通过。",
  reportReturned: "报告已退回给单位。",
} as const;

/** The keys of the reports feature; English must provide every one. */
type OwnKey = keyof typeof zh;

const en: Record<OwnKey, string> = {
  unitTasksTitle: "{unit} · our tasks",
  startReport: "Start report",
  continueReport: "Continue",
  openReport: "Open",
  back: "← Back",
  revision: "revision {n}",
  submittedAt: "submitted {time}",
  taskStatus: "Task status",
  narrative: "Progress narrative",
  narrativeHint: "What was done this period, what got in the way, what comes next.",
  narrativeNeeded: "Write the progress narrative before submitting.",
  noNarrative: "(none)",
  indicatorValues: "Indicator values",
  valuesHint: "Enter the value measured this period and the date; leave an indicator empty when there is nothing new.",
  valueIn: "Value ({unit})",
  measuredOn: "Date measured",
  noValues: "No indicator values reported.",
  cityWide: "City-wide",
  evidence: "Evidence",
  addEvidence: "Upload evidence",
  evidenceHint: "PDF, images (PNG/JPG), Excel or Word files, up to 10 MB each.",
  noAttachments: "No evidence yet.",
  uploading: "Uploading…",
  uploaded: "{n} file(s) uploaded.",
  saveDraft: "Save draft",
  submitReport: "Submit for review",
  saving: "Saving…",
  draftSaved: "Draft saved.",
  reportSubmitted: "Submitted for review.",
  returnedComment: "Reviewer's comment (sent back: please change and submit again)",
  reviewerComment: "Reviewer's comment",
  history: "History",
  noHistory: "Not submitted yet.",
  decision: "Decision",
  reviewComment: "Comment",
  reviewHint: "Say what must change when sending back; optional when approving.",
  commentNeeded: "Say what must change before sending the report back.",
  returnReport: "Send back",
  approveReport: "Approve",
  reportApproved: "Report approved.",
  reportReturned: "Report sent back to the unit.",
};

/** Both tables, keyed by language (checked for completeness by web/src/shared/messages.test.ts). */
export const REPORTS_MESSAGES = { zh, en } as const;

/** A key of these words or of the shared ones. */
export type ReportsMessageKey = OwnKey | MessageKey;

/** A message in the current language with `{name}` placeholders filled in. */
export const t = lookup(REPORTS_MESSAGES);
