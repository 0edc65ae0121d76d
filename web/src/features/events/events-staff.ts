/**
 * The venue staff's part of the events page, behind the staff sign-in (the staff page's own
 * form): pick one of the venues the account runs (an administrator types a place id), see
 * its events whatever their status, and publish, edit or cancel one. The server checks
 * everything again; a refused field is named and focused, and a held text is said to wait
 * for a moderator.
 */
import { EVENT_BOOKINGS, EVENT_BOOKING_LABELS, EVENT_KINDS, EVENT_KIND_LABELS, EVENT_PRICES, EVENT_PRICE_LABELS, EVENT_STATUS_LABELS, WEEKDAYS } from "../../../../src/core/api/events-vocabulary.ts";
import { ApiError } from "../../shared/api.ts";
import { el, replaceChildren } from "../../shared/dom.ts";
import { errorText } from "../../shared/error-text.ts";
import { getLanguage, pick } from "../../shared/i18n.ts";
import { announce } from "../../shared/toast.ts";
import { signInForm } from "../accounts/staff-sign-in-form.ts";
import { type StaffUser, fetchMe, signOut } from "../accounts/staff-session-api.ts";
import { type EventAnswer, type EventInput, cancelEvent, changeEvent, fetchPlaceEvents, publishEvent } from "./events-api.ts";
import { t } from "./events-messages.ts";

const WEEKDAY_WORDS = { zh: ["周一", "周二", "周三", "周四", "周五", "周六", "周日"], en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] };

const input = (name: string, attributes: Record<string, string | number | boolean> = {}) => el("input", { id: `evf-${name}`, name, class: "input", ...attributes });
const choice = <T extends string>(name: string, values: readonly T[], label: (v: T) => string) => el("select", { id: `evf-${name}`, name, class: "select" }, ...values.map((v) => el("option", { value: v }, label(v))));
const field = (name: string, label: string, control: HTMLElement) => el("div", { class: "form-field ev-field" }, el("label", { for: `evf-${name}`, class: "field-label" }, label), control);

