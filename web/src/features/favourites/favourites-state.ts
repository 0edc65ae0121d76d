/**
 * The favourites a phone holds, as plain data: the list shown (the server's, with this phone's
 * changes not yet sent applied on top) and the queue of those changes. Saving or unsaving
 * offline changes the list at once and queues the change; `flush` sends the queue in order
 * when the network is back. A later change to the same thing replaces an earlier queued one
 * (the server's PUT and DELETE are idempotent, so the last one alone decides).
 */
import type { FavouriteAnswer, FavouriteKind } from "./favourites-api.ts";

export type LocalFavourite = FavouriteAnswer;

/** A change made on this phone and not yet accepted by the server. */
export interface PendingChange {
  op: "save" | "unsave";
  kind: FavouriteKind;
  id: string;
  /** When it was made (a save's savedAt on the server). */
  at: string;
  /** The favourite as saved, to show before the server has it. */
  item?: LocalFavourite;
}

export interface FavouritesState {
  items: LocalFavourite[];
  queue: PendingChange[];
}

export const EMPTY_STATE: FavouritesState = { items: [], queue: [] };

export const keyOf = (kind: FavouriteKind, id: string): string => `${kind}:${id}`;

export function isSaved(state: FavouritesState, kind: FavouriteKind, id: string): boolean {
  return state.items.some((f) => f.kind === kind && f.id === id);
}

/** The list with one change applied: a save goes first (newest first), an unsave leaves. */
function applyToItems(items: readonly LocalFavourite[], change: PendingChange): LocalFavourite[] {
  const rest = items.filter((f) => !(f.kind === change.kind && f.id === change.id));
  return change.op === "save" && change.item ? [change.item, ...rest] : rest;
}

/** Makes a change on this phone: the list changes at once, the change waits in the queue. */
export function change(state: FavouritesState, pending: PendingChange): FavouritesState {
  const queue = state.queue.filter((c) => keyOf(c.kind, c.id) !== keyOf(pending.kind, pending.id));
  return { items: applyToItems(state.items, pending), queue: [...queue, pending] };
}

/** The server's list with the changes still queued applied on top, newest first. */
export function merge(server: readonly LocalFavourite[], queue: readonly PendingChange[]): FavouritesState {
  let items = [...server].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  for (const pending of queue) items = applyToItems(items, pending);
  return { items, queue: [...queue] };
}

/** What sending one change did: accepted, refused for good (the place is gone), or not reached. */
export type SendResult = "sent" | "refused" | "unreachable";

/**
 * Sends the queued changes in order until one cannot reach the server. A refused change
 * (404: the place no longer exists; 409: the list is full) leaves the queue and, for a save,
 * the list; `refused` names them so the page can say so.
 */
export async function flush(state: FavouritesState, send: (change: PendingChange) => Promise<SendResult>): Promise<{ state: FavouritesState; refused: PendingChange[] }> {
  const queue = [...state.queue];
  let items = state.items;
  const refused: PendingChange[] = [];
  while (queue.length > 0) {
    const next = queue[0]!;
    const result = await send(next);
    if (result === "unreachable") break;
    queue.shift();
    if (result === "refused") {
      refused.push(next);
      if (next.op === "save") items = items.filter((f) => !(f.kind === next.kind && f.id === next.id));
    }
  }
  return { state: { items, queue }, refused };
}

/** Reads a stored state, or the empty one when the text is missing or not a state. */
export function parseState(text: string | null): FavouritesState {
  if (!text) return EMPTY_STATE;
  try {
    const value = JSON.parse(text) as Partial<FavouritesState>;
    if (!Array.isArray(value.items) || !Array.isArray(value.queue)) return EMPTY_STATE;
    return { items: value.items, queue: value.queue };
  } catch {
    return EMPTY_STATE;
  }
}
