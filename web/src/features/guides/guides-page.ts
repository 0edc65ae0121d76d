/**
 * The guides page's entry (guides.html): the list with its filters; `?id=<id>` one guide on
 * the map (the URL the offline app caches for a saved guide, with GET /api/guides/{id});
 * `?write=1` the form, for a signed-in family member (the member session the map's 我的 panel
 * signs in) or staff of the guide units. The language toggle draws the page again.
 */
import "../../shared/styles.css";
import "../progress/progress.css";
import "../../shared/staff-forms.css";
import "./guides.css";
import { byId } from "../../shared/dom.ts";
import { initLanguage, onLanguageChange } from "../../shared/i18n.ts";
import { mountPageFrame } from "../../shared/page-frame.ts";
import { fetchMe } from "../accounts/staff-session-api.ts";
import { currentMember, loadMember } from "../family/member-session.ts";
import { GUIDE_UNITS } from "../../../../src/core/api/guides-vocabulary.ts";
import { filtersFromSearch } from "./guide-format.ts";
import { mountGuideForm, signInFirst, written, type Writer } from "./guide-form.ts";
import { mountGuideList } from "./guide-list.ts";
import { mountGuideView } from "./guide-view.ts";
import { t } from "./guides-messages.ts";

initLanguage();
const main = byId("guides");
mountPageFrame(byId("page-header"), "guides", () => t("gdTitle"));

/** Who may write here: the member signed in on this browser first, else staff. */
async function writer(): Promise<Writer | null> {
  await loadMember();
  const member = currentMember();
  if (member) return { as: "member", name: member.nickname, child: member.kind === "child" };
  const staff = await fetchMe().catch(() => null);
  if (!staff) return null;
  const allowed = staff.role === "admin" || (staff.role === "reporter" && staff.unitId !== null && GUIDE_UNITS.includes(staff.unitId));
  return { as: "staff", name: staff.displayName, allowed };
}

async function draw(): Promise<void> {
  main.classList.remove("gd-guide-main");
  delete main.dataset.ready;
  const params = new URLSearchParams(location.search);
  const id = params.get("id");
  if (id) return mountGuideView(main, id);
  if (params.get("write") === "1") {
    const who = await writer();
    if (!who) return signInFirst(main);
    return mountGuideForm(main, who, (guide, photoProblem) => written(main, guide, photoProblem));
  }
  mountGuideList(main, filtersFromSearch(location.search));
}

void draw();
onLanguageChange(() => void draw());
