/**
 * Posting and reading ideas, for members. Every text passes the safety guard: a listed word
 * that blocks, or a child's personal information, refuses the idea with the kind
 * explanation reviews give, and nothing is stored; every child's idea then waits for a
 * moderator; an adult's is published unless the word list holds it. A child posts only
 * with a guardian's consent on file. A member's second idea with the same text is refused.
 */
import type { Member, MemberStore } from "../accounts/index.ts";
import { IDEA_PHOTOS_MAX, type IdeaKind } from "../core/api/voice.ts";
import { placeState } from "../places/index.ts";
import { type Database, isUniqueViolation } from "../platform/database/database.ts";
import { ApiError, say } from "../platform/errors.ts";
import { type Guard, type GuardResult, refusalError, refusalOf } from "../safety/index.ts";
import { processIdeaPicture } from "./idea-photos.ts";
import type { IdeaRecords } from "./idea-records.ts";
import { type PhotoRole, type StoredIdea, type IdeaStore, isPublic, layerIdea } from "./idea-store.ts";
import type { LiveIdeaLayer } from "./idea-layer.ts";
import { type PublicNear, SNAP_M, publicPin } from "./pin-privacy.ts";

/** What the service needs to place a pin: places by id, public places near a point, the nearest street point. */
export interface PinFinder {
  place(id: string): { regionId: string; name: string; lon: number; lat: number; districtCode: string | null } | null;
  near(lon: number, lat: number): PublicNear[];
  /** The nearest point of a walkable street within `withinM`, or null (none, or no street data there). */
  street(lon: number, lat: number, withinM: number): { lon: number; lat: number } | null;
  hasRegion(id: string): boolean;
}

export interface NewIdeaInput {
  kind: IdeaKind;
  title: string;
  text: string;
  placeId?: string | undefined;
  at?: [number, number] | undefined;
  region?: string | undefined;
}

/** The same words, whatever the spacing, punctuation or width: a duplicate. */
export function dedupeKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]/gu, "").slice(0, 500);
}

const asHeld = (checked: GuardResult, field: string) => checked.reasons.map((r) => ({ field, kind: r.kind, category: r.category ?? null, start: r.start, end: r.end }));

export class IdeaService {
  constructor(
    private readonly db: Database,
    private readonly store: IdeaStore,
    private readonly records: IdeaRecords,
    private readonly guard: Guard,
    private readonly members: MemberStore,
    private readonly pins: PinFinder,
    private readonly layer: LiveIdeaLayer,
  ) {}

  /** Checks texts in order; the first refusal is thrown naming its field; holds are collected. */
  checkTexts(author: Member, texts: ReadonlyArray<[field: string, text: string]>): { held: boolean; reasons: unknown[] } {
    const reasons: unknown[] = [];
    let held = false;
    for (const [field, text] of texts) {
      const checked = this.guard.check(text, author.kind);
      const refusal = refusalOf(checked, author.kind);
      if (refusal) throw refusalError(refusal, checked, field);
      if (checked.verdict === "hold") held = true;
      reasons.push(...asHeld(checked, field));
    }
    return { held, reasons };
  }

