/**
 * What the planner analyses: the city, and a standard — one of the GB 50180 presets
 * (儿童游乐场（5分钟）…) or custom kinds of place and walking minutes. Choosing a preset
 * fills the custom fields with its kinds and minutes, so "custom" starts from it. Cities
 * without street data stay in the list, marked, so nobody wonders where they went.
 */
import { KIND_LABELS } from "../../../../src/core/kinds.ts";
import { MAX_ACCESS_MINUTES, MIN_ACCESS_MINUTES } from "../../../../src/core/life-circles.ts";
import type { Region } from "../../shared/api.ts";
import { el } from "../../shared/dom.ts";
import { pick } from "../../shared/i18n.ts";
import { t } from "./planner-messages.ts";
import type { AccessStandard } from "./planner-api.ts";

/** The analysis chosen: a region and a preset (or null for custom) with its kinds and minutes. */
export interface Choice {
  readonly region: string;
  readonly standard: string | null;
  readonly kinds: readonly string[];
  readonly minutes: number;
}

/** What the controls offer. */
export interface ControlOptions {
  readonly regions: readonly Region[];
  /** Regions whose coverage the server can work out. */
  readonly available: ReadonlySet<string>;
  readonly standards: readonly AccessStandard[];
}

const CUSTOM = "custom";
const DEBOUNCE_MS = 350;

/** The standard's name: the preset's label, or the custom kinds and minutes. */
export function standardName(choice: Choice, standards: readonly AccessStandard[]): string {
  const preset = standards.find((s) => s.id === choice.standard);
  if (preset) return pick(preset.label);
  const kinds = choice.kinds.map((k) => pick(KIND_LABELS[k] ?? { zh: k, en: k })).join(t("listSeparator"));
  return t("customName", { kinds, minutes: choice.minutes });
}

function regionSelect(options: ControlOptions, chosen: string): HTMLSelectElement {
  const items = options.regions.map((r) => {
    const name = pick(r.name);
    return el("option", { value: r.id, selected: r.id === chosen }, options.available.has(r.id) ? name : t("regionNoData", { name }));
  });
  return el("select", { id: "planner-region", name: "region", class: "select" }, ...items);
}

function standardSelect(standards: readonly AccessStandard[], chosen: string | null): HTMLSelectElement {
  const presets = standards.map((s) => el("option", { value: s.id, selected: s.id === chosen }, pick(s.label)));
  return el("select", { id: "planner-standard", name: "standard", class: "select" }, ...presets, el("option", { value: CUSTOM, selected: chosen === null }, t("customStandard")));
}

function kindBoxes(chosen: readonly string[]): HTMLElement[] {
  return Object.entries(KIND_LABELS).map(([kind, label]) =>
    el(
      "li",
      { class: "kind-option" },
      el("input", { type: "checkbox", id: `kind-${kind}`, name: "kind", value: kind, checked: chosen.includes(kind) }),
      el("label", { for: `kind-${kind}` }, pick(label)),
    ),
  );
}

/**
 * The controls; `changed` hears every new complete choice (custom edits a moment after the
 * last keystroke). An incomplete custom choice (no kind ticked) says so and is not sent.
 */
export function plannerControls(options: ControlOptions, initial: Choice, changed: (choice: Choice) => void): HTMLElement {
  const region = regionSelect(options, initial.region);
  const standard = standardSelect(options.standards, initial.standard);
  const minutes = el("input", { id: "planner-minutes", name: "minutes", type: "number", class: "input minutes-input", min: MIN_ACCESS_MINUTES, max: MAX_ACCESS_MINUTES, step: 1, inputmode: "numeric", value: initial.minutes });
  const legend = el("legend", { class: "field-label" });
  const kinds = el("fieldset", { class: "kind-field", id: "planner-kinds" }, legend, el("ul", { class: "kind-options" }, ...kindBoxes(initial.kinds)));
  const message = el("p", { class: "form-message", role: "status" });
  const custom = el("div", { class: "custom-fields", hidden: initial.standard !== null }, kinds, el("div", { class: "minutes-field" }, el("label", { for: "planner-minutes", class: "field-label" }, t("walkMinutes")), minutes), message);
  const ticked = (): string[] => [...kinds.querySelectorAll<HTMLInputElement>("input:checked")].map((box) => box.value);
  const countKinds = (): void => {
    legend.textContent = t("kindsChosen", { n: ticked().length });
  };
  countKinds();

  const read = (): Choice | null => {
    const preset = options.standards.find((s) => s.id === standard.value);
    if (preset) return { region: region.value, standard: preset.id, kinds: preset.kinds, minutes: preset.minutes };
    const chosenKinds = ticked();
    const value = Math.round(Number(minutes.value));
    if (chosenKinds.length === 0) {
      message.textContent = t("pickKinds");
      return null;
    }
    message.textContent = "";
    const clamped = Math.min(MAX_ACCESS_MINUTES, Math.max(MIN_ACCESS_MINUTES, Number.isFinite(value) ? value : MIN_ACCESS_MINUTES));
    return { region: region.value, standard: null, kinds: chosenKinds, minutes: clamped };
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = (delay: number): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const choice = read();
      if (choice) changed(choice);
    }, delay);
  };

  region.addEventListener("change", () => send(0));
  standard.addEventListener("change", () => {
    const preset = options.standards.find((s) => s.id === standard.value);
    custom.hidden = preset !== undefined;
    if (preset) {
      for (const box of kinds.querySelectorAll<HTMLInputElement>("input")) box.checked = preset.kinds.includes(box.value);
      minutes.value = String(preset.minutes);
      countKinds();
    }
    send(0);
  });
  kinds.addEventListener("change", () => {
    countKinds();
    send(DEBOUNCE_MS);
  });
  minutes.addEventListener("input", () => send(DEBOUNCE_MS * 2));
  minutes.addEventListener("change", () => send(0));

  const form = el(
    "form",
    { class: "planner-controls", id: "planner-controls", "aria-label": t("coverageStandard") },
    el("div", { class: "control" }, el("label", { for: "planner-region", class: "field-label" }, t("region")), region),
    el("div", { class: "control control-standard" }, el("label", { for: "planner-standard", class: "field-label" }, t("coverageStandard")), standard),
    custom,
  );
  // Enter in the minutes field applies them rather than reloading the page.
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(0);
  });
  return form;
}
