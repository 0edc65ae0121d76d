/**
 * The one favourites sync of the page (favourites-sync.ts) over the real API, localStorage and
 * the service worker, started on first use: it restores the member last signed in on this
 * phone, follows the member session, and syncs again when the network comes back.
 */
import { getJson, isRecord } from "../../shared/api.ts";
import { currentMember, onMemberChange } from "../family/member-session.ts";
import { dropOffline, keepOffline } from "../offline/service-worker-client.ts";
import { favouritesApi } from "./favourites-api.ts";
import { FavouritesSync } from "./favourites-sync.ts";

let sync: FavouritesSync | null = null;

/**
 * The session said "nobody", which it also says when it could not be asked (no network): the
 * favourites on this phone are forgotten only when the server itself answers that nobody is
 * signed in (a sign-out, an expired session), never because the phone is offline.
 */
async function confirmSignedOut(target: FavouritesSync): Promise<void> {
  try {
    const body = await getJson("/api/members/session");
    if (isRecord(body) && body["member"] === null) target.setMember(null);
  } catch {
    // Offline or the server unreachable: keep the member remembered on this phone.
  }
}

/** The page's favourites, started on first call. */
export function favourites(): FavouritesSync {
  if (sync) return sync;
  const started = new FavouritesSync({ api: favouritesApi, storage: localStorage, keep: keepOffline, drop: dropOffline });
  sync = started;
  started.restore();
  const member = currentMember();
  if (member) started.setMember(member.id);
  onMemberChange((m) => (m ? started.setMember(m.id) : void confirmSignedOut(started)));
  addEventListener("online", () => void started.sync());
  return started;
}
