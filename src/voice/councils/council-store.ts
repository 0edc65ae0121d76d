/**
 * Councils in the database: the council, its child members with the guardian's consent,
 * sessions with their agenda items, and decisions. Posts are in council-posts.ts.
 */
import { randomUUID } from "node:crypto";
import { AGE_BANDS, type AgeBand, type AgendaItemKind, type CouncilScope, type DecisionKind, type SessionState } from "../../core/api/councils-vocabulary.ts";
import type { Database, Queryable } from "../../platform/database/database.ts";

export interface StoredCouncil {
  id: string;
  name: string;
  scope: CouncilScope;
  regionId: string;
  divisionCode: string | null;
  placeId: string | null;
  description: string;
  organiserId: string | null;
  organiserUnit: string | null;
  createdAt: string;
  memberCount: number;
}

export interface AgendaItem {
  id: string;
  sessionId: string;
  kind: AgendaItemKind;
  refId: string | null;
  title: string;
  text: string;
}

export interface StoredSession {
  id: string;
  councilId: string;
  startsAt: string;
  place: string;
  placeId: string | null;
  state: SessionState;
  minutes: string;
  attendance: Record<AgeBand, number>;
  updatedAt: string;
  agenda: AgendaItem[];
}

export interface StoredDecision {
  id: string;
  councilId: string;
  sessionId: string;
  title: string;
  text: string;
  kind: DecisionKind;
  placeId: string | null;
  point: { lon: number; lat: number } | null;
  state: "recorded" | "sent";
  ideaId: string | null;
  sentAt: string | null;
  createdAt: string;
}

export interface Membership {
  councilId: string;
  memberId: string;
  guardianId: string;
  joinedAt: string;
}

type Row = Record<string, unknown>;
const text = (value: unknown): string => String(value);
const maybe = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

function councilOf(row: Row): StoredCouncil {
  return {
    id: text(row["id"]), name: text(row["name"]), scope: text(row["scope"]) as CouncilScope, regionId: text(row["region_id"]),
    divisionCode: maybe(row["division_code"]), placeId: maybe(row["place_id"]), description: text(row["description"]),
    organiserId: maybe(row["organiser_id"]), organiserUnit: maybe(row["organiser_unit"]), createdAt: text(row["created_at"]),
    memberCount: Number(row["member_count"] ?? 0),
  };
}

function decisionOf(row: Row): StoredDecision {
  const lon = row["lon"];
  const lat = row["lat"];
  return {
    id: text(row["id"]), councilId: text(row["council_id"]), sessionId: text(row["session_id"]), title: text(row["title"]), text: text(row["text"]),
    kind: text(row["kind"]) as DecisionKind, placeId: maybe(row["place_id"]), point: lon === null || lat === null ? null : { lon: Number(lon), lat: Number(lat) },
    state: text(row["state"]) as "recorded" | "sent", ideaId: maybe(row["idea_id"]), sentAt: maybe(row["sent_at"]), createdAt: text(row["created_at"]),
  };
}

const COUNCIL_SELECT = "SELECT c.*, (SELECT COUNT(*) FROM council_members m WHERE m.council_id = c.id) AS member_count FROM councils c";

export class CouncilStore {
  constructor(private readonly db: Database) {}

  async insert(council: Omit<StoredCouncil, "id" | "createdAt" | "memberCount">): Promise<string> {
    const id = randomUUID();
    await this.db.run(
      "INSERT INTO councils (id, name, scope, region_id, division_code, place_id, description, organiser_id, organiser_unit, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      [id, council.name, council.scope, council.regionId, council.divisionCode, council.placeId, council.description, council.organiserId, council.organiserUnit, new Date().toISOString()],
    );
    return id;
  }

  async get(id: string): Promise<StoredCouncil | null> {
    const rows = await this.db.all(`${COUNCIL_SELECT} WHERE c.id = ?`, [id]);
    return rows[0] ? councilOf(rows[0]) : null;
  }

