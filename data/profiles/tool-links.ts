/**
 * Joins a profile with the records of the tools it names (data/tools/), so the card can link each tool. Runs when
 * the dataset is bundled and when profiles are loaded at build time; the checks that every name has a record are in
 * data/build/tool-files.ts.
 */
import type { CompanyProfile, Tool, ToolLink } from './schema';

export function withToolLinks(profile: CompanyProfile, tools: readonly Tool[]): CompanyProfile {
  const byName = new Map(tools.map((tool) => [tool.name, tool]));
  const toolLinks: Record<string, ToolLink> = {};
  for (const name of profile.uses.flatMap((u) => u.tools)) {
    const tool = byName.get(name);
    if (tool) toolLinks[name] = { url: tool.url, about: tool.about };
  }
  return { ...profile, toolLinks };
}