/** The form's controls, by field name. */
function eventForm(): { form: HTMLFormElement; read(placeId: string): EventInput; fill(event: EventAnswer | null): void } {
  const c = {
    title: input("title", { required: true, maxlength: 80 }),
    description: el("textarea", { id: "evf-description", name: "description", class: "input", rows: 3, maxlength: 2000 }),
    kind: choice("kind", EVENT_KINDS, (k) => pick(EVENT_KIND_LABELS[k])),
    startDate: input("startDate", { type: "date", required: true }),
    startTime: input("startTime", { type: "time", required: true, value: "10:00" }),
    endTime: input("endTime", { type: "time", required: true, value: "11:00" }),
    freq: choice("freq", ["none", "weekly", "monthly"] as const, (f) => t(`evRepeat_${f}`)),
    until: input("until", { type: "date" }),
    exceptions: input("exceptions", { placeholder: "2026-12-26, 2027-01-02" }),
    ageMin: input("ageMin", { type: "number", min: 0, max: 18, value: 3 }),
    ageMax: input("ageMax", { type: "number", min: 0, max: 18, value: 12 }),
    price: choice("price", EVENT_PRICES, (p) => pick(EVENT_PRICE_LABELS[p])),
    priceYuan: input("priceYuan", { type: "number", min: 0, step: "0.1" }),
    booking: choice("booking", EVENT_BOOKINGS, (b) => pick(EVENT_BOOKING_LABELS[b])),
    bookingUrl: input("bookingUrl", { type: "url", placeholder: "https://" }),
    bookingPhone: input("bookingPhone", { type: "tel" }),
    capacityNote: input("capacityNote", { maxlength: 200 }),
    stroller: input("stroller", { type: "checkbox", class: "" }),
    wheelchair: input("wheelchair", { type: "checkbox", class: "" }),
  };
  const days = WEEKDAYS.map((w, i) => el("label", { class: "ev-weekday" }, el("input", { type: "checkbox", name: "weekdays", value: w }), WEEKDAY_WORDS[getLanguage()][i]!));
  const weekdays = el("fieldset", { class: "ev-weekdays", id: "evf-weekdays" }, el("legend", { class: "field-label" }, t("evFieldWeekdays")), ...days);
  const form = el(
    "form",
    { class: "ev-form", id: "ev-form", novalidate: true },
    field("title", t("evFieldTitle"), c.title),
    field("description", t("evFieldDescription"), c.description),
    el("div", { class: "ev-row" }, field("kind", t("evFieldKind"), c.kind), field("startDate", t("evFieldDate"), c.startDate), field("startTime", t("evFieldStart"), c.startTime), field("endTime", t("evFieldEnd"), c.endTime)),
    el("div", { class: "ev-row" }, field("freq", t("evFieldRepeat"), c.freq), field("until", t("evFieldUntil"), c.until), field("exceptions", t("evFieldExceptions"), c.exceptions)),
    weekdays,
    el("div", { class: "ev-row" }, field("ageMin", t("evFieldAgeMin"), c.ageMin), field("ageMax", t("evFieldAgeMax"), c.ageMax), field("price", t("evFieldPrice"), c.price), field("priceYuan", t("evFieldPriceYuan"), c.priceYuan)),
    el("div", { class: "ev-row" }, field("booking", t("evFieldBooking"), c.booking), field("bookingUrl", t("evFieldBookingUrl"), c.bookingUrl), field("bookingPhone", t("evFieldBookingPhone"), c.bookingPhone)),
    field("capacityNote", t("evFieldCapacity"), c.capacityNote),
    el("div", { class: "ev-row" }, el("label", { class: "ev-check" }, c.stroller, t("evStroller")), el("label", { class: "ev-check" }, c.wheelchair, t("evWheelchair"))),
  );
  const sync = () => {
    weekdays.hidden = c.freq.value !== "weekly";
    c.until.closest(".ev-field")!.toggleAttribute("hidden", c.freq.value === "none");
    c.exceptions.closest(".ev-field")!.toggleAttribute("hidden", c.freq.value === "none");
    c.priceYuan.closest(".ev-field")!.toggleAttribute("hidden", c.price.value === "free");
    c.bookingUrl.closest(".ev-field")!.toggleAttribute("hidden", c.booking.value !== "link");
    c.bookingPhone.closest(".ev-field")!.toggleAttribute("hidden", c.booking.value !== "phone");
  };
  for (const control of [c.freq, c.price, c.booking]) control.addEventListener("change", sync);
  sync();
  const text = (v: string) => v.trim();
  return {
    form,
    read: (placeId) => {
      const freq = c.freq.value as "none" | "weekly" | "monthly";
      const chosen = days.map((d) => d.querySelector("input")!).filter((i) => i.checked).map((i) => i.value as (typeof WEEKDAYS)[number]);
      return {
        placeId, title: text(c.title.value), description: text(c.description.value), kind: c.kind.value as EventInput["kind"],
        startDate: c.startDate.value, startTime: c.startTime.value, endTime: c.endTime.value,
        repeat: freq === "none" ? { freq } : { freq, ...(freq === "weekly" && chosen.length ? { weekdays: chosen } : {}), ...(c.until.value ? { until: c.until.value } : {}), exceptions: c.exceptions.value.split(/[,，\s]+/).filter(Boolean) },
        ageMin: Number(c.ageMin.value), ageMax: Number(c.ageMax.value), price: c.price.value as EventInput["price"],
        priceYuan: c.price.value === "free" || c.priceYuan.value === "" ? null : Number(c.priceYuan.value),
        booking: c.booking.value as EventInput["booking"], bookingUrl: c.booking.value === "link" ? text(c.bookingUrl.value) || null : null,
        bookingPhone: c.booking.value === "phone" ? text(c.bookingPhone.value) || null : null,
        capacityNote: text(c.capacityNote.value), stroller: c.stroller.checked, wheelchair: c.wheelchair.checked,
      };
    },
    fill: (e) => {
      form.reset();
      if (e) {
        c.title.value = e.title;
        c.description.value = e.description;
        c.kind.value = e.kind;
        c.startDate.value = e.startDate;
        c.startTime.value = e.startTime;
        c.endTime.value = e.endTime;
        c.freq.value = e.repeat.freq;
        c.until.value = e.repeat.until ?? "";
        c.exceptions.value = e.repeat.exceptions.join(", ");
        for (const d of days) d.querySelector("input")!.checked = e.repeat.weekdays.includes(d.querySelector("input")!.value as (typeof WEEKDAYS)[number]);
        c.ageMin.value = String(e.ageMin);
        c.ageMax.value = String(e.ageMax);
        c.price.value = e.price;
        c.priceYuan.value = e.priceYuan === null ? "" : String(e.priceYuan);
        c.booking.value = e.booking;
        c.bookingUrl.value = e.bookingUrl ?? "";
        c.bookingPhone.value = e.bookingPhone ?? "";
        c.capacityNote.value = e.capacityNote;
        c.stroller.checked = e.stroller;
        c.wheelchair.checked = e.wheelchair;
      }
      sync();
    },
  };
}

