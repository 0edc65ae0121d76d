/**
 * The voice domain's settings, read from the environment in this file with documented
 * defaults (README "Settings", docs/VOICE.md):
 *   TONGXING_IDEA_DEADLINE_DAYS  days a published idea may wait for a unit's first answer
 *                                before it is overdue (default 30, 1..365).
 */
export const DEFAULT_IDEA_DEADLINE_DAYS = 30;

export interface VoiceSettings {
  deadlineDays: number;
}

/** The settings from `env`; a value out of range is refused at start, not silently replaced. */
export function voiceSettings(env: Readonly<Record<string, string | undefined>> = process.env): VoiceSettings {
  const raw = env["TONGXING_IDEA_DEADLINE_DAYS"]?.trim();
  if (!raw) return { deadlineDays: DEFAULT_IDEA_DEADLINE_DAYS };
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new Error(`TONGXING_IDEA_DEADLINE_DAYS must be a whole number of days within 1..365, not "${raw}"`);
  return { deadlineDays: days };
}
