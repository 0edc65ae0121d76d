/**
 * The children's polls page (polls.html): open polls to vote on with a tap on a picture, and
 * the results of closed ones in pictures. Votes need a member's session (the same cookie as
 * the map's "我的"); a link `?poll=<id>` scrolls to one poll.
 */
import "../../shared/styles.css";
import "../progress/progress.css";
import "../family/family.css";
import "./polls.css";
import { byId, el, replaceChildren } from "../../shared/dom.ts";
import { getLanguage, initLanguage, onLanguageChange } from "../../shared/i18n.ts";
import { mountPageFrame } from "../../shared/page-frame.ts";
import { fetchMember } from "../family/family-api.ts";
import { pollCard } from "./poll-card.ts";
import { type Poll, fetchPolls } from "./polls-api.ts";
import { pt } from "./polls-messages.ts";

initLanguage();
const main = byId("polls");
mountPageFrame(byId("page-header"), "polls", () => pt("pollsTitle"));

let loaded: { polls: Poll[]; signedIn: boolean } | null = null;

function section(id: string, title: string, ...body: Array<Node | null>): HTMLElement {
  return el("section", { class: "page-section", "aria-labelledby": id }, el("h2", { id, class: "section-title" }, title), ...body);
}

function render(): void {
  if (!loaded) return;
  const { polls, signedIn } = loaded;
  const card = (poll: Poll): HTMLElement => pollCard(poll, { signedIn, signIn: () => location.assign(`/?lang=${getLanguage()}`) });
  const open = polls.filter((p) => p.state === "open");
  const closed = polls.filter((p) => p.state === "closed");
  replaceChildren(
    main,
    el("div", { class: "page-hero" },
      el("p", { class: "hero-kicker" }, pt("pollsKicker")),
      el("h1", { class: "hero-title" }, pt("pollsTitle")),
      el("p", { class: "hero-note" }, pt("pollsIntro")),
      signedIn ? null : el("p", { class: "hero-note" }, pt("signInToVote"), " ", el("a", { href: `/?lang=${getLanguage()}`, class: "link-button" }, pt("goSignIn")))),
    section("polls-open", pt("openPolls"), open.length ? el("div", { class: "poll-list" }, ...open.map(card)) : el("p", { class: "muted" }, pt("noOpenPolls"))),
    section("polls-closed", pt("closedPolls"), closed.length ? el("div", { class: "poll-list" }, ...closed.map(card)) : el("p", { class: "muted" }, pt("noClosedPolls"))),
  );
  main.dataset.status = "ready";
  const linked = new URLSearchParams(location.search).get("poll");
  if (linked) document.getElementById(`poll-${linked}`)?.scrollIntoView({ block: "start" });
}

async function start(): Promise<void> {
  try {
    const region = new URLSearchParams(location.search).get("region") ?? undefined;
    const [polls, member] = await Promise.all([fetchPolls({ region }), fetchMember()]);
    loaded = { polls, signedIn: member !== null };
    render();
  } catch (error) {
    main.dataset.status = "error";
    replaceChildren(main, el("p", { class: "error-note", role: "alert" }, pt("loadFailed")));
    console.error(error);
  }
}

onLanguageChange(render);
void start();
