import { asc, desc, eq, sql } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import type { AuditRecord, AuditService } from '../audit/service';
import type { CoreConfig } from '../config';
import type { AppDatabase } from '../db/database';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext, StaffActor } from '../platform/context';
import type { SettingsService } from '../settings/service';
import { staff } from '../staff/schema';
import { toStaff, type StaffService } from '../staff/service';
import type { StoresService } from '../stores/service';
import { verifyPin } from './secrets';
import type { SessionsService } from './sessions';
import { merchant } from '../setup/schema';

export class AuthService {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly config: CoreConfig,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly staffService: StaffService,
    private readonly stores: StoresService,
    private readonly settings: SettingsService,
  ) {}

  loginOptions(): OutputOf<'auth.loginOptions'> {
    const now = this.clock.now();
    const shop = this.adb.db.select().from(merchant).get();
    // This till's store first, and within it whoever logged in last: the cashier on shift is at
    // the top, the chain's other stores below.
    const terminalId = this.settings.deviceTerminalId();
    const hereStoreId = terminalId ? this.stores.getTerminal(terminalId).storeId : null;
    const atThisStore = (storeId: string | null) =>
      hereStoreId === null || storeId === null || storeId === hereStoreId;
    const people = this.adb.db
      .select()
      .from(staff)
      .where(eq(staff.active, true))
      .orderBy(
        desc(sql`${staff.lastLoginAt} IS NOT NULL`),
        desc(staff.lastLoginAt),
        asc(staff.name),
      )
      .all()
      .sort((a, b) => Number(atThisStore(b.storeId)) - Number(atThisStore(a.storeId)));
    return {
      merchantName: shop?.name ?? null,
      staff: people.map((p) => ({
        id: p.id,
        name: p.name,
        role: p.role,
        storeId: p.storeId,
        atThisStore: atThisStore(p.storeId),
        locked: p.lockedUntil !== null && p.lockedUntil > now,
        lockedUntil: p.lockedUntil !== null && p.lockedUntil > now ? p.lockedUntil : null,
      })),
    };
  }

  async login(
    ctx: HandlerContext,
    input: ParsedInputOf<'auth.login'>,
  ): Promise<OutputOf<'auth.login'>> {
    const person = this.adb.db.select().from(staff).where(eq(staff.id, input.staffId)).get();
    if (!person) throw new AppError('NOT_FOUND', { entity: 'staff', id: input.staffId });
    if (!person.active) throw new AppError('STAFF_INACTIVE');
    this.assertNotLocked(person.lockedUntil);
    const terminalId = input.terminalId ?? this.settings.deviceTerminalId();
    if (terminalId) this.stores.getTerminal(terminalId);
    const pinMatches = await verifyPin(input.pin, person.pinHash);

    const anonymous = { ...ctx, actor: { kind: 'anonymous' as const } };
    const outcome = this.adb.write(() => {
      // Re-read inside the write: parallel wrong PINs must all be counted.
      const current = this.staffService.row(person.id);
      this.assertNotLocked(current.lockedUntil);
      const now = this.clock.now();
      if (!pinMatches)
        return this.countWrongPinWithin(anonymous, current.id, {
          staff: { id: person.id, name: person.name },
          terminalId,
        });
      this.adb.db
        .update(staff)
        .set({ failedPinCount: 0, lockedUntil: null, lastLoginAt: now })
        .where(eq(staff.id, person.id))
        .run();
      const { token, sessionId } = this.sessions.startWithin(person.id, terminalId);
      this.audit.record(
        {
          source: ctx.source,
          actor: {
            kind: 'staff',
            staffId: person.id,
            name: person.name,
            role: person.role,
            storeId: person.storeId,
            sessionId,
            terminalId,
          },
        },
        { action: 'auth.login', targetType: 'staff', targetId: person.id },
      );
      return { token, staff: toStaff(this.staffService.row(person.id)) };
    });
    // The failure is committed (counted and audited) before it is reported.
    if (outcome instanceof AppError) throw outcome;
    return { ...outcome, idleTimeoutMs: this.config.sessionIdleMs };
  }

  logout(ctx: HandlerContext & { actor: StaffActor }): OutputOf<'auth.logout'> {
    this.adb.write(() => {
      this.sessions.revoke(ctx.actor.sessionId, 'logout');
      this.audit.record(ctx, {
        action: 'auth.logout',
        targetType: 'staff',
        targetId: ctx.actor.staffId,
      });
    });
    return { loggedOut: true };
  }

  session(actor: StaffActor): OutputOf<'auth.session'> {
    const terminal = actor.terminalId ? this.stores.getTerminal(actor.terminalId) : null;
    const storeId = terminal?.storeId ?? actor.storeId;
    return {
      staff: toStaff(this.staffService.row(actor.staffId)),
      terminal,
      storeId,
      storeName: storeId ? this.stores.get(storeId).name : null,
    };
  }

  /** The lock screen: the same PIN rules as login, for the staff member of this session. */
  async unlock(
    ctx: HandlerContext & { actor: StaffActor },
    pin: string,
  ): Promise<OutputOf<'auth.unlock'>> {
    const person = this.staffService.row(ctx.actor.staffId);
    this.assertNotLocked(person.lockedUntil);
    if (!(await verifyPin(pin, person.pinHash))) {
      // Counting wrong PINs here too keeps the lock screen from being a way around the lock-out.
      throw this.adb.write(() => this.countWrongPinWithin(ctx, person.id));
    }
    this.adb.write(() => {
      this.adb.db.update(staff).set({ failedPinCount: 0 }).where(eq(staff.id, person.id)).run();
      this.audit.record(ctx, { action: 'auth.unlock', targetType: 'staff', targetId: person.id });
    });
    return { unlocked: true };
  }

  /**
   * A manager or owner confirms an action at someone else's till (a void) with their PIN. Wrong
   * PINs count toward that manager's lock-out like a login.
   */
  async authorizeManager(ctx: HandlerContext, managerId: string, pin: string) {
    const manager = this.staffService.row(managerId);
    if (!manager.active) throw new AppError('STAFF_INACTIVE');
    if (manager.role === 'cashier') throw new AppError('NOT_A_MANAGER');
    this.assertNotLocked(manager.lockedUntil);
    if (!(await verifyPin(pin, manager.pinHash)))
      throw this.adb.write(() =>
        this.countWrongPinWithin(ctx, manager.id, {
          staff: { id: manager.id, name: manager.name },
        }),
      );
    return toStaff(manager);
  }

  /** Counts a wrong PIN (locking after too many) and returns the error to report once committed. */
  private countWrongPinWithin(
    ctx: Pick<HandlerContext, 'actor' | 'source'>,
    staffId: string,
    who: Pick<AuditRecord, 'staff' | 'terminalId'> = {},
  ): AppError {
    const current = this.staffService.row(staffId);
    const failures = current.failedPinCount + 1;
    const locks = failures >= this.config.pinMaxAttempts;
    const now = this.clock.now();
    this.adb.db
      .update(staff)
      .set(
        locks
          ? { failedPinCount: 0, lockedUntil: now + this.config.pinLockMs }
          : { failedPinCount: failures },
      )
      .where(eq(staff.id, staffId))
      .run();
    if (locks) this.sessions.revokeAllOf(staffId, 'locked');
    this.audit.record(ctx, {
      action: locks ? 'auth.lockedOut' : 'auth.loginFailed',
      targetType: 'staff',
      targetId: staffId,
      ...who,
      details: { failures },
    });
    return locks
      ? new AppError('STAFF_LOCKED', { minutes: Math.ceil(this.config.pinLockMs / 60_000) })
      : new AppError('WRONG_PIN', { remaining: this.config.pinMaxAttempts - failures });
  }

  private assertNotLocked(lockedUntil: number | null) {
    const now = this.clock.now();
    if (lockedUntil !== null && lockedUntil > now)
      throw new AppError('STAFF_LOCKED', {
        minutes: Math.ceil((lockedUntil - now) / 60_000),
        lockedUntil,
      });
  }
}
