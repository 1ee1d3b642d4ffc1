/** The clock services read; tests replace it to move time (e.g. past a scheduled publication). */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export const toIso = (ms: number): string => new Date(ms).toISOString();
export const toIsoOrNull = (ms: number | null): string | null => (ms === null ? null : toIso(ms));
