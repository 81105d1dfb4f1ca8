import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract';
import { AppError } from '../../../src-node/app-error';
import type { AuditService } from '../audit/service';
import type { HandlerContext } from '../platform/context';
import type { SyncService } from '../sync/service';

/**
 * The desktop's side of check-in tasks: each call goes to the cloud, which keeps the tasks,
 * their pools and orders (the PC must be paired and the cloud reachable); what a manager did
 * is written to the audit log here, as every change made at this PC is.
 */
export class TasksDesk {
  constructor(
    private readonly sync: SyncService,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: HandlerContext, input: ParsedInputOf<'tasks.create'>) {
    const { data } = await this.sync.callCloud('tasks.create', { body: input });
    this.record(ctx, 'tasks.create', data.id, { title: data.title, places: data.places });
    return data;
  }

  async update(ctx: HandlerContext, { taskId, ...definition }: ParsedInputOf<'tasks.update'>) {
    const { data } = await this.sync.callCloud('tasks.update', {
      params: { taskId },
      body: definition,
    });
    this.record(ctx, 'tasks.update', taskId, { title: data.title });
    return data;
  }

  async fund(ctx: HandlerContext, { taskId, ...body }: ParsedInputOf<'tasks.fund'>) {
    const { data } = await this.sync.callCloud('tasks.fund', { params: { taskId }, body });
    this.record(ctx, 'tasks.fund', taskId, {
      title: data.task.title,
      provider: data.payment.provider,
      amountFen: data.payment.amountFen,
      reference: data.payment.reference,
    });
    return data;
  }

  async publish(ctx: HandlerContext, { taskId }: ParsedInputOf<'tasks.publish'>) {
    const { data } = await this.sync.callCloud('tasks.publish', { params: { taskId } });
    this.record(ctx, 'tasks.publish', taskId, { title: data.title });
    return data;
  }

  async close(ctx: HandlerContext, { taskId }: ParsedInputOf<'tasks.close'>) {
    const { data } = await this.sync.callCloud('tasks.close', { params: { taskId } });
    this.record(ctx, 'tasks.close', taskId, {
      title: data.title,
      refundedFen: data.pool.refunded,
    });
    return data;
  }

  async list(): Promise<OutputOf<'tasks.list'>> {
    return (await this.sync.callCloud('tasks.list')).data;
  }

  async orders({ taskId, state }: ParsedInputOf<'tasks.orders'>) {
    const { data } = await this.sync.callCloud('tasks.orders', {
      params: { taskId },
      query: state ? { state } : {},
    });
    return data;
  }

  async verify(ctx: HandlerContext, { code }: ParsedInputOf<'tasks.verify'>) {
    const { data } = await this.sync.callCloud('tasks.verify', { body: { code } });
    if (data.completedNow)
      this.record(ctx, 'tasks.verify', data.taskId, {
        title: data.title,
        orderId: data.orderId,
        phone: data.phoneMasked,
      });
    return data;
  }

  /** The QR this till shows for phones to scan: bound to the task and this till's store. */
  async siteCode({ taskId }: ParsedInputOf<'tasks.siteCode'>): Promise<OutputOf<'tasks.siteCode'>> {
    const storeId = this.sync.tillStoreId();
    if (!storeId) throw new AppError('TASK_SITE_NEEDS_TILL');
    const { data, cloudUrl } = await this.sync.callCloud('tasks.siteCode', {
      params: { taskId },
      query: { storeId },
    });
    return { ...data, url: new URL(data.path, cloudUrl).toString() };
  }

  private record(
    ctx: HandlerContext,
    action: string,
    taskId: string,
    details: Record<string, unknown>,
  ) {
    this.audit.record(ctx, {
      action,
      targetType: 'task',
      targetId: taskId,
      storeId: null,
      details,
    });
  }
}