  async post(author: Member, input: NewIdeaInput): Promise<StoredIdea> {
    if (author.kind === "child" && !(await this.hasConsent(author.id))) throw new ApiError(403, "guardian_required", say("需要爸爸妈妈先在“我的”里同意，才能发想法", "a guardian's consent is needed before posting ideas"));
    const { held, reasons } = this.checkTexts(author, [["title", input.title], ["text", input.text]]);
    const where = this.where(author, input);
    const key = dedupeKey(`${input.title}\n${input.text}`);
    const duplicate = () => ApiError.conflict(say("你已经发过一样的想法了，可以去看看它的进展", "you have already posted this idea; see how it is going"));
    if (await this.store.duplicateOf(author.id, key)) throw duplicate();
    // The catalog may still hold a place another instance removed a moment ago.
    if (where.placeId !== null && (await placeState(this.db, where.placeId)) !== "served") throw ApiError.notFound(say("这个地点", "place"));
    const status = author.kind === "child" || held ? "pending" : "published";
    try {
      const id = await this.store.insert({ memberId: author.id, authorKind: author.kind, authorName: author.nickname, kind: input.kind, title: input.title, body: input.text, dedupeKey: key, status, holdReasons: reasons, ...where });
      const idea = (await this.store.get(id))!;
      this.layer.apply(layerIdea(idea), isPublic(idea));
      return idea;
    } catch (error) {
      // The same idea sent twice at once: the unique index lets one in.
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  }

  /** The public point, district and place of a new idea; the exact point only for a child's pin. */
  private where(author: Member, input: NewIdeaInput) {
    if (input.placeId !== undefined) {
      const place = this.pins.place(input.placeId);
      if (!place) throw ApiError.notFound(say("这个地点", "place"));
      return { regionId: place.regionId, placeId: input.placeId, placeName: place.name, districtCode: place.districtCode, lon: place.lon, lat: place.lat, exactLon: null, exactLat: null };
    }
    const [lon, lat] = input.at!;
    if (!input.region || !this.pins.hasRegion(input.region)) throw new ApiError(400, "invalid_body", say("请说明是哪个城市（region）", "say which region the pin is in"), "region");
    const pin = publicPin(author.kind, lon, lat, this.pins.near(lon, lat), author.kind === "child" ? this.pins.street(lon, lat, SNAP_M) : null);
    const exact = author.kind === "child";
    return { regionId: input.region, placeId: null, placeName: null, districtCode: pin.districtCode, lon: pin.lon, lat: pin.lat, exactLon: exact ? lon : null, exactLat: exact ? lat : null };
  }

  /** A guardian's agreement on file for this child (consent_records, the accounts domain's record). */
  private async hasConsent(childId: string): Promise<boolean> {
    const rows = await this.db.all<{ decision: string }>("SELECT decision FROM consent_records WHERE child_id = ? ORDER BY recorded_at DESC", [childId]);
    return rows[0]?.decision === "agreed";
  }

  /** An idea the member wrote (or, with `child`, the guardian's child wrote); 404 for anyone else. */
  async ownedBy(member: Member, ideaId: string, child?: Member): Promise<StoredIdea> {
    const idea = await this.store.get(ideaId);
    if (!idea || idea.status === "withdrawn" || idea.memberId !== (child ?? member).id) throw ApiError.notFound(say("这个想法", "idea"));
    return idea;
  }

  async isOwnOrChilds(idea: StoredIdea, member: Member | null): Promise<boolean> {
    if (!member || idea.memberId === null) return false;
    if (idea.memberId === member.id) return true;
    return (await this.members.get(idea.memberId))?.guardianId === member.id;
  }

  async withdraw(idea: StoredIdea): Promise<void> {
    await this.store.setStatus(idea.id, "withdrawn");
    this.layer.apply(layerIdea(idea), false);
  }

  /** One photo or the drawing; a child's idea goes back to a moderator to see it. */
  async addPicture(author: Member, idea: StoredIdea, upload: Buffer, role: Exclude<PhotoRole, "result">): Promise<StoredIdea> {
    const count = idea.photos.filter((p) => p.role === role).length;
    if (role === "photo" && count >= IDEA_PHOTOS_MAX) throw ApiError.conflict(say(`每个想法最多 ${IDEA_PHOTOS_MAX} 张照片`, `an idea has at most ${IDEA_PHOTOS_MAX} photos`));
    if (role === "drawing" && count >= 1) throw ApiError.conflict(say("每个想法只能有一张画", "an idea has one drawing at most"));
    if (idea.status !== "pending" && idea.status !== "published") throw ApiError.conflict(say("只能给待审核或已发布的想法加图片", "pictures can be added only to a pending or published idea"));
    const picture = await processIdeaPicture(upload, role);
    if (!picture.ok) throw new ApiError(415, "unsupported_media_type", picture.reason === "not_an_image" ? say("请发送 JPEG、PNG 或 WebP 格式的图片", "send a JPEG, PNG or WebP picture") : say("这张图片读不出来", "this picture could not be read"));
    await this.store.addPhoto(idea.id, role, picture);
    if (author.kind === "child" || idea.authorKind === "child" || idea.status === "pending") await this.store.setStatus(idea.id, "pending");
    const updated = (await this.store.get(idea.id))!;
    this.layer.apply(layerIdea(updated), isPublic(updated));
    return updated;
  }

  /** 我也想要 on a public idea, not one's own. */
  async support(member: Member, ideaId: string, on: boolean): Promise<number> {
    const idea = await this.store.get(ideaId);
    if (!idea || !isPublic(idea)) throw ApiError.notFound(say("这个想法", "idea"));
    if (idea.memberId === member.id) throw ApiError.conflict(say("这是你自己的想法，不用再支持啦", "this is your own idea"));
    const count = await this.store.support(ideaId, member.id, on);
    this.layer.apply({ ...layerIdea(idea), supportCount: count }, isPublic(idea));
    return count;
  }

  /** A comment on a public idea: a child's waits for a moderator, as reviews do. */
  async comment(author: Member, ideaId: string, body: string): Promise<string> {
    const idea = await this.store.get(ideaId);
    if (!idea || !isPublic(idea)) throw ApiError.notFound(say("这个想法", "idea"));
    const { held, reasons } = this.checkTexts(author, [["body", body]]);
    return this.records.insertComment(ideaId, author.id, body, author.kind === "child" || held ? "pending" : "published", reasons);
  }

  /** A picture for this viewer: its idea public, or the viewer's own or their child's, or moderating staff. */
  async pictureFor(photoId: string, viewer: Member | null, staff: boolean): Promise<{ mediaType: string; data: Buffer; idea: StoredIdea }> {
    const photo = await this.store.photo(photoId);
    const idea = photo ? await this.store.get(photo.ideaId) : null;
    const visible = idea && idea.status !== "withdrawn" && (isPublic(idea) || idea.status === "published" || staff || (await this.isOwnOrChilds(idea, viewer)));
    if (!photo || !idea || !visible) throw ApiError.notFound(say("这张图片", "picture"));
    return { mediaType: photo.mediaType, data: photo.data, idea };
  }
}
