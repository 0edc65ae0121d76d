/**
 * The child privacy rules and user agreement as a page of their own, from the same versioned
 * text the consent form shows (src/core/child-privacy.ts), so what a guardian reads there
 * and here cannot differ.
 */
import "../../shared/styles.css";
import "../progress/progress.css";
import "./family.css";
import { CHILD_PRIVACY_NOTICE, CHILD_PRIVACY_VERSION, type NoticeSection, RETENTION_DAYS, USER_AGREEMENT } from "../../../../src/core/child-privacy.ts";
import { byId, el, replaceChildren } from "../../shared/dom.ts";
import { initLanguage, onLanguageChange, pick } from "../../shared/i18n.ts";
import { mountPageFrame } from "../../shared/page-frame.ts";
import { ft } from "./family-messages.ts";

initLanguage();
mountPageFrame(byId("page-header"), "map", () => ft("privacyPageTitle"));
const main = byId("privacy");

const sections = (list: readonly NoticeSection[]) => list.map((s) => el("section", { class: "privacy-section" }, el("h3", {}, pick(s.heading)), el("p", {}, pick(s.body))));

function render(): void {
  replaceChildren(
    main,
    el("h1", { class: "page-title" }, ft("privacyPageTitle")),
    el("p", { class: "muted" }, pick({ zh: `版本 ${CHILD_PRIVACY_VERSION}`, en: `Version ${CHILD_PRIVACY_VERSION}` })),
    el("h2", {}, pick({ zh: "儿童个人信息保护规则", en: "Child privacy rules" })),
    ...sections(CHILD_PRIVACY_NOTICE),
    el("h2", {}, pick({ zh: "用户协议", en: "User agreement" })),
    ...sections(USER_AGREEMENT),
    el("p", { class: "muted" }, pick({ zh: `被删除内容保留 ${RETENTION_DAYS.removed} 天；审核记录保留 ${RETENTION_DAYS.moderationRecords} 天。`, en: `Removed content is kept ${RETENTION_DAYS.removed} days; moderation records ${RETENTION_DAYS.moderationRecords} days.` })),
  );
}

onLanguageChange(render);
render();
