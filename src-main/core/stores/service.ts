import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../src-shared/contract';
import type { Store, Terminal } from '../../../src-shared/contract/stores';
import { regionLabel, resolveDistrict } from '../../../src-shared/regions';
import type { AppDatabase } from '../db/database';
import type { Drizzle } from '../db/open';
import type { AuditService } from '../audit/service';
import { changedFields } from '../audit/changed-fields';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { Actor, HandlerContext } from '../platform/context';
import { newId } from '../../../src-node/ids';
import type { OutboxService } from '../outbox/service';
import { stores, terminals } from './schema';

type StoreRow = typeof stores.$inferSelect;
type TerminalRow = typeof terminals.$inferSelect;
type StoreFieldsInput = ParsedInputOf<'stores.create'>;

function nextCode(prefix: string, taken: string[]): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const code = `${prefix}${String(n).padStart(2, '0')}`;
    if (!used.has(code)) return code;
  }
}

/** Queries on the hot path, prepared once per connection. */
const storeQueries = (db: Drizzle) => ({
  storeById: db
    .select()
    .from(stores)
    .where(eq(stores.id, sql.placeholder('id')))
    .prepare(),
  terminalById: db
    .select()
    .from(terminals)
    .where(eq(terminals.id, sql.placeholder('id')))
    .prepare(),
  terminalsOfStore: db
    .select()
    .from(terminals)
    .where(eq(terminals.storeId, sql.placeholder('storeId')))
    .orderBy(asc(terminals.code))
    .prepare(),
});

export class StoresService {
  private readonly queries: ReturnType<typeof storeQueries>;

  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {
    this.queries = storeQueries(adb.db);
  }

  list(includeInactive = false): Store[] {
    const { db } = this.adb;
    const storeRows = db
      .select()
      .from(stores)
      .where(includeInactive ? undefined : eq(stores.active, true))
      .orderBy(asc(stores.code))
      .all();
    const terminalRows = db.select().from(terminals).orderBy(asc(terminals.code)).all();
    return storeRows.map((row) =>
      this.toStore(
        row,
        terminalRows.filter((t) => t.storeId === row.id),
      ),
    );
  }

  get(id: string): Store {
    const row = this.queries.storeById.get({ id });
    if (!row) throw new AppError('NOT_FOUND', { entity: 'store', id });
    return this.toStore(row, this.terminalRowsOf(id));
  }

  /** A store's name and zone only (the till's hot path needs no terminals or region names). */
  brief(id: string): Pick<Store, 'id' | 'name' | 'timezone'> {
    const row = this.queries.storeById.get({ id });
    if (!row) throw new AppError('NOT_FOUND', { entity: 'store', id });
    return { id: row.id, name: row.name, timezone: row.timezone };
  }

  getTerminal(id: string): Terminal {
    const row = this.queries.terminalById.get({ id });
    if (!row) throw new AppError('NOT_FOUND', { entity: 'terminal', id });
    return this.toTerminal(row);
  }

  /** The store of the caller's till, else their home store, else the first store. */
  ofCaller(actor: Actor): Store | null {
    if (actor.kind === 'terminal') return this.get(actor.storeId);
    if (actor.kind === 'staff') {
      if (actor.terminalId) return this.get(this.getTerminal(actor.terminalId).storeId);
      if (actor.storeId) return this.get(actor.storeId);
    }
    return this.list()[0] ?? null;
  }

