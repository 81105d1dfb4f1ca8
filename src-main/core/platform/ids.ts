import { v7 } from 'uuid';

/** UUIDv7: made offline, unique across stores, and sortable by creation time. */
export const newId = (): string => v7();
