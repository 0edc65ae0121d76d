/**
 * Short, friendly messages ("Found you!", "We could not get your location") shown over
 * the map and read out by screen readers through a polite live region.
 */
import { byId } from "./dom.ts";

const SHOW_MS = 6000;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Shows `message` for a few seconds in the #toast live region (always present, empty when quiet). */
export function announce(message: string, tone: "info" | "warning" = "info"): void {
  const toast = byId("toast");
  toast.textContent = message;
  toast.dataset.tone = tone;
  clearTimeout(timer);
  timer = setTimeout(() => {
    toast.textContent = "";
  }, SHOW_MS);
}
