import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import { newId } from '../../src-node/ids';
import { distanceMeters, wgs84ToGcj02, type LatLng } from '../../src-shared/geo/coordinates';
import type { EndpointBody, EndpointOutput } from '../../src-shared/sync/endpoints';
import type { ConsumerOrder } from '../../src-shared/sync/tasks';
import {
  checkinVerdict,
  coarsePoint,
  impossibleSpeed,
  MAX_FIX_ACCURACY_M,
  straightLineEstimator,
  type ArrivalEstimator,
  type TravelMode,
} from '../../src-shared/tasks/rules';
import { isUniqueViolation, type CloudDb, type CloudTx } from '../db/open';
import type { ConsumerActor } from '../http/context';
import { appendEvents, type EventRow } from '../sync/event-log';
import { holdStream, type HeldStream } from '../sync/stream';
import type { ConsumerConsents } from '../wallet/consents';
import { walletCoupons } from '../wallet/coupons';
import { memberOfPhone } from '../wallet/member-card';
import { walletTemplates } from '../wallet/schema';
import { orderCode, siteCodeStore } from './codes';
import { TaskPoolLedger } from './pool';
import { checkinTasks, taskFixes, taskOrders } from './schema';
import {
  completeOrder,
  isOpen,
  lockOrder,
  orderChangedEvent,
  saveOrder,
  taskOfOrder,
} from './transitions';
import type { OrderRow, TaskRow } from './views';

/** Thrown inside a decision that must write to the merchant's stream: see TaskOrders.decide. */
const NEEDS_STREAM = Symbol('needs the merchant stream');

type Position = { lat: number; lng: number; accuracy: number; mode: TravelMode };

/**
 * The phone's side of check-in tasks: the tasks near it, accepting one (a place reserved from
 * the pool), the order with its arrival estimate, the location check-in and the scan of the
 * till's site code. Every decision holds the merchant's stream, then the pool's row.
 */
