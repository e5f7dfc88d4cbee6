/**
 * The detection rules bundled into the background: every data/detection/*.json, validated at build time by
 * wxt.config.ts. Only what detection needs is kept; references and fixture names stay in the repository.
 */
import type { DetectionRule } from './types';

const files = import.meta.glob<DetectionRule>('./*.json', { eager: true, import: 'default' });

export const toRuntimeRule = ({ id, name, category, website, signals }: DetectionRule): DetectionRule => ({ id, name, category, website, signals });

export const bundledRules: DetectionRule[] = Object.values(files)
  .map(toRuntimeRule)
  .sort((a, b) => a.id.localeCompare(b.id));
