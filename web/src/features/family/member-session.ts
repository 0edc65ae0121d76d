/**
 * Who is signed in as a family member, shared by the account panel and the place card:
 * one value, listeners told on change, and a way for the card to ask the panel to open.
 */
import { fetchMember, type Member } from "./family-api.ts";

type Listener = (member: Member | null) => void;

let current: Member | null = null;
const listeners = new Set<Listener>();
let opener: (() => void) | null = null;
let closer: (() => void) | null = null;

export const currentMember = (): Member | null => current;

export function setMember(member: Member | null): void {
  current = member;
  for (const listener of listeners) listener(member);
}

export function onMemberChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Reads the session once at start. */
export async function loadMember(): Promise<void> {
  setMember(await fetchMember());
}

export function setAccountOpener(open: () => void): void {
  opener = open;
}

/** Opens the account panel (from "sign in to write a review"). */
export function openAccount(): void {
  opener?.();
}

export function setAccountCloser(close: () => void): void {
  closer = close;
}

/** Closes the account panel if it is open (another panel, an idea's card, takes its place). */
export function closeAccount(): void {
  closer?.();
}
