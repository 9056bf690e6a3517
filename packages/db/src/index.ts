export * from './bulk-insert.ts';
export * from './client.ts';
export * from './data-invariants.ts';
export * from './query-plans.ts';
export * from './schema/index.ts';
export * from './search/hospital-search.ts';
export * from './search/provider-search.ts';
export * from './search/read-model-changes.ts';
