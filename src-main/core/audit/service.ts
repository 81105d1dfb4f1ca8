import { and, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { AuditEntry } from '../../../src-shared/contract/audit';
import type { ParsedInputOf } from '../../../src-shared/contract';
import type { AppDatabase } from '../db/database';
import type { Drizzle } from '../db/open';
import { placeholdersFor } from '../db/placeholders';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext } from '../platform/context';
import { newId } from '../../../src-node/ids';
import { terminals } from '../stores/schema';
import { auditLog } from './schema';

export interface AuditRecord {
  action: string;
  targetType?: string;
  targetId?: string;
  storeId?: string | null;
  details?: Record<string, unknown>;
  /** For events before anyone is logged in (a wrong PIN): who it was about. */
  staff?: { id: string; name: string };
  /** The till it happened at, when the actor does not say (a failed login). */
  terminalId?: string | null;
}

/** Queries on the hot path, prepared once per connection. */
const auditQueries = (db: Drizzle) => ({
  insert: db.insert(auditLog).values(placeholdersFor(auditLog)).prepare(),
  terminalById: db
    .select({ code: terminals.code, storeId: terminals.storeId })
    .from(terminals)
    .where(eq(terminals.id, sql.placeholder('id')))
    .prepare(),
});

export class AuditService {
  private readonly queries: ReturnType<typeof auditQueries>;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
  ) {
    this.queries = auditQueries(adb.db);
  }

  /** Appends one entry; call it inside the `write()` of the change it describes. */
  record(ctx: Pick<HandlerContext, 'actor' | 'source'>, record: AuditRecord): AuditEntry {
    const { actor } = ctx;
    const terminalId = record.terminalId ?? (actor.kind === 'anonymous' ? null : actor.terminalId);
    const terminal = terminalId ? this.queries.terminalById.get({ id: terminalId }) : undefined;
    const staff =
      record.staff ?? (actor.kind === 'staff' ? { id: actor.staffId, name: actor.name } : null);
    const entry: AuditEntry = {
      id: newId(),
      at: this.clock.now(),
      action: record.action,
      staffId: staff?.id ?? null,
      staffName: staff?.name ?? null,
      terminalId,
      terminalCode: terminal?.code ?? null,
      storeId:
        record.storeId ?? terminal?.storeId ?? (actor.kind === 'staff' ? actor.storeId : null),
      source: ctx.source,
      targetType: record.targetType ?? null,
      targetId: record.targetId ?? null,
      details: record.details ?? {},
    };
    this.queries.insert.run(entry);
    this.adb.emitAfterCommit('audit.appended', entry);
    return entry;
  }

  list(input: ParsedInputOf<'audit.list'>) {
    const filters: SQL[] = [];
    if (input.from !== undefined) filters.push(gte(auditLog.at, input.from));
    if (input.to !== undefined) filters.push(lte(auditLog.at, input.to));
    if (input.staffId) filters.push(eq(auditLog.staffId, input.staffId));
    if (input.terminalId) filters.push(eq(auditLog.terminalId, input.terminalId));
    if (input.storeId) filters.push(eq(auditLog.storeId, input.storeId));
    if (input.action) filters.push(eq(auditLog.action, input.action));
    if (input.before) filters.push(lt(auditLog.id, input.before));
    const rows = this.adb.db
      .select()
      .from(auditLog)
      .where(and(...filters))
      .orderBy(desc(auditLog.id))
      .limit(input.limit + 1)
      .all();
    const items = rows.slice(0, input.limit);
    return {
      items,
      nextBefore: rows.length > input.limit ? items[items.length - 1]!.id : null,
    };
  }
}