  async list(filter: { region?: string | undefined; scope?: string | undefined }): Promise<StoredCouncil[]> {
    const where: string[] = [];
    const params: string[] = [];
    for (const [column, value] of [["c.region_id", filter.region], ["c.scope", filter.scope]] as const) {
      if (!value) continue;
      where.push(`${column} = ?`);
      params.push(value);
    }
    const rows = await this.db.all(`${COUNCIL_SELECT} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY c.created_at DESC LIMIT 500`, params);
    return rows.map(councilOf);
  }

  /** Councils a member belongs to, or (for a guardian) their children belong to. */
  async ofMember(memberId: string): Promise<StoredCouncil[]> {
    const rows = await this.db.all(`${COUNCIL_SELECT} WHERE c.id IN (SELECT council_id FROM council_members WHERE member_id = ? OR guardian_id = ?) ORDER BY c.name`, [memberId, memberId]);
    return rows.map(councilOf);
  }

  async membership(councilId: string, memberId: string): Promise<Membership | null> {
    const rows = await this.db.all("SELECT * FROM council_members WHERE council_id = ? AND member_id = ?", [councilId, memberId]);
    const row = rows[0];
    return row ? { councilId, memberId, guardianId: text(row["guardian_id"]), joinedAt: text(row["joined_at"]) } : null;
  }

  /** Whether `memberId` is a member of the council or the guardian of one. */
  async belongs(councilId: string, memberId: string): Promise<boolean> {
    return (await this.db.all("SELECT 1 AS here FROM council_members WHERE council_id = ? AND (member_id = ? OR guardian_id = ?)", [councilId, memberId, memberId])).length > 0;
  }

  async members(councilId: string): Promise<Membership[]> {
    const rows = await this.db.all("SELECT * FROM council_members WHERE council_id = ? ORDER BY joined_at", [councilId]);
    return rows.map((row) => ({ councilId, memberId: text(row["member_id"]), guardianId: text(row["guardian_id"]), joinedAt: text(row["joined_at"]) }));
  }

  /** Adds the child with the consent given, and records the consent (a second join is a unique violation). */
  async join(tx: Queryable, entry: { councilId: string; childId: string; guardianId: string; scope: string; policyVersion: string }): Promise<void> {
    const now = new Date().toISOString();
    await tx.run("INSERT INTO council_members (council_id, member_id, guardian_id, consent_scope, policy_version, joined_at) VALUES (?, ?, ?, ?, ?, ?)", [entry.councilId, entry.childId, entry.guardianId, entry.scope, entry.policyVersion, now]);
    await this.recordConsent(tx, entry, "agreed", now);
  }

  /** Removes the child; the guardian's withdrawal is recorded. */
  async leave(tx: Queryable, entry: { councilId: string; childId: string; guardianId: string; scope: string; policyVersion: string }): Promise<void> {
    await tx.run("DELETE FROM council_members WHERE council_id = ? AND member_id = ?", [entry.councilId, entry.childId]);
    await this.recordConsent(tx, entry, "withdrawn", new Date().toISOString());
  }

  private async recordConsent(tx: Queryable, entry: { councilId: string; childId: string; guardianId: string; scope: string; policyVersion: string }, decision: string, at: string): Promise<void> {
    await tx.run(
      "INSERT INTO council_consents (id, council_id, guardian_id, child_id, decision, scope, policy_version, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [randomUUID(), entry.councilId, entry.guardianId, entry.childId, decision, entry.scope, entry.policyVersion, at],
    );
  }

