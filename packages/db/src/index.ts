export * from './client.ts';
export * from './schema/index.ts';
export * from './search/hospital-search.ts';
