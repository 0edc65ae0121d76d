/**
 * The plan as a tree of lights: goals, their actions and their tasks, each with its light in
 * colour and words. Goals fold open and shut (<details>), so 35 tasks stay readable on a
 * phone. The staff dashboard adds its own line under each task (who reports, in what state).
 */
import { el, type Child } from "../dom.ts";
import { pick } from "../i18n.ts";
import { t } from "./plan-ui-messages.ts";
import { lightBadge } from "./light-badge.ts";
import type { GoalView, TaskView } from "./plan-data.ts";

/** What a page adds under a task's title. */
export type TaskExtra<T extends TaskView> = (task: T) => Child;

function taskRow<T extends TaskView>(task: T, extra?: TaskExtra<T>): HTMLElement {
  return el(
    "li",
    { class: "tree-task", "data-task": task.number, "data-light": task.light },
    el("span", { class: "tree-number", "aria-label": t("taskNumber", { n: task.number }) }, String(task.number)),
    el("span", { class: "tree-task-text" }, el("span", { class: "tree-task-title" }, pick({ zh: task.title, en: task.titleEn })), extra?.(task)),
    lightBadge(task.light),
  );
}

/** The goals as folding sections; `open` goals start unfolded. */
export function planTree<T extends TaskView>(goals: ReadonlyArray<GoalView<T>>, options: { open?: boolean; extra?: TaskExtra<T> } = {}): HTMLElement {
  const sections = goals.map((goal) => {
    const actions = goal.actions.map((action) =>
      el(
        "li",
        { class: "tree-action", "data-light": action.light },
        el("div", { class: "tree-action-head" }, el("h3", { class: "tree-action-title" }, t("actionTitle", { n: action.number, title: pick({ zh: action.title, en: action.titleEn }) })), lightBadge(action.light)),
        el("ul", { class: "tree-tasks" }, ...action.tasks.map((task) => taskRow(task, options.extra))),
      ),
    );
    return el(
      "details",
      { class: "tree-goal", "data-light": goal.light, open: options.open ?? false },
      el("summary", { class: "tree-goal-head" }, el("span", { class: "tree-goal-title" }, t("goalTitle", { n: goal.number, title: pick({ zh: goal.title, en: goal.titleEn }) })), lightBadge(goal.light)),
      el("ul", { class: "tree-actions" }, ...actions),
    );
  });
  return el("div", { class: "plan-tree" }, ...sections);
}