export class TaskOrders {
  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
    private readonly consents: ConsumerConsents,
    private readonly estimator: ArrivalEstimator = straightLineEstimator,
  ) {}

  /** Published tasks open now, nearest first when the phone's fix is given. */
  async nearby(
    actor: ConsumerActor,
    here: { lat?: number; lng?: number },
  ): Promise<EndpointOutput<'consumers.tasks'>> {
    const now = this.clock.now();
    const rows = await this.db
      .select({ task: checkinTasks, placesLeft: sql<number>`p.places_left`.mapWith(Number) })
      .from(checkinTasks)
      .innerJoin(
        sql`task_pools p`,
        sql`p.merchant_id = ${checkinTasks.merchantId} and p.task_id = ${checkinTasks.id}`,
      )
      .where(
        and(
          eq(checkinTasks.merchantId, actor.merchantId),
          eq(checkinTasks.status, 'published'),
          sql`${checkinTasks.deadlineAt} > ${now}`,
        ),
      );
    const mine = await this.db
      .select()
      .from(taskOrders)
      .where(
        and(
          eq(taskOrders.merchantId, actor.merchantId),
          eq(taskOrders.phone, actor.phone),
          inArray(taskOrders.state, ['accepted', 'checkedIn']),
        ),
      );
    const from =
      here.lat !== undefined && here.lng !== undefined
        ? wgs84ToGcj02({ lat: here.lat, lng: here.lng })
        : null;
    const names = await this.templateNames(rows.map((r) => r.task));
    const tasks = rows.map(({ task, placesLeft }) => ({
      id: task.id,
      title: task.title,
      description: task.description,
      target: target(task),
      distanceM: from ? Math.round(distanceMeters(from, task)) : null,
      reward: reward(task, names),
      startsAt: task.startsAt,
      deadlineAt: task.deadlineAt,
      placesLeft,
      onSiteRequired: task.onSiteRequired,
      orderId: mine.find((o) => o.taskId === task.id)?.id ?? null,
    }));
    return {
      tasks: tasks.sort(
        (a, b) =>
          (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity) || a.deadlineAt - b.deadlineAt,
      ),
    };
  }

  /**
   * Accepts a task: a place and its reward are reserved (one conditional UPDATE on the pool),
   * the order is numbered per phone (unique: at most `perPerson`). Accepting again while an
   * order is open answers that order.
   */
  async accept(
    actor: ConsumerActor,
    taskId: string,
    body: EndpointBody<'consumers.acceptTask'>,
  ): Promise<ConsumerOrder> {
    const now = this.clock.now();
    const position =
      body.lat !== undefined && body.lng !== undefined
        ? { lat: body.lat, lng: body.lng, accuracy: body.accuracy ?? 1000 }
        : null;
    const orderId = await this.decide(actor.merchantId, async (tx, stream) => {
      // Shared with other accepts; closing the task waits for them (and they for it).
      const [task] = await tx
        .select()
        .from(checkinTasks)
        .where(and(eq(checkinTasks.merchantId, actor.merchantId), eq(checkinTasks.id, taskId)))
        .for('share');
      if (!task || task.status === 'draft') throw new AppError('TASK_NOT_FOUND');
      if (task.status === 'closed' || now >= task.deadlineAt) throw new AppError('TASK_ENDED');
      if (now < task.startsAt) throw new AppError('TASK_NOT_STARTED');
      const held = await tx
        .select()
        .from(taskOrders)
        .where(
          and(
            eq(taskOrders.merchantId, actor.merchantId),
            eq(taskOrders.taskId, taskId),
            eq(taskOrders.phone, actor.phone),
          ),
        );
      const open = held.find((o) => isOpen(o.state));
      if (open) return open.id;
      if (held.length >= task.perPerson) throw new AppError('TASK_LIMIT_REACHED');
      // Points are booked to a member: a phone that is none cannot be rewarded with them.
      if (
        task.reward.kind === 'points' &&
        !(await memberOfPhone(tx, actor.merchantId, actor.phone))
      )
        throw new AppError('TASK_MEMBERS_ONLY');
      const id = newId();
      let order: OrderRow = {
        merchantId: actor.merchantId,
        id,
        taskId,
        phone: actor.phone,
        n: held.length + 1,
        state: 'accepted',
        mode: body.mode ?? 'walking',
        estimatedArrivalAt: null,
        lateRisk: false,
        distanceM: null,
        flagged: false,
        coarseLat: null,
        coarseLng: null,
        rewardClaimId: null,
        acceptedAt: now,
        checkedInAt: null,
        verifiedAt: null,
        lapsedAt: null,
      };
      if (position) order = this.estimated(task, order, position, order.mode, now);
      // The merchant hears of an order already at risk of being late.
      if (order.lateRisk && !stream) throw NEEDS_STREAM;
      if (!(await TaskPoolLedger.reserve(tx, task, id, now))) throw new AppError('TASK_FULL');
      await tx.insert(taskOrders).values(order);
      // The first fix: a check-in far from it soon after is measured against it.
      if (position)
        await tx
          .insert(taskFixes)
          .values({ merchantId: actor.merchantId, orderId: id, at: now, ...position });
      if (stream) await appendEvents(tx, [orderChangedEvent(task, order, stream, now)]);
      return id;
    });
    return this.order(actor, orderId);
  }

  async order(actor: ConsumerActor, orderId: string): Promise<ConsumerOrder> {
    const [row] = await this.db
      .select({ order: taskOrders, task: checkinTasks })
      .from(taskOrders)
      .innerJoin(checkinTasks, taskOfOrder)
      .where(
        and(
          eq(taskOrders.merchantId, actor.merchantId),
          eq(taskOrders.id, orderId),
          eq(taskOrders.phone, actor.phone),
        ),
      );
    if (!row) throw new AppError('TASK_ORDER_NOT_FOUND');
    return this.view(actor, row.task, row.order);
  }

  /** An order as the phone shows it: its task, estimate, QR while open, reward once released. */
  private async view(actor: ConsumerActor, task: TaskRow, order: OrderRow): Promise<ConsumerOrder> {
    const now = this.clock.now();
    const [coupon] = order.rewardClaimId
      ? await walletCoupons(this.db, actor.merchantId, actor.phone, {
          now,
          claimIds: [order.rewardClaimId],
        })
      : [];
    return {
      id: order.id,
      taskId: task.id,
      title: task.title,
      description: task.description,
      state: order.state,
      target: target(task),
      reward: reward(task, await this.templateNames([task])),
      startsAt: task.startsAt,
      deadlineAt: task.deadlineAt,
      onSiteRequired: task.onSiteRequired,
      distanceM: order.distanceM,
      estimate:
        order.estimatedArrivalAt === null
          ? null
          : {
              mode: order.mode,
              arrivalAt: order.estimatedArrivalAt,
              late: order.estimatedArrivalAt > task.deadlineAt,
            },
      // Shown once checked in by location: the till's scan comes after the position's gate.
      qr: order.state === 'checkedIn' ? orderCode(task.secret, order.id) : null,
      coupon: coupon ?? null,
    };
  }

  /**
   * A fix from the phone: the geo verdict (in time, precise, plausible, within the radius) and
   * a new arrival estimate. Checked in, an order without on-site verification completes; with
   * it, the order waits for the till's scan (a position is a gate, never the proof).
   */
  async checkin(
    actor: ConsumerActor,
    orderId: string,
    fix: Position,
  ): Promise<EndpointOutput<'consumers.checkin'>> {
    if (!(await this.consents.latest(actor.merchantId, actor.phone)).location)
      throw new AppError('TASK_NEEDS_LOCATION');
    const now = this.clock.now();
    const outcome = await this.decide(actor.merchantId, async (tx, stream) => {
      const found = await lockOrder(tx, actor.merchantId, orderId);
      if (!found || found.order.phone !== actor.phone) throw new AppError('TASK_ORDER_NOT_FOUND');
      const { task } = found;
      let order = found.order;
      if (order.state === 'lapsed') throw new AppError('TASK_ORDER_CLOSED', { state: order.state });
      const here = wgs84ToGcj02(fix);
      if (order.state !== 'accepted')
        return {
          verdict: 'checkedIn' as const,
          distanceM: Math.round(distanceMeters(here, task)),
          task,
          order,
        };
      // The last precise fix: a loose one (at accepting, or refused as imprecise) would give
      // the next so much benefit of the doubt that any jump passed.
      const [previous] = await tx
        .select()
        .from(taskFixes)
        .where(
          and(
            eq(taskFixes.merchantId, actor.merchantId),
            eq(taskFixes.orderId, orderId),
            lte(taskFixes.accuracy, MAX_FIX_ACCURACY_M),
          ),
        )
        .orderBy(desc(taskFixes.at))
        .limit(1);
      const { verdict, distanceM } = checkinVerdict(
        { ...pick(fix), at: now },
        { lat: task.lat, lng: task.lng, system: 'gcj02', radiusM: task.radiusM },
        task,
        previous ?? null,
      );
      const before = order;
      order = this.estimated(task, order, fix, fix.mode, now);
      order.distanceM = distanceM;
      order.flagged ||=
        previous !== undefined && impossibleSpeed(previous, { ...pick(fix), at: now });
      const completes = verdict === 'checkedIn' && !task.onSiteRequired;
      // The merchant hears of an order when it completes or its late risk appears, not of
      // every fix: only those hold the merchant's stream.
      const lateNow = verdict !== 'checkedIn' && order.lateRisk && !before.lateRisk;
      if ((completes || lateNow) && !stream) throw NEEDS_STREAM;
      await tx
        .insert(taskFixes)
        .values({ merchantId: actor.merchantId, orderId, at: now, ...pick(fix) });
      const events: EventRow[] = [];
      if (verdict === 'checkedIn') {
        const point = coarsePoint(here);
        order = {
          ...order,
          state: 'checkedIn',
          checkedInAt: now,
          lateRisk: false,
          coarseLat: point.lat,
          coarseLng: point.lng,
        };
        if (completes) order = await completeOrder(tx, stream!, task, order, now, events);
        else await saveOrder(tx, order);
      } else {
        await saveOrder(tx, order);
        if (lateNow) events.push(orderChangedEvent(task, order, stream!, now));
      }
      await appendEvents(tx, events);
      return { verdict, distanceM, task, order };
    });
    const { verdict, distanceM, task, order } = outcome;
    return { verdict, distanceM, order: await this.view(actor, task, order) };
  }

  /**
   * Runs a decision without the merchant's stream (orders of a busy task do not queue behind
   * each other); one that turns out to write an event to the PCs (`NEEDS_STREAM`) runs again
   * holding the stream, taken first as every writer of the stream takes it. Two accepts of one
   * phone that raced for its order number: the loser decides again (and finds the winner's).
   */
  private async decide<T>(
    merchantId: string,
    run: (tx: CloudTx, stream: HeldStream | null) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        try {
          return await this.db.transaction((tx) => run(tx, null));
        } catch (error) {
          if (error !== NEEDS_STREAM) throw error;
        }
        return await this.db.transaction(async (tx) => {
          const stream = await holdStream(tx, merchantId);
          const result = await run(tx, stream);
          await stream.save();
          return result;
        });
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 2) throw error;
      }
    }
  }

  /**
   * The phone scanned the till's rotating site code: the on-site verification, for an order
   * checked in by location first (the code could be photographed; the position is the gate).
   */
  async siteCheckin(actor: ConsumerActor, taskId: string, code: string): Promise<ConsumerOrder> {
    const now = this.clock.now();
    const orderId = await this.db.transaction(async (tx) => {
      const stream = await holdStream(tx, actor.merchantId);
      const [open] = await tx
        .select({ id: taskOrders.id })
        .from(taskOrders)
        .where(
          and(
            eq(taskOrders.merchantId, actor.merchantId),
            eq(taskOrders.taskId, taskId),
            eq(taskOrders.phone, actor.phone),
          ),
        )
        .orderBy(desc(taskOrders.n))
        .limit(1);
      const found = open ? await lockOrder(tx, actor.merchantId, open.id) : null;
      if (!found) throw new AppError('TASK_ORDER_NOT_FOUND');
      const { task, order } = found;
      if (order.state === 'verified') return order.id;
      const storeId = siteCodeStore(task.secret, code, now);
      if (!storeId) throw new AppError('TASK_CODE_INVALID');
      if (task.target.kind === 'store' && task.target.storeId !== storeId)
        throw new AppError('TASK_OTHER_STORE');
      if (order.state === 'accepted') throw new AppError('TASK_CHECKIN_FIRST');
      const events: EventRow[] = [];
      await completeOrder(tx, stream, task, order, now, events);
      await appendEvents(tx, events);
      await stream.save();
      return order.id;
    });
    return this.order(actor, orderId);
  }

  /** The arrival estimate from a fix (WGS-84), and whether it puts the order at risk. */
  private estimated(
    task: TaskRow,
    order: OrderRow,
    fix: LatLng,
    mode: TravelMode,
    now: number,
  ): OrderRow {
    const here = wgs84ToGcj02(fix);
    const arrivalAt = now + this.estimator.travelMs(here, task, mode);
    return {
      ...order,
      mode,
      estimatedArrivalAt: arrivalAt,
      distanceM: Math.round(distanceMeters(here, task)),
      lateRisk: arrivalAt > task.deadlineAt,
    };
  }

  private async templateNames(tasks: TaskRow[]) {
    const ids = tasks.flatMap((t) => (t.reward.kind === 'coupon' ? [t.reward.templateId] : []));
    if (!ids.length) return new Map<string, string>();
    const rows = await this.db
      .select({ id: walletTemplates.templateId, name: walletTemplates.name })
      .from(walletTemplates)
      .where(
        and(
          eq(walletTemplates.merchantId, tasks[0]!.merchantId),
          inArray(walletTemplates.templateId, ids),
        ),
      );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

const pick = (fix: { lat: number; lng: number; accuracy: number }) => ({
  lat: fix.lat,
  lng: fix.lng,
  accuracy: fix.accuracy,
});

function target(task: TaskRow) {
  return { name: task.targetName, lat: task.lat, lng: task.lng, radiusM: task.radiusM };
}

function reward(task: TaskRow, names: Map<string, string>) {
  const r = task.reward;
  return {
    kind: r.kind,
    name: r.kind === 'coupon' ? (names.get(r.templateId) ?? '') : '',
    valueFen: r.valueFen,
    points: r.kind === 'points' ? r.points : null,
  };
}
