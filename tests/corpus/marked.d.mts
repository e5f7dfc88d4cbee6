export const MARK: string;
export function markedPids(mark: string): number[];
export function signalMarked(mark: string, signal: NodeJS.Signals): number;