/** Where a refused field's control is: "repeat.until" → #evf-until, "repeat" → the repeat choice. */
function controlOf(fieldName: string | null): HTMLElement | null {
  const last = fieldName?.split(".").at(-1);
  if (!last) return null;
  return document.getElementById(`evf-${last === "repeat" ? "freq" : last}`);
}

/** Mounts the staff part in `host`: the sign-in form first when nobody is signed in. */
export async function mountStaffEvents(host: HTMLElement, onChanged: () => void): Promise<void> {
  const user = await fetchMe().catch(() => null);
  if (!user) {
    replaceChildren(host, signInForm((u) => void showFor(host, u, onChanged)));
    return;
  }
  await showFor(host, user, onChanged);
}

async function showFor(host: HTMLElement, user: StaffUser, onChanged: () => void): Promise<void> {
  if (user.role !== "venue" && user.role !== "admin") {
    replaceChildren(host, el("p", { class: "ev-note", role: "status" }, t("evStaffNotVenue")));
    return;
  }
  const places = user.placeIds ?? [];
  if (user.role === "venue" && places.length === 0) {
    replaceChildren(host, el("p", { class: "ev-note", role: "status" }, t("evStaffNoPlaces")));
    return;
  }
  const place = user.role === "venue"
    ? el("select", { id: "evf-place", class: "select" }, ...places.map((id) => el("option", { value: id }, id)))
    : el("input", { id: "evf-place", class: "input", value: new URLSearchParams(location.search).get("place") ?? "", placeholder: "hengyang-childrens-library" });
  const mine = el("div", { class: "ev-mine", id: "ev-mine", "aria-live": "polite" });
  const message = el("p", { class: "form-message", id: "ev-form-message", role: "alert" });
  const { form, read, fill } = eventForm();
  let editing: EventAnswer | null = null;
  const submit = el("button", { type: "submit", class: "button button-primary", id: "evf-submit", form: "ev-form" }, t("evPublish"));
  const fresh = el("button", { type: "button", class: "button button-quiet" }, t("evNew"));
  const out = el("button", { type: "button", class: "button button-quiet" }, t("evSignOut"));

  const setEditing = (event: EventAnswer | null) => {
    editing = event;
    fill(event);
    submit.textContent = event ? t("evSave") : t("evPublish");
    message.textContent = "";
  };
  const loadMine = async () => {
    if (!place.value) return replaceChildren(mine);
    try {
      const events = await fetchPlaceEvents(place.value);
      replaceChildren(mine, el("h3", {}, t("evMine")), events.length === 0 ? el("p", { class: "muted" }, t("evMineNone")) : el("ul", { class: "ev-mine-list" }, ...events.map((e) => {
        const edit = el("button", { type: "button", class: "button button-quiet", disabled: e.status !== "published" && e.status !== "pending" }, t("evEdit"));
        edit.addEventListener("click", () => setEditing(e));
        const cancel = el("button", { type: "button", class: "button button-quiet", disabled: e.status === "cancelled" || e.status === "removed" }, t("evCancel"));
        cancel.addEventListener("click", () => {
          if (!confirm(t("evCancelConfirm", { title: e.title }))) return;
          void cancelEvent(e.id).then(() => {
            announce(t("evCancelledNote", { title: e.title }));
            onChanged();
            return loadMine();
          }).catch((error: unknown) => announce(errorText(error), "warning"));
        });
        return el("li", { "data-event": e.id }, el("strong", {}, e.title), ` · ${e.startDate} ${e.startTime} · ${pick(EVENT_STATUS_LABELS[e.status])} `, edit, cancel);
      })));
    } catch (error) {
      replaceChildren(mine, el("p", { class: "error-note", role: "alert" }, errorText(error)));
    }
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    message.textContent = "";
    submit.disabled = true;
    const body = read(place.value.trim());
    (editing ? changeEvent(editing.id, body) : publishEvent(body))
      .then((saved) => {
        announce(saved.status === "pending" ? t("evPending", { title: saved.title }) : editing ? t("evSaved") : t("evPublished", { title: saved.title }));
        setEditing(null);
        onChanged();
        return loadMine();
      })
      .catch((error: unknown) => {
        message.textContent = errorText(error);
        if (error instanceof ApiError) controlOf(error.field)?.focus();
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  fresh.addEventListener("click", () => setEditing(null));
  out.addEventListener("click", () => void signOut().then(() => mountStaffEvents(host, onChanged)));
  place.addEventListener("change", () => void loadMine());
  replaceChildren(host, el("div", { class: "ev-row" }, field("place", user.role === "venue" ? t("evStaffPlace") : t("evStaffPlaceId"), place), el("p", { class: "ev-staff-actions" }, fresh, out)), form, el("p", {}, submit), message, mine);
  await loadMine();
}
