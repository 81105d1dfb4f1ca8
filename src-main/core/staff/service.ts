import { and, asc, eq, ne } from 'drizzle-orm';
import type { ParsedInputOf, Role } from '../../../src-shared/contract';
import type { Staff } from '../../../src-shared/contract/staff';
import type { AuditService } from '../audit/service';
import { hashPin } from '../auth/secrets';
import type { SessionsService } from '../auth/sessions';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext, StaffActor } from '../platform/context';
import { newId } from '../../../src-node/ids';
import { stores } from '../stores/schema';
import { changedFields } from '../audit/changed-fields';
import { staff } from './schema';

type StaffRow = typeof staff.$inferSelect;
type Ctx = HandlerContext & { actor: StaffActor };

const RANK: Record<Role, number> = { owner: 3, manager: 2, cashier: 1 };

import type { OutboxService } from '../outbox/service';
export function toStaff(row: StaffRow): Staff {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    storeId: row.storeId,
    active: row.active,
    lockedUntil: row.lockedUntil,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export class StaffService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly outbox: OutboxService,
  ) {}

  /** The cloud learns staff changes (never the PIN hash) with the change itself. */
  private announce(id: string): void {
    this.outbox.add('staff.changed', id, { ...toStaff(this.row(id)) });
  }

  list(includeInactive: boolean): Staff[] {
    return this.adb.db
      .select()
      .from(staff)
      .where(includeInactive ? undefined : eq(staff.active, true))
      .orderBy(asc(staff.createdAt))
      .all()
      .map(toStaff);
  }

  row(id: string): StaffRow {
    const row = this.adb.db.select().from(staff).where(eq(staff.id, id)).get();
    if (!row) throw new AppError('NOT_FOUND', { entity: 'staff', id });
    return row;
  }

  /** Inserts a staff member; call inside a write. The PIN hash is computed before the write. */
  insertWithin(input: {
    name: string;
    role: Role;
    pinHash: string;
    storeId: string | null;
  }): Staff {
    this.assertNameFree(input.name);
    if (input.storeId) this.assertStoreExists(input.storeId);
    const now = this.clock.now();
    const row: StaffRow = {
      id: newId(),
      ...input,
      failedPinCount: 0,
      lockedUntil: null,
      active: true,
      lastLoginAt: null,
      createdAt: now,
      updatedAt: now,
    };
    this.adb.db.insert(staff).values(row).run();
    this.announce(row.id);
    this.adb.emitAfterCommit('staff.changed', { staffId: row.id });
    return toStaff(row);
  }

  async create(ctx: Ctx, input: ParsedInputOf<'staff.create'>): Promise<Staff> {
    this.assertMayManageRole(ctx.actor, input.role);
    this.assertNameFree(input.name); // fail fast, before spending time on the hash
    const pinHash = await hashPin(input.pin);
    return this.adb.write(() => {
      const created = this.insertWithin({ ...input, pinHash });
      this.audit.record(ctx, {
        action: 'staff.create',
        targetType: 'staff',
        targetId: created.id,
        details: { name: created.name, role: created.role },
      });
      return created;
    });
  }

  update(ctx: Ctx, input: ParsedInputOf<'staff.update'>): Staff {
    return this.adb.write(() => {
      const before = this.row(input.id);
      this.assertMayManage(ctx.actor, before);
      if (input.role !== undefined) {
        this.assertMayManageRole(ctx.actor, input.role);
        if (before.id === ctx.actor.staffId && input.role !== before.role)
          throw new AppError('CANNOT_CHANGE_SELF');
        if (before.role === 'owner' && input.role !== 'owner') this.assertAnotherOwner(before.id);
      }
      if (input.name !== undefined && input.name !== before.name)
        this.assertNameFree(input.name, before.id);
      if (input.storeId) this.assertStoreExists(input.storeId);
      const changes: Partial<StaffRow> = { updatedAt: this.clock.now() };
      if (input.name !== undefined) changes.name = input.name;
      if (input.role !== undefined) changes.role = input.role;
      if (input.storeId !== undefined) changes.storeId = input.storeId;
      this.adb.db.update(staff).set(changes).where(eq(staff.id, input.id)).run();
      const after = toStaff(this.row(input.id));
      this.audit.record(ctx, {
        action: 'staff.update',
        targetType: 'staff',
        targetId: input.id,
        details: { name: after.name, ...changedFields(toStaff(before), after) },
      });
      this.announce(input.id);
      this.adb.emitAfterCommit('staff.changed', { staffId: input.id });
      return after;
    });
  }

  deactivate(ctx: Ctx, id: string): Staff {
    return this.adb.write(() => {
      const before = this.row(id);
      this.assertMayManage(ctx.actor, before);
      if (id === ctx.actor.staffId) throw new AppError('CANNOT_CHANGE_SELF');
      if (before.role === 'owner') this.assertAnotherOwner(id);
      this.setFields(id, { active: false });
      this.sessions.revokeAllOf(id, 'deactivated');
      this.audit.record(ctx, {
        action: 'staff.deactivate',
        targetType: 'staff',
        targetId: id,
        details: { name: before.name },
      });
      return toStaff(this.row(id));
    });
  }

  reactivate(ctx: Ctx, id: string): Staff {
    return this.adb.write(() => {
      const before = this.row(id);
      this.assertMayManage(ctx.actor, before);
      this.assertNameFree(before.name, id);
      this.setFields(id, { active: true, failedPinCount: 0, lockedUntil: null });
      this.audit.record(ctx, {
        action: 'staff.reactivate',
        targetType: 'staff',
        targetId: id,
        details: { name: before.name },
      });
      return toStaff(this.row(id));
    });
  }

  async resetPin(ctx: Ctx, input: ParsedInputOf<'staff.resetPin'>): Promise<Staff> {
    this.assertMayManage(ctx.actor, this.row(input.id));
    const pinHash = await hashPin(input.pin);
    return this.adb.write(() => {
      const target = this.row(input.id);
      this.setFields(input.id, { pinHash, failedPinCount: 0, lockedUntil: null });
      // Whoever knew the old PIN must not stay logged in.
      if (input.id !== ctx.actor.staffId) this.sessions.revokeAllOf(input.id, 'pin-reset');
      this.audit.record(ctx, {
        action: 'staff.resetPin',
        targetType: 'staff',
        targetId: input.id,
        details: { name: target.name, own: input.id === ctx.actor.staffId },
      });
      return toStaff(this.row(input.id));
    });
  }

  private setFields(id: string, fields: Partial<StaffRow>) {
    this.adb.db
      .update(staff)
      .set({ ...fields, updatedAt: this.clock.now() })
      .where(eq(staff.id, id))
      .run();
    this.announce(id);
    this.adb.emitAfterCommit('staff.changed', { staffId: id });
  }

  /** Owners manage everyone; managers manage cashiers only. */
  private assertMayManageRole(actor: StaffActor, role: Role) {
    if (actor.role !== 'owner' && RANK[role] >= RANK[actor.role])
      throw new AppError('FORBIDDEN', { reason: 'role', role });
  }

  private assertMayManage(actor: StaffActor, target: StaffRow) {
    if (target.id !== actor.staffId) this.assertMayManageRole(actor, target.role);
  }

  private assertAnotherOwner(exceptId: string) {
    const other = this.adb.db
      .select({ id: staff.id })
      .from(staff)
      .where(and(eq(staff.role, 'owner'), eq(staff.active, true), ne(staff.id, exceptId)))
      .get();
    if (!other) throw new AppError('LAST_OWNER');
  }

  private assertNameFree(name: string, exceptId?: string) {
    const clash = this.adb.db
      .select({ id: staff.id })
      .from(staff)
      .where(
        and(
          eq(staff.name, name),
          eq(staff.active, true),
          exceptId ? ne(staff.id, exceptId) : undefined,
        ),
      )
      .get();
    if (clash) throw new AppError('DUPLICATE_NAME', { name });
  }

  private assertStoreExists(storeId: string) {
    const store = this.adb.db
      .select({ id: stores.id })
      .from(stores)
      .where(eq(stores.id, storeId))
      .get();
    if (!store) throw new AppError('NOT_FOUND', { entity: 'store', id: storeId });
  }
}
