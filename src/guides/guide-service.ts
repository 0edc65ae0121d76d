/**
 * Writing and reading guides. Every text (title, summary, team, each stop's note) passes
 * the safety guard: a blocked word from anyone, or a child's personal information, refuses
 * the guide and nothing is stored; a child's guide then always waits for a moderator (and
 * needs a guardian's consent on file, as children's reviews and ideas do); an adult's or
 * staff guide is published unless the guard holds it or its classifier score is high
 * (RISK_HOLD_SCORE, the adult rule of reviews). Stops must be places the map serves, all
 * in one region. Legs are computed on writing and again when a stop's place has moved.
 */
import type { Member, MemberStore } from "../accounts/index.ts";
import { GUIDE_LIMITS, type GuideInput, type GuideLegFeature } from "../core/api/guides.ts";
import type { Place } from "../core/place.ts";
import { placeState } from "../places/index.ts";
import { processPhoto } from "../reviews/index.ts";
import type { Database } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";
import { type Guard, RISK_HOLD_SCORE, refusalError, refusalOf } from "../safety/index.ts";
import { type LegPorts, assembleLegs, legsKey } from "./guide-legs.ts";
import { type PlaceLookup, stopPoints } from "./guide-presenter.ts";
import type { GuideStore, StoredGuide } from "./guide-store.ts";

/** Who writes: a family member (a child in a team, or an adult), or staff credited by unit. */
export type GuideAuthor =
  | { kind: "member"; member: Member }
  | { kind: "staff"; userId: string; name: string };

export interface GuideServiceDeps {
  db: Database;
  store: GuideStore;
  guard: Guard;
  members: MemberStore;
  places: PlaceLookup;
  /** The legs' ports for a region (router, bus planner). */
  ports(regionId: string): LegPorts;
}

export class GuideService {
  constructor(private readonly deps: GuideServiceDeps) {}

  async write(author: GuideAuthor, input: GuideInput): Promise<StoredGuide> {
    const child = author.kind === "member" && author.member.kind === "child";
    if (child && !(await this.hasConsent(author.member.id))) throw new ApiError(403, "guardian_required", say("需要爸爸妈妈先在“我的”里同意，才能写攻略", "a guardian's consent is needed before writing guides"));
    const { held, reasons } = this.checkTexts(child ? "child" : "adult", input);
    const places = this.stopPlaces(input);
    for (const [i, place] of places.entries()) {
      // The catalog may still hold a place another instance removed a moment ago.
      if ((await placeState(this.deps.db, place.id)) !== "served") throw ApiError.invalid(`stops.${i}.placeId`, say("这个地点已经不在地图上了", "this place is no longer on the map"));
    }
    const status = child || held ? "pending" : "published";
    const id = await this.deps.store.insert({
      kind: input.kind, title: input.title, summary: input.summary, theme: input.theme, ageMin: input.ageMin, ageMax: input.ageMax,
      minutes: input.minutes, cost: input.cost, stroller: input.stroller, wheelchair: input.wheelchair, regionId: places[0]!.regionId,
      memberId: author.kind === "member" ? author.member.id : null, staffId: author.kind === "staff" ? author.userId : null,
      authorKind: author.kind === "staff" ? "staff" : author.member.kind, authorName: author.kind === "staff" ? author.name : author.member.nickname,
      team: input.team ?? null, status, holdReasons: reasons,
      stops: input.stops.map((s, i) => ({ placeId: s.placeId, note: s.note ?? "", name: places[i]!.name.zh ?? places[i]!.name.en ?? s.placeId, lon: places[i]!.lon, lat: places[i]!.lat })),
    });
    const guide = (await this.deps.store.get(id))!;
    await this.legs(guide);
    return (await this.deps.store.get(id))!;
  }

