/**
 * The ids in the data: a company (its file name, data/companies/<id>.json), a source within a profile, a detection
 * rule and its fixtures. Lower-case letters and digits in words joined by single hyphens. The profiles' and rules'
 * schemas, the background's check of messages and the settings (sites turned off) all read this one pattern.
 */
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const isId = (value: unknown): value is string => typeof value === 'string' && ID.test(value);
