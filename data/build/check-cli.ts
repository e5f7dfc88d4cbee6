// `npm run data:check [-- file ...]`: validates every profile and prints what it checked.
// With file arguments, only problems that involve those files are reported (handy while several people
// edit different profiles); the whole dataset is still read, so cross-file clashes are caught.
import { relative, resolve } from 'node:path';
import { lookalikeDomains } from './domain-checks';
import { lastChange, reviewAgeIssues } from './review-age';
import { isOwnSource } from '../profiles/source-kinds';
import { describeIssues, issuesInvolving } from './issues';
import { checkProfileDir, PROFILE_ISSUES } from './profile-files';
import { checkRuleDir, RULE_ISSUES } from './rule-files';

const root = resolve(import.meta.dirname, '..', '..');
const only = process.argv.slice(2).map((f) => relative(root, resolve(f)));
const checked = checkProfileDir();
const { profiles } = checked;
const reviewIssues = reviewAgeIssues(
  checked.located.map(({ file, profile }) => ({ file, reviewed: profile.reviewed, changed: lastChange(resolve(root, file), root) })),
);
const issues = [...checked.issues, ...reviewIssues];
const relevant = only.length ? issuesInvolving(issues, only) : issues;
const ruleCheck = checkRuleDir();
const relevantRules = only.length ? issuesInvolving(ruleCheck.issues, only) : ruleCheck.issues;

if (relevant.length || relevantRules.length) {
  if (relevant.length) console.error(describeIssues(PROFILE_ISSUES, relevant));
  if (relevantRules.length) console.error(describeIssues(RULE_ISSUES, relevantRules));
  process.exit(1);
}
for (const lookalike of lookalikeDomains(checked.located)) console.warn(`warning: ${lookalike}`);
if (!ruleCheck.issues.length) {
  const signals = ruleCheck.rules.reduce((n, r) => n + r.signals.length, 0);
  console.log(`detection rules ok: ${ruleCheck.rules.length} technologies, ${signals} signals`);
}
if (issues.length) {
  console.log(`the named files are ok (${issues.length} problems elsewhere)`);
} else {
  const uses = profiles.reduce((n, p) => n + p.uses.length, 0);
  const domains = profiles.reduce((n, p) => n + p.domains.length, 0);
  const sources = profiles.flatMap((p) => p.sources);
  const own = sources.filter((s) => isOwnSource(s.kind)).length;
  const past = profiles.reduce((n, p) => n + p.uses.filter((u) => u.until !== undefined).length, 0);
  console.log(
    `data ok: ${profiles.length} profiles, ${uses} uses (${past} past), ${domains} domains, ` +
      `${sources.length} sources (${own} own, ${sources.length - own} third party), ${checked.tools.length} tools`,
  );
}
