/**
 * How the dataset is laid out in IndexedDB: in shards, a few dozen companies or a few hundred domains per
 * record, instead of one record per company and per domain. Seeding then writes hundreds of records, not
 * hundreds of thousands (each IndexedDB request has a fixed cost), and a lookup still reads one small record per
 * hostname label, whatever the size of the dataset.
 */
import type { Dataset } from './dataset';
import { fnv1a } from './hash';
import { domainEntries } from '../profiles/match';
import type { CompanyProfile } from '../profiles/schema';

export const COMPANIES_PER_SHARD = 32;
export const DOMAINS_PER_SHARD = 256;

export interface Layout {
  companyShards: number;
  domainShards: number;
}

export type CompanyShard = Record<string, CompanyProfile>;
export type DomainShard = Record<string, string>;

export const shardOf = (key: string, shards: number) => fnv1a(key) % shards;

export function layoutFor(dataset: Dataset): Layout {
  const domains = dataset.companies.reduce((n, c) => n + c.domains.length, 0);
  return {
    companyShards: Math.max(1, Math.ceil(dataset.companies.length / COMPANIES_PER_SHARD)),
    domainShards: Math.max(1, Math.ceil(domains / DOMAINS_PER_SHARD)),
  };
}

/** The records to write: company shards (id → profile) and domain shards (domain → company id). */
export function shardDataset(dataset: Dataset, layout: Layout) {
  const companies = Array.from({ length: layout.companyShards }, (): CompanyShard => ({}));
  const domains = Array.from({ length: layout.domainShards }, (): DomainShard => ({}));
  for (const company of dataset.companies) {
    companies[shardOf(company.id, layout.companyShards)]![company.id] = company;
    for (const [domain, value] of domainEntries(company)) domains[shardOf(domain, layout.domainShards)]![domain] = value;
  }
  return { companies, domains };
}

/** A key's value in a shard record; own keys only, so "constructor" or "__proto__" never match. */
export const inShard = <T>(shard: Record<string, T> | undefined, key: string): T | undefined =>
  shard && Object.hasOwn(shard, key) ? shard[key] : undefined;
