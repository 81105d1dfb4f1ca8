import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../src-shared/contract';
import type { SyncConflict } from '../../../src-shared/contract/sync';
import { displayCode } from '../../../src-shared/coupons/codes';
import { maskPhone } from '../../../src-shared/phone';
import type { Conflict } from '../../../src-shared/sync/sync';
import { isEventKind } from '../../../src-shared/sync/events';
import type { AuditService } from '../audit/service';
import type { AppDatabase } from '../db/database';
import type { OutboxService } from '../outbox/service';
import { AppError } from '../../../src-node/app-error';
import type { Clock } from '../../../src-node/clock';
import type { HandlerContext, StaffActor } from '../platform/context';
import type { RedemptionLedger } from '../redemption/ledger';
import { syncIssues } from './schema';

/**
 * What the cloud did not take as sent, for a manager to settle: conflicts (a claim that lost to
 * another store's, decided by the cloud) and dead letters (events the cloud refused).
 */
export class SyncIssues {
  constructor(
    private readonly adb: AppDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly ledger: RedemptionLedger,
    private readonly outbox: OutboxService,
    /** The sync status changed (the counts of open issues). */
    private readonly changed: () => void,
    /** A dead letter is queued again: push it soon. */
    private readonly pushSoon: () => void,
  ) {}

  conflicts(includeResolved: boolean): SyncConflict[] {
    return this.adb.db
      .select()
      .from(syncIssues)
      .where(
        and(
          eq(syncIssues.kind, 'conflict'),
          includeResolved ? undefined : isNull(syncIssues.resolvedAt),
        ),
      )
      .orderBy(sql`${syncIssues.resolvedAt} is not null`, desc(syncIssues.createdAt))
      .all()
      .filter((row) => row.conflict)
      .map((row) => ({
        eventId: row.eventId,
        code: row.conflict!.code,
        winner: row.conflict!.winner,
        loser: row.conflict!.loser,
        createdAt: row.createdAt,
        resolvedAt: row.resolvedAt,
        resolution: row.resolution,
      }));
  }

  /**
   * The manager settles a lost claim, as the cloud decided it:
   * - a coupon redemption: the local redemption is voided here (reason `sync.conflict`), the
   *   campaign's counters give the discount back, and the coupon stays redeemed (the winner holds
   *   it). No `redemption.voided` is pushed: the cloud never counted the losing claim.
   * - a cashback payout: the code was paid twice (here and first elsewhere, usually to a consumer
   *   through the cloud). The cloud's payout stands; the one made at this counter is recorded as
   *   reversed, money to get back from whoever took it, in the conflict record and the audit log.
   *   The code's row keeps the payout made here, which is what analytics counted at this till.
   */
  resolveConflict(
    ctx: HandlerContext & { actor: StaffActor },
    input: ParsedInputOf<'sync.resolveConflict'>,
  ): SyncConflict {
    this.adb.write(() => {
      const issue = this.openIssue(input.eventId, 'conflict');
      const resolution =
        issue.conflict?.loser.kind === 'cashback'
          ? this.reverseLostPayout(ctx, issue.conflict, input.note)
          : this.voidLostRedemption(ctx, issue.conflict, input.note);
      this.adb.db
        .update(syncIssues)
        .set({ resolvedAt: this.clock.now(), resolvedBy: ctx.actor.staffId, resolution })
        .where(eq(syncIssues.eventId, issue.eventId))
        .run();
    });
    this.changed();
    return this.conflicts(true).find((c) => c.eventId === input.eventId)!;
  }

  private voidLostRedemption(
    ctx: HandlerContext & { actor: StaffActor },
    conflict: Conflict | null,
    note: string,
  ) {
    const local = conflict ? this.ledger.row(conflict.loser.redemptionId) : undefined;
    const reason = note ? `sync.conflict: ${note}` : 'sync.conflict';
    if (local?.status === 'completed')
      this.ledger.voidLost(ctx, local, {
        at: this.clock.now(),
        by: { id: ctx.actor.staffId, name: ctx.actor.name },
        reason,
      });
    this.audit.record(ctx, {
      action: 'sync.resolveConflict',
      targetType: 'redemption',
      targetId: local?.id,
      details: { code: conflict?.code, note: note || undefined },
    });
    return reason;
  }

