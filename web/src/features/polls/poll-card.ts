/**
 * One poll as a child sees it: the question, who it is for and until when, and its options
 * as big picture tiles. While it is open, a tap on a tile votes (again: changes the vote),
 * and the chosen tile is marked; once closed, the results are pictures too: each option's
 * picture with a bar and its votes, the favourite marked, and how many of each age voted.
 */
import { AGE_BANDS, AGE_BAND_LABELS } from "../../../../src/core/api/councils-vocabulary.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { getLanguage, pick } from "../../shared/i18n.ts";
import { errorMessage } from "../family/form-parts.ts";
import { dateText } from "../../shared/date-text.ts";
import { bandsVoted, optionResults } from "./poll-format.ts";
import { pollPicture } from "./poll-pictures.ts";
import { type Poll, unvote, vote } from "./polls-api.ts";
import { pt } from "./polls-messages.ts";

const TILE_COLORS = ["#c2255c", "#1864ab", "#2b8a3e", "#d9480f", "#6741d9", "#0b7285", "#5c940d", "#495057"];

/** What the card needs: whether someone may vote here, and how to ask them to sign in. */
export interface PollCardOptions {
  readonly signedIn: boolean;
  signIn(): void;
}

function picture(option: Poll["options"][number], index: number): HTMLElement {
  const tile = el("span", { class: "poll-picture", style: `--tile-color:${TILE_COLORS[index % TILE_COLORS.length]}`, "aria-hidden": "true" });
  if (option.image) tile.append(el("img", { src: option.image, alt: "", width: 96, height: 96 }));
  else tile.innerHTML = pollPicture(option.icon);
  return tile;
}

function head(poll: Poll): HTMLElement {
  return el("div", { class: "poll-head" },
    el("h3", { class: "poll-question", id: `poll-q-${poll.id}` }, poll.question),
    el("p", { class: "poll-meta" },
      el("span", {}, pt("forAges", { min: poll.minAge, max: poll.maxAge })),
      poll.areaName ? el("span", {}, pt("areaLine", { area: poll.areaName })) : null,
      el("span", {}, poll.state === "open" ? pt("closesOn", { date: dateText(poll.closesAt, getLanguage()) }) : pt("closedOn"))));
}

function results(poll: Poll): HTMLElement {
  const rows = optionResults(poll);
  const total = poll.results?.total ?? 0;
  const bands = bandsVoted(poll, AGE_BANDS);
  return el("div", { class: "poll-results", "data-total": total },
    el("ol", { class: "poll-result-list" }, ...poll.options.map((option, i) => {
      const row = rows[i]!;
      return el("li", { class: "poll-result", "data-option": option.id, "data-votes": row.votes, "data-favourite": String(row.favourite) },
        picture(option, i),
        el("span", { class: "poll-result-text" },
          el("strong", {}, option.label, row.favourite ? el("span", { class: "favourite-tag" }, ` ★ ${pt("favourite")}`) : null),
          el("span", { class: "poll-bar", "aria-hidden": "true" }, el("span", { class: "poll-bar-fill", style: `width:${Math.round(row.share * 100)}%` })),
          el("span", { class: "poll-votes" }, pt("votesCount", { n: row.votes }))));
    })),
    el("p", { class: "poll-total" }, pt("totalVotes", { n: total })),
    bands.length ? el("p", { class: "muted poll-bands" }, pt("byAge", { bands: bands.map((b) => `${pick(AGE_BAND_LABELS[b.band])} ${b.votes}`).join(pt("listSeparator")) })) : null);
}

function ballot(poll: Poll, options: PollCardOptions, redraw: (next: Poll) => void): HTMLElement {
  const status = el("p", { class: "poll-status", role: "status" });
  const chosen = poll.options.find((o) => o.id === poll.myVote);
  if (chosen) status.textContent = pt("yourVote", { label: chosen.label });
  const tiles = poll.options.map((option, i) => {
    const button = el("button", { type: "button", class: "poll-option", "aria-pressed": String(poll.myVote === option.id), "data-option": option.id, "aria-label": pt("voteFor", { label: option.label }) },
      picture(option, i), el("span", { class: "poll-option-label", "aria-hidden": "true" }, option.label));
    button.addEventListener("click", () => {
      if (!options.signedIn) return options.signIn();
      for (const b of tiles) b.disabled = true;
      vote(poll.id, option.id).then(redraw, (error: unknown) => {
        status.textContent = pt("voteFailed", { message: errorMessage(error) });
        for (const b of tiles) b.disabled = false;
      });
    });
    return button;
  });
  const back = poll.myVote ? el("button", { type: "button", class: "button button-quiet button-small poll-unvote" }, pt("takeBack")) : null;
  back?.addEventListener("click", () => void unvote(poll.id).then(redraw, (error: unknown) => (status.textContent = pt("voteFailed", { message: errorMessage(error) }))));
  return el("div", { class: "poll-ballot", role: "group", "aria-labelledby": `poll-q-${poll.id}` },
    el("p", { class: "field-hint" }, options.signedIn ? pt("tapToVote") : pt("signInToVote")),
    el("div", { class: "poll-options" }, ...tiles), status, back);
}

/** The card of a poll; it redraws itself after a vote. */
export function pollCard(poll: Poll, options: PollCardOptions): HTMLElement {
  const card = el("article", { class: "poll-card", id: `poll-${poll.id}`, "data-poll": poll.id, "data-state": poll.state });
  const draw = (current: Poll): void => {
    card.dataset.state = current.state;
    card.dataset.myVote = current.myVote ?? "";
    replaceChildren(card, head(current), current.state === "closed" ? results(current) : ballot(current, options, draw));
  };
  draw(poll);
  return card;
}
