/**
 * The plan, publicly: GET /api/plan (goals > actions > tasks with their units and
 * indicators), /api/plan/tasks/{n}, /api/plan/indicators, /api/units, and the city's
 * progress for the public page, /api/plan/progress (approved data only, no unit details).
 */
import type { FastifyInstance } from "fastify";
import type { PlanTask } from "../core/plan.ts";
import { ApiError, say } from "../platform/errors.ts";
import { parseRequest } from "../platform/http/validate.ts";
import type { Dashboard } from "./dashboard.ts";
import type { PlanBook } from "./plan-book.ts";
import { requirePlan } from "./supervision-service.ts";
import { taskNumberParams } from "../core/api/paths.ts";

export interface PlanRouteContext {
  book: () => PlanBook | null;
  dashboard: () => Promise<Dashboard | null>;
}

function taskSummary(book: PlanBook, task: PlanTask) {
  const unit = (id: string) => ({ id, name: book.unit(id)?.name ?? id, nameEn: book.unit(id)?.nameEn ?? id });
  return {
    number: task.number,
    title: task.title,
    titleEn: task.titleEn,
    leadUnits: task.leadUnitIds.map(unit),
    participatingUnits: task.participatingUnitIds.map(unit),
    indicatorIds: task.indicatorIds,
  };
}

/** The public plan as a Fastify plugin (registered by the plan domain, plan-supervision.ts). */
export async function planRoutes(app: FastifyInstance, context: PlanRouteContext): Promise<void> {
  app.get("/api/plan", async () => {
    const book = requirePlan(context.book());
    const { goals, actions, tasks, units, indicators, ...about } = book.plan;
    return {
      plan: {
        ...about,
        goals: goals.map((goal) => ({
          ...goal,
          actions: actions.filter((a) => a.goalId === goal.id).map((action) => ({
            ...action,
            tasks: tasks.filter((t) => t.actionId === action.id).map((t) => taskSummary(book, t)),
          })),
        })),
      },
      counts: { goals: goals.length, actions: actions.length, tasks: tasks.length, units: units.length, indicators: indicators.length },
      indicators,
    };
  });

  app.get("/api/plan/tasks/:number", async (request) => {
    const book = requirePlan(context.book());
    const { number } = parseRequest(taskNumberParams, request.params);
    const task = book.task(number);
    if (!task) throw ApiError.notFound(say(`第 ${number} 项任务`, `task ${number}`));
    return { task: { ...task, ...taskSummary(book, task), indicators: task.indicatorIds.map((id) => book.indicator(id)!) } };
  });

  app.get("/api/plan/indicators", async () => {
    const book = requirePlan(context.book());
    return { indicators: book.plan.indicators };
  });

  app.get("/api/units", async () => {
    const book = requirePlan(context.book());
    return {
      units: book.plan.units.map((unit) => ({
        ...unit,
        leads: book.plan.tasks.filter((t) => t.leadUnitIds.includes(unit.id)).map((t) => t.number),
        participates: book.plan.tasks.filter((t) => t.participatingUnitIds.includes(unit.id)).map((t) => t.number),
      })),
    };
  });

  app.get("/api/plan/progress", async () => {
    const dashboard = await context.dashboard();
    if (!dashboard) throw ApiError.notFound(say("行动计划", "action plan"));
    return {
      planId: dashboard.planId,
      today: dashboard.today,
      reportingStarts: dashboard.reportingStarts,
      period: dashboard.period,
      counts: dashboard.counts,
      goals: dashboard.goals.map((g) => ({
        ...g,
        actions: g.actions.map((a) => ({
          ...a,
          tasks: a.tasks.map(({ reporting: _hidden, ...task }) => task),
        })),
      })),
    };
  });
}
