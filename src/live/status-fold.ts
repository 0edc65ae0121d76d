/**
 * A place's status from its changes: each change replaces its facet (or clears it, when its
 * value is null). Pure, so the same fold serves the instance's memory, the replay of a
 * reconnecting browser and the tests.
 */
import type { CrowdingLevel, LiveStatus, OpeningState } from "../core/api/live-vocabulary.ts";
import type { StatusRow } from "./status-store.ts";

/** A place nothing was said about. */
export const emptyStatus = (placeId: string): LiveStatus => ({ placeId, opening: null, crowding: null, notice: null, changeId: 0 });

/** The status after `row`. */
export function applyChange(status: LiveStatus, row: StatusRow): LiveStatus {
  const changeId = Math.max(status.changeId, row.id);
  if (row.value === null || row.until === null) return { ...status, [row.facet]: null, changeId };
  const stamp = { until: row.until, setAt: row.setAt };
  switch (row.facet) {
    case "opening":
      return { ...status, opening: { state: row.value as OpeningState, reason: row.reason, ...stamp }, changeId };
    case "crowding":
      return { ...status, crowding: { level: row.value as CrowdingLevel, ...stamp }, changeId };
    case "notice":
      return { ...status, notice: { text: row.value, ...stamp }, changeId };
  }
}
