/**
 * Polls for children: who may start one (staff who ask, a planner from a coverage
 * suggestion), who may vote (a child of the age asked; of the council when the poll is a
 * council's), one vote per child changeable until closing, and what anyone sees: the
 * question and pictures while open, counts per option and age band once closed.
 */
import type { Member, StaffUser } from "../../accounts/index.ts";
import type { PollAnswer } from "../../core/api/polls.ts";
import { ageBandOf, ageMayBeWithin, type PollIcon } from "../../core/api/councils-vocabulary.ts";
import { ApiError, say } from "../../platform/errors.ts";
import { runs } from "../councils/organisers.ts";
import { processOptionImage } from "./poll-images.ts";
import { isClosed, type PollStore, type StoredPoll, type Suggestion } from "./poll-store.ts";

/** What starting a poll takes, as the contract parsed it. */
export interface PollInput {
  question: string;
  options: Array<{ label: string; icon: PollIcon | null }>;
  minAge: number;
  maxAge: number;
  regionId: string;
  divisionCode: string | null;
  closesAt: string;
  councilId: string | null;
  fromSuggestion: Suggestion | null;
}

/** What the service asks of the rest of the app. */
export interface PollWorld {
  hasRegion(id: string): boolean;
  divisionName(code: string | null): string | null;
  councilExists(id: string): Promise<boolean>;
}

const notFound = () => ApiError.notFound(say("这个投票", "poll"));
const closedError = () => ApiError.conflict(say("这个投票已经结束了", "this poll has closed"));

export class PollService {
  constructor(private readonly store: PollStore, private readonly world: PollWorld) {}

  async start(user: StaffUser, input: PollInput, now = new Date()): Promise<StoredPoll> {
    if (!this.world.hasRegion(input.regionId)) throw ApiError.invalid("regionId", say("没有这个地区", "no such region"));
    if (input.divisionCode && !this.world.divisionName(input.divisionCode)) throw ApiError.invalid("divisionCode", say("没有这个区划", "no such division"));
    if (new Date(input.closesAt).getTime() <= now.getTime()) throw ApiError.invalid("closesAt", say("结束时间要在现在之后", "the closing time must be in the future"));
    if (input.councilId && !(await this.world.councilExists(input.councilId))) throw ApiError.invalid("councilId", say("没有这个议事会", "no such council"));
    const id = await this.store.insert({ ...input, suggestion: input.fromSuggestion, createdBy: user.id, createdUnit: user.unitId });
    return (await this.store.get(id))!;
  }

  async get(id: string): Promise<StoredPoll> {
    const poll = await this.store.get(id);
    if (!poll) throw notFound();
    return poll;
  }

  /** A poll its maker, a colleague of the same unit, or an admin may change; 403 for other staff. */
  async runBy(user: StaffUser, id: string): Promise<StoredPoll> {
    const poll = await this.get(id);
    if (!runs(user, poll.createdBy, poll.createdUnit)) throw ApiError.forbidden(say("只有发起这个投票的人或单位可以修改它", "only whoever started this poll, or their unit, may change it"));
    return poll;
  }

  async vote(member: Member, id: string, optionId: string, now = new Date()): Promise<void> {
    const { poll, birthYear } = await this.mayVote(member, id, now);
    if (!poll.options.some((o) => o.id === optionId)) throw ApiError.invalid("optionId", say("没有这个选项", "no such option"));
    const band = ageBandOf(birthYear, now.toISOString().slice(0, 10));
    if (!(await this.store.vote(poll.id, member.id, optionId, band, now))) throw closedError();
  }

  async unvote(member: Member, id: string, now = new Date()): Promise<void> {
    const { poll } = await this.mayVote(member, id, now);
    if (!(await this.store.unvote(poll.id, member.id, now))) throw closedError();
  }

  /** The member, if a child: polls are for children (403 for adults). */
  voter(member: Member): Member {
    if (member.kind !== "child") throw ApiError.forbidden(say("投票是给孩子们的，请让孩子用自己的账号投票", "polls are for children: let the child vote with their own account"));
    return member;
  }

  private async mayVote(member: Member, id: string, now: Date): Promise<{ poll: StoredPoll; birthYear: number }> {
    this.voter(member);
    const poll = await this.get(id);
    if (isClosed(poll, now)) throw closedError();
    const today = now.toISOString().slice(0, 10);
    if (member.birthYear === null || !ageMayBeWithin(member.birthYear, today, poll.minAge, poll.maxAge)) {
      throw ApiError.forbidden(say(`这个投票是问 ${poll.minAge}–${poll.maxAge} 岁的小朋友的`, `this poll asks children aged ${poll.minAge}–${poll.maxAge}`));
    }
    if (poll.councilId && !(await this.store.inCouncil(poll.councilId, member.id))) throw ApiError.forbidden(say("这个投票只请议事会的成员参加", "this poll is for the council's members"));
    return { poll, birthYear: member.birthYear };
  }

  async close(user: StaffUser, id: string, now = new Date()): Promise<StoredPoll> {
    const poll = await this.runBy(user, id);
    if (!(await this.store.close(poll.id, now))) throw closedError();
    return this.get(id);
  }

  async setImage(user: StaffUser, id: string, optionId: string, upload: Buffer, now = new Date()): Promise<StoredPoll> {
    const poll = await this.runBy(user, id);
    if (!poll.options.some((o) => o.id === optionId)) throw ApiError.notFound(say("这个选项", "option"));
    if (isClosed(poll, now)) throw closedError();
    const image = await processOptionImage(upload);
    if (!image.ok) throw new ApiError(415, "unsupported_media_type", image.reason === "not_an_image" ? say("请发送 JPEG、PNG 或 WebP 格式的图片", "send a JPEG, PNG or WebP image") : say("这张图片读不出来", "this image could not be read"));
    await this.store.setImage(optionId, image);
    return this.get(id);
  }

  async image(id: string, optionId: string): Promise<{ mediaType: string; data: Buffer }> {
    const image = await this.store.image(id, optionId);
    if (!image) throw ApiError.notFound(say("这张图片", "image"));
    return image;
  }

  /** The poll as `viewer` sees it: their vote, and the results once it is closed. */
  async present(poll: StoredPoll, viewer: Member | null, now = new Date()): Promise<PollAnswer> {
    const closed = isClosed(poll, now);
    return {
      id: poll.id,
      question: poll.question,
      options: poll.options.map((o) => ({ id: o.id, label: o.label, icon: o.icon, image: o.hasImage ? `/api/polls/${poll.id}/options/${o.id}/image` : null })),
      minAge: poll.minAge,
      maxAge: poll.maxAge,
      regionId: poll.regionId,
      divisionCode: poll.divisionCode,
      areaName: this.world.divisionName(poll.divisionCode),
      councilId: poll.councilId,
      fromSuggestion: poll.suggestion,
      closesAt: poll.closedAt ?? poll.closesAt,
      state: closed ? "closed" : "open",
      createdAt: poll.createdAt,
      myVote: viewer?.kind === "child" ? await this.store.voteOf(poll.id, viewer.id) : null,
      results: closed ? await this.store.results(poll) : null,
    };
  }
}