  async insertSession(councilId: string, createdBy: string, plan: { startsAt: string; place: string; placeId: string | null; agenda: Array<Omit<AgendaItem, "id" | "sessionId">> }): Promise<string> {
    const id = randomUUID();
    const now = new Date().toISOString();
    const zero = JSON.stringify(Object.fromEntries(AGE_BANDS.map((band) => [band, 0])));
    await this.db.transaction(async (tx) => {
      await tx.run(
        "INSERT INTO council_sessions (id, council_id, starts_at, place, place_id, state, minutes, attendance, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'planned', '', ?, ?, ?, ?)",
        [id, councilId, new Date(plan.startsAt).toISOString(), plan.place, plan.placeId, zero, createdBy, now, now],
      );
      await this.writeAgenda(tx, id, plan.agenda);
    });
    return id;
  }

  /** Replaces a planned session's time, place and agenda; items kept by title keep their threads. */
  async replanSession(sessionId: string, plan: { startsAt: string; place: string; placeId: string | null; agenda: Array<Omit<AgendaItem, "id" | "sessionId">> }): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run("UPDATE council_sessions SET starts_at = ?, place = ?, place_id = ?, updated_at = ? WHERE id = ?", [new Date(plan.startsAt).toISOString(), plan.place, plan.placeId, new Date().toISOString(), sessionId]);
      const existing = await tx.all<{ id: string; title: string }>("SELECT id, title FROM council_agenda_items WHERE session_id = ?", [sessionId]);
      const kept = new Set(plan.agenda.map((item) => item.title));
      for (const item of existing) if (!kept.has(item.title)) await tx.run("DELETE FROM council_agenda_items WHERE id = ?", [item.id]);
      const have = new Map(existing.filter((item) => kept.has(item.title)).map((item) => [item.title, item.id]));
      for (const [position, item] of plan.agenda.entries()) {
        const id = have.get(item.title);
        if (id) await tx.run("UPDATE council_agenda_items SET position = ?, kind = ?, ref_id = ?, text = ? WHERE id = ?", [position, item.kind, item.refId, item.text, id]);
        else await tx.run("INSERT INTO council_agenda_items (id, session_id, position, kind, ref_id, title, text) VALUES (?, ?, ?, ?, ?, ?, ?)", [randomUUID(), sessionId, position, item.kind, item.refId, item.title, item.text]);
      }
    });
  }

  private async writeAgenda(tx: Queryable, sessionId: string, agenda: Array<Omit<AgendaItem, "id" | "sessionId">>): Promise<void> {
    for (const [position, item] of agenda.entries()) {
      await tx.run("INSERT INTO council_agenda_items (id, session_id, position, kind, ref_id, title, text) VALUES (?, ?, ?, ?, ?, ?, ?)", [randomUUID(), sessionId, position, item.kind, item.refId, item.title, item.text]);
    }
  }

  /** Records the session as held (minutes, attendance) or cancelled; false when it was not planned. */
  async recordSession(sessionId: string, record: { state: "held" | "cancelled"; minutes: string; attendance: Record<AgeBand, number> }): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.all<{ state: string }>("SELECT state FROM council_sessions WHERE id = ?", [sessionId]);
      if (rows[0]?.state !== "planned") return false;
      await tx.run("UPDATE council_sessions SET state = ?, minutes = ?, attendance = ?, updated_at = ? WHERE id = ?", [record.state, record.minutes, JSON.stringify(record.attendance), new Date().toISOString(), sessionId]);
      return true;
    });
  }

  async sessions(councilId: string): Promise<StoredSession[]> {
    const rows = await this.db.all("SELECT * FROM council_sessions WHERE council_id = ? ORDER BY starts_at DESC LIMIT 200", [councilId]);
    return this.withAgenda(rows);
  }

  async session(councilId: string, sessionId: string): Promise<StoredSession | null> {
    const rows = await this.db.all("SELECT * FROM council_sessions WHERE id = ? AND council_id = ?", [sessionId, councilId]);
    return (await this.withAgenda(rows))[0] ?? null;
  }

  private async withAgenda(rows: Row[]): Promise<StoredSession[]> {
    if (rows.length === 0) return [];
    const items = await this.db.all(`SELECT * FROM council_agenda_items WHERE session_id IN (${rows.map(() => "?").join(", ")}) ORDER BY position`, rows.map((r) => text(r["id"])));
    return rows.map((row) => ({
      id: text(row["id"]), councilId: text(row["council_id"]), startsAt: text(row["starts_at"]), place: text(row["place"]), placeId: maybe(row["place_id"]),
      state: text(row["state"]) as SessionState, minutes: text(row["minutes"]), attendance: JSON.parse(text(row["attendance"])) as Record<AgeBand, number>,
      updatedAt: text(row["updated_at"]),
      agenda: items.filter((i) => i["session_id"] === row["id"]).map((i) => ({
        id: text(i["id"]), sessionId: text(i["session_id"]), kind: text(i["kind"]) as AgendaItemKind, refId: maybe(i["ref_id"]), title: text(i["title"]), text: text(i["text"]),
      })),
    }));
  }

  /** The agenda item with its session's council and state, or null. */
  async item(itemId: string): Promise<(AgendaItem & { councilId: string; sessionState: SessionState }) | null> {
    const rows = await this.db.all("SELECT i.*, s.council_id, s.state FROM council_agenda_items i JOIN council_sessions s ON s.id = i.session_id WHERE i.id = ?", [itemId]);
    const row = rows[0];
    if (!row) return null;
    return { id: text(row["id"]), sessionId: text(row["session_id"]), kind: text(row["kind"]) as AgendaItemKind, refId: maybe(row["ref_id"]), title: text(row["title"]), text: text(row["text"]), councilId: text(row["council_id"]), sessionState: text(row["state"]) as SessionState };
  }

  async insertDecision(decision: Omit<StoredDecision, "id" | "state" | "ideaId" | "sentAt" | "createdAt">, createdBy: string): Promise<string> {
    const id = randomUUID();
    await this.db.run(
      "INSERT INTO council_decisions (id, council_id, session_id, title, text, kind, place_id, lon, lat, state, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'recorded', ?, ?)",
      [id, decision.councilId, decision.sessionId, decision.title, decision.text, decision.kind, decision.placeId, decision.point?.lon ?? null, decision.point?.lat ?? null, createdBy, new Date().toISOString()],
    );
    return id;
  }

  async decision(councilId: string, id: string): Promise<StoredDecision | null> {
    const rows = await this.db.all("SELECT * FROM council_decisions WHERE id = ? AND council_id = ?", [id, councilId]);
    return rows[0] ? decisionOf(rows[0]) : null;
  }

  async decisionsOf(sessionIds: readonly string[]): Promise<StoredDecision[]> {
    if (sessionIds.length === 0) return [];
    const rows = await this.db.all(`SELECT * FROM council_decisions WHERE session_id IN (${sessionIds.map(() => "?").join(", ")}) ORDER BY created_at`, [...sessionIds]);
    return rows.map(decisionOf);
  }

  /** Claims a decision for sending (so two organisers do not file it twice); false when taken. */
  async claimForSending(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.all<{ state: string }>("SELECT state FROM council_decisions WHERE id = ?", [id]);
      if (rows[0]?.state !== "recorded") return false;
      await tx.run("UPDATE council_decisions SET state = 'sending' WHERE id = ?", [id]);
      return true;
    });
  }

  /** Gives a claimed decision back when filing it failed. */
  async releaseClaim(id: string): Promise<void> {
    await this.db.run("UPDATE council_decisions SET state = 'recorded' WHERE id = ? AND state = 'sending'", [id]);
  }

  /** Marks a claimed decision sent with the idea it became. */
  async completeSending(id: string, ideaId: string, sentBy: string): Promise<void> {
    await this.db.run("UPDATE council_decisions SET state = 'sent', idea_id = ?, sent_by = ?, sent_at = ? WHERE id = ?", [ideaId, sentBy, new Date().toISOString(), id]);
  }
}
