export * from './audit.ts';
export * from './calendar.ts';
export * from './capacity.ts';
export * from './ethics.ts';
export * from './identity.ts';
export * from './organisations.ts';
export * from './trials.ts';
