/**
 * Build-time only (Node): the dataset the package carries, made from the validated profiles and tool records,
 * with its version. wxt.config.ts writes it into the package and compiles the version into the worker;
 * vitest.config.ts gives unit tests the same version.
 */
import { makeDataset, type Dataset } from '../storage/dataset';
import { describeIssues } from './issues';
import { checkProfileDir, COMPANIES_DIR, PROFILE_ISSUES } from './profile-files';
import { TOOLS_DIR } from './tool-files';

/** `PYTHON_INSIDE_COMPANIES_DIR` / `PYTHON_INSIDE_TOOLS_DIR` swap in other data (the bench's synthetic datasets). */
export function packagedDatasetFromDisk(
  companiesDir = process.env.PYTHON_INSIDE_COMPANIES_DIR ?? COMPANIES_DIR,
  toolsDir = process.env.PYTHON_INSIDE_TOOLS_DIR ?? TOOLS_DIR,
): Dataset {
  const { profiles, tools, issues } = checkProfileDir(companiesDir, toolsDir);
  if (issues.length) throw new Error(describeIssues(PROFILE_ISSUES, issues));
  return makeDataset(profiles, tools);
}
