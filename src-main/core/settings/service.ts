import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db/database';
import type { Clock } from '../../../src-node/clock';
import { settings } from './schema';

/** Installation facts kept in the database, so a backup of the file carries them along. */
export class SettingsService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
  ) {}

  get<T>(key: string): T | undefined {
    const row = this.adb.db.select().from(settings).where(eq(settings.key, key)).get();
    return row?.value as T | undefined;
  }

  set(key: string, value: unknown): void {
    const updatedAt = this.clock.now();
    this.adb.db
      .insert(settings)
      .values({ key, value, updatedAt })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt } })
      .run();
  }

  /** The terminal this PC is (set by the first-run wizard); logins here count as made at it. */
  deviceTerminalId(): string | null {
    return this.get<string>('device.terminalId') ?? null;
  }
}