  /** The guide's legs: the cached ones while its stops' places stay where they were, else computed again and kept. */
  async legs(guide: StoredGuide): Promise<GuideLegFeature[]> {
    const points = stopPoints(guide, this.deps.places);
    const key = legsKey(points, guide.stroller);
    if (guide.legs && guide.legsKey === key) return guide.legs;
    const legs = assembleLegs(points, guide.stroller, this.deps.ports(guide.regionId));
    await this.deps.store.saveLegs(guide.id, legs, key);
    return legs;
  }

  /** Whether the member wrote it, or is the guardian of the child who did. */
  async isOwnOrChilds(guide: StoredGuide, member: Member | null): Promise<boolean> {
    if (!member || guide.memberId === null) return false;
    if (guide.memberId === member.id) return true;
    return (await this.deps.members.get(guide.memberId))?.guardianId === member.id;
  }

  /**
   * A photo of one stop, cleaned as review photos are (type from its bytes, upright, shrunk,
   * metadata dropped). A child's guide goes back to a moderator with it; an adult's or staff
   * guide keeps its status (a moderator sees the photos with the guide when it is reported).
   */
  async addPhoto(guide: StoredGuide, position: number, bytes: Buffer): Promise<StoredGuide> {
    const stop = guide.stops[position];
    if (!stop) throw ApiError.notFound(say("这个地点", "stop"));
    if (stop.photoIds.length >= GUIDE_LIMITS.photosPerStop) throw ApiError.conflict(say(`每个地点最多 ${GUIDE_LIMITS.photosPerStop} 张照片`, `at most ${GUIDE_LIMITS.photosPerStop} photos a stop`));
    const photo = await processPhoto(bytes);
    if (!photo.ok) throw new ApiError(415, "unsupported_media_type", say("请发送 JPEG、PNG 或 WebP 格式的照片", "send a JPEG, PNG or WebP photo"));
    await this.deps.store.addPhoto(guide.id, position, photo, guide.authorKind === "child" && guide.status === "published" ? "pending" : null);
    return (await this.deps.store.get(guide.id))!;
  }

  async withdraw(guide: StoredGuide): Promise<void> {
    await this.deps.store.setStatus(guide.id, "withdrawn");
  }

  /** The guard over every text; throws the 422 of the first refused one; `held` when one is held (or, from an adult, risky), with the guard's reasons. */
  private checkTexts(audience: "child" | "adult", input: GuideInput): { held: boolean; reasons: unknown[] } {
    const texts: Array<[string, string]> = [["title", input.title], ["summary", input.summary]];
    if (input.team) texts.push(["team", input.team]);
    input.stops.forEach((s, i) => s.note && texts.push([`stops.${i}.note`, s.note]));
    let held = false;
    const reasons: unknown[] = [];
    for (const [field, text] of texts) {
      const checked = this.deps.guard.check(text, audience);
      const refusal = refusalOf(checked, audience);
      if (refusal) throw refusalError(refusal, checked, field);
      if (checked.verdict === "hold" || (checked.score ?? 0) >= RISK_HOLD_SCORE) held = true;
      reasons.push(...checked.reasons.map((r) => ({ field, kind: r.kind, category: r.category ?? null, start: r.start, end: r.end })));
    }
    return { held, reasons };
  }

  /** Each stop's place from the map, all in one region. */
  private stopPlaces(input: GuideInput): Place[] {
    const places = input.stops.map((s, i) => {
      const place = this.deps.places(s.placeId);
      if (!place) throw ApiError.invalid(`stops.${i}.placeId`, say("地图上没有这个地点", "no such place on the map"));
      return place;
    });
    if (places.some((p) => p.regionId !== places[0]!.regionId)) throw ApiError.invalid("stops", say("一条攻略的地点要在同一个城市", "all stops of a guide must be in one region"));
    return places;
  }

  /** A guardian's agreement on file for this child (consent_records, the accounts domain's record). */
  private async hasConsent(childId: string): Promise<boolean> {
    const rows = await this.deps.db.all<{ decision: string }>("SELECT decision FROM consent_records WHERE child_id = ? ORDER BY recorded_at DESC", [childId]);
    return rows[0]?.decision === "agreed";
  }
}