  private reverseLostPayout(
    ctx: HandlerContext & { actor: StaffActor },
    conflict: Conflict,
    note: string,
  ) {
    const { winner, loser } = conflict;
    const reason = note ? `cashback.reversed: ${note}` : 'cashback.reversed';
    this.audit.record(ctx, {
      action: 'sync.resolveConflict',
      targetType: 'cashbackCode',
      targetId: loser.redemptionId,
      storeId: loser.storeId ?? undefined,
      details: {
        code: displayCode(conflict.code),
        outcome: 'payoutReversed',
        amountFen: loser.amountFen,
        paidHereTo: loser.phone ? maskPhone(loser.phone) : null,
        paidHereAt: loser.claimedAt,
        paidFirstTo: winner.phone ? maskPhone(winner.phone) : null,
        paidFirstVia: winner.deviceName ?? 'cloud',
        note: note || undefined,
      },
    });
    return reason;
  }

  deadLetters() {
    return this.adb.db
      .select()
      .from(syncIssues)
      .where(and(eq(syncIssues.kind, 'dead'), isNull(syncIssues.resolvedAt)))
      .orderBy(desc(syncIssues.createdAt))
      .all()
      .map((row) => ({
        eventId: row.eventId,
        eventKind: row.eventKind,
        entityId: row.entityId,
        errorCode: row.errorCode,
        errorMessage: row.errorMessage,
        createdAt: row.createdAt,
      }));
  }

  /** Back in the queue: the next round pushes it again. */
  retryDeadLetter(ctx: HandlerContext, eventId: string) {
    this.adb.write(() => {
      const issue = this.openIssue(eventId, 'dead');
      this.adb.db.delete(syncIssues).where(eq(syncIssues.eventId, eventId)).run();
      this.outbox.markUnsent(eventId);
      this.audit.record(ctx, {
        action: 'sync.retryDeadLetter',
        details: { kind: issue.eventKind },
      });
    });
    this.changed();
    this.pushSoon();
    return { eventId };
  }

  /**
   * At start-up: dead letters the cloud refused as UNKNOWN_EVENT_KIND for a kind that is in the
   * catalogue now (an older cloud, or an older desktop's kinds before the catalogue) go back in
   * the queue. They were never the user's fault; the cloud decides such an event again.
   * Returns how many.
   */
  requeueKnownKinds(): number {
    const ids = this.adb.write(() => {
      const dead = this.adb.db
        .select({ eventId: syncIssues.eventId, eventKind: syncIssues.eventKind })
        .from(syncIssues)
        .where(
          and(
            eq(syncIssues.kind, 'dead'),
            eq(syncIssues.errorCode, 'UNKNOWN_EVENT_KIND'),
            isNull(syncIssues.resolvedAt),
          ),
        )
        .all()
        .filter((row) => isEventKind(row.eventKind))
        .map((row) => row.eventId);
      for (const eventId of dead) {
        this.adb.db.delete(syncIssues).where(eq(syncIssues.eventId, eventId)).run();
        this.outbox.markUnsent(eventId);
      }
      return dead;
    });
    if (ids.length) this.changed();
    return ids.length;
  }

  discardDeadLetter(ctx: HandlerContext & { actor: StaffActor }, eventId: string) {
    this.adb.write(() => {
      const issue = this.openIssue(eventId, 'dead');
      this.adb.db
        .update(syncIssues)
        .set({
          resolvedAt: this.clock.now(),
          resolvedBy: ctx.actor.staffId,
          resolution: 'discarded',
        })
        .where(eq(syncIssues.eventId, eventId))
        .run();
      this.audit.record(ctx, {
        action: 'sync.discardDeadLetter',
        details: { kind: issue.eventKind, error: issue.errorCode },
      });
    });
    this.changed();
    return { eventId };
  }

  private openIssue(eventId: string, kind: 'conflict' | 'dead') {
    const issue = this.adb.db
      .select()
      .from(syncIssues)
      .where(
        and(
          eq(syncIssues.eventId, eventId),
          eq(syncIssues.kind, kind),
          isNull(syncIssues.resolvedAt),
        ),
      )
      .get();
    if (!issue) throw new AppError('SYNC_ISSUE_NOT_FOUND', { eventId });
    return issue;
  }
}
