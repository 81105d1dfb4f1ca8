import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../src-shared/contract';
import type { ApiKey } from '../../../src-shared/contract/apiKeys';
import type { AuditService } from '../audit/service';
import { newSecret, sha256 } from '../auth/secrets';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { Actor, HandlerContext, StaffActor } from '../platform/context';
import { newId } from '../../../src-node/ids';
import { stores, terminals } from '../stores/schema';
import { apiKeys } from './schema';

type ApiKeyRow = typeof apiKeys.$inferSelect;

/** Terminal keys start with this, so the server can tell them from staff session tokens. */
export const TERMINAL_KEY_PREFIX = 'sdk_';
const LAST_USED_RESOLUTION_MS = 60_000;

const toApiKey = ({ keyHash: _hidden, ...rest }: ApiKeyRow): ApiKey => rest;

export class ApiKeysService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  list(terminalId?: string): ApiKey[] {
    return this.adb.db
      .select()
      .from(apiKeys)
      .where(terminalId ? eq(apiKeys.terminalId, terminalId) : undefined)
      .orderBy(desc(apiKeys.createdAt))
      .all()
      .map(toApiKey);
  }

  create(ctx: HandlerContext & { actor: StaffActor }, input: ParsedInputOf<'apiKeys.create'>) {
    return this.adb.write(() => {
      const terminal = this.adb.db
        .select()
        .from(terminals)
        .where(eq(terminals.id, input.terminalId))
        .get();
      if (!terminal) throw new AppError('NOT_FOUND', { entity: 'terminal', id: input.terminalId });
      const key = TERMINAL_KEY_PREFIX + newSecret();
      const row: ApiKeyRow = {
        id: newId(),
        terminalId: terminal.id,
        label: input.label,
        prefix: key.slice(0, TERMINAL_KEY_PREFIX.length + 6),
        keyHash: sha256(key),
        createdAt: this.clock.now(),
        createdBy: ctx.actor.staffId,
        lastUsedAt: null,
        revokedAt: null,
      };
      this.adb.db.insert(apiKeys).values(row).run();
      this.audit.record(ctx, {
        action: 'apiKeys.create',
        targetType: 'apiKey',
        targetId: row.id,
        storeId: terminal.storeId,
        details: { terminal: terminal.code, label: input.label, prefix: row.prefix },
      });
      return { key, apiKey: toApiKey(row) };
    });
  }

  revoke(ctx: HandlerContext, id: string): ApiKey {
    return this.adb.write(() => {
      const row = this.adb.db.select().from(apiKeys).where(eq(apiKeys.id, id)).get();
      if (!row) throw new AppError('NOT_FOUND', { entity: 'apiKey', id });
      if (row.revokedAt === null)
        this.adb.db
          .update(apiKeys)
          .set({ revokedAt: this.clock.now() })
          .where(eq(apiKeys.id, id))
          .run();
      this.audit.record(ctx, {
        action: 'apiKeys.revoke',
        targetType: 'apiKey',
        targetId: id,
        details: { label: row.label, prefix: row.prefix },
      });
      return toApiKey(this.adb.db.select().from(apiKeys).where(eq(apiKeys.id, id)).get()!);
    });
  }

  /** The terminal behind a key; revoked keys and terminals or stores out of service are refused. */
  resolve(key: string): Extract<Actor, { kind: 'terminal' }> {
    const row = this.adb.db
      .select({ key: apiKeys, terminal: terminals, store: stores })
      .from(apiKeys)
      .innerJoin(terminals, eq(terminals.id, apiKeys.terminalId))
      .innerJoin(stores, eq(stores.id, terminals.storeId))
      .where(and(eq(apiKeys.keyHash, sha256(key)), isNull(apiKeys.revokedAt)))
      .get();
    if (!row || !row.terminal.active || !row.store.active) throw new AppError('UNAUTHENTICATED');
    const now = this.clock.now();
    if (row.key.lastUsedAt === null || now - row.key.lastUsedAt > LAST_USED_RESOLUTION_MS)
      this.adb.db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.key.id)).run();
    return {
      kind: 'terminal',
      terminalId: row.terminal.id,
      storeId: row.store.id,
      apiKeyId: row.key.id,
    };
  }
}
