// Every table of the cloud, for drizzle-kit and the typed client. Each feature owns its tables.
export * from '../merchants/schema';
export * from '../devices/schema';
export * from '../sync/schema';
export * from '../consumers/schema';
export * from '../http/schema';
export * from '../projections/schema';
export * from '../wallet/schema';
export * from '../promotions/schema';
export * from '../shares/schema';
export * from '../tasks/schema';
export * from '../outreach/schema';
export * from '../jobs/schema';