  /** Creates a store and its first terminal "T01"; call inside a write. */
  createWithin(ctx: Pick<HandlerContext, 'actor' | 'source'>, input: StoreFieldsInput) {
    const region = this.region(input.districtCode);
    const { db } = this.adb;
    const code =
      input.code ??
      nextCode(
        'S',
        db
          .select({ code: stores.code })
          .from(stores)
          .all()
          .map((s) => s.code),
      );
    this.assertStoreCodeFree(code);
    const now = this.clock.now();
    const id = newId();
    db.insert(stores)
      .values({
        id,
        code,
        name: input.name,
        provinceCode: region.province.code,
        cityCode: region.city.code,
        districtCode: region.district.code,
        address: input.address,
        lat: input.lat,
        lng: input.lng,
        coordSystem: input.coordSystem,
        businessDistrict: input.businessDistrict,
        timezone: input.timezone,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    const terminal = this.insertTerminal(id, 'T01', '1号收银台');
    this.audit.record(ctx, {
      action: 'stores.create',
      targetType: 'store',
      targetId: id,
      storeId: id,
      details: { name: input.name, code, region: regionLabel(region.district.code) },
    });
    const store = this.get(id);
    this.outbox.add('stores.changed', id, { ...store });
    this.adb.emitAfterCommit('stores.changed', { storeId: id });
    return { store, terminal };
  }

  create(ctx: HandlerContext, input: StoreFieldsInput): Store {
    return this.adb.write(() => this.createWithin(ctx, input).store);
  }

  update(ctx: HandlerContext, input: ParsedInputOf<'stores.update'>): Store {
    return this.adb.write(() => {
      const before = this.get(input.id);
      const changes: Partial<StoreRow> = { updatedAt: this.clock.now() };
      if (input.name !== undefined) changes.name = input.name;
      if (input.code !== undefined && input.code !== before.code) {
        this.assertStoreCodeFree(input.code, input.id);
        changes.code = input.code;
      }
      if (input.districtCode !== undefined) {
        const region = this.region(input.districtCode);
        changes.provinceCode = region.province.code;
        changes.cityCode = region.city.code;
        changes.districtCode = region.district.code;
      }
      if (input.address !== undefined) changes.address = input.address;
      if (input.lat !== undefined) changes.lat = input.lat;
      if (input.lng !== undefined) changes.lng = input.lng;
      if (input.coordSystem !== undefined) changes.coordSystem = input.coordSystem;
      if (input.businessDistrict !== undefined) changes.businessDistrict = input.businessDistrict;
      if (input.timezone !== undefined) changes.timezone = input.timezone;
      if (input.active !== undefined) changes.active = input.active;
      this.adb.db.update(stores).set(changes).where(eq(stores.id, input.id)).run();
      const after = this.get(input.id);
      this.audit.record(ctx, {
        action: 'stores.update',
        targetType: 'store',
        targetId: input.id,
        storeId: input.id,
        details: changedFields(before, after),
      });
      this.outbox.add('stores.changed', input.id, { ...after });
      this.adb.emitAfterCommit('stores.changed', { storeId: input.id });
      return after;
    });
  }

  createTerminal(ctx: HandlerContext, input: ParsedInputOf<'terminals.create'>): Terminal {
    return this.adb.write(() => {
      this.get(input.storeId);
      const taken = this.terminalRowsOf(input.storeId).map((t) => t.code);
      const code = input.code ?? nextCode('T', taken);
      if (taken.includes(code)) throw new AppError('DUPLICATE_CODE', { code });
      const terminal = this.insertTerminal(input.storeId, code, input.name);
      this.audit.record(ctx, {
        action: 'terminals.create',
        targetType: 'terminal',
        targetId: terminal.id,
        storeId: input.storeId,
        details: { code, name: input.name },
      });
      this.adb.emitAfterCommit('stores.changed', { storeId: input.storeId });
      return terminal;
    });
  }

  updateTerminal(ctx: HandlerContext, input: ParsedInputOf<'terminals.update'>): Terminal {
    return this.adb.write(() => {
      const before = this.getTerminal(input.id);
      const changes: Partial<TerminalRow> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.active !== undefined) changes.active = input.active;
      if (Object.keys(changes).length)
        this.adb.db.update(terminals).set(changes).where(eq(terminals.id, input.id)).run();
      const after = this.getTerminal(input.id);
      this.audit.record(ctx, {
        action: 'terminals.update',
        targetType: 'terminal',
        targetId: input.id,
        storeId: after.storeId,
        details: changedFields(before, after),
      });
      this.adb.emitAfterCommit('stores.changed', { storeId: after.storeId });
      return after;
    });
  }

  private insertTerminal(storeId: string, code: string, name: string): Terminal {
    const row: TerminalRow = {
      id: newId(),
      storeId,
      code,
      name,
      active: true,
      createdAt: this.clock.now(),
    };
    this.adb.db.insert(terminals).values(row).run();
    return this.toTerminal(row);
  }

  private assertStoreCodeFree(code: string, exceptId?: string) {
    const clash = this.adb.db
      .select({ id: stores.id })
      .from(stores)
      .where(exceptId ? and(eq(stores.code, code), ne(stores.id, exceptId)) : eq(stores.code, code))
      .get();
    if (clash) throw new AppError('DUPLICATE_CODE', { code });
  }

  private region(districtCode: string) {
    const region = resolveDistrict(districtCode);
    if (!region)
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ path: ['districtCode'], message: 'validation.region' }],
      });
    return region;
  }

  private terminalRowsOf(storeId: string) {
    return this.queries.terminalsOfStore.all({ storeId });
  }

  private toTerminal(row: TerminalRow): Terminal {
    return { ...row };
  }

  private toStore(row: StoreRow, terminalRows: TerminalRow[]): Store {
    return {
      ...row,
      regionName: regionLabel(row.districtCode),
      terminals: terminalRows.map((t) => this.toTerminal(t)),
    };
  }
}
