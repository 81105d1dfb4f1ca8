import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../src-node/app-error';
import type { Clock } from '../../src-node/clock';
import { newId } from '../../src-node/ids';
import { convert } from '../../src-shared/geo/coordinates';
import type { EndpointOutput } from '../../src-shared/sync/endpoints';
import type { TaskDefinition, TaskOrderState } from '../../src-shared/sync/tasks';
import { endOfLocalDay } from '../../src-shared/time';
import { taskShapeFailures, type TaskRuleFailure } from '../../src-shared/tasks/rules';
import type { TasksConfig } from '../config';
import type { CloudDb, CloudTx, Queryable } from '../db/open';
import type { DeviceActor } from '../http/context';
import { chainStores } from '../projections/schema';
import { appendEvents, type EventRow } from '../sync/event-log';
import { holdStream } from '../sync/stream';
import { walletTemplates } from '../wallet/schema';
import { newTaskSecret, orderCodeValid, parseOrderCode, siteCode } from './codes';
import { completeOrder, lapseOrder, lockOrder } from './transitions';
import { paymentProviders, type PaymentProviderName } from './payments';
import { TaskPoolLedger } from './pool';
import { checkinTasks, taskFixes, taskOrders, taskPayments } from './schema';
import { merchantOrderView, taskViews, type TaskRow } from './views';

/**
 * The merchant's side of check-in tasks: create and edit a draft (validated here, each broken
 * rule named), fund its pool through a payment provider, publish it once the pool covers every
 * place, close it (open orders lapse, the rest is refunded), and verify a phone's task QR at the
 * till. Every write that touches a pool holds the merchant's stream, then the pool's row.
 */
export class TasksService {
  private readonly providers;

  constructor(
    private readonly db: CloudDb,
    private readonly clock: Clock,
    config: TasksConfig,
  ) {
    this.providers = paymentProviders(config.paymentProviders);
  }

  async create(device: DeviceActor, definition: TaskDefinition) {
    const now = this.clock.now();
    const placed = await this.validate(this.db, device.merchantId, definition, now);
    const id = newId();
    await this.db.transaction(async (tx) => {
      await tx.insert(checkinTasks).values({
        merchantId: device.merchantId,
        id,
        ...this.columns(definition, placed),
        status: 'draft',
        secret: newTaskSecret(),
        createdAt: now,
        updatedAt: now,
      });
      await TaskPoolLedger.open(tx, device.merchantId, id, definition.places);
    });
    return this.view(this.db, device.merchantId, id);
  }

