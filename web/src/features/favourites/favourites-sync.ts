/**
 * The favourites of the member signed in on this phone, kept in localStorage (so they show
 * and change with no network) and synced with the server when it can be reached: at start,
 * when the network comes back, and after each change. Offline the member's session cannot be
 * asked, so the last member seen signed in is remembered; signing out forgets them and their
 * favourites on this phone.
 */
import { ApiError } from "../../shared/api.ts";
import type { FavouritesApi, FavouriteKind } from "./favourites-api.ts";
import { EMPTY_STATE, type FavouritesState, flush, isSaved, type LocalFavourite, merge, type PendingChange, parseState, type SendResult, change } from "./favourites-state.ts";

const REMEMBERED = "tongxing.favourites.member";
const stateKey = (memberId: string): string => `tongxing.favourites.${memberId}`;
/** Which favourites this phone already keeps for offline use (a save made offline could not be). */
const keptKey = (memberId: string): string => `tongxing.favourites.kept.${memberId}`;

export interface SyncDeps {
  api: FavouritesApi;
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem">;
  now?: () => Date;
  /** Keep a saved place or guide for offline use (true once kept), and let it go (the service worker). */
  keep?: (kind: FavouriteKind, id: string) => Promise<boolean> | void;
  drop?: (kind: FavouriteKind, id: string) => void;
}

/** What the list shows of a favourite before the server has answered for it. */
export type FavouriteDraft = Pick<LocalFavourite, "kind" | "id" | "name" | "lon" | "lat">;

/** A failed change: the server could not be reached (try later) or refused it for good. */
export function resultOf(error: unknown): SendResult {
  if (!(error instanceof ApiError)) return "unreachable";
  if (error.status === 0 || error.status === 401 || error.status === 429 || error.status >= 500) return "unreachable";
  return "refused";
}

function parseKept(text: string | null): string[] {
  try {
    const value: unknown = JSON.parse(text ?? "[]");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export class FavouritesSync {
  private memberId: string | null = null;
  private state: FavouritesState = EMPTY_STATE;
  private readonly listeners = new Set<(items: readonly LocalFavourite[]) => void>();
  private readonly refusedListeners = new Set<(refused: readonly PendingChange[]) => void>();
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly deps: SyncDeps) {}

  get member(): string | null {
    return this.memberId;
  }

  get items(): readonly LocalFavourite[] {
    return this.state.items;
  }

  get pending(): readonly PendingChange[] {
    return this.state.queue;
  }

  isSaved(kind: FavouriteKind, id: string): boolean {
    return isSaved(this.state, kind, id);
  }

  /** The member last signed in on this phone, with their favourites, before the session is known. */
  restore(): void {
    const id = this.deps.storage.getItem(REMEMBERED);
    if (id && this.memberId === null) this.load(id);
  }

  /** The session answered: this member is signed in (synced now), or nobody (forgotten here). */
  setMember(id: string | null): void {
    if (id === null) {
      if (this.memberId) this.deps.storage.removeItem(stateKey(this.memberId));
      if (this.memberId) this.deps.storage.removeItem(keptKey(this.memberId));
      this.deps.storage.removeItem(REMEMBERED);
      this.memberId = null;
      this.state = EMPTY_STATE;
      this.notify();
      return;
    }
    if (id !== this.memberId) this.load(id);
    this.deps.storage.setItem(REMEMBERED, id);
    void this.sync();
  }

  /** Saves or unsaves; answers whether it is saved now. Needs a member. */
  toggle(draft: FavouriteDraft): boolean {
    if (this.memberId === null) throw new Error("no member signed in");
    const at = (this.deps.now?.() ?? new Date()).toISOString();
    const saving = !this.isSaved(draft.kind, draft.id);
    const pending: PendingChange = saving
      ? { op: "save", kind: draft.kind, id: draft.id, at, item: { ...draft, savedAt: at, available: true } }
      : { op: "unsave", kind: draft.kind, id: draft.id, at };
    this.state = change(this.state, pending);
    this.store();
    this.notify();
    if (!saving) this.deps.drop?.(draft.kind, draft.id);
    void this.sync();
    return saving;
  }

  /** Sends what is queued, then takes the server's list; does nothing it cannot reach. One at a time. */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.syncOnce().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.sync();
      }
    });
    return this.running;
  }

  subscribe(listener: (items: readonly LocalFavourite[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onRefused(listener: (refused: readonly PendingChange[]) => void): void {
    this.refusedListeners.add(listener);
  }

  private async syncOnce(): Promise<void> {
    const member = this.memberId;
    if (member === null) return;
    const { api } = this.deps;
    const given = this.state.queue;
    const sent = await flush(this.state, async (c) => {
      try {
        await (c.op === "save" ? api.save(c.kind, c.id, c.at) : api.unsave(c.kind, c.id));
        return "sent";
      } catch (error) {
        return resultOf(error);
      }
    });
    if (this.memberId !== member) return;
    // What is left of the queue given, unless replaced by a change made while sending, then those changes.
    const now = this.state.queue;
    const queue = [...sent.state.queue.filter((c) => now.includes(c)), ...now.filter((c) => !given.includes(c))];
    let items = this.state.items;
    for (const r of sent.refused) if (r.op === "save" && !queue.some((c) => c.kind === r.kind && c.id === r.id)) items = items.filter((f) => !(f.kind === r.kind && f.id === r.id));
    this.state = { items, queue };
    if (sent.refused.length > 0) for (const listener of this.refusedListeners) listener(sent.refused);
    // The server's list, once nothing it has not heard of is left from before.
    if (sent.state.queue.length === 0) {
      try {
        const server = await api.list();
        if (this.memberId === member) this.state = merge(server, this.state.queue);
        await this.keepForOffline(member);
      } catch {
        // Unreachable now: the list stays as this phone has it.
      }
    }
    this.store();
    this.notify();
  }

  /**
   * Asks the service worker to keep each favourite not yet kept on this phone (saved here
   * offline, or on another phone), once the server could be reached.
   */
  private async keepForOffline(member: string): Promise<void> {
    const { keep, storage } = this.deps;
    if (!keep) return;
    const kept = new Set<string>(parseKept(storage.getItem(keptKey(member))));
    const items = this.state.items.filter((f) => f.available);
    for (const f of items) {
      const key = `${f.kind}:${f.id}`;
      if (kept.has(key)) continue;
      if ((await keep(f.kind, f.id)) !== false) kept.add(key);
    }
    const current = new Set(items.map((f) => `${f.kind}:${f.id}`));
    if (this.memberId === member) storage.setItem(keptKey(member), JSON.stringify([...kept].filter((k) => current.has(k))));
  }

  private load(id: string): void {
    this.memberId = id;
    this.state = parseState(this.deps.storage.getItem(stateKey(id)));
    this.notify();
  }

  private store(): void {
    if (this.memberId) this.deps.storage.setItem(stateKey(this.memberId), JSON.stringify(this.state));
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this.state.items);
  }
}
