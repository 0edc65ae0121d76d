// Breaks no rule.
export const RADIUS_M = 6_371_000;