  /**
   * A draft may change in everything (its places follow); a published task in its words only,
   * since phones accepted it as it was.
   */
  async update(device: DeviceActor, taskId: string, definition: TaskDefinition) {
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      const task = await this.lockTask(tx, device.merchantId, taskId);
      if (task.status === 'closed') throw new AppError('TASK_CLOSED');
      if (task.status === 'published') {
        await tx
          .update(checkinTasks)
          .set({ title: definition.title, description: definition.description, updatedAt: now })
          .where(and(eq(checkinTasks.merchantId, task.merchantId), eq(checkinTasks.id, taskId)));
        return;
      }
      const placed = await this.validate(tx, device.merchantId, definition, now);
      await tx
        .update(checkinTasks)
        .set({ ...this.columns(definition, placed), updatedAt: now })
        .where(and(eq(checkinTasks.merchantId, task.merchantId), eq(checkinTasks.id, taskId)));
      await TaskPoolLedger.setPlaces(tx, device.merchantId, taskId, definition.places);
    });
    return this.view(this.db, device.merchantId, taskId);
  }

  /**
   * Asks the provider for money into the pool: by default what it lacks to cover every place
   * left. The fake provider confirms at once; a manual payment waits for the operator.
   */
  async fund(
    device: DeviceActor,
    taskId: string,
    input: { provider: PaymentProviderName; amountFen?: number },
  ): Promise<EndpointOutput<'tasks.fund'>> {
    const provider = this.providers.get(input.provider);
    if (!provider) throw new AppError('PAYMENT_PROVIDER_UNAVAILABLE', { provider: input.provider });
    const current = await this.view(this.db, device.merchantId, taskId);
    if (current.status === 'closed') throw new AppError('TASK_CLOSED');
    const rewardFen = current.reward.valueFen;
    const lacking = current.placesLeft * rewardFen - current.pool.available - current.pool.pending;
    const amountFen = input.amountFen ?? lacking;
    if (amountFen <= 0) throw new AppError('TASK_POOL_COVERED');
    const { reference, confirmed } = provider.request(amountFen);
    const paymentId = newId();
    await this.db.insert(taskPayments).values({
      merchantId: device.merchantId,
      id: paymentId,
      taskId,
      provider: provider.name,
      amountFen,
      status: 'pending',
      reference,
      createdAt: this.clock.now(),
    });
    if (confirmed) await this.confirmPayment(device.merchantId, paymentId);
    const [payment] = await this.db
      .select()
      .from(taskPayments)
      .where(and(eq(taskPayments.merchantId, device.merchantId), eq(taskPayments.id, paymentId)));
    return { payment: payment!, task: await this.view(this.db, device.merchantId, taskId) };
  }

  /**
   * The provider (or, for a manual payment, the operator) says the money arrived: the pool is
   * funded by exactly that payment, once.
   */
  async confirmPayment(merchantId: string, paymentId: string) {
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const [payment] = await tx
        .select()
        .from(taskPayments)
        .where(and(eq(taskPayments.merchantId, merchantId), eq(taskPayments.id, paymentId)))
        .for('update');
      if (!payment) throw new AppError('NOT_FOUND', { entity: 'payment', id: paymentId });
      if (payment.status === 'pending') {
        const task = await this.lockTask(tx, merchantId, payment.taskId);
        await TaskPoolLedger.lock(tx, merchantId, payment.taskId);
        await TaskPoolLedger.fund(
          tx,
          merchantId,
          payment.taskId,
          payment.amountFen,
          payment.id,
          now,
        );
        await tx
          .update(taskPayments)
          .set({ status: 'confirmed', confirmedAt: now })
          .where(and(eq(taskPayments.merchantId, merchantId), eq(taskPayments.id, paymentId)));
        // Money that arrives after its task ended goes straight back.
        if (task.status === 'closed') await this.refund(tx, task, now);
      }
      const [confirmed] = await tx
        .select()
        .from(taskPayments)
        .where(and(eq(taskPayments.merchantId, merchantId), eq(taskPayments.id, paymentId)));
      return confirmed!;
    });
  }

  /** Published when still valid and the pool covers every place; phones see it from then on. */
  async publish(device: DeviceActor, taskId: string) {
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      const task = await this.lockTask(tx, device.merchantId, taskId);
      if (task.status === 'published') return;
      if (task.status === 'closed') throw new AppError('TASK_CLOSED');
      await this.validate(tx, device.merchantId, definitionOf(task), now);
      const pool = await TaskPoolLedger.lock(tx, device.merchantId, taskId);
      const neededFen = pool.placesLeft * task.rewardFen;
      if (pool.available < neededFen)
        throw new AppError('TASK_POOL_SHORT', { neededFen, availableFen: pool.available });
      await tx
        .update(checkinTasks)
        .set({ status: 'published', publishedAt: now, updatedAt: now })
        .where(and(eq(checkinTasks.merchantId, device.merchantId), eq(checkinTasks.id, taskId)));
    });
    return this.view(this.db, device.merchantId, taskId);
  }

  /**
   * Ends a task (the merchant's choice, or its deadline passed: tasks/sweep.ts): open orders
   * lapse and give their reservation back, the pool refunds what it holds, raw fixes are deleted.
   */
  async close(merchantId: string, taskId: string) {
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      const stream = await holdStream(tx, merchantId);
      const task = await this.lockTask(tx, merchantId, taskId);
      if (task.status === 'closed') return;
      await tx
        .update(checkinTasks)
        .set({ status: 'closed', closedAt: now, updatedAt: now })
        .where(and(eq(checkinTasks.merchantId, merchantId), eq(checkinTasks.id, taskId)));
      const closed = { ...task, status: 'closed' as const };
      const open = await tx
        .select()
        .from(taskOrders)
        .where(and(eq(taskOrders.merchantId, merchantId), eq(taskOrders.taskId, taskId)));
      const events: EventRow[] = [];
      for (const order of open.filter((o) => o.state === 'accepted' || o.state === 'checkedIn'))
        events.push(await lapseOrder(tx, stream, closed, order, now));
      await this.refund(tx, closed, now);
      await dropFixes(
        tx,
        merchantId,
        open.map((o) => o.id),
      );
      await appendEvents(tx, events);
      await stream.save();
    });
    return this.view(this.db, merchantId, taskId);
  }

  async list(merchantId: string) {
    return { tasks: await taskViews(this.db, merchantId) };
  }

  async orders(merchantId: string, taskId: string, state?: TaskOrderState) {
    await this.view(this.db, merchantId, taskId);
    const rows = await this.db
      .select()
      .from(taskOrders)
      .where(
        and(
          eq(taskOrders.merchantId, merchantId),
          eq(taskOrders.taskId, taskId),
          state ? eq(taskOrders.state, state) : undefined,
        ),
      );
    return { orders: rows.sort((a, b) => b.acceptedAt - a.acceptedAt).map(merchantOrderView) };
  }

  /**
   * The till scanned a phone's task QR: the order completes and its reward is released at once;
   * a second scan answers that it was completed before. A store's task is verified at that store.
   */
  async verify(device: DeviceActor, code: string): Promise<EndpointOutput<'tasks.verify'>> {
    const parsed = parseOrderCode(code);
    if (!parsed) throw new AppError('TASK_CODE_INVALID');
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const stream = await holdStream(tx, device.merchantId);
      const found = await lockOrder(tx, device.merchantId, parsed.orderId);
      if (!found || !orderCodeValid(found.task.secret, parsed.orderId, parsed.signature))
        throw new AppError('TASK_CODE_INVALID');
      const { task, order } = found;
      if (task.target.kind === 'store' && device.storeId && task.target.storeId !== device.storeId)
        throw new AppError('TASK_OTHER_STORE');
      const answer = (completedNow: boolean) => ({
        orderId: order.id,
        taskId: task.id,
        title: task.title,
        phoneMasked: merchantOrderView(order).phoneMasked,
        completedNow,
        reward: task.reward,
      });
      if (order.state === 'verified') return answer(false);
      // A position is the gate, the scan the proof: both, in that order.
      if (order.state === 'accepted') throw new AppError('TASK_CHECKIN_FIRST');
      const events: EventRow[] = [];
      await completeOrder(tx, stream, task, order, now, events);
      await appendEvents(tx, events);
      await stream.save();
      return answer(true);
    });
  }

  /** The till's rotating QR for phones to scan, bound to the task and this till's store. */
  async siteCode(merchantCode: string, merchantId: string, taskId: string, storeId: string) {
    const [task] = await this.db
      .select()
      .from(checkinTasks)
      .where(and(eq(checkinTasks.merchantId, merchantId), eq(checkinTasks.id, taskId)));
    if (!task) throw new AppError('TASK_NOT_FOUND');
    if (task.status !== 'published') throw new AppError('TASK_NOT_OPEN');
    const { code, expiresAt } = siteCode(task.secret, storeId, this.clock.now());
    return { path: `/c/${merchantCode}/tasks/${taskId}/site?code=${code}`, expiresAt };
  }

  async view(db: Queryable, merchantId: string, taskId: string) {
    const [task] = await taskViews(db, merchantId, [taskId]);
    if (!task) throw new AppError('TASK_NOT_FOUND');
    return task;
  }

  private async refund(tx: CloudTx, task: TaskRow, now: number) {
    const paid = await tx
      .select()
      .from(taskPayments)
      .where(and(eq(taskPayments.merchantId, task.merchantId), eq(taskPayments.taskId, task.id)));
    const last = paid.filter((p) => p.status === 'confirmed').at(-1) ?? null;
    const amount = await TaskPoolLedger.refundRest(
      tx,
      task.merchantId,
      task.id,
      last?.id ?? null,
      now,
    );
    if (amount > 0 && last) this.providers.get(last.provider)?.refund(last.reference, amount);
  }

  private async lockTask(tx: CloudTx, merchantId: string, taskId: string): Promise<TaskRow> {
    const [task] = await tx
      .select()
      .from(checkinTasks)
      .where(and(eq(checkinTasks.merchantId, merchantId), eq(checkinTasks.id, taskId)))
      .for('update');
    if (!task) throw new AppError('TASK_NOT_FOUND');
    return task;
  }

  /**
   * Every rule a definition breaks, named (TASK_INVALID with `failures`), or where its target
   * is: a store's position, or the merchant's point converted to GCJ-02 (what the cloud measures in).
   */
  private async validate(db: Queryable, merchantId: string, d: TaskDefinition, now: number) {
    const failures: TaskRuleFailure[] = taskShapeFailures(
      { ...d, rewardFen: d.reward.valueFen },
      now,
    );
    let placed: { lat: number; lng: number; name: string } | null = null;
    let timezone = 'Asia/Shanghai';
    if (d.target.kind === 'store') {
      const [store] = await db
        .select()
        .from(chainStores)
        .where(
          and(eq(chainStores.merchantId, merchantId), eq(chainStores.storeId, d.target.storeId)),
        );
      if (!store) failures.push('targetStoreUnknown');
      else if (store.lat === null || store.lng === null) failures.push('targetStoreUnlocated');
      else {
        placed = { lat: store.lat, lng: store.lng, name: store.name };
        timezone = store.timezone;
      }
    } else {
      placed = { ...convert(d.target, d.target.system, 'gcj02'), name: d.target.label };
    }
    if (d.reward.kind === 'coupon') {
      const [template] = await db
        .select()
        .from(walletTemplates)
        .where(
          and(
            eq(walletTemplates.merchantId, merchantId),
            eq(walletTemplates.templateId, d.reward.templateId),
          ),
        );
      if (!template || template.status !== 'active') failures.push('rewardTemplateInactive');
      else if (
        template.validity.kind === 'fixed' &&
        endOfLocalDay(template.validity.endDate, timezone) < d.deadlineAt
      )
        failures.push('rewardTemplateEndsEarly');
    }
    if (failures.length || !placed) throw new AppError('TASK_INVALID', { failures });
    return placed;
  }

  private columns(d: TaskDefinition, placed: { lat: number; lng: number; name: string }) {
    return {
      title: d.title,
      description: d.description,
      target: d.target,
      targetName: placed.name,
      lat: placed.lat,
      lng: placed.lng,
      radiusM: d.radiusM,
      startsAt: d.startsAt,
      deadlineAt: d.deadlineAt,
      reward: d.reward,
      rewardFen: d.reward.valueFen,
      places: d.places,
      perPerson: d.perPerson,
      onSiteRequired: d.onSiteRequired,
    };
  }
}

function definitionOf(task: TaskRow): TaskDefinition {
  return {
    title: task.title,
    description: task.description,
    target: task.target,
    radiusM: task.radiusM,
    startsAt: task.startsAt,
    deadlineAt: task.deadlineAt,
    reward: task.reward,
    places: task.places,
    perPerson: task.perPerson,
    onSiteRequired: task.onSiteRequired,
  };
}

/** Raw fixes are kept while an order may still check in; its verdict and coarse point stay. */
async function dropFixes(tx: CloudTx, merchantId: string, orderIds: string[]) {
  if (orderIds.length)
    await tx
      .delete(taskFixes)
      .where(and(eq(taskFixes.merchantId, merchantId), inArray(taskFixes.orderId, orderIds)));
}
