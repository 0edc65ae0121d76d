/**
 * The map follows live status: for the region shown it loads the statuses that hold now
 * (GET /api/status), then listens on the status stream from that change on (`after=`), and
 * joins each change to the place in the store, so the marker and the open card redraw at
 * once. The browser's EventSource reconnects by itself with Last-Event-ID, and the server
 * replays what was missed; `event: reset` (too much missed) loads the statuses again.
 */
import type { LiveStatus, StatusEvent } from "../../../../src/core/api/live-vocabulary.ts";
import { activeStatus, closedByStaff } from "../../../../src/core/api/live-vocabulary.ts";
import type { AppState, Store } from "../../shared/store.ts";
import { fetchRegionStatuses, isLiveStatus } from "./live-api.ts";
import { mergeStatuses, withLive } from "./live-merge.ts";

/** What the follower needs of an event source; the browser's EventSource has it. */
export interface StatusSource {
  addEventListener(type: "status" | "reset" | "open", listener: (event: { data?: string; lastEventId?: string }) => void): void;
  close(): void;
}

export interface FollowOptions {
  /** Asks the server for the places again (a place staff closed reopened while "open now" is on). */
  refresh?: () => void;
  /** Opens the stream (tests give a fake); the browser's EventSource by default. */
  open?: (url: string) => StatusSource | null;
}

/** The test hook: the status the store holds for a place, and whether the stream is open. */
interface LiveHook {
  statusOf(placeId: string): LiveStatus | null;
  readonly open: boolean;
}

declare global {
  interface Window {
    __tongxingLive?: LiveHook;
  }
}

/** The event's data when it is what the server sends, else null. */
export function parseStatusEvent(data: string | undefined): StatusEvent | null {
  try {
    const parsed = JSON.parse(data ?? "") as Partial<StatusEvent>;
    return typeof parsed.placeId === "string" && typeof parsed.regionId === "string" && isLiveStatus(parsed.status) ? (parsed as StatusEvent) : null;
  } catch {
    return null;
  }
}

const browserSource = (url: string): StatusSource | null => (typeof EventSource === "function" ? (new EventSource(url) as unknown as StatusSource) : null);

/** Starts following; returns the function that stops it. */
export function followLiveStatus(store: Store<AppState>, options: FollowOptions = {}): () => void {
  const open = options.open ?? browserSource;
  const statuses = new Map<string, LiveStatus>();
  let source: StatusSource | null = null;
  let region: string | null = null;
  let connected = false;
  let turn = 0;

  /** Joins the statuses to everything the store shows (the places, a search's, a picked place). */
  const apply = (): void => {
    const state = store.get();
    const now = new Date();
    const join = (features: AppState["places"]) => (features ? mergeStatuses(features, statuses, state.filters.openNow, now) : features);
    const places = join(state.places);
    const searchFeatures = state.search ? mergeStatuses({ type: "FeatureCollection", features: state.search.features, count: 0, truncated: false }, statuses, false, now).features : null;
    const picked = state.pickedPlace ? withLive(state.pickedPlace, statuses.get(state.pickedPlace.properties.id), now) : null;
    const patch: { -readonly [K in keyof AppState]?: AppState[K] } = {};
    if (places !== state.places) patch.places = places;
    if (state.search && searchFeatures !== state.search.features) patch.search = { ...state.search, features: searchFeatures! };
    if (picked !== state.pickedPlace) patch.pickedPlace = picked;
    if (Object.keys(patch).length > 0) store.update(patch);
  };

  const onStatus = (event: { data?: string }): void => {
    const parsed = parseStatusEvent(event.data);
    if (!parsed || (region !== null && parsed.regionId !== region)) return;
    const wasClosed = closedByStaff(statuses.get(parsed.placeId), new Date());
    statuses.set(parsed.placeId, parsed.status);
    apply();
    if (wasClosed && !closedByStaff(parsed.status, new Date()) && store.get().filters.openNow) options.refresh?.();
  };

  const connect = async (regionId: string): Promise<void> => {
    const mine = ++turn;
    source?.close();
    source = null;
    connected = false;
    statuses.clear();
    region = regionId;
    let after = 0;
    try {
      const loaded = await fetchRegionStatuses(regionId);
      if (mine !== turn) return;
      for (const status of loaded.statuses) statuses.set(status.placeId, status);
      after = loaded.lastChangeId;
      apply();
    } catch (error) {
      console.error(error);
    }
    if (mine !== turn) return;
    source = open(`/api/status/stream?region=${encodeURIComponent(regionId)}&after=${after}`);
    source?.addEventListener("open", () => (connected = true));
    source?.addEventListener("status", onStatus);
    source?.addEventListener("reset", () => void connect(regionId));
  };

  // What expired since it was said (a closure over at midnight) is dropped once a minute.
  const expiry = setInterval(() => {
    const now = new Date();
    let dropped = false;
    for (const [id, status] of statuses) {
      const active = activeStatus(status, now);
      if (active.opening !== status.opening || active.crowding !== status.crowding || active.notice !== status.notice) {
        statuses.set(id, active);
        dropped = true;
      }
    }
    if (dropped) apply();
  }, 60_000);

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.regionId !== null && state.regionId !== region) void connect(state.regionId);
    else if (state.places !== previous.places || state.search !== previous.search || state.pickedPlace !== previous.pickedPlace) apply();
  });
  if (store.get().regionId !== null) void connect(store.get().regionId!);

  if (typeof window !== "undefined") {
    window.__tongxingLive = {
      statusOf: (placeId) => statuses.get(placeId) ?? null,
      get open() {
        return connected;
      },
    };
  }
  return () => {
    turn++;
    clearInterval(expiry);
    unsubscribe();
    source?.close();
  };
}
