// Test helpers for the background's lookups (entrypoints/background/lookup.ts), kept out of the module that ships.
import { packagedDataset } from '@/data/storage/packaged-dataset';
import { ProfileLookup, profileLookup } from '@/entrypoints/background/lookup';

/** The background's lookups as a new worker has them: no verdict on the database yet, the usual wait. */
export function resetLookupState(): void {
  Object.assign(profileLookup, new ProfileLookup(packagedDataset));
}

/** A shorter wait for a blocked database, so a test need not wait the usual seconds. */
export function setDatabaseTimeout(ms: number): void {
  Object.assign(profileLookup, { waitMs: ms });
}
