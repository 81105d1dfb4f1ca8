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
import type { PinAttempt, PinThrottle } from './pin-throttle';
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
    private readonly throttle: PinThrottle,
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
    // Who exists, is active or locked is public (the login screen lists it); the PIN is not.
    const person = this.adb.db.select().from(staff).where(eq(staff.id, input.staffId)).get();
    if (!person) throw new AppError('NOT_FOUND', { entity: 'staff', id: input.staffId });
    if (!person.active) throw new AppError('STAFF_INACTIVE');
    this.assertNotLocked(person.lockedUntil);
    const attempt = this.throttle.begin(ctx);
    try {
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
          return this.wrongPinWithin(anonymous, attempt, 'auth.loginFailed', {
            staffId: current.id,
            who: { staff: { id: person.id, name: person.name }, terminalId },
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
    } finally {
      attempt.end();
    }
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
      locked: actor.locked ?? false,
    };
  }

  /**
   * The lock screen, held by the server: until the PIN is given again this session answers
   * SESSION_LOCKED to everything but unlock and logout, whatever the page underneath does.
   */
  lock(ctx: HandlerContext & { actor: StaffActor }): OutputOf<'auth.lock'> {
    this.adb.write(() => {
      if (this.sessions.lockWithin(ctx.actor.sessionId))
        this.audit.record(ctx, {
          action: 'auth.lock',
          targetType: 'staff',
          targetId: ctx.actor.staffId,
        });
    });
    return { locked: true };
  }

  /**
   * Unlocks this session with its staff member's PIN. Wrong PINs slow this session (and its
   * till) down; they do not lock the staff member out elsewhere, and no lock-out blocks the
   * session's own unlock (else anyone could keep a cashier off their own till).
   */
  async unlock(
    ctx: HandlerContext & { actor: StaffActor },
    pin: string,
  ): Promise<OutputOf<'auth.unlock'>> {
    await this.confirmOwnPin(ctx, pin, 'unlock');
    this.adb.write(() => {
      this.sessions.unlockWithin(ctx.actor.sessionId);
      this.audit.record(ctx, {
        action: 'auth.unlock',
        targetType: 'staff',
        targetId: ctx.actor.staffId,
      });
    });
    return { unlocked: true };
  }

  /**
   * The logged-in staff member proves it is still them (unlock, changing their own PIN). Wrong
   * PINs count against this caller's sources only.
   */
  async confirmOwnPin(
    ctx: HandlerContext & { actor: StaffActor },
    pin: string,
    purpose: 'unlock' | 'pinChange',
  ): Promise<void> {
    const attempt = this.throttle.begin(ctx);
    try {
      const person = this.staffService.row(ctx.actor.staffId);
      if (!(await verifyPin(pin, person.pinHash)))
        throw this.adb.write(() =>
          this.wrongPinWithin(ctx, attempt, 'auth.pinFailed', { details: { purpose } }),
        );
    } finally {
      attempt.end();
    }
  }

  /**
   * A manager or owner confirms an action at someone else's till (a void) with their PIN. A
   * wrong one counts against the CALLER (its session, till, address), never as a lock-out of
   * the manager: a cashier cannot lock their manager out by typing wrong manager PINs.
   */
  async authorizeManager(ctx: HandlerContext, managerId: string, pin: string) {
    const attempt = this.throttle.begin(ctx);
    try {
      const manager = this.staffService.row(managerId);
      if (!manager.active) throw new AppError('STAFF_INACTIVE');
      if (manager.role === 'cashier') throw new AppError('NOT_A_MANAGER');
      if (!(await verifyPin(pin, manager.pinHash)))
        throw this.adb.write(() =>
          this.wrongPinWithin(ctx, attempt, 'auth.pinFailed', {
            who: { staff: { id: manager.id, name: manager.name } },
            details: { purpose: 'managerPin' },
          }),
        );
      return toStaff(manager);
    } finally {
      attempt.end();
    }
  }

  /**
   * Counts a wrong PIN against the attempt's sources and, for a login, against the staff member
   * (whose lock-out grows: 5 min, 10, 20 ... up to the max; open sessions stay alive). Returns
   * the error to report once committed.
   */
  private wrongPinWithin(
    ctx: Pick<HandlerContext, 'actor' | 'source'>,
    attempt: PinAttempt,
    action: 'auth.loginFailed' | 'auth.pinFailed',
    options: {
      staffId?: string;
      who?: Pick<AuditRecord, 'staff' | 'terminalId'>;
      details?: Record<string, unknown>;
    } = {},
  ): AppError {
    const source = this.throttle.failWithin(attempt);
    let staffRemaining = Infinity;
    let lockedMs = 0;
    let failures: number | undefined;
    if (options.staffId) {
      const current = this.staffService.row(options.staffId);
      const now = this.clock.now();
      // A lock-out long past is forgiven: the next typo starts again at 5 minutes.
      const stale =
        current.lockedUntil !== null &&
        now - current.lockedUntil > this.config.pinThrottle.forgetAfterMs;
      failures = (stale ? 0 : current.failedPinCount) + 1;
      const over = failures - this.config.pinMaxAttempts;
      staffRemaining = Math.max(0, -over);
      if (over >= 0)
        lockedMs = Math.min(this.config.pinLockMaxMs, this.config.pinLockMs * 2 ** over);
      this.adb.db
        .update(staff)
        .set({ failedPinCount: failures, ...(lockedMs ? { lockedUntil: now + lockedMs } : {}) })
        .where(eq(staff.id, options.staffId))
        .run();
    }
    const targetId = options.staffId ?? options.who?.staff?.id;
    this.audit.record(ctx, {
      action: lockedMs ? 'auth.lockedOut' : action,
      ...(targetId ? { targetType: 'staff', targetId } : {}),
      ...options.who,
      details: {
        ...options.details,
        ...(failures !== undefined ? { failures } : {}),
        ...(source.waitSeconds ? { sourceWaitSeconds: source.waitSeconds } : {}),
      },
    });
    if (lockedMs) return new AppError('STAFF_LOCKED', { minutes: Math.ceil(lockedMs / 60_000) });
    if (source.waitSeconds)
      return new AppError('PIN_TRY_LATER', { retryAfterSeconds: source.waitSeconds });
    return new AppError('WRONG_PIN', { remaining: Math.min(staffRemaining, source.remaining) });
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
