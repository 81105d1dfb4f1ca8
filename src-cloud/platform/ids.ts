import { v7 } from 'uuid';

/** UUIDv7, like the desktop's ids: sortable by creation time. */
export const newId = (): string => v7();
