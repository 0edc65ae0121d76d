/**
 * Polls on the staff page: start one (a question, 2–8 options each with a picture, an age
 * range, the region and a closing time; a planner's site suggestion arrives in the hash as
 * `#polls?lat=…&lon=…&kind=…&minutes=…` and is kept with the poll), see each poll's state,
 * close one now, and read the results once closed.
 */
import { POLL_ICONS, POLL_LIMITS, type PollIcon } from "../../../../src/core/api/councils-vocabulary.ts";
import type { NewPollInput } from "../../../../src/core/api/polls.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { errorText } from "../../shared/error-text.ts";
import type { StaffContext } from "../accounts/staff-context.ts";
import { pollCard } from "../polls/poll-card.ts";
import { defaultClosing, localToIso } from "../polls/poll-format.ts";
import { pollPicture } from "../polls/poll-pictures.ts";
import { type Poll, closePoll, fetchPolls, startPoll } from "../polls/polls-api.ts";
import { pollSuggestion } from "./voice-staff-rules.ts";
import { st } from "./staff-voice-messages.ts";

const DEFAULT_REGION = "hengyang";

function optionRow(n: number, remove: (row: HTMLElement) => void): HTMLElement {
  const label = el("input", { class: "input poll-option-input", maxlength: POLL_LIMITS.optionLabelMax, required: true, id: `poll-option-${n}`, "aria-label": st("optionLabel", { n }) });
  const icon = el("select", { class: "select poll-icon-select", "aria-label": st("optionIcon") }, ...POLL_ICONS.map((name) => el("option", { value: name }, name)));
  const preview = el("span", { class: "poll-picture poll-icon-preview", style: "--tile-color:#1864ab", "aria-hidden": "true" });
  const draw = (): void => void (preview.innerHTML = pollPicture(icon.value as PollIcon));
  icon.addEventListener("change", draw);
  draw();
  const drop = el("button", { type: "button", class: "button button-quiet button-small" }, st("removeOption"));
  const row = el("li", { class: "poll-option-row" }, preview, label, icon, drop);
  drop.addEventListener("click", () => remove(row));
  return row;
}

function newPollForm(context: StaffContext, refresh: () => void): HTMLElement {
  const suggestion = pollSuggestion(location.hash);
  const question = el("input", { id: "poll-question", class: "input", maxlength: POLL_LIMITS.questionMax, required: true });
  const list = el("ol", { class: "poll-option-rows" });
  let count = 0;
  const remove = (row: HTMLElement): void => {
    if (list.children.length > POLL_LIMITS.minOptions) row.remove();
  };
  const add = (): void => {
    if (list.children.length < POLL_LIMITS.maxOptions) list.append(optionRow(++count, remove));
  };
  add();
  add();
  const more = el("button", { type: "button", class: "button button-quiet button-small", id: "poll-add-option" }, st("addOption"));
  more.addEventListener("click", add);
  const minAge = el("input", { id: "poll-min-age", class: "input", type: "number", min: POLL_LIMITS.minAge, max: POLL_LIMITS.maxAge, value: 6 });
  const maxAge = el("input", { id: "poll-max-age", class: "input", type: "number", min: POLL_LIMITS.minAge, max: POLL_LIMITS.maxAge, value: 12 });
  const region = el("input", { id: "poll-region", class: "input", value: DEFAULT_REGION, maxlength: 60 });
  const closes = el("input", { id: "poll-closes", class: "input", type: "datetime-local", value: defaultClosing() });
  const status = el("p", { class: "form-message", role: "status" });
  const submit = el("button", { type: "submit", class: "button button-primary", id: "poll-start" }, st("startPoll"));
  const field = (label: string, input: HTMLElement): HTMLElement => el("div", { class: "form-field" }, el("label", { for: input.id, class: "field-label" }, label), input);
  const form = el("form", { class: "staff-poll-form", id: "poll-form" },
    field(st("question"), question),
    el("p", { class: "field-label" }, st("options")), list, more,
    el("div", { class: "poll-form-row" }, field(st("minAge"), minAge), field(st("maxAge"), maxAge), field(st("pollRegion"), region), field(st("closesAt"), closes)),
    suggestion ? el("p", { class: "muted", id: "poll-suggestion" }, st("fromSuggestion", { lat: suggestion.lat.toFixed(5), lon: suggestion.lon.toFixed(5) })) : null,
    el("div", { class: "form-actions" }, submit), status);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const options = [...list.querySelectorAll("li")].map((row) => ({
      label: row.querySelector<HTMLInputElement>(".poll-option-input")?.value.trim() ?? "",
      icon: (row.querySelector<HTMLSelectElement>(".poll-icon-select")?.value ?? "other") as PollIcon,
    }));
    const input: NewPollInput = {
      question: question.value.trim(), options, minAge: Number(minAge.value), maxAge: Number(maxAge.value),
      regionId: region.value.trim(), closesAt: localToIso(closes.value), fromSuggestion: suggestion,
    };
    submit.disabled = true;
    startPoll(input).then(() => {
      context.say(st("pollStarted"));
      refresh();
    }, (error: unknown) => {
      status.textContent = errorText(error);
      submit.disabled = false;
    });
  });
  return el("details", { class: "staff-box", open: suggestion !== null }, el("summary", { class: "button button-primary", id: "poll-new" }, st("newPoll")), form);
}

function pollItem(context: StaffContext, poll: Poll, refresh: () => void): HTMLElement {
  const close = poll.state === "open" ? el("button", { type: "button", class: "button button-warning button-small", "data-action": "close-poll" }, st("closePoll")) : null;
  close?.addEventListener("click", () => {
    close.disabled = true;
    closePoll(poll.id).then(() => {
      context.say(st("pollClosed"));
      refresh();
    }, (error: unknown) => {
      context.say(errorText(error), "warning");
      close.disabled = false;
    });
  });
  return el("li", { class: "staff-poll", "data-poll": poll.id },
    el("p", { class: "unit-task-meta" }, el("span", { class: "state-badge", "data-state": poll.state === "open" ? "submitted" : "approved" }, st(poll.state === "open" ? "pollOpen" : "pollDone")),
      el("a", { href: `/polls.html?poll=${encodeURIComponent(poll.id)}`, target: "_blank", rel: "noopener" }, st("openPublic")), close),
    pollCard(poll, { signedIn: false, signIn: () => undefined }));
}

/** The polls view. */
export async function showStaffPolls(context: StaffContext, slot: HTMLElement): Promise<void> {
  const polls = await fetchPolls();
  const refresh = (): void => {
    if (location.hash.startsWith("#polls?")) history.replaceState(null, "", "#polls");
    void showStaffPolls(context, slot);
  };
  replaceChildren(
    slot,
    el("h2", { class: "view-title", tabindex: -1 }, st("pollsTitle")),
    el("p", { class: "muted" }, st("pollsIntro")),
    newPollForm(context, refresh),
    polls.length === 0 ? el("p", { class: "empty-note" }, st("noPolls")) : el("ul", { class: "staff-polls" }, ...polls.map((poll) => pollItem(context, poll, refresh))),
  );
}
