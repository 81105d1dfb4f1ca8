// The whole schema, one file per feature; drizzle-kit reads this list to write migrations.
export * from '../settings/schema';
export * from '../setup/schema';
export * from '../stores/schema';
export * from '../staff/schema';
export * from '../auth/schema';
export * from '../apiKeys/schema';
export * from '../audit/schema';
export * from '../products/schema';
export * from '../outbox/schema';
export * from '../coupons/schema';
export * from '../printing/schema';
export * from '../stock/schema';
export * from '../sales/schema';
export * from '../alerts/schema';
export * from '../analytics/schema';
export * from '../sync/schema';
