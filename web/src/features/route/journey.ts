/**
 * The bus tab's state and requests: the journeys of the current trip for who walks and when
 * they leave (a newer request cancels an older one), the journey chosen, and the departure
 * boards of stops opened on request. route.ts owns the trip and calls in; every change is
 * reported through `changed` so the panel and the map follow.
 */
import { getLanguage } from "../../shared/i18n.ts";
import type { Position } from "../../shared/store.ts";
import { fetchDepartures, fetchJourneys, type Journey, type JourneyProfile, type StopRef } from "./journey-api.ts";
import { localInputValue, transitJourneys } from "./journey-format.ts";
import { t } from "./journey-messages.ts";
import type { BoardView, JourneyView } from "./journey-panel.ts";
import type { RouteProfile } from "./route-api.ts";
import { ApiError } from "../../shared/api.ts";

/** Who walks a journey's legs: a child on a bike walks with the child profile. */
export function journeyProfile(profile: RouteProfile): JourneyProfile {
  return profile === "child-bike" ? "child-walk" : profile;
}

/** Where and how the journeys are asked for. */
export interface JourneyTrip {
  readonly from: Position;
  readonly to: Position;
  readonly profile: RouteProfile;
  readonly timeZone: string;
}

/** The bus tab of one trip at a time. */
export class JourneyTab {
  private state: JourneyView = { status: "idle", answer: null, chosen: 0, error: null, depart: null, now: "", boards: new Map() };
  private trip: JourneyTrip | null = null;
  private request: AbortController | undefined;
  private boardRequests = new Map<string, AbortController>();

  constructor(private readonly changed: () => void) {}

  /** What the panel shows now. */
  get view(): JourneyView {
    return this.state;
  }

  /** The journey chosen, when there is one. */
  chosenJourney(): Journey | undefined {
    return transitJourneys(this.state.answer)[this.state.chosen];
  }

  /** Asks for the journeys of a trip (the departure time stays as chosen). */
  async compute(trip: JourneyTrip): Promise<void> {
    this.trip = trip;
    this.abort();
    const request = new AbortController();
    this.request = request;
    const now = localInputValue(new Date(), trip.timeZone);
    this.set({ status: "loading", answer: null, chosen: 0, error: null, now, boards: new Map() });
    try {
      const answer = await fetchJourneys({ from: trip.from, to: trip.to, profile: journeyProfile(trip.profile), depart: this.state.depart, lang: getLanguage() }, request.signal);
      if (this.request !== request) return;
      this.set({ status: "ready", answer });
    } catch (error) {
      if (request.signal.aborted) return;
      const notHere = error instanceof ApiError && (error.status === 404 || error.code === "outside_region");
      this.set({ status: "error", error: t(notHere ? "journeyNotHere" : "journeyFailed") });
    }
  }

  /** A new departure time (null: now): the journeys are asked again. */
  setDepart(depart: string | null): void {
    this.set({ depart });
    if (this.trip) void this.compute(this.trip);
  }

  choose(index: number): void {
    if (index === this.state.chosen || !transitJourneys(this.state.answer)[index]) return;
    this.set({ chosen: index, boards: new Map() });
  }

  /** Opens a stop's next departures (from the chosen journey's time), or closes them. */
  async toggleBoard(stop: StopRef): Promise<void> {
    const region = this.state.answer?.region;
    if (!region) return;
    const boards = new Map(this.state.boards);
    if (boards.has(stop.id)) {
      this.boardRequests.get(stop.id)?.abort();
      boards.delete(stop.id);
      this.set({ boards });
      return;
    }
    const request = new AbortController();
    this.boardRequests.set(stop.id, request);
    this.setBoard(stop.id, { status: "loading" });
    try {
      const answer = await fetchDepartures({ region, stop: stop.id, at: this.chosenJourney()?.departure ?? null, lang: getLanguage() }, request.signal);
      if (!request.signal.aborted) this.setBoard(stop.id, { status: "ready", answer });
    } catch {
      if (!request.signal.aborted) this.setBoard(stop.id, { status: "error" });
    }
  }

  /** Cancels what is being asked (the trip is over or asked again). */
  abort(): void {
    this.request?.abort();
    this.request = undefined;
    for (const request of this.boardRequests.values()) request.abort();
    this.boardRequests.clear();
  }

  /** The trip is over: back to nothing asked, leaving now. */
  reset(): void {
    this.abort();
    this.trip = null;
    this.state = { status: "idle", answer: null, chosen: 0, error: null, depart: null, now: "", boards: new Map() };
  }

  private setBoard(stopId: string, board: BoardView): void {
    if (board.status !== "loading" && !this.state.boards.has(stopId)) return;
    this.set({ boards: new Map(this.state.boards).set(stopId, board) });
  }

  private set(patch: Partial<JourneyView>): void {
    this.state = { ...this.state, ...patch };
    this.changed();
  }
}
