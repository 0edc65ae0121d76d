// Breaks no rule.
export const readOsm = (): string[] => [];
