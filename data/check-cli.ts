// `npm run data:check`: validates every profile and prints what it checked.
import { loadValidProfiles } from './profile-files';

try {
  const profiles = loadValidProfiles();
  const uses = profiles.reduce((n, p) => n + p.uses.length, 0);
  const domains = profiles.reduce((n, p) => n + p.domains.length, 0);
  console.log(`data ok: ${profiles.length} profiles, ${uses} uses, ${domains} domains`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
